"""The iCalendar feed of the public meetings, filtered like the list, and each meeting's own."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from policies.models import MeetingKind, MeetingStatus
from tests import factories
from tests.policies.meetings.factories import MeetingFactory, at

from .conftest import url

pytestmark = pytest.mark.django_db


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def meetings(meeting, elsewhere):
    copenhagen = factories.AdministrationFactory(municipality=elsewhere)
    return {
        "dialogue": meeting,
        "conference": MeetingFactory(organising_administration=copenhagen, kind=MeetingKind.CONFERENCE, title="Konference"),
        "past": MeetingFactory(
            organising_administration=meeting.organising_administration, title="Sidste års dialogmøde",
            starts_at=at(-300), ends_at=at(-300, 21), signup_deadline=None,
        ),
        "old": MeetingFactory(
            organising_administration=meeting.organising_administration, title="Dialogmøde 2019",
            starts_at=timezone.make_aware(datetime.datetime(2019, 5, 1, 19)),
            ends_at=timezone.make_aware(datetime.datetime(2019, 5, 1, 21)), signup_deadline=None,
        ),
        "draft": MeetingFactory(organising_administration=copenhagen, status=MeetingStatus.DRAFT, title="Kladde"),
        "cancelled": MeetingFactory(
            organising_administration=copenhagen, status=MeetingStatus.CANCELLED, cancellation_reason="Sygdom",
            title="Temamøde",
        ),
    }


def test_the_feed_has_every_public_meeting_of_the_last_year_and_to_come(client, meetings):
    found = events(client.get(url("meeting_calendar")))

    assert set(found) == {"Årligt dialogmøde", "Konference", "Sidste års dialogmøde", "Aflyst: Temamøde"}


def test_each_event_has_its_time_place_and_address(client, meetings):
    event = events(client.get(url("meeting_calendar")))["Årligt dialogmøde"]
    meeting = meetings["dialogue"]

    assert event["dtstart"].dt == meeting.starts_at and event["dtend"].dt == meeting.ends_at
    assert event["dtstart"].dt.tzinfo is not None
    assert str(event["location"]) == meeting.place
    assert str(event["url"]).endswith(meeting.get_absolute_url())
    assert str(event["uid"]) == f"meeting-{meeting.pk}@frivilligportalen"


def test_a_cancelled_meeting_is_marked_so_calendars_strike_it(client, meetings):
    event = events(client.get(url("meeting_calendar")))["Aflyst: Temamøde"]

    assert str(event["status"]) == "CANCELLED"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kommune=koebenhavn", {"Konference", "Aflyst: Temamøde"}),
        ("type=conference", {"Konference"}),
        ("tid=kommende&kommune=vesthimmerland", {"Årligt dialogmøde"}),
        ("tid=tidligere", {"Sidste års dialogmøde", "Dialogmøde 2019"}),
        ("aar=2019", {"Dialogmøde 2019"}),
    ],
)
def test_the_feed_follows_the_lists_filters(client, meetings, query, expected):
    assert set(events(client.get(f"{url('meeting_calendar')}?{query}"))) == expected


def test_the_list_links_the_feed_with_its_own_filters(client, meetings):
    page = client.get(f"{url('meeting_list')}?kommune=koebenhavn&type=conference").content.decode()

    assert f'href="{url("meeting_calendar")}?kommune=koebenhavn&amp;type=conference"' in page


def test_one_meeting_as_its_own_calendar_file(client, meeting):
    response = client.get(url("meeting_ical", pk=meeting.pk))

    assert set(events(response)) == {"Årligt dialogmøde"}
    assert f'filename="moede-{meeting.pk}.ics"' in response["Content-Disposition"]


def test_a_draft_has_no_calendar_file_for_the_public(client, meetings):
    assert client.get(url("meeting_ical", pk=meetings["draft"].pk)).status_code == 404
