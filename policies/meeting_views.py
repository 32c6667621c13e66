"""Meetings and conferences: the public list with its iCalendar feed, each meeting's page and
documents, the sign-ups of organisations and citizens, and the organiser's pages (the meeting,
its sign-ups, attendance, minutes and follow-up actions).

Who may do what is answered once, by ``MeetingQuerySet`` (``visible_to``, ``managed_by``) and
``MeetingSignupQuerySet.of_representative``, through ``get_meeting_for_user``: a meeting outside the
user's reach is a 404, one they may read but not do this with is a 403. Writes go through
``policies.meeting_services``.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.generic import FormView, TemplateView
from icalendar import Event

from organisations.models import Organisation
from organisations.views.directory import FilteredListView
from policies import meeting_services as services
from policies.documents import document_download
from policies.meeting_filters import MeetingFilter
from policies.meeting_forms import (
    AttendanceForm,
    CitizenSignupForm,
    MeetingActionForm,
    MeetingCancelForm,
    MeetingForm,
    MinutesForm,
    OrganisationSignupForm,
)
from policies.forms import show_refusal
from policies.models import Meeting, MeetingAction, MeetingSignup, organisers_for
from portal import ical

# The feed lists the meetings from this long ago on (unless a filter asks for older ones) …
FEED_HISTORY = datetime.timedelta(days=365)
# … and at most this many.
FEED_LIMIT = 500


def get_meeting_for_user(user, pk, *, may="read", queryset=None):
    """The meeting ``pk`` if ``user`` may do ``may`` with it ("read" or "manage"): 404 if they may
    not even read it, 403 if they may read it but not manage it."""
    queryset = queryset if queryset is not None else Meeting.objects.all()
    meeting = get_object_or_404(
        queryset.visible_to(user).select_related(
            "municipality", "organising_administration", "organising_body", "minutes_approved_by"
        ),
        pk=pk,
    )
    if may == "manage" and not Meeting.objects.managed_by(user).filter(pk=meeting.pk).exists():
        raise PermissionDenied
    return meeting


def public_meetings():
    return Meeting.objects.published().select_related("municipality", "organising_administration", "organising_body")


def signup_organisations(user, meeting):
    """The organisations ``user`` may sign up for ``meeting``: approved ones they represent, of the
    meeting's municipality."""
    return Organisation.objects.editable_by(user).filter(municipality=meeting.municipality_id).order_by("name", "pk")


# Public


class MeetingListView(FilteredListView):
    template_name = "policies/meetings/meeting_list.html"
    filterset_class = MeetingFilter
    context_object_name = "meetings"

    def base_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("municipality", "organising_administration", "organising_body")
            .with_seat_count()
            .soonest_first()
        )

    def get_context_data(self, **kwargs):
        administrations, bodies = organisers_for(self.request.user)
        return super().get_context_data(
            may_organise=administrations.exists() or bodies.exists(),
            query=self.request.GET.urlencode(),
            now=timezone.now(),
            **kwargs,
        )


def _event(meeting, url, stamp):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{ical.UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("last-modified", meeting.updated_at)
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    summary = meeting.title
    if meeting.is_cancelled:
        summary = _("Cancelled: %(title)s") % {"title": meeting.title}
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    event.add("summary", summary)
    event.add("location", meeting.place)
    description = [meeting.get_kind_display().capitalize(), str(meeting.organiser)]
    if meeting.description:
        description.append(meeting.description)
    description.append(url)
    event.add("description", "\n\n".join(description))
    event.add("url", url)
    event.add("categories", [meeting.get_kind_display()])
    return event


def _calendar(request, meetings, name, filename):
    calendar = ical.new_calendar(name=name, product="Meetings")
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    stamp = timezone.now()
    for meeting in meetings:
        calendar.add_component(_event(meeting, request.build_absolute_uri(meeting.get_absolute_url()), stamp))
    calendar.add_missing_timezones()
    return ical.calendar_response(calendar, filename)


@require_safe
def meeting_calendar(request):
    """The public meetings as iCalendar, filtered like the list. Without a filter for the past or a
    year, the feed begins a year back: calendar programs fetch it again and again."""
    filterset = MeetingFilter(request.GET or None, queryset=public_meetings())
    meetings = filterset.qs
    if not (filterset.is_bound and filterset.is_valid() and (filterset.form.cleaned_data.get("tid") or filterset.form.cleaned_data.get("aar"))):
        meetings = meetings.filter(ends_at__gte=timezone.now() - FEED_HISTORY)
    meetings = meetings.order_by("starts_at", "pk")[:FEED_LIMIT]
    return _calendar(request, meetings, _("Meetings · Frivilligportalen"), "moeder.ics")


@require_safe
def meeting_ical(request, pk):
    """One meeting as iCalendar, to put in one's own calendar."""
    meeting = get_meeting_for_user(request.user, pk)
    return _calendar(request, [meeting], meeting.title, f"moede-{meeting.pk}.ics")


class MeetingDetailView(TemplateView):
    template_name = "policies/meetings/meeting_detail.html"

    def get_context_data(self, **kwargs):
        user, now = self.request.user, timezone.now()
        meeting = get_meeting_for_user(
            user,
            self.kwargs["pk"],
            queryset=Meeting.objects.with_seat_count(now).prefetch_related(
                "documents",
                Prefetch("organisations_present", queryset=Organisation.objects.select_related("municipality")),
                Prefetch("actions", queryset=MeetingAction.objects.select_related("point__policy")),
            ),
        )
        may_manage = Meeting.objects.managed_by(user).filter(pk=meeting.pk).exists()
        own_signups = list(
            MeetingSignup.objects.of_representative(user).active().filter(meeting=meeting).select_related("organisation")
        )
        return super().get_context_data(
            meeting=meeting,
            now=now,
            may_manage=may_manage,
            show_record=may_manage or meeting.minutes_approved,
            signups_open=meeting.signups_open(now),
            seats_left=meeting.seats_left(now),
            own_signups=own_signups,
            may_sign_up_organisation=meeting.admits_organisations
            and signup_organisations(user, meeting).exists(),
            **kwargs,
        )


@require_safe
def meeting_document(request, pk, document):
    """A meeting's document as a download, for those who may read the meeting."""
    meeting = get_meeting_for_user(request.user, pk)
    return document_download(get_object_or_404(meeting.documents, pk=document))


# Sign-ups


class OrganisationSignupView(LoginRequiredMixin, FormView):
    """A representative signs up one of their organisations, or changes its number of participants."""

    template_name = "policies/meetings/signup_organisation.html"
    form_class = OrganisationSignupForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.meeting = get_meeting_for_user(request.user, kwargs["pk"])
        self.organisations = signup_organisations(request.user, self.meeting)
        if not self.meeting.admits_organisations or not self.organisations.exists():
            raise PermissionDenied(_("Only representatives of the municipality's organisations sign up for this meeting."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisations": self.organisations, "seats_left": self.meeting.seats_left()}

    def get_initial(self):
        signup = MeetingSignup.objects.of_representative(self.request.user).active().filter(meeting=self.meeting).first()
        if signup is not None:
            return {"organisation": signup.organisation_id, "participants": signup.participants}
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, signups_open=self.meeting.signups_open(), **kwargs)

    def form_valid(self, form):
        try:
            signup = services.signup_organisation(
                meeting=self.meeting,
                organisation=form.cleaned_data["organisation"],
                participants=form.cleaned_data["participants"],
                user=self.request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "%(organisation)s is signed up with %(count)d participant. A receipt is on its way by e-mail.",
                "%(organisation)s is signed up with %(count)d participants. A receipt is on its way by e-mail.",
                signup.participants,
            )
            % {"organisation": signup.organisation, "count": signup.participants},
        )
        return redirect(self.meeting)


@login_required
@require_POST
def organisation_signup_cancel(request, pk, signup):
    """A representative cancels their organisation's sign-up in the portal."""
    meeting = get_meeting_for_user(request.user, pk)
    signup = get_object_or_404(MeetingSignup.objects.of_representative(request.user).filter(meeting=meeting), pk=signup)
    try:
        services.signup_cancel(signup=signup)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The sign-up is cancelled, and the seats are free for others."))
    return redirect(meeting)


class CitizenSignupView(FormView):
    """A citizen signs up with name and e-mail; the seat is theirs once they follow the mailed link."""

    template_name = "policies/meetings/signup_citizen.html"
    form_class = CitizenSignupForm

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_meeting_for_user(request.user, kwargs["pk"])
        if not self.meeting.admits_citizens:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting,
            signups_open=self.meeting.signups_open(),
            seats_left=self.meeting.seats_left(),
            retention_days=settings.MEETING_SIGNUP_RETENTION_DAYS,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.signup_citizen(meeting=self.meeting, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your seat is held for two days. Follow the link we have e-mailed you to confirm the sign-up."),
        )
        return redirect(self.meeting)


@require_safe
def signup_confirm(request, token):
    """The link mailed to a citizen: the seat is theirs, and the receipt with the cancel link goes out."""
    signup = services.signup_for_confirm_token(token)
    if signup is None:
        messages.error(request, _("The link is invalid, or the sign-up was cancelled. Sign up again on the meeting's page."))
        return redirect(reverse("policies:meeting_list"))
    try:
        services.signup_confirm(signup=signup)
    except ValidationError as error:
        # The held seat was let go and taken since, or the deadline has passed.
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your sign-up is confirmed. We have e-mailed you a link to cancel it, should you need to."))
    return redirect(signup.meeting)


@require_http_methods(["GET", "POST"])
def signup_cancel_by_link(request, token):
    """The link in the e-mail: a page with one button, which gives the seat back."""
    signup = services.signup_for_cancel_token(token)
    if signup is None:
        raise Http404
    if request.method == "POST":
        try:
            services.signup_cancel(signup=signup)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The sign-up is cancelled, and the seat is free for others."))
        return redirect(signup.meeting if signup.meeting.is_published() else reverse("policies:meeting_list"))
    return render(request, "policies/meetings/signup_cancel.html", {"signup": signup, "meeting": signup.meeting})


# The organiser


class MeetingCreateView(LoginRequiredMixin, FormView):
    template_name = "policies/meetings/meeting_form.html"
    form_class = MeetingForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.administrations, self.bodies = (list(organisers) for organisers in organisers_for(request.user))
        if not (self.administrations or self.bodies):
            raise PermissionDenied(_("Caseworkers, policy owners and members of consulted bodies organise meetings."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "administrations": self.administrations, "bodies": self.bodies}

    def form_valid(self, form):
        try:
            meeting = services.meeting_create(
                organiser=form.chosen_organiser(), values=form.values(), document=form.new_document()
            )
        except ValidationError as error:
            show_refusal(form, error, MeetingForm.RENAMED)
            return self.form_invalid(form)
        messages.success(self.request, _("The meeting is saved as a draft. Publish it when it is ready."))
        return redirect(meeting)


class MeetingManageMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.meeting = get_meeting_for_user(request.user, kwargs["pk"], may="manage")
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        """Fetch what else the address names, within the meeting."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)


class MeetingUpdateView(MeetingManageMixin, FormView):
    template_name = "policies/meetings/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.meeting}

    def get_context_data(self, **kwargs):
        return super().get_context_data(documents=self.meeting.documents.all(), **kwargs)

    def form_valid(self, form):
        try:
            services.meeting_update(meeting=self.meeting, values=form.values(), document=form.new_document())
        except ValidationError as error:
            show_refusal(form, error, MeetingForm.RENAMED)
            return self.form_invalid(form)
        messages.success(self.request, _("The meeting is saved."))
        return redirect(self.meeting)


def _action(request, pk, write, done):
    meeting = get_meeting_for_user(request.user, pk, may="manage")
    try:
        write(meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(meeting)


@login_required
@require_POST
def meeting_publish(request, pk):
    return _action(
        request, pk, lambda meeting: services.meeting_publish(meeting=meeting),
        _("The meeting is published: it is on the list and in the calendar feed, and its sign-up is open."),
    )


@login_required
@require_POST
def document_remove(request, pk, document):
    meeting = get_meeting_for_user(request.user, pk, may="manage")
    document = get_object_or_404(meeting.documents, pk=document)
    try:
        services.document_remove(document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The document is removed."))
    return redirect(reverse("policies:meeting_update", kwargs={"pk": meeting.pk}))


class MeetingCancelView(MeetingManageMixin, FormView):
    template_name = "policies/meetings/meeting_cancel.html"
    form_class = MeetingCancelForm

    def form_valid(self, form):
        try:
            services.meeting_cancel(meeting=self.meeting, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            show_refusal(form, error, {"cancellation_reason": "reason"})
            return self.form_invalid(form)
        messages.success(self.request, _("The meeting is cancelled, and everyone signed up has been e-mailed."))
        return redirect(self.meeting)


class SignupListView(MeetingManageMixin, TemplateView):
    """Who has signed up: for the organisers only, as it names citizens."""

    template_name = "policies/meetings/signup_list.html"

    def get_context_data(self, **kwargs):
        signups = self.meeting.signups.select_related("organisation", "signed_up_by").order_by("status", "created_at", "pk")
        now = timezone.now()
        rows = [{"signup": signup, "holds_seat": signup.holds_seat(now)} for signup in signups]
        return super().get_context_data(
            rows=rows,
            seats_taken=sum(row["signup"].participants for row in rows if row["holds_seat"]),
            seats_left=self.meeting.seats_left(now),
            retention_days=settings.MEETING_SIGNUP_RETENTION_DAYS,
            **kwargs,
        )


class AttendanceView(MeetingManageMixin, FormView):
    """After the meeting: how many took part, and which organisations were present."""

    template_name = "policies/meetings/attendance_form.html"
    form_class = AttendanceForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.meeting}

    def get_initial(self):
        if self.meeting.attendance_count is None:
            # Suggest those signed up; the organiser ticks off who came.
            signed_up = self.meeting.signups.confirmed().of_organisations().values_list("organisation", flat=True)
            return {"organisations_present": list(signed_up)}
        return {}

    def form_valid(self, form):
        try:
            services.attendance_record(
                meeting=self.meeting,
                count=form.cleaned_data["attendance_count"],
                organisations=form.cleaned_data["organisations_present"],
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The attendance is recorded."))
        return redirect(self.meeting)


class MinutesView(MeetingManageMixin, FormView):
    """The minutes: saved as a draft for the organisers, or approved, which makes them public."""

    template_name = "policies/meetings/minutes_form.html"
    form_class = MinutesForm

    def get_initial(self):
        return {"minutes": self.meeting.minutes}

    def form_valid(self, form):
        minutes = form.cleaned_data["minutes"]
        approve = "approve" in self.request.POST
        try:
            if approve:
                services.minutes_approve(meeting=self.meeting, minutes=minutes, user=self.request.user)
            else:
                services.minutes_save(meeting=self.meeting, minutes=minutes)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        if approve:
            messages.success(self.request, _("The minutes are approved and published with the follow-up actions."))
            return redirect(self.meeting)
        messages.success(self.request, _("The minutes are saved. Only the organisers read them until they are approved."))
        return redirect(reverse("policies:meeting_minutes", kwargs={"pk": self.meeting.pk}))


class MeetingActionCreateView(MeetingManageMixin, FormView):
    template_name = "policies/meetings/action_form.html"
    form_class = MeetingActionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def form_valid(self, form):
        try:
            services.action_create(meeting=self.meeting, values=form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The follow-up action is added."))
        return redirect(reverse("policies:meeting_detail", kwargs={"pk": self.meeting.pk}) + "#opfoelgning")


class MeetingActionUpdateView(MeetingActionCreateView):
    def load(self, **kwargs):
        self.action = get_object_or_404(self.meeting.actions, pk=kwargs["action"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.action}

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.action, **kwargs)

    def form_valid(self, form):
        try:
            services.action_update(action=self.action, values=form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The follow-up action is saved."))
        return redirect(reverse("policies:meeting_detail", kwargs={"pk": self.meeting.pk}) + "#opfoelgning")


@login_required
@require_POST
def action_delete(request, pk, action):
    meeting = get_meeting_for_user(request.user, pk, may="manage")
    action = get_object_or_404(meeting.actions, pk=action)
    services.action_delete(action=action)
    messages.success(request, _("The follow-up action is removed."))
    return redirect(reverse("policies:meeting_detail", kwargs={"pk": meeting.pk}) + "#opfoelgning")

