"""The debate list's filters: each is a plain GET parameter, so every combination has its own address.

``kommune`` (municipality), ``politik`` (the policy a topic is about, its points included) and
``soeg`` (words in the title)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from policies.models import Municipality, PolicyStatus, VolunteerPolicy
from portal.models import Topic


class TopicFilter(django_filters.FilterSet):
    kommune = django_filters.ChoiceFilter(
        label=_("Municipality"), field_name="municipality__slug", empty_label=_("All municipalities")
    )
    politik = django_filters.ChoiceFilter(
        label=_("About the policy"), field_name="policy__slug", empty_label=_("Any policy, or none")
    )
    soeg = django_filters.CharFilter(label=_("Words in the title"), method="filter_title")

    class Meta:
        model = Topic
        fields = ["kommune", "politik", "soeg"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.filters["kommune"].extra["choices"] = list(
            Municipality.objects.order_by("name").values_list("slug", "name")
        )
        self.filters["politik"].extra["choices"] = [
            (slug, f"{title} ({municipality})")
            for slug, title, municipality in VolunteerPolicy.objects.exclude(status=PolicyStatus.DRAFT)
            .order_by("municipality__name", "title")
            .values_list("slug", "title", "municipality__name")
        ]
        self.form.fields["soeg"].widget.input_type = "search"

    def filter_title(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(title__icontains=word)
        return queryset
