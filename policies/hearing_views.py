"""Hearings: the public list with its feeds, each hearing's page and documents, the members'
responses, the sending administration's pages, and subscriptions to new hearings.

Who may do what is answered once, by ``HearingQuerySet`` (``visible_to``, ``managed_by``,
``consulting``) and ``HearingResponseQuerySet.readable_by``, through ``get_hearing_for_user``: a
hearing outside the user's reach is a 404, one they may read but not do this with is a 403.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from policies import services
from policies.documents import document_download
from policies.filters import HearingFilter
from policies.forms import (
    HearingConcludeForm,
    HearingExtendForm,
    HearingForm,
    HearingNoteForm,
    HearingResponseForm,
    HearingSubscriptionForm,
    show_refusal,
)
from policies.models import Administration, Hearing, HearingResponse
from portal.ical import UID_DOMAIN, all_day_event, calendar_response, new_calendar


def get_hearing_for_user(user, pk, *, may="read"):
    """The hearing ``pk`` if ``user`` may do ``may`` with it ("read", "manage" or "respond"): 404
    if they may not even read it, 403 if they may read it but not do this."""
    hearing = get_object_or_404(
        Hearing.objects.visible_to(user).select_related("administration__municipality"), pk=pk
    )
    if may == "manage" and not Hearing.objects.managed_by(user).filter(pk=hearing.pk).exists():
        raise PermissionDenied
    if may == "respond" and not Hearing.objects.consulting(user).filter(pk=hearing.pk).exists():
        raise PermissionDenied
    return hearing


def public_hearings():
    return Hearing.objects.visible_to(AnonymousUser())


# Public


class HearingListView(FilterView):
    template_name = "policies/hearings/hearing_list.html"
    filterset_class = HearingFilter
    context_object_name = "hearings"
    paginate_by = 25

    def get_queryset(self):
        return (
            Hearing.objects.visible_to(self.request.user)
            .select_related("administration")
            .prefetch_related("consulted_bodies")
        )

    def get_context_data(self, **kwargs):
        user = self.request.user
        managed = Administration.objects.filter(caseworkers=user) if user.is_authenticated else Administration.objects.none()
        query = self.request.GET.urlencode()
        return super().get_context_data(
            managed_administrations=list(managed), query=query, today=timezone.localdate(), **kwargs
        )


class MyHearingsView(LoginRequiredMixin, TemplateView):
    """The hearings the user sends (their administrations', drafts included) and those that consult
    a body they sit on, each with where the user's own response stands."""

    template_name = "policies/hearings/my_hearings.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        hearings = Hearing.objects.select_related("administration").order_by("-response_deadline", "-pk")
        # A draft is the sender's until it opens, even for the bodies it will consult.
        consulting = hearings.published().consulting(user).prefetch_related(
            Prefetch("responses", queryset=HearingResponse.objects.filter(author=user), to_attr="my_responses")
        )
        return super().get_context_data(
            sent=hearings.managed_by(user), consulting=consulting, today=timezone.localdate(), **kwargs
        )


def _filtered_public(request):
    return HearingFilter(request.GET, queryset=public_hearings()).qs.select_related("administration")


class HearingAtomFeed(Feed):
    """New hearings as Atom, filtered like the list (the same ``HearingFilter``)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return request

    def title(self):
        return _("New hearings · Frivilligportalen")

    def link(self, request):
        query = request.GET.urlencode()
        return reverse("policies:hearing_list") + (f"?{query}" if query else "")

    def subtitle(self):
        return _("Hearings opened by the municipalities' administrations.")

    def items(self, request):
        return _filtered_public(request).order_by("-opens_on", "-pk")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.opens_on, datetime.time(8)))

    def item_author_name(self, item):
        return str(item.administration)


@require_safe
def hearing_calendar(request):
    """Response deadlines as iCalendar, filtered like the list."""
    calendar = new_calendar(name=_("Hearing deadlines · Frivilligportalen"), product="Hearings")
    stamp = timezone.now()
    for hearing in _filtered_public(request).order_by("response_deadline", "pk"):
        url = request.build_absolute_uri(hearing.get_absolute_url())
        calendar.add_component(
            all_day_event(
                uid=f"hearing-{hearing.pk}@{UID_DOMAIN}",
                day=hearing.response_deadline,
                summary=_("Response deadline: %(title)s") % {"title": hearing.title},
                description=f"{hearing.administration}\n{url}",
                url=url,
                stamp=stamp,
            )
        )
    return calendar_response(calendar, "hoeringsfrister.ics")


class HearingDetailView(TemplateView):
    template_name = "policies/hearings/hearing_detail.html"

    def get_context_data(self, **kwargs):
        user, today = self.request.user, timezone.localdate()
        hearing = get_object_or_404(
            Hearing.objects.visible_to(user)
            .select_related("administration__municipality")
            .prefetch_related("consulted_bodies", "documents", "extensions__extended_by"),
            pk=self.kwargs["pk"],
        )
        responses = (
            HearingResponse.objects.readable_by(user, today)
            .submitted()
            .filter(hearing=hearing)
            .select_related("body", "author")
        )
        own = None
        if user.is_authenticated:
            own = HearingResponse.objects.filter(hearing=hearing, author=user).first()
        return super().get_context_data(
            hearing=hearing,
            today=today,
            hearing_list=list(hearing.hearing_list()),
            responses=list(responses),
            own_response=own,
            responses_public=hearing.responses_public(today),
            may_manage=Hearing.objects.managed_by(user).filter(pk=hearing.pk).exists(),
            may_respond=hearing.accepting_responses(today)
            and Hearing.objects.consulting(user, today).filter(pk=hearing.pk).exists(),
            **kwargs,
        )


@require_safe
def hearing_document(request, pk, document):
    """A hearing's document as a download, for those who may read the hearing."""
    hearing = get_hearing_for_user(request.user, pk)
    return document_download(get_object_or_404(hearing.documents, pk=document))


# Members


class HearingRespondView(LoginRequiredMixin, FormView):
    """A member's response: saved as a draft or submitted, changeable until the deadline. A late
    save is refused on the form with the text kept, so that it can be copied."""

    template_name = "policies/hearings/response_form.html"
    form_class = HearingResponseForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.hearing = get_hearing_for_user(request.user, kwargs["pk"], may="respond")
        self.response = HearingResponse.objects.filter(hearing=self.hearing, author=request.user).first()
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"text": self.response.text} if self.response else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            hearing=self.hearing, response=self.response, today=timezone.localdate(), **kwargs
        )

    def form_valid(self, form):
        write = services.response_submit if "submit" in self.request.POST else services.response_save
        try:
            saved = write(hearing=self.hearing, author=self.request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("text", message)
            return self.form_invalid(form)
        if saved.status == "submitted":
            messages.success(self.request, _("Your response is submitted. You can change it until the deadline."))
        else:
            messages.success(self.request, _("Your response is saved as a draft. Remember to submit it."))
        return redirect(reverse("policies:hearing_respond", kwargs={"pk": self.hearing.pk}))


# The sending administration


class HearingCreateView(LoginRequiredMixin, FormView):
    template_name = "policies/hearings/hearing_form.html"
    form_class = HearingForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.administration = get_object_or_404(
            Administration.objects.filter(caseworkers=request.user).select_related("municipality"),
            slug=kwargs["administration"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": Hearing(administration=self.administration),
            "municipality": self.administration.municipality,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(administration=self.administration, **kwargs)

    def form_valid(self, form):
        try:
            hearing = services.hearing_create(
                administration=self.administration, bodies=form.bodies(), values=form.values(),
                document=form.new_document(),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The hearing is saved as a draft. Open it when it is ready."))
        return redirect(hearing.get_absolute_url())


class HearingManageMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.hearing = get_hearing_for_user(request.user, kwargs["pk"], may="manage")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(hearing=self.hearing, **kwargs)


class HearingUpdateView(HearingManageMixin, FormView):
    template_name = "policies/hearings/hearing_form.html"
    form_class = HearingForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.hearing,
            "municipality": self.hearing.administration.municipality,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(administration=self.hearing.administration, **kwargs)

    def form_valid(self, form):
        try:
            services.hearing_update(
                hearing=self.hearing, bodies=form.bodies(), values=form.values(), document=form.new_document()
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The hearing is saved."))
        return redirect(self.hearing.get_absolute_url())


class HearingExtendView(HearingManageMixin, FormView):
    template_name = "policies/hearings/hearing_extend.html"
    form_class = HearingExtendForm

    def form_valid(self, form):
        try:
            services.hearing_extend(hearing=self.hearing, user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error, {"response_deadline": "new_deadline"})
            return self.form_invalid(form)
        messages.success(self.request, _("The response deadline is extended."))
        return redirect(self.hearing.get_absolute_url())


def _action(request, pk, write, done):
    hearing = get_hearing_for_user(request.user, pk, may="manage")
    try:
        write(hearing)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(hearing.get_absolute_url())


@login_required
@require_POST
def hearing_open(request, pk):
    return _action(
        request, pk, lambda hearing: services.hearing_open(hearing=hearing),
        _("The hearing is open, and the members of the consulted bodies have been e-mailed."),
    )


@login_required
@require_POST
def hearing_close(request, pk):
    return _action(
        request, pk, lambda hearing: services.hearing_close(hearing=hearing),
        _("The hearing is closed. Write the hearing note next."),
    )


class HearingNoteView(HearingManageMixin, TemplateView):
    """After the deadline: the hearing note, and concluding the hearing with the decision."""

    template_name = "policies/hearings/hearing_note.html"

    def responses(self):
        return self.hearing.responses.submitted().select_related("body", "author")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", HearingNoteForm(hearing=self.hearing, responses=self.responses()))
        kwargs.setdefault("conclude_form", HearingConcludeForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if "conclude" in request.POST:
            form = HearingConcludeForm(request.POST)
            if form.is_valid():
                try:
                    services.hearing_conclude(hearing=self.hearing, **form.cleaned_data)
                except ValidationError as error:
                    show_refusal(form, error, {})
                else:
                    messages.success(request, _("The hearing is concluded."))
                    return redirect(self.hearing.get_absolute_url())
            return self.render_to_response(self.get_context_data(conclude_form=form))
        form = HearingNoteForm(request.POST, hearing=self.hearing, responses=self.responses())
        if form.is_valid():
            try:
                services.hearing_note_save(
                    hearing=self.hearing, note=form.cleaned_data["hearing_note"], considerations=form.considerations()
                )
            except ValidationError as error:
                show_refusal(form, error, {})
            else:
                messages.success(request, _("The hearing note is saved."))
                return redirect(reverse("policies:hearing_note", kwargs={"pk": self.hearing.pk}))
        return self.render_to_response(self.get_context_data(form=form))


# Subscriptions


class HearingSubscribeView(FormView):
    template_name = "policies/hearings/subscribe.html"
    form_class = HearingSubscriptionForm

    def form_valid(self, form):
        services.subscription_create(**form.cleaned_data)
        messages.success(
            self.request, _("We have e-mailed you a link. Your subscription starts when you follow it.")
        )
        return redirect(reverse("policies:hearing_list"))


@require_safe
def hearing_subscription_confirm(request, token):
    subscription = services.subscription_confirm(token=token)
    if subscription is None:
        messages.error(request, _("The link is invalid or too old. Subscribe again to get a new one."))
        return redirect(reverse("policies:hearing_subscribe"))
    messages.success(request, _("Your subscription is confirmed: we e-mail you when a new hearing opens."))
    return redirect(reverse("policies:hearing_list"))


# The signed token is the key, so a mail program's one-click POST (RFC 8058) needs no CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def hearing_unsubscribe(request, token):
    """One button (or the mail program's one-click POST): the subscription ends."""
    if request.method == "POST":
        if services.subscription_delete(token=token):
            messages.success(request, _("You are unsubscribed and will receive no more e-mails about new hearings."))
        else:
            messages.info(request, _("There is no subscription at this link: you are already unsubscribed."))
        return redirect(reverse("policies:hearing_list"))
    return render(request, "policies/hearings/unsubscribe.html", {"token": token})
