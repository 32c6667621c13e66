"""The shared calendar: activities by week or month with the directory's filters, an
iCalendar feed for any filter combination and per organisation, and the representatives'
pages to publish activities."""

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView

from organisations import ical
from organisations.filters import ActivityFilter, OccurrenceFilter, start_of_day
from organisations.forms import ActivityForm, PeriodForm
from organisations.models import Activity, Occurrence
from organisations.views.directory import FilteredListView, FirstRowsPaginator, get_organisation_for_user
from organisations.views.selfservice import get_editable_organisation

# A feed lists activities still running or ended at most this long ago …
FEED_HISTORY = datetime.timedelta(days=30)
# … and at most this many, the soonest first, so that an unfiltered feed stays small.
FEED_LIMIT = 1000


def calendar_period(view, day):
    """``(start, end, previous_day, next_day, heading)`` of the week (Monday on) or month of ``day``."""
    if view == PeriodForm.MONTH:
        first = day.replace(day=1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        heading = date_format(first, "F Y").capitalize()
        return start_of_day(first), start_of_day(following), previous, following, heading
    monday = day - datetime.timedelta(days=day.weekday())
    sunday = monday + datetime.timedelta(days=6)
    year, week, _weekday = monday.isocalendar()
    heading = _("Week %(week)s, %(year)s (%(first)s–%(last)s)") % {
        "week": week,
        "year": year,
        "first": date_format(monday, "j. F"),
        "last": date_format(sunday, "j. F"),
    }
    return (
        start_of_day(monday),
        start_of_day(monday + datetime.timedelta(days=7)),
        monday - datetime.timedelta(days=7),
        monday + datetime.timedelta(days=7),
        heading,
    )


class CalendarPaginator(FirstRowsPaginator):
    # Ten pages of a week's dates; past them the page asks for a narrower search. Counting
    # further costs a read of every date counted, where the filters match one in twenty; and
    # found in start order, the first 501 dates are also the pages, fetched by pk.
    cap = 500


class CalendarView(FilteredListView):
    template_name = "organisations/calendar.html"
    filterset_class = OccurrenceFilter
    context_object_name = "occurrences"
    paginate_by = 50
    paginator_class = CalendarPaginator

    def base_queryset(self):
        return (
            Occurrence.objects.listed()
            .between(self.start, self.end)
            .for_listing()
            .order_by("starts_at", "pk")
        )

    def get_queryset(self):
        self.period_form = PeriodForm(self.request.GET or None)
        cleaned = self.period_form.cleaned_data if self.period_form.is_valid() else {}
        self.view = cleaned.get("visning") or PeriodForm.WEEK
        self.day = cleaned.get("dato") or timezone.localdate()
        self.start, self.end, self.previous_day, self.next_day, self.heading = calendar_period(self.view, self.day)
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            period_form=self.period_form,
            view=self.view,
            heading=self.heading,
            previous_day=self.previous_day.isoformat(),
            next_day=self.next_day.isoformat(),
            **kwargs,
        )


def _feed_activities(activities):
    since = timezone.now() - FEED_HISTORY
    return (
        activities.upcoming(since)
        .select_related("organisation")
        .prefetch_related("target_groups")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )


def calendar_ical(request):
    activities = ActivityFilter(request.GET or None, queryset=Activity.objects.listed()).qs
    return ical.calendar_response(
        request, _feed_activities(activities), _("Frivilligportalen: activities"), "aktiviteter.ics"
    )


def organisation_ical(request, municipality, slug):
    organisation = get_organisation_for_user(request.user, municipality, slug)
    return ical.calendar_response(
        request, _feed_activities(organisation.activities.all()), organisation.name, f"{organisation.slug}.ics"
    )


class ActivityDetailView(DetailView):
    template_name = "organisations/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self):
        return Activity.objects.visible_to(self.request.user).select_related("organisation__municipality")

    def get_context_data(self, **kwargs):
        activity = self.object
        return super().get_context_data(
            upcoming=activity.occurrences.upcoming()[:10],
            can_edit=Activity.objects.editable_by(self.request.user).filter(pk=activity.pk).exists(),
            **kwargs,
        )


class ActivityFormMixin(LoginRequiredMixin):
    model = Activity
    form_class = ActivityForm
    template_name = "organisations/activity_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def get_success_url(self):
        return self.object.get_absolute_url()


class ActivityCreateView(ActivityFormMixin, CreateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = get_editable_organisation(request.user, kwargs["municipality"], kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        messages.success(self.request, _("The activity is published in the calendar."))
        return super().form_valid(form)


def editable_activity(user, pk):
    """The activity if ``user`` represents its organisation, else 404."""
    return get_object_or_404(Activity.objects.editable_by(user).select_related("organisation__municipality"), pk=pk)


class ActivityUpdateView(ActivityFormMixin, UpdateView):
    def get_object(self, queryset=None):
        activity = editable_activity(self.request.user, self.kwargs["pk"])
        self.organisation = activity.organisation
        return activity

    def form_valid(self, form):
        messages.success(self.request, _("The activity is saved."))
        return super().form_valid(form)


class ActivityDeleteView(LoginRequiredMixin, DeleteView):
    template_name = "organisations/activity_confirm_delete.html"
    context_object_name = "activity"

    def get_object(self, queryset=None):
        return editable_activity(self.request.user, self.kwargs["pk"])

    def get_success_url(self):
        return self.object.organisation.get_absolute_url()

    def form_valid(self, form):
        messages.success(self.request, _("The activity is removed from the calendar."))
        return super().form_valid(form)
