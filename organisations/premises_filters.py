"""The premises list's filters: every combination is plain GET parameters, so has its own address.

``kommune`` (municipality), ``pladser`` (seats at least), ``adgang`` (accessibility, each one
chosen must be there) and ``udstyr`` (equipment, each one chosen must be there)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Equipment, Room
from policies.models import Municipality

# Each accessibility parameter value and the room's field that says so.
ACCESSIBILITY = {
    "niveaufri": ("step_free_access", _("Step-free access")),
    "teleslynge": ("hearing_loop", _("Hearing loop")),
    "handicaptoilet": ("accessible_toilet", _("Accessible toilet")),
}


class RoomFilter(django_filters.FilterSet):
    kommune = django_filters.ChoiceFilter(
        label=_("Municipality"), field_name="premises__municipality__slug", empty_label=_("All municipalities")
    )
    pladser = django_filters.NumberFilter(
        label=_("Room for at least (people)"),
        field_name="capacity",
        lookup_expr="gte",
        min_value=1,
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
    )
    adgang = django_filters.MultipleChoiceFilter(
        label=_("Accessibility"),
        choices=[(value, label) for value, (_field, label) in ACCESSIBILITY.items()],
        method="filter_accessibility",
        widget=forms.CheckboxSelectMultiple,
    )
    udstyr = django_filters.MultipleChoiceFilter(
        label=_("Equipment"), method="filter_equipment", widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Room
        fields = ["kommune", "pladser", "adgang", "udstyr"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["kommune"].extra["choices"] = list(
            Municipality.objects.filter(premises__isnull=False).distinct().order_by("name").values_list("slug", "name")
        )
        self.filters["udstyr"].extra["choices"] = list(Equipment.objects.order_by("name").values_list("slug", "name"))

    def filter_accessibility(self, queryset, name, values):
        return queryset.filter(**{ACCESSIBILITY[value][0]: True for value in values})

    def filter_equipment(self, queryset, name, values):
        through = Room.equipment.through
        for slug in values:
            queryset = queryset.filter(pk__in=through.objects.filter(equipment__slug=slug).values("room_id"))
        return queryset
