"""The directory's and the calendar's filters: one FilterSet per list, used by the pages,
the exports, the iCalendar feed and the open-data API alike, so that every filter
combination means the same everywhere and has its own URL (plain GET parameters).

The parameter names are Danish, like the portal's addresses: ``q``, ``kommune``,
``type``, ``maalgruppe``, ``felt``, ``bydel``, ``sortering``.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, F, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from organisations.forms import QuickSelect
from organisations.models import (
    Activity,
    District,
    FieldOfActivity,
    Occurrence,
    Organisation,
    OrganisationKind,
    TargetGroup,
)
from organisations.search import Search, danish_order, has_term, is_postgresql, term_token
from policies.models import Municipality

# Each vocabulary's parameter, the organisation's relation to it, and its model.
VOCABULARIES = {
    model.parameter: (relation, model)
    for relation, model in [
        ("target_groups", TargetGroup),
        ("fields_of_activity", FieldOfActivity),
        ("districts", District),
    ]
}


def vocabulary_choices(model, municipality_slug=None, slug=None):
    """A term per slug: a municipality's own terms, or every municipality's merged by slug,
    so that "aeldre" means the target group "Ældre" wherever it is kept (or only ``slug``)."""
    terms = model.objects.all()
    if municipality_slug is not None:
        terms = terms.filter(municipality__slug=municipality_slug)
    if slug is not None:
        terms = terms.filter(slug=slug)
    # One row per slug, named by its first name alphabetically (98 municipalities keep ~1,200 terms).
    merged = terms.values("slug").annotate(first_name=Min("name")).order_by("first_name", "slug")
    return [(term["slug"], term["first_name"]) for term in merged]


def organisations_with_term(relation, slug):
    """The ids of the organisations with the term, straight from the link table."""
    field = Organisation._meta.get_field(relation)
    through = field.remote_field.through
    term = field.m2m_reverse_field_name()
    return through.objects.filter(**{f"{term}__slug": slug}).values(field.m2m_field_name())


class VocabularyFilterSet(django_filters.FilterSet):
    """What the directory and the calendar share: free text, municipality and the vocabularies."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. ældre, motion, lektiehjælp")}),
    )
    kommune = django_filters.ChoiceFilter(
        label=_("Municipality"), method="filter_municipality", empty_label=_("All municipalities"), widget=QuickSelect
    )
    type = django_filters.ChoiceFilter(
        label=_("Kind"),
        method="filter_kind",
        choices=OrganisationKind.choices,
        empty_label=_("All kinds"),
        widget=QuickSelect,
    )
    maalgruppe = django_filters.ChoiceFilter(
        label=_("Target group"), method="filter_term", empty_label=_("All target groups"), widget=QuickSelect
    )
    felt = django_filters.ChoiceFilter(
        label=_("Field of activity"), method="filter_term", empty_label=_("All fields"), widget=QuickSelect
    )
    bydel = django_filters.ChoiceFilter(
        label=_("District"), method="filter_term", empty_label=_("All districts"), widget=QuickSelect
    )

    # The path from the filtered rows to their organisation ("" for organisations themselves),
    # and to their municipality where they have one of their own.
    organisation_path = ""
    municipality_path = None
    # The pages offer the municipalities and terms to choose from; the API takes any slug.
    offer_choices = True

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if not self.offer_choices:
            return
        municipalities = list(Municipality.objects.order_by("name").values_list("slug", "name"))
        self.filters["kommune"].extra["choices"] = municipalities
        chosen = (self.data or {}).get("kommune")
        self.municipality = chosen if chosen in dict(municipalities) else None
        for name, (_relation, model) in VOCABULARIES.items():
            if name == "bydel" and self.municipality is None:
                # Districts belong to one municipality: hundreds of them across the country help
                # nobody. Any district is still a valid value, so the one asked for is looked up.
                chosen = (self.data or {}).get("bydel")
                choices = vocabulary_choices(model, slug=chosen) if chosen else []
            else:
                choices = vocabulary_choices(model, self.municipality)
            self.filters[name].extra["choices"] = choices

    @property
    def form(self):
        form = super().form
        if self.offer_choices and self.municipality is None:
            form.fields["bydel"].help_text = _("Choose a municipality to see its districts.")
        return form

    def _organisation(self, lookup):
        return f"{self.organisation_path}__{lookup}" if self.organisation_path else lookup

    def organisations_where(self, queryset, condition):
        """``queryset`` narrowed to the rows whose organisation meets ``condition`` (a ``Q`` on
        organisations): directly, or through the ids of the organisations that meet it."""
        if not self.organisation_path:
            return queryset.filter(condition)
        organisations = Organisation.objects.filter(condition).values("pk")
        return queryset.filter(**{self._organisation("in"): organisations})

    # The type hints tell the OpenAPI schema what each parameter takes.
    def filter_municipality(self, queryset, name, value: str):
        if self.municipality_path:
            return queryset.filter(**{f"{self.municipality_path}__slug": value})
        return self.organisations_where(queryset, Q(municipality__slug=value))

    def filter_kind(self, queryset, name, value: str):
        if is_postgresql(queryset.db):
            return self.organisations_where(queryset, Q(has_term(term_token("type", value))))
        return self.organisations_where(queryset, Q(kind=value))

    def filter_term(self, queryset, name, value: str):
        if is_postgresql(queryset.db):
            return self.organisations_where(queryset, Q(has_term(term_token(name, value))))
        relation, _model = VOCABULARIES[name]
        return self.organisations_where(queryset, Q(pk__in=organisations_with_term(relation, value)))


class DirectoryFilter(VocabularyFilterSet):
    SORTS = [
        ("relevans", _("best match")),
        ("navn", _("name, A–Å")),
        ("-navn", _("name, Å–A")),
        ("opdateret", _("recently updated")),
        ("frivillige", _("most volunteers")),
    ]
    @staticmethod
    def ordering(sort, db):
        name = danish_order("name", db)
        return {
            "navn": [name.asc(), "pk"],
            "-navn": [name.desc(), "-pk"],
            "opdateret": ["-updated_at", "pk"],
            "frivillige": [F("volunteers_count").desc(nulls_last=True), name.asc(), "pk"],
            "relevans": ["-rank", name.asc(), "pk"],
        }[sort]

    sortering = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORTS, method="filter_sort", empty_label=None, null_label=None, widget=QuickSelect
    )

    class Meta:
        model = Organisation
        fields = ["q", "kommune", "type", "maalgruppe", "felt", "bydel", "sortering"]

    def __init__(self, data=None, *args, rank_at_most=None, **kwargs):
        """``rank_at_most``: by relevance, rank only so many of the matches (the best, see
        ``Search.best``); the pages count no further either. ``None`` ranks every match, as
        the exports and the open data do."""
        super().__init__(data, *args, **kwargs)
        self.rank_at_most = rank_at_most
        self.words = None
        self.ranked = None  # the pks ranked, when only the best were

    def filter_search(self, queryset, name, value):
        self.words = Search(value, queryset.db)
        return self.words.filter(queryset)

    def filter_sort(self, queryset, name, value):
        return queryset  # ordering is applied last, in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sortering") or "relevans"
        if sort == "relevans" and not self.words:
            sort = "navn"  # without words to match, every row is as relevant as the next
        if sort == "relevans" and self.rank_at_most is not None and self.words.full_text:
            # Only the best matches are ranked; the rest of the filters are already in them.
            self.ranked = self.words.best(queryset, self.rank_at_most)
            queryset = self.queryset.filter(pk__in=self.ranked)
        if sort == "relevans":
            queryset = queryset.annotate(rank=self.words.rank())
        return queryset.order_by(*self.ordering(sort, queryset.db))


class ActivityFilter(VocabularyFilterSet):
    """The calendar: the directory's filters on the organisation; target group on the activity.

    Filters activities, or (with ``activity_path = "activity"``) their occurrences, so that
    the calendar narrows the dated rows themselves in one query."""

    activity_path = ""

    class Meta:
        model = Activity
        fields = ["q", "kommune", "type", "maalgruppe", "felt", "bydel"]

    # Activities and their occurrences alike have their organisation at hand.
    organisation_path = "organisation"

    def _activity(self, lookup):
        return f"{self.activity_path}__{lookup}" if self.activity_path else lookup

    def filter_search(self, queryset, name, value):
        """The activity's title, description and place, and its organisation's name: every
        word, or a close spelling of it (``organisations.search.Search``). On PostgreSQL the
        occurrences carry these words as a vector; an activity matches when its dates do."""
        words = Search(value, queryset.db)
        if not words:
            return queryset
        condition = words.condition(texts=(self._activity("search_text"), self._organisation("search_name")))
        if self.activity_path or not words.full_text:
            return queryset.filter(condition)
        return queryset.filter(Exists(Occurrence.objects.filter(condition, activity=OuterRef("pk"))))

    def filter_term(self, queryset, name, value: str):
        if name == TargetGroup.parameter and self.activity_path and is_postgresql(queryset.db):
            return queryset.filter(has_term(term_token(name, value)))  # the dates carry their activity's
        if name == TargetGroup.parameter:
            through = Activity.target_groups.through
            activities = through.objects.filter(targetgroup__slug=value).values("activity_id")
            return queryset.filter(**{self._activity("pk__in"): activities})
        return super().filter_term(queryset, name, value)


class OccurrenceFilter(ActivityFilter):
    """The calendar page's filters, applied to the occurrences of the activities."""

    activity_path = "activity"
    municipality_path = "municipality"

    class Meta(ActivityFilter.Meta):
        model = Occurrence


# Dates outside these are taken as these, so that no date typed makes a datetime overflow.
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(9000, 12, 31)


def start_of_day(day):
    day = min(max(day, EARLIEST), LATEST)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class ActivityPeriodFilter(ActivityFilter):
    """The calendar's filters with a period, for the open data: ``fra`` and ``til`` keep the
    activities taking place on some day between the two dates (both included)."""

    fra = django_filters.DateFilter(label=_("From (date)"), method="filter_from")
    til = django_filters.DateFilter(label=_("Until (date)"), method="filter_until")

    class Meta(ActivityFilter.Meta):
        fields = [*ActivityFilter.Meta.fields, "fra", "til"]

    def filter_from(self, queryset, name, value):
        return queryset.upcoming(start_of_day(value))

    def filter_until(self, queryset, name, value):
        return queryset.filter(starts_at__lt=start_of_day(min(value, LATEST) + datetime.timedelta(days=1)))


@extend_schema_field({"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"})
class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


@extend_schema_field({"type": "string", "pattern": "^[^\\x00]*$"})
class TextFilter(django_filters.CharFilter):
    """Free text; a NUL character is refused (no database stores one)."""


class OpenDataFilters(django_filters.FilterSet):
    """The API's version of the filters: any slug is a valid value (an unknown one simply
    matches nothing), so that the schema can state what a valid request is."""

    offer_choices = False
    q = TextFilter(label=_("Search"), method="filter_search")
    kommune = SlugFilter(label=_("Municipality"), method="filter_municipality")
    maalgruppe = SlugFilter(label=_("Target group"), method="filter_term")
    felt = SlugFilter(label=_("Field of activity"), method="filter_term")
    bydel = SlugFilter(label=_("District"), method="filter_term")


class OrganisationApiFilter(OpenDataFilters, DirectoryFilter):
    class Meta(DirectoryFilter.Meta):
        pass


class ActivityApiFilter(OpenDataFilters, ActivityPeriodFilter):
    class Meta(ActivityPeriodFilter.Meta):
        pass
