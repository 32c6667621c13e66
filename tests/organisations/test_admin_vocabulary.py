"""In the admin, whose pickers list every municipality's terms side by side, an organisation or an
activity is refused a term from another municipality's vocabulary, with the reason on the field."""

import datetime

import pytest
from django.utils import timezone

from organisations.admin import ActivityAdminForm, OwnVocabularyForm
from organisations.models import Activity, Organisation
from tests.organisations.factories import (
    ActivityFactory,
    DistrictFactory,
    MunicipalityFactory,
    OrganisationFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


class OrganisationForm(OwnVocabularyForm):
    class Meta:
        model = Organisation
        fields = ["municipality", "name", "slug", "kind", "target_groups", "districts"]


class ActivityForm(ActivityAdminForm):
    class Meta:
        model = Activity
        fields = ["organisation", "title", "starts_at", "ends_at", "target_groups"]


@pytest.fixture
def aarhus():
    return MunicipalityFactory(name="Aarhus Kommune", slug="aarhus")


def organisation_data(organisation, **changes):
    return {
        "municipality": organisation.municipality.pk, "name": organisation.name, "slug": organisation.slug,
        "kind": organisation.kind, **changes,
    }


def test_a_district_of_another_municipality_is_refused_on_the_field(aarhus):
    organisation = OrganisationFactory()
    foreign = DistrictFactory(municipality=aarhus, name="Trøjborg")

    form = OrganisationForm(organisation_data(organisation, districts=[foreign.pk]), instance=organisation)

    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["districts"]] == ["other_municipality"]
    assert "Trøjborg" in form.errors["districts"][0]


def test_the_municipalitys_own_terms_are_accepted():
    organisation = OrganisationFactory()
    own = TargetGroupFactory(municipality=organisation.municipality, name="Ældre")

    form = OrganisationForm(organisation_data(organisation, target_groups=[own.pk]), instance=organisation)

    assert form.is_valid(), form.errors


def test_an_activitys_target_group_must_be_its_organisations_municipalitys(aarhus):
    activity = ActivityFactory()
    foreign = TargetGroupFactory(municipality=aarhus, name="Unge")
    starts = timezone.make_aware(datetime.datetime(2026, 12, 1, 10))

    form = ActivityForm(
        {
            "organisation": activity.organisation.pk, "title": activity.title,
            "starts_at_0": "2026-12-01", "starts_at_1": "10:00", "ends_at_0": "2026-12-01", "ends_at_1": "12:00",
            "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2),
            "target_groups": [foreign.pk],
        },
        instance=activity,
    )

    assert not form.is_valid()
    assert "target_groups" in form.errors
