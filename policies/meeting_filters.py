"""The public meeting list's filters, shared by the list and its iCalendar feed, so that a filtered
list and its feed always show the same meetings. Every combination is plain GET parameters, so it
has its own address: ``kommune`` (municipality), ``type`` (kind), ``tid`` (``kommende`` for coming,
``tidligere`` for past) and ``aar`` (the year it takes place)."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policies.models import Meeting, MeetingKind, Municipality

UPCOMING, PAST = "kommende", "tidligere"


class MeetingFilter(django_filters.FilterSet):
    kommune = django_filters.ChoiceFilter(
        label=_("Municipality"), field_name="municipality__slug", empty_label=_("All municipalities")
    )
    type = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=MeetingKind.choices, empty_label=_("All kinds")
    )
    tid = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[(UPCOMING, _("Coming meetings")), (PAST, _("Past meetings"))],
        empty_label=_("Coming and past"),
        method="filter_when",
    )
    aar = django_filters.NumberFilter(
        label=_("Year"),
        field_name="starts_at",
        lookup_expr="year",
        min_value=1900,
        max_value=2999,
        widget=forms.NumberInput(attrs={"min": 1900, "max": 2999, "inputmode": "numeric"}),
    )

    class Meta:
        model = Meeting
        fields = ["kommune", "type", "tid", "aar"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["kommune"].extra["choices"] = list(
            Municipality.objects.filter(meetings__isnull=False).distinct().order_by("name").values_list("slug", "name")
        )

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == UPCOMING:
            return queryset.upcoming(now)
        return queryset.past(now)
