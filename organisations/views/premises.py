"""Premises for voluntary work: the public list of rooms with its filters, each house and room
with the room's calendar and iCalendar feed; the representatives' booking requests and the
caseworkers' decisions.

Who may do what with a booking is answered once, by ``BookingQuerySet`` (``visible_to``,
``of_representative``, ``decidable_by``), through ``get_booking_for_user``: a booking outside the
user's reach is a 404, one they may read but not do this with is a 403.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, TemplateView
from icalendar import Event

from organisations import premises_services as services
from organisations.forms import BookingDecisionForm, BookingForm, PeriodForm
from organisations.models import Booking, Organisation, Photo, Premises, Room, premises_managed_by
from organisations.premises_filters import RoomFilter
from organisations.views.calendar import calendar_period
from organisations.views.directory import FilteredListView
from portal import ical

# The room's feed lists approved bookings from this long ago on …
FEED_HISTORY = datetime.timedelta(days=30)
# … and at most this many.
FEED_LIMIT = 500


# Public


class RoomListView(FilteredListView):
    template_name = "organisations/premises/room_list.html"
    filterset_class = RoomFilter
    context_object_name = "rooms"

    def base_queryset(self):
        return Room.objects.for_listing().order_by("premises__municipality__name", "premises__name", "name", "pk")


def get_premises(municipality, premises):
    return get_object_or_404(
        Premises.objects.select_related("municipality", "administration"), municipality__slug=municipality, slug=premises
    )


def get_room(municipality, premises, room):
    return get_object_or_404(
        Room.objects.select_related("premises__municipality", "premises__administration").prefetch_related("equipment"),
        premises__municipality__slug=municipality,
        premises__slug=premises,
        slug=room,
    )


class PremisesDetailView(DetailView):
    template_name = "organisations/premises/premises_detail.html"
    context_object_name = "premises"

    def get_object(self, queryset=None):
        return get_premises(self.kwargs["municipality"], self.kwargs["premises"])

    def get_context_data(self, **kwargs):
        premises = self.object
        return super().get_context_data(
            rooms=premises.rooms.prefetch_related("equipment").select_related("premises__municipality"),
            photos=premises.photos.filter(room__isnull=True),
            **kwargs,
        )


def bookable_organisations(user, room):
    """The organisations ``user`` may book ``room`` for: approved ones they represent, that the room admits."""
    return room.admitted(Organisation.objects.editable_by(user)).order_by("name", "pk")


class RoomDetailView(DetailView):
    """The room, its photos and its calendar: approved bookings by week or month, showing only the
    organisation and the time (no personal data)."""

    template_name = "organisations/premises/room_detail.html"
    context_object_name = "room"

    def get_object(self, queryset=None):
        return get_room(self.kwargs["municipality"], self.kwargs["premises"], self.kwargs["room"])

    def get_context_data(self, **kwargs):
        room = self.object
        period_form = PeriodForm(self.request.GET or None)
        cleaned = period_form.cleaned_data if period_form.is_valid() else {}
        view = cleaned.get("visning") or PeriodForm.WEEK
        day = cleaned.get("dato") or timezone.localdate()
        start, end, previous_day, next_day, heading = calendar_period(view, day)
        bookings = room.bookings.approved().between(start, end).select_related("organisation").order_by("starts_at")
        user = self.request.user
        return super().get_context_data(
            photos=room.photos.all(),
            bookings=bookings,
            period_form=period_form,
            view=view,
            heading=heading,
            previous_day=previous_day.isoformat(),
            next_day=next_day.isoformat(),
            may_book=bookable_organisations(user, room).exists(),
            **kwargs,
        )


def room_ical(request, municipality, premises, room):
    room = get_room(municipality, premises, room)
    bookings = (
        room.bookings.approved()
        .upcoming(timezone.now() - FEED_HISTORY)
        .select_related("organisation")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )
    calendar = ical.new_calendar(name=f"{room.premises.name}: {room.name}", product="lokaler")
    host = request.get_host()
    url = request.build_absolute_uri(room.get_absolute_url())
    location = f"{room.premises.name}, {room.premises.address}, {room.premises.postal_code} {room.premises.city}"
    for booking in bookings:
        event = Event()
        event.add("uid", f"booking-{booking.pk}@{host}")
        event.add("dtstamp", booking.decided_at or booking.requested_at)
        event.add("dtstart", timezone.localtime(booking.starts_at))
        event.add("dtend", timezone.localtime(booking.ends_at))
        event.add("summary", _("Booked: %(organisation)s") % {"organisation": booking.organisation.name})
        event.add("location", location)
        event.add("url", url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return ical.calendar_response(calendar, f"{room.premises.slug}-{room.slug}.ics")


def photo(request, pk):
    photo = get_object_or_404(Photo, pk=pk)
    try:
        file = photo.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # the row outlived its file (a restored database without the media)
    return FileResponse(file, content_type=photo.content_type)


# Organisations' representatives


class BookingCreateView(LoginRequiredMixin, CreateView):
    template_name = "organisations/premises/booking_form.html"
    form_class = BookingForm

    def dispatch(self, request, *args, **kwargs):
        self.room = get_room(kwargs["municipality"], kwargs["premises"], kwargs["room"])
        if request.user.is_authenticated:
            self.organisations = bookable_organisations(request.user, self.room)
            if not self.organisations.exists():
                raise PermissionDenied(_("Only representatives of an organisation that may use the room can book it."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "room": self.room, "organisations": self.organisations}

    def get_context_data(self, **kwargs):
        return super().get_context_data(room=self.room, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = services.booking_request(
                room=self.room,
                organisation=data["organisation"],
                requested_by=self.request.user,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                purpose=data["purpose"],
                expected_attendees=data["expected_attendees"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your request is sent. The municipality decides it, and you see the outcome here."))
        return redirect(self.object)


class MyBookingsView(LoginRequiredMixin, ListView):
    template_name = "organisations/premises/my_bookings.html"
    context_object_name = "bookings"

    def get_queryset(self):
        return (
            Booking.objects.of_representative(self.request.user)
            .select_related("room__premises__municipality", "organisation")
            .order_by("-starts_at", "-pk")
        )


def get_booking_for_user(user, pk, *, may="read"):
    """The booking ``pk`` if ``user`` may do ``may`` with it ("read", "cancel" or "decide"): 404 if
    they may not even read it, 403 if they may read it but not do this."""
    booking = get_object_or_404(
        Booking.objects.visible_to(user).select_related(
            "room__premises__municipality", "room__premises__administration", "organisation", "decided_by"
        ),
        pk=pk,
    )
    if may == "cancel" and not Booking.objects.of_representative(user).filter(pk=booking.pk).exists():
        raise PermissionDenied
    if may == "decide" and not Booking.objects.decidable_by(user).filter(pk=booking.pk).exists():
        raise PermissionDenied
    return booking


class BookingDetailView(LoginRequiredMixin, TemplateView):
    template_name = "organisations/premises/booking_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        booking = kwargs.pop("booking", None) or get_booking_for_user(user, self.kwargs["pk"])
        represents = Booking.objects.of_representative(user).filter(pk=booking.pk).exists()
        decides = Booking.objects.decidable_by(user).filter(pk=booking.pk).exists()
        return super().get_context_data(
            booking=booking,
            can_cancel=represents and booking.may_be_cancelled(),
            can_decide=decides and booking.is_open,
            decision_form=kwargs.pop("decision_form", None) or BookingDecisionForm(),
            **kwargs,
        )


@login_required
@require_POST
def booking_cancel(request, pk):
    booking = get_booking_for_user(request.user, pk, may="cancel")
    try:
        services.booking_cancel(booking=booking)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The booking is cancelled, and the time is free for others."))
    return redirect(booking)


# The municipality's caseworkers


class BookingRequestsView(LoginRequiredMixin, ListView):
    """The open requests of the houses the user manages, and the coming approved bookings."""

    template_name = "organisations/premises/booking_requests.html"
    context_object_name = "requests"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not premises_managed_by(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def bookings(self):
        return Booking.objects.decidable_by(self.request.user).select_related(
            "room__premises__municipality", "organisation"
        )

    def get_queryset(self):
        return self.bookings().requested().order_by("starts_at", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            approved=self.bookings().approved().upcoming().order_by("starts_at", "pk")[:50], **kwargs
        )


@login_required
@require_POST
def booking_decide(request, pk):
    booking = get_booking_for_user(request.user, pk, may="decide")
    form = BookingDecisionForm(request.POST)
    if not form.is_valid():
        view = BookingDetailView(request=request, kwargs={"pk": pk})
        return render(request, view.template_name, view.get_context_data(booking=booking, decision_form=form))
    reason = form.cleaned_data["reason"]
    try:
        if form.cleaned_data["decision"] == BookingDecisionForm.APPROVE:
            services.booking_approve(booking=booking, decided_by=request.user, reason=reason)
            messages.success(request, _("The booking is approved and shown in the room's calendar."))
        else:
            services.booking_decline(booking=booking, decided_by=request.user, reason=reason)
            messages.success(request, _("The request is declined; the organisation sees your reason."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(booking)
