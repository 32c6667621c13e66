"""The calendar's free text: an activity is found by its title, description and place and by its
organisation's name, with the directory's forgiveness of typos and ae/oe/aa; the dates carry
these words themselves, so they must follow every change to the activity and organisation."""

import datetime

import pytest
from django.urls import reverse

from organisations.models import Occurrence
from tests.organisations.factories import (
    ActivityFactory,
    OrganisationFactory,
    TargetGroupFactory,
    local,
    organisation_with,
)
from tests.organisations.postgresql import requires_postgresql

CALENDAR = reverse("organisations:calendar")
ACTIVITIES_API = "/api/v1/aktiviteter/"
DAY = {"dato": "2026-12-02"}


def titles_on(response):
    return [occurrence.activity.title for occurrence in response.context["occurrences"]]


@pytest.fixture
def knitting(copenhagen):
    organisation = OrganisationFactory(
        municipality=copenhagen, name="Ældre Sagen Østerbro", purpose="Besøgsvenner og banko."
    )
    return ActivityFactory(
        organisation=organisation,
        title="Strikkecafé",
        description="Vi strikker huer til de nyfødte.",
        place="Kulturhuset Islands Brygge",
        starts_at=local(2026, 12, 2, 14),
        ends_at=local(2026, 12, 2, 16),
    )


@pytest.mark.parametrize(
    "words", ["strikkecafé", "strikkecafe", "huer nyfødte", "islands brygge", "ældre sagen", "aeldre sagen oesterbro"]
)
def test_an_activity_is_found_by_its_own_words_and_its_organisations_name(client, knitting, words):
    assert titles_on(client.get(CALENDAR, {**DAY, "q": words})) == ["Strikkecafé"]


def test_words_of_the_organisations_purpose_alone_do_not_find_its_activities(client, knitting):
    # The calendar searches what it shows: the activity and who holds it.
    assert titles_on(client.get(CALENDAR, {**DAY, "q": "banko"})) == []


@requires_postgresql
@pytest.mark.usefixtures("postgresql")
def test_a_typo_is_forgiven_in_the_calendar_too(client, knitting):
    assert titles_on(client.get(CALENDAR, {**DAY, "q": "strikecafe"})) == ["Strikkecafé"]


def test_a_renamed_organisation_is_found_by_its_new_name_only(client, knitting):
    organisation = knitting.organisation
    organisation.name = "Seniorhjælpen Amager"
    organisation.save()

    assert titles_on(client.get(CALENDAR, {**DAY, "q": "seniorhjælpen"})) == ["Strikkecafé"]
    assert titles_on(client.get(CALENDAR, {**DAY, "q": "østerbro"})) == []


def test_an_edited_activity_is_found_by_its_new_words(client, knitting):
    knitting.title = "Hæklecafé"
    knitting.save()

    assert titles_on(client.get(CALENDAR, {**DAY, "q": "haeklecafe"})) == ["Hæklecafé"]
    assert titles_on(client.get(CALENDAR, {**DAY, "q": "strikkecafe"})) == []


def test_an_activity_moved_to_another_organisation_moves_its_dates(client, knitting, vesthimmerland):
    knitting.organisation = OrganisationFactory(municipality=vesthimmerland, name="Frivilligcenter Vesthimmerland")
    knitting.save()

    assert titles_on(client.get(CALENDAR, {**DAY, "kommune": "vesthimmerland"})) == ["Strikkecafé"]
    assert titles_on(client.get(CALENDAR, {**DAY, "kommune": "koebenhavn"})) == []
    assert set(Occurrence.objects.values_list("organisation__name", flat=True)) == {"Frivilligcenter Vesthimmerland"}


def test_an_organisation_that_moves_municipality_takes_its_dates_along(client, knitting, vesthimmerland):
    organisation = knitting.organisation
    organisation.municipality = vesthimmerland
    organisation.save()

    assert titles_on(client.get(CALENDAR, {**DAY, "kommune": "vesthimmerland"})) == ["Strikkecafé"]
    assert titles_on(client.get(CALENDAR, {**DAY, "kommune": "koebenhavn"})) == []


def test_a_long_activity_that_began_before_the_week_is_in_it(client, knitting):
    ActivityFactory(
        organisation=knitting.organisation,
        title="Sommerlejr",
        starts_at=local(2026, 11, 20, 10),
        ends_at=local(2026, 12, 1, 12),
    )

    assert titles_on(client.get(CALENDAR, DAY)) == ["Sommerlejr", "Strikkecafé"]


def test_a_target_group_given_to_an_activity_later_filters_its_dates(client, knitting, copenhagen):
    seniors = TargetGroupFactory(municipality=copenhagen, name="Seniorer")
    assert titles_on(client.get(CALENDAR, {**DAY, "maalgruppe": "seniorer"})) == []

    knitting.target_groups.add(seniors)
    assert titles_on(client.get(CALENDAR, {**DAY, "maalgruppe": "seniorer"})) == ["Strikkecafé"]

    seniors.activities.remove(knitting)
    assert titles_on(client.get(CALENDAR, {**DAY, "maalgruppe": "seniorer"})) == []


def test_a_renamed_target_group_filters_by_its_new_short_name(client, knitting, copenhagen):
    term = TargetGroupFactory(municipality=copenhagen, name="Ældre")
    knitting.target_groups.add(term)

    term.slug = "seniorer"
    term.save()

    assert titles_on(client.get(CALENDAR, {**DAY, "maalgruppe": "seniorer"})) == ["Strikkecafé"]
    assert "maalgruppe" in client.get(CALENDAR, {**DAY, "maalgruppe": "aeldre"}).context["filterset"].form.errors


def test_the_open_data_finds_activities_by_the_same_words(client, knitting):
    ActivityFactory(organisation=knitting.organisation, title="Banko", description="", place="")

    found = client.get(ACTIVITIES_API, {"q": "strikkecafe"}).json()["results"]

    assert [activity["title"] for activity in found] == ["Strikkecafé"]


@pytest.mark.parametrize("size", [3, 30])
def test_a_search_in_one_municipality_answers_in_a_fixed_number_of_queries(
    client, copenhagen, django_assert_max_num_queries, size
):
    organisation = organisation_with(municipality=copenhagen, name="Ældre Sagen", target_groups=["Ældre"])
    for number in range(size):
        activity = ActivityFactory(
            organisation=organisation, title=f"Gåtur {number}", starts_at=local(2026, 12, 1, 10),
            ends_at=local(2026, 12, 1, 11), repeats_weekly=True, repeat_until=datetime.date(2026, 12, 29),
        )  # fmt: skip
        activity.target_groups.add(*organisation.target_groups.all())

    with django_assert_max_num_queries(11):
        response = client.get(
            CALENDAR,
            {"dato": "2026-12-01", "visning": "maaned", "kommune": "koebenhavn", "q": "gaatur", "type": "association"},
        )

    assert len(titles_on(response)) == min(5 * size, 50)
