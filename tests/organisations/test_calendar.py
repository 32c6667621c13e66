"""The public calendar by week and month with the directory's filters, the iCalendar
feeds, and the representative publishing activities."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from organisations.models import Activity, Organisation
from tests.organisations.factories import (
    ActivityFactory,
    OrganisationFactory,
    TargetGroupFactory,
    UserFactory,
    local,
    organisation_with,
)

CALENDAR = reverse("organisations:calendar")
FEED = reverse("organisations:calendar_ical")


@pytest.fixture
def calendar(copenhagen, vesthimmerland):
    aeldre = organisation_with(municipality=copenhagen, name="Ældre Sagen Østerbro", districts=["Østerbro"])
    lektie = organisation_with(
        municipality=copenhagen, name="Lektiecafé Nørrebro", kind="informal_group", districts=["Nørrebro"]
    )
    vhm = OrganisationFactory(municipality=vesthimmerland, name="Frivilligcenter Vesthimmerland")
    hidden = OrganisationFactory(municipality=copenhagen, name="Skjult", hidden_reason="Ophørt.")
    walk = ActivityFactory(
        organisation=aeldre,
        title="Gåtur i Fælledparken",
        place="Fælledparken, København Ø",
        starts_at=local(2026, 12, 1, 10),
        ends_at=local(2026, 12, 1, 12),
        repeats_weekly=True,
        repeat_until=datetime.date(2026, 12, 29),
    )
    walk.target_groups.add(TargetGroupFactory(municipality=copenhagen, name="Ældre"))
    ActivityFactory(organisation=lektie, title="Lektiecafé", starts_at=local(2026, 12, 2, 15), ends_at=local(2026, 12, 2, 17))
    ActivityFactory(organisation=vhm, title="Dialogmøde", starts_at=local(2026, 12, 3, 19), ends_at=local(2026, 12, 3, 21))
    ActivityFactory(organisation=hidden, title="Skjult aktivitet", starts_at=local(2026, 12, 2, 10), ends_at=local(2026, 12, 2, 11))
    ActivityFactory(organisation=aeldre, title="Julefrokost", starts_at=local(2026, 12, 18, 18), ends_at=local(2026, 12, 18, 23))


def titles_on(response):
    return [occurrence.activity.title for occurrence in response.context["occurrences"]]


def test_week_view_lists_the_weeks_occurrences_in_order(client, calendar):
    response = client.get(CALENDAR, {"dato": "2026-12-02"})

    assert response.status_code == 200
    assert titles_on(response) == ["Gåtur i Fælledparken", "Lektiecafé", "Dialogmøde"]
    assert "Skjult aktivitet" not in response.text


def test_month_view_lists_every_week_of_a_weekly_activity(client, calendar):
    response = client.get(CALENDAR, {"dato": "2026-12-15", "visning": "maaned"})

    assert titles_on(response).count("Gåtur i Fælledparken") == 5
    assert "Julefrokost" in titles_on(response)


def test_previous_and_next_periods_keep_the_filters(client, calendar):
    response = client.get(CALENDAR, {"dato": "2026-12-02", "kommune": "koebenhavn"})

    assert 'href="?dato=2026-11-23&amp;kommune=koebenhavn"' in response.text
    assert 'href="?dato=2026-12-07&amp;kommune=koebenhavn"' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kommune": "vesthimmerland"}, ["Dialogmøde"]),
        ({"type": "informal_group"}, ["Lektiecafé"]),
        ({"bydel": "oesterbro"}, ["Gåtur i Fælledparken"]),
        ({"maalgruppe": "aeldre"}, ["Gåtur i Fælledparken"]),
        ({"q": "faelledparken"}, ["Gåtur i Fælledparken"]),
        ({"q": "Nørrebro"}, ["Lektiecafé"]),
    ],
)
def test_the_directorys_filters_narrow_the_calendar(client, calendar, query, expected):
    response = client.get(CALENDAR, {"dato": "2026-12-02", **query})

    assert titles_on(response) == expected


@pytest.mark.parametrize("bad", [{"dato": "2. december"}, {"visning": "aar"}, {"kommune": "findes-ikke"}])
def test_bad_input_is_reported_and_the_calendar_still_answers(client, calendar, bad):
    response = client.get(CALENDAR, bad)

    assert response.status_code == 200
    assert 'class="invalid-feedback"' in response.text


@pytest.mark.parametrize("size", [3, 30])
def test_calendar_answers_in_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries, size):
    organisation = organisation_with(municipality=copenhagen, target_groups=["Ældre"])
    for number in range(size):
        activity = ActivityFactory(
            organisation=organisation, starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 11),
            repeats_weekly=True, repeat_until=datetime.date(2026, 12, 29),
        )  # fmt: skip
        activity.target_groups.add(*organisation.target_groups.all())

    with django_assert_max_num_queries(10):
        response = client.get(CALENDAR, {"dato": "2026-12-01", "visning": "maaned", "kommune": "koebenhavn"})

    assert response.status_code == 200


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return [component for component in Calendar.from_ical(response.content).walk("VEVENT")]


def test_feed_follows_the_filters(client, calendar, settings):
    with_filters = events(client.get(FEED, {"kommune": "koebenhavn"}))
    everything = events(client.get(FEED))

    assert sorted(str(e["summary"]) for e in with_filters) == ["Gåtur i Fælledparken", "Julefrokost", "Lektiecafé"]
    assert len(everything) == 4  # the hidden organisation's activity is not published


def test_feed_describes_a_weekly_activity_with_a_rule(client, calendar):
    walk = next(e for e in events(client.get(FEED)) if str(e["summary"]) == "Gåtur i Fælledparken")

    assert walk["rrule"]["FREQ"] == ["WEEKLY"] and walk["rrule"]["COUNT"] == [5]
    assert walk.decoded("dtstart") == local(2026, 12, 1, 10)
    assert str(walk["location"]) == "Fælledparken, København Ø"
    assert walk["uid"].startswith("activity-")


def test_organisation_feed_has_only_its_activities(client, calendar):
    organisation = Organisation.objects.get(name="Ældre Sagen Østerbro")
    url = reverse("organisations:organisation_ical", kwargs={"municipality": "koebenhavn", "slug": organisation.slug})

    assert sorted(str(e["summary"]) for e in events(client.get(url))) == ["Gåtur i Fælledparken", "Julefrokost"]


def test_a_hidden_organisations_feed_is_404(client, calendar):
    organisation = Organisation.objects.get(name="Skjult")
    url = reverse("organisations:organisation_ical", kwargs={"municipality": "koebenhavn", "slug": organisation.slug})

    assert client.get(url).status_code == 404


@pytest.fixture
def representative(client, copenhagen):
    organisation = organisation_with(municipality=copenhagen, name="Ældre Sagen Østerbro", target_groups=["Ældre"])
    user = UserFactory()
    organisation.representatives.add(user)
    client.force_login(user)
    return organisation


def test_representative_publishes_a_weekly_activity_shown_at_once(client, representative):
    url = reverse("organisations:activity_create", kwargs={"municipality": "koebenhavn", "slug": representative.slug})
    term = representative.target_groups.get()

    response = client.post(url, {
        "title": "Gåtur", "description": "", "starts_at": "2026-12-01T10:00", "ends_at": "2026-12-01T12:00",
        "place": "Fælledparken", "target_groups": [term.pk], "repeats_weekly": "on", "repeat_until": "2026-12-15",
        "signup_required": "", "signup_url": "",
    })  # fmt: skip

    activity = Activity.objects.get()
    assert response["Location"] == activity.get_absolute_url()
    assert activity.occurrences.count() == 3
    assert "Gåtur" in client.get(CALENDAR, {"dato": "2026-12-08"}).text


def test_a_bad_activity_is_refused_by_field_with_the_input_kept(client, representative):
    url = reverse("organisations:activity_create", kwargs={"municipality": "koebenhavn", "slug": representative.slug})

    response = client.post(url, {
        "title": "Gåtur", "starts_at": "2026-12-01T10:00", "ends_at": "2026-12-01T09:00", "repeats_weekly": "on",
        "repeat_until": "", "place": "Fælledparken",
    })  # fmt: skip

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"ends_at", "repeat_until"}
    assert 'value="2026-12-01T10:00"' in response.text and 'value="Fælledparken"' in response.text
    assert not Activity.objects.exists()


def test_target_groups_offered_are_the_municipalitys_own(client, representative, vesthimmerland):
    TargetGroupFactory(municipality=vesthimmerland, name="Landbrug")
    url = reverse("organisations:activity_create", kwargs={"municipality": "koebenhavn", "slug": representative.slug})

    choices = [str(label) for _value, label in client.get(url).context["form"].fields["target_groups"].choices]

    assert choices == ["Ældre"]


def test_representative_edits_and_removes_an_activity(client, representative):
    activity = ActivityFactory(organisation=representative, title="Gåtur")

    client.post(reverse("organisations:activity_delete", kwargs={"pk": activity.pk}))

    assert not Activity.objects.exists()
