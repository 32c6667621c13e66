"""The public directory (vejviser) and each organisation's page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView

from organisations import exports
from organisations.filters import DirectoryFilter
from organisations.models import Occurrence, Organisation
from organisations.search import danish_order


class CappedPaginator(Paginator):
    """Counts no further than ``cap`` rows: counting 100,000 matches costs more than finding
    the first twenty, and nobody pages that far. Past the cap the page says "more than"."""

    cap = 1000

    @cached_property
    def count(self):
        # Unordered: which rows are counted does not matter, and ordering them (by rank, say)
        # would cost as much as the count saves.
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self):
        return self.count > self.cap


class FilteredListView(ListView):
    """A list narrowed by a FilterSet from the query string; a bad page number shows the
    nearest page rather than an error, and a bad filter value is reported on its field."""

    filterset_class = None
    paginate_by = 20
    page_kwarg = "side"
    paginator_class = CappedPaginator

    def base_queryset(self):
        raise NotImplementedError

    def get_filterset_kwargs(self):
        return {"queryset": self.base_queryset()}

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET or None, **self.get_filterset_kwargs())
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        return context


class FirstRows:
    """The first rows of an ordered queryset, for a paginator: their pks found in one query,
    where all the filtering is paid for, and each page then fetched by pk, in order."""

    def __init__(self, queryset, limit):
        self.queryset = queryset
        self.pks = list(queryset.values_list("pk", flat=True)[:limit])

    def __len__(self):
        return len(self.pks)

    def count(self):
        return len(self.pks)

    def __getitem__(self, page):
        return self.queryset.filter(pk__in=self.pks[page])


class FirstRowsPaginator(CappedPaginator):
    """A capped paginator whose count and pages share one search for the first rows, where
    counting and listing would each search (``FirstRows``)."""

    def __init__(self, object_list, *args, **kwargs):
        super().__init__(FirstRows(object_list, self.cap + 1), *args, **kwargs)

    @cached_property
    def count(self):
        return len(self.object_list)


def directory_queryset():
    """The listed organisations in Danish alphabetical order, the order of a directory
    searched for nothing (the filters order the rest)."""
    return Organisation.objects.listed().for_listing().order_by(danish_order("name").asc(), "pk")


class DirectoryView(FilteredListView):
    template_name = "organisations/directory.html"
    filterset_class = DirectoryFilter
    context_object_name = "organisations"

    def base_queryset(self):
        return directory_queryset()

    def get_filterset_kwargs(self):
        # Rank no more matches than the page counts: one more tells it to say "more than".
        return {**super().get_filterset_kwargs(), "rank_at_most": self.paginator_class.cap + 1}

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.filterset.ranked is not None:
            paginator.count = len(self.filterset.ranked)  # known already, no need to count them again
        return paginator


def _filtered_directory(request):
    return DirectoryFilter(request.GET or None, queryset=directory_queryset()).qs


def directory_csv(request):
    return exports.csv_response(_filtered_directory(request))


def directory_xlsx(request):
    return exports.xlsx_response(_filtered_directory(request))


def get_organisation_for_user(user, municipality, slug, queryset=None):
    """The organisation at this address if ``user`` may see it, else 404."""
    queryset = queryset if queryset is not None else Organisation.objects.visible_to(user)
    return get_object_or_404(
        queryset.select_related("municipality").prefetch_related("target_groups", "fields_of_activity", "districts"),
        municipality__slug=municipality,
        slug=slug,
    )


def grants_received(organisation):
    """The organisation's grants, which are public; its rejected or pending applications are not."""
    from grants.models import Application

    return (
        Application.objects.granted()
        .filter(organisation=organisation)
        .select_related("scheme__administration", "decision", "report")
        .order_by("-scheme__year", "title", "pk")
    )


# How many coming dates an organisation's page lists; the calendar and the feed have the rest.
UPCOMING = 20


class OrganisationDetailView(DetailView):
    template_name = "organisations/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        return get_organisation_for_user(self.request.user, self.kwargs["municipality"], self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        organisation, user = self.object, self.request.user
        occurrences = Occurrence.objects.filter(activity__organisation=organisation).upcoming().for_listing()
        return super().get_context_data(
            occurrences=occurrences[:UPCOMING],
            grants=grants_received(organisation),
            can_edit=Organisation.objects.editable_by(user).filter(pk=organisation.pk).exists(),
            can_manage=Organisation.objects.managed_by(user).filter(pk=organisation.pk).exists(),
            **kwargs,
        )
