"""Open data: the read-only JSON API lists what the public pages list, filters with the
same parameters, pages, holds no personal data without consent, and matches its schema."""

import datetime

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from tests.organisations.factories import (
    ActivityFactory,
    OrganisationFactory,
    PendingOrganisationFactory,
    TargetGroupFactory,
    local,
    organisation_with,
)

ORGANISATIONS = reverse("api:organisation-list")
ACTIVITIES = reverse("api:activity-list")


@pytest.fixture
def open_data(copenhagen, vesthimmerland):
    aeldre = organisation_with(
        municipality=copenhagen,
        name="Ældre Sagen Østerbro",
        cvr="20700211",
        target_groups=["Ældre"],
        contact_person="Karen Jensen",
        contact_email="karen@example.org",
        contact_consent=True,
    )
    lektie = organisation_with(
        municipality=copenhagen,
        name="Lektiecafé Nørrebro",
        kind="informal_group",
        contact_person="Hemmelig Person",
        contact_phone="12345678",
    )
    OrganisationFactory(municipality=vesthimmerland, name="Frivilligcenter Vesthimmerland")
    PendingOrganisationFactory(municipality=copenhagen, name="Venter")
    hidden = OrganisationFactory(municipality=copenhagen, name="Skjult", hidden_reason="Ophørt.")
    walk = ActivityFactory(
        organisation=aeldre, title="Gåtur", starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12),
        repeats_weekly=True, repeat_until=datetime.date(2026, 12, 29),
    )  # fmt: skip
    walk.target_groups.add(TargetGroupFactory(municipality=copenhagen, name="Ældre"))
    ActivityFactory(organisation=lektie, title="Lektiecafé", starts_at=local(2027, 1, 5, 15), ends_at=local(2027, 1, 5, 17))
    ActivityFactory(organisation=hidden, title="Skjult aktivitet")
    return {"aeldre": aeldre, "lektie": lektie, "hidden": hidden}


def names(response):
    return [row["name"] for row in response.json()["results"]]


def test_the_schema_is_valid_openapi(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)

    validate_schema(schema)
    assert {"/api/v1/organisationer/", "/api/v1/aktiviteter/"} <= set(schema["paths"])


def test_the_schema_is_served(client, db):
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Frivilligportalen open data"


def test_organisations_are_those_of_the_public_directory(client, open_data):
    response = client.get(ORGANISATIONS)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert names(response) == ["Frivilligcenter Vesthimmerland", "Lektiecafé Nørrebro", "Ældre Sagen Østerbro"]
    assert response.json()["count"] == 3


def test_an_organisation_holds_its_profile_and_vocabulary(client, open_data):
    row = client.get(reverse("api:organisation-detail", kwargs={"pk": open_data["aeldre"].pk})).json()

    assert row["cvr"] == "20700211"
    assert row["municipality"] == {"slug": "koebenhavn", "name": "Københavns Kommune"}
    assert row["target_groups"] == [{"slug": "aeldre", "name": "Ældre"}]
    assert row["url"] == "http://testserver" + open_data["aeldre"].get_absolute_url()


def test_no_personal_data_without_consent(client, open_data):
    rows = {row["name"]: row for row in client.get(ORGANISATIONS).json()["results"]}

    assert rows["Ældre Sagen Østerbro"]["contact_person"] == {
        "name": "Karen Jensen",
        "email": "karen@example.org",
        "phone": "",
    }
    assert rows["Lektiecafé Nørrebro"]["contact_person"] is None
    assert "Hemmelig" not in client.get(ORGANISATIONS).text and "12345678" not in client.get(ORGANISATIONS).text


def test_a_hidden_organisation_is_not_served(client, open_data):
    assert client.get(reverse("api:organisation-detail", kwargs={"pk": open_data["hidden"].pk})).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kommune": "vesthimmerland"}, ["Frivilligcenter Vesthimmerland"]),
        ({"maalgruppe": "aeldre"}, ["Ældre Sagen Østerbro"]),
        ({"type": "informal_group"}, ["Lektiecafé Nørrebro"]),
        ({"q": "aeldre"}, ["Ældre Sagen Østerbro"]),
        ({"sortering": "-navn", "kommune": "koebenhavn"}, ["Ældre Sagen Østerbro", "Lektiecafé Nørrebro"]),
    ],
)
def test_organisations_filter_like_the_directory(client, open_data, query, expected):
    assert names(client.get(ORGANISATIONS, query)) == expected


def test_bad_filter_values_answer_400_with_the_reason(client, open_data):
    response = client.get(ORGANISATIONS, {"type": "klub"})

    assert response.status_code == 400
    assert "type" in response.json()


def test_organisations_are_paginated(client, open_data):
    first = client.get(ORGANISATIONS, {"antal": 2}).json()
    second = client.get(ORGANISATIONS, {"antal": 2, "side": 2}).json()

    assert len(first["results"]) == 2 and first["next"].endswith("antal=2&side=2")
    assert [row["name"] for row in second["results"]] == ["Ældre Sagen Østerbro"]
    assert client.get(ORGANISATIONS, {"side": 9}).status_code == 404


def test_activities_are_those_of_the_public_calendar(client, open_data):
    rows = client.get(ACTIVITIES).json()["results"]

    assert [row["title"] for row in rows] == ["Gåtur", "Lektiecafé"]
    walk = rows[0]
    assert walk["repeats_weekly"] and walk["repeat_until"] == "2026-12-29"
    assert walk["organisation"]["name"] == "Ældre Sagen Østerbro"
    assert walk["target_groups"] == [{"slug": "aeldre", "name": "Ældre"}]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"fra": "2026-12-20"}, ["Gåtur", "Lektiecafé"]),
        ({"fra": "2026-12-30"}, ["Lektiecafé"]),
        ({"til": "2026-12-31"}, ["Gåtur"]),
        ({"fra": "2027-01-05", "til": "2027-01-05"}, ["Lektiecafé"]),
        ({"type": "informal_group"}, ["Lektiecafé"]),
        ({"maalgruppe": "aeldre"}, ["Gåtur"]),
    ],
)
def test_activities_filter_like_the_calendar_and_by_period(client, open_data, query, expected):
    assert [row["title"] for row in client.get(ACTIVITIES, query).json()["results"]] == expected


def test_a_bad_date_answers_400(client, open_data):
    assert client.get(ACTIVITIES, {"fra": "i morgen"}).status_code == 400


@pytest.mark.parametrize("size", [3, 30])
def test_api_lists_in_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries, size):
    for number in range(size):
        organisation = organisation_with(municipality=copenhagen, name=f"Forening {number}", target_groups=["Ældre"])
        ActivityFactory(organisation=organisation).target_groups.add(*organisation.target_groups.all())

    with django_assert_max_num_queries(9):
        assert client.get(ORGANISATIONS).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(ACTIVITIES).status_code == 200


def test_the_api_is_read_only(client, open_data):
    assert client.post(ORGANISATIONS, {"name": "Ny"}).status_code == 405
    assert client.delete(reverse("api:organisation-detail", kwargs={"pk": open_data["aeldre"].pk})).status_code == 405
