"""The public hearing list's filters, shared by the list, its Atom feed and its iCalendar feed, so
that a filtered list and its feeds always show the same hearings."""

import django_filters
from django.utils.translation import gettext_lazy as _

from policies.models import PUBLISHED_HEARING_STATUSES, Administration, ConsultedBody, Hearing, HearingStatus


class HearingFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        label=_("Consulted body"), field_name="consulted_bodies", queryset=ConsultedBody.objects.all(),
        empty_label=_("All bodies"), distinct=True,
    )
    administration = django_filters.ModelChoiceFilter(
        label=_("Administration"), queryset=Administration.objects.select_related("municipality"),
        empty_label=_("All administrations"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status.value, status.label) for status in HearingStatus if status in PUBLISHED_HEARING_STATUSES],
        empty_label=_("All statuses"),
    )
    year = django_filters.NumberFilter(label=_("Year opened"), field_name="opens_on", lookup_expr="year", min_value=1900, max_value=2999)

    class Meta:
        model = Hearing
        fields = ["body", "administration", "status", "year"]
