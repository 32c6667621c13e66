"""The public list: every filter (municipality, kind, coming or past, year) in the address; the
coming meetings soonest first, then the past ones latest first; drafts for their organisers only."""

import datetime

import pytest
from django.utils import timezone

from policies.models import MeetingKind, MeetingStatus
from tests import factories
from tests.policies.meetings.factories import MeetingFactory, MeetingSignupFactory, at

from .conftest import url

pytestmark = pytest.mark.django_db


def titles(response):
    return [meeting.title for meeting in response.context["meetings"]]


@pytest.fixture
def meetings(administration, elsewhere):
    copenhagen = factories.AdministrationFactory(municipality=elsewhere)
    return [
        MeetingFactory(organising_administration=administration, title="Om en måned", starts_at=at(30), ends_at=at(30, 21)),
        MeetingFactory(organising_administration=administration, title="I morgen", starts_at=at(1), ends_at=at(1, 21), signup_deadline=None),
        MeetingFactory(
            organising_administration=copenhagen, kind=MeetingKind.CONFERENCE, title="Konferencen",
            starts_at=at(60, 9), ends_at=at(60, 16),
        ),
        MeetingFactory(organising_administration=administration, title="I forgårs", starts_at=at(-2), ends_at=at(-2, 21), signup_deadline=None),
        MeetingFactory(
            organising_administration=administration, title="Dialogmøde 2019", signup_deadline=None,
            starts_at=timezone.make_aware(datetime.datetime(2019, 5, 1, 19)),
            ends_at=timezone.make_aware(datetime.datetime(2019, 5, 1, 21)),
        ),
        MeetingFactory(organising_administration=administration, title="Kladden", status=MeetingStatus.DRAFT),
    ]


def test_coming_meetings_soonest_first_then_past_ones_latest_first(client, meetings):
    assert titles(client.get(url("meeting_list"))) == ["I morgen", "Om en måned", "Konferencen", "I forgårs", "Dialogmøde 2019"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kommune=koebenhavn", ["Konferencen"]),
        ("type=dialogue", ["I morgen", "Om en måned", "I forgårs", "Dialogmøde 2019"]),
        ("tid=kommende", ["I morgen", "Om en måned", "Konferencen"]),
        ("tid=tidligere", ["I forgårs", "Dialogmøde 2019"]),
        ("aar=2019", ["Dialogmøde 2019"]),
        ("kommune=vesthimmerland&type=dialogue&tid=tidligere&aar=2019", ["Dialogmøde 2019"]),
    ],
)
def test_each_filter_is_in_the_address(client, meetings, query, expected):
    assert titles(client.get(f"{url('meeting_list')}?{query}")) == expected


def test_a_bad_filter_value_is_reported_on_its_field_not_an_error(client, meetings):
    response = client.get(f"{url('meeting_list')}?aar=abc&type=nope")

    assert response.status_code == 200
    assert set(response.context["filterset"].form.errors) == {"aar", "type"}


def test_the_organisers_see_their_drafts_marked(client, meetings, people):
    client.force_login(people["caseworker"])

    response = client.get(url("meeting_list"))

    assert "Kladden" in titles(response)
    assert "Kladde: ikke offentliggjort" in response.content.decode()


def test_others_do_not_see_drafts(client, meetings, people):
    client.force_login(people["other_caseworker"])

    assert "Kladden" not in titles(client.get(url("meeting_list")))


def test_the_list_says_how_many_seats_are_left(client, meetings):
    MeetingSignupFactory(meeting=meetings[0], participants=7)

    page = client.get(url("meeting_list")).content.decode()

    assert "3 pladser tilbage" in page


def test_organisers_find_the_button_for_a_new_meeting(client, meetings, people):
    assert url("meeting_create") not in client.get(url("meeting_list")).content.decode()
    client.force_login(people["caseworker"])

    assert url("meeting_create") in client.get(url("meeting_list")).content.decode()


def test_the_main_menu_leads_to_the_meetings(client, db):
    assert f'href="{url("meeting_list")}"' in client.get("/").content.decode()
