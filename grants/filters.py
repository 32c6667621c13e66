"""The filters of the scheme list and the project database: plain GET parameters, so that every
choice has its own address. Danish names like the rest of the portal: ``q``, ``kommune``, ``aar``,
``forvaltning``, ``pulje``, ``felt``, ``bydel``, ``aabne``."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from grants.models import Application, GrantScheme, ReportStatus
from grants.results import scheme_label
from organisations.filters import VocabularyFilterSet
from policies.models import Administration, Municipality


def year_choices(queryset, path):
    years = queryset.order_by(f"-{path}").values_list(path, flat=True).distinct()
    return [(str(year), str(year)) for year in years]


class SchemeFilter(django_filters.FilterSet):
    kommune = django_filters.ChoiceFilter(
        label=_("Municipality"), field_name="administration__municipality__slug", empty_label=_("All municipalities")
    )
    aar = django_filters.ChoiceFilter(label=_("Year"), field_name="year", empty_label=_("All years"))
    aabne = django_filters.BooleanFilter(
        label=_("Only schemes open for applications now"), method="filter_open", widget=forms.CheckboxInput
    )

    class Meta:
        model = GrantScheme
        fields = ["kommune", "aar", "aabne"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["kommune"].extra["choices"] = list(Municipality.objects.order_by("name").values_list("slug", "name"))
        self.filters["aar"].extra["choices"] = year_choices(GrantScheme.objects.all(), "year")

    def filter_open(self, queryset, name, value):
        return queryset.open_for_applications() if value else queryset


class ProjectFilter(VocabularyFilterSet):
    """The project database: the directory's filters on the organisation (municipality, field, district,
    target group), and the grant's own: year, administration, scheme."""

    organisation_path = "organisation"
    type = None
    aar = django_filters.ChoiceFilter(label=_("Year"), field_name="scheme__year", empty_label=_("All years"))
    forvaltning = django_filters.ChoiceFilter(
        label=_("Administration"), field_name="scheme__administration", empty_label=_("All administrations")
    )
    pulje = django_filters.ChoiceFilter(label=_("Scheme"), field_name="scheme", empty_label=_("All schemes"))

    class Meta:
        model = Application
        fields = ["q", "kommune", "aar", "forvaltning", "pulje", "felt", "bydel", "maalgruppe"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        funded = Application.objects.granted()
        schemes = GrantScheme.objects.filter(pk__in=funded.values("scheme")).select_related("administration")
        administrations = Administration.objects.filter(pk__in=funded.values("scheme__administration"))
        if self.municipality:
            schemes = schemes.filter(administration__municipality__slug=self.municipality)
            administrations = administrations.filter(municipality__slug=self.municipality)
        self.filters["aar"].extra["choices"] = year_choices(funded, "scheme__year")
        self.filters["forvaltning"].extra["choices"] = [(str(a.pk), a.name) for a in administrations.order_by("name", "pk")]
        self.filters["pulje"].extra["choices"] = [
            (str(scheme.pk), scheme_label(scheme)) for scheme in schemes.order_by("-year", "name", "pk")
        ]

    def filter_search(self, queryset, name, value):
        """The project's words, its organisation's name, or the words of its approved evaluation."""
        words = Q()
        for word in value.split():
            words &= (
                Q(title__icontains=word)
                | Q(purpose__icontains=word)
                | Q(organisation__name__icontains=word)
                | Q(report__status=ReportStatus.ACCEPTED, report__evaluation__icontains=word)
            )
        return queryset.filter(words)
