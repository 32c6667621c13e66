"""The news list's filters, shared by the list and its Atom feed, so that a filtered list and its
feed show the same items. Danish parameter names, like the directory's: ``q``, ``kommune``,
``type``, ``aar``."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from policies.models import Municipality
from portal.models import NewsItem, NewsKind


class NewsFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words in the headline or summary"), method="filter_words")
    kommune = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        field_name="municipality",
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )
    type = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=NewsKind.choices, empty_label=_("News and press releases")
    )
    aar = django_filters.NumberFilter(
        label=_("Year"), field_name="published_at", lookup_expr="year", min_value=1900, max_value=2999
    )

    class Meta:
        model = NewsItem
        fields = ["q", "kommune", "type", "aar"]

    def filter_words(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset
