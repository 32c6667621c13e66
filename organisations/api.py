"""Open data: a read-only JSON API of the directory and the calendar.

The same querysets and FilterSets as the pages, so the API lists exactly what the public
directory and calendar show and filters with the same parameters. Personal data (the
contact person) only where they have consented. Anonymous and read-only: no session,
no cookies, nothing to forge."""

from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from organisations.filters import ActivityApiFilter, OrganisationApiFilter
from organisations.models import Activity, Organisation


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("The value to filter by, e.g. ?maalgruppe=aeldre."))
    name = serializers.CharField()


class MunicipalitySerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text=_("The value to filter by, e.g. ?kommune=koebenhavn."))
    name = serializers.CharField()


class ContactPersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The organisation's page in the directory."))
    municipality = MunicipalitySerializer()
    kind_label = serializers.CharField(source="get_kind_display")
    target_groups = TermSerializer(many=True)
    fields_of_activity = TermSerializer(many=True)
    districts = TermSerializer(many=True)
    contact_person = serializers.SerializerMethodField(
        help_text=_("Personal data: present only when the contact person has consented to be shown.")
    )

    class Meta:
        model = Organisation
        fields = [
            "id", "name", "url", "municipality", "kind", "kind_label", "cvr", "purpose", "target_groups",
            "fields_of_activity", "districts", "address", "postal_code", "city", "email", "phone", "website",
            "contact_person", "members_count", "volunteers_count", "on_volunteer_council", "updated_at",
        ]  # fmt: skip

    @extend_schema_field(serializers.URLField())
    def get_url(self, organisation):
        return self.context["request"].build_absolute_uri(organisation.get_absolute_url())

    @extend_schema_field(ContactPersonSerializer(allow_null=True))
    def get_contact_person(self, organisation):
        return organisation.public_contact


class ActivityOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    municipality = MunicipalitySerializer()


class ActivitySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The activity's page in the calendar."))
    organisation = ActivityOrganisationSerializer()
    target_groups = TermSerializer(many=True)
    last_ends_at = serializers.DateTimeField(help_text=_("When the last time ends (of a weekly activity)."))

    class Meta:
        model = Activity
        fields = [
            "id", "title", "url", "description", "starts_at", "ends_at", "place", "organisation", "target_groups",
            "repeats_weekly", "repeat_until", "last_ends_at", "signup_required", "signup_url", "updated_at",
        ]  # fmt: skip

    @extend_schema_field(serializers.URLField())
    def get_url(self, activity):
        return self.context["request"].build_absolute_uri(activity.get_absolute_url())


class Pagination(PageNumberPagination):
    page_query_param = "side"
    page_size = 50
    page_size_query_param = "antal"
    max_page_size = 500


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]


BAD_REQUEST = OpenApiResponse(
    response=OpenApiTypes.OBJECT, description=_("A parameter has a value it cannot take; the answer says which, and why.")
)
NOT_FOUND = OpenApiResponse(response=OpenApiTypes.OBJECT, description=_("No such page of results, or no such entry."))


@extend_schema_view(
    list=extend_schema(
        summary=_("The organisations in the public directory, filtered like the directory page"),
        responses={200: OrganisationSerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("One organisation in the public directory"), responses={200: OrganisationSerializer, 404: NOT_FOUND}
    ),
)
class OrganisationViewSet(OpenDataViewSet):
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationApiFilter
    queryset = Organisation.objects.listed().for_listing()


@extend_schema_view(
    list=extend_schema(
        summary=_("The activities in the public calendar, filtered like the calendar page"),
        responses={200: ActivitySerializer(many=True), 400: BAD_REQUEST, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("One activity in the public calendar"), responses={200: ActivitySerializer, 404: NOT_FOUND}
    ),
)
class ActivityViewSet(OpenDataViewSet):
    serializer_class = ActivitySerializer
    filterset_class = ActivityApiFilter
    queryset = (
        Activity.objects.listed()
        .select_related("organisation__municipality")
        .prefetch_related("target_groups")
        .order_by("starts_at", "pk")
    )
