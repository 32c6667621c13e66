"""A busy week in the calendar: fifty dates a page, in order, every date once; counted up to
a cap, past which the page says "more than" and asks for a narrower search."""

import datetime

import pytest
from django.urls import reverse

from organisations.views.calendar import CalendarPaginator
from tests.organisations.factories import ActivityFactory, OrganisationFactory, local

CALENDAR = reverse("organisations:calendar")
WEEK = {"dato": "2026-12-02"}


@pytest.fixture
def busy_week(copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen)
    for number in range(120):
        starts_at = local(2026, 11, 30, 8) + datetime.timedelta(hours=number)
        ActivityFactory(
            organisation=organisation,
            title=f"Aktivitet {number:03d}",
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=30),
        )


def titles_on(response):
    return [occurrence.activity.title for occurrence in response.context["occurrences"]]


def test_the_pages_list_every_date_of_the_week_once_in_order(client, busy_week):
    pages = [titles_on(client.get(CALENDAR, {**WEEK, "side": page})) for page in (1, 2, 3)]

    assert [len(page) for page in pages] == [50, 50, 20]
    assert [title for page in pages for title in page] == [f"Aktivitet {n:03d}" for n in range(120)]
    assert "120 aktiviteter" in client.get(CALENDAR, WEEK).text


def test_past_the_cap_the_calendar_says_more_than_and_asks_for_filters(client, busy_week, monkeypatch):
    monkeypatch.setattr(CalendarPaginator, "cap", 60)

    first = client.get(CALENDAR, WEEK)
    last = client.get(CALENDAR, {**WEEK, "side": 2})

    assert first.context["paginator"].capped
    assert "Mere end 60 aktiviteter: Indsnævr søgningen med filtrene." in first.text
    assert titles_on(last) == [f"Aktivitet {n:03d}" for n in range(50, 61)]  # the cap, and one more
