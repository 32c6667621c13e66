"""The demo meetings (``load_demo``): Vesthimmerland's yearly dialogue meeting (seed 004),
Beskæftigelses- og Integrationsforvaltningen's annual conference (seed 003), and a meeting whose
approved minutes and follow-up actions carry out points of Vesthimmerland's policy; loaded twice,
they are written once."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from policies.demo.meetings import load_demo_meetings
from policies.models import Meeting, MeetingKind, MeetingStatus, SignupRule
from portal.demo import DemoWriter

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", with_users=True, stdout=io.StringIO())


def test_a_second_run_writes_nothing(loaded):
    second = load_demo_meetings(DemoWriter())

    assert not second.changed, (second.created, second.updated, second.links_added)


def test_vesthimmerlands_yearly_dialogue_meeting_takes_the_organisations_sign_ups(loaded):
    meeting = Meeting.objects.get(title__startswith="Årligt dialogmøde mellem kommunen")

    assert (meeting.municipality.slug, meeting.kind, meeting.status) == ("vesthimmerland", MeetingKind.DIALOGUE, MeetingStatus.PUBLISHED)
    assert meeting.signup_rule == SignupRule.ORGANISATIONS and meeting.signups_open()
    assert "Der skal afholdes mindst ét årligt dialogmøde" in meeting.description


def test_the_annual_conference_is_for_organised_and_unorganised_volunteers_with_workshops(loaded):
    meeting = Meeting.objects.get(title__startswith="Årlig konference for organiserede og uorganiserede frivillige")

    assert meeting.organising_administration.slug == "beskaeftigelses-og-integrationsforvaltningen"
    assert meeting.kind == MeetingKind.CONFERENCE and meeting.admits_citizens
    assert "danne netværk og deltage i workshops" in meeting.description
    assert "Workshops" in meeting.agenda
    assert meeting.signups.count() == 2


def test_a_held_meeting_has_approved_minutes_and_follow_up_actions_on_policy_points(loaded):
    meeting = Meeting.objects.get(minutes_approved_at__isnull=False)

    assert meeting.has_begun() and meeting.attendance_count == 34
    points = {action.point.number for action in meeting.actions.select_related("point__policy")}
    assert points == {1, 3, 4, 6}
    assert {action.point.policy.slug for action in meeting.actions.all()} == {"vesthimmerland-2007"}


@pytest.mark.parametrize("username, expected", [("vhm", 2), ("bif", 2), ("kontakt", 1), ("sof", 1), ("ejer", 4), ("forening", 0)])
def test_the_demo_roles_organise_their_meetings(loaded, username, expected):
    user = get_user_model().objects.get(username=username)

    assert Meeting.objects.managed_by(user).count() == expected


def test_the_demo_representative_may_sign_up_for_the_conference(client, loaded):
    conference = Meeting.objects.get(kind=MeetingKind.CONFERENCE)
    client.login(username="forening", password="demo")

    page = client.get(conference.get_absolute_url()).content.decode()

    assert "Frivilligt Forum er tilmeldt med 4 deltagere." in page
