"""A citizen gives their name and e-mail address for one meeting: a month after it ended
(MEETING_SIGNUP_RETENTION_DAYS) the daily ``forget_signups`` deletes them. Organisations' sign-ups
and the recorded attendance stay, and so does everything about meetings still to come or just held."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from policies.models import MeetingSignup
from tests.policies.meetings.factories import MeetingFactory, MeetingSignupFactory

from .conftest import url

pytestmark = pytest.mark.django_db


def meeting_ended(days_ago, administration, **kwargs):
    ends_at = timezone.now() - datetime.timedelta(days=days_ago)
    return MeetingFactory(
        organising_administration=administration,
        starts_at=ends_at - datetime.timedelta(hours=2),
        ends_at=ends_at,
        signup_deadline=None,
        **kwargs,
    )


def forget_signups(*args):
    out = io.StringIO()
    call_command("forget_signups", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def held_long_ago(administration):
    return meeting_ended(31, administration, title="Dialogmøde i foråret", attendance_count=40)


def test_citizens_sign_ups_are_deleted_a_month_after_the_meeting(settings, administration, held_long_ago):
    settings.MEETING_SIGNUP_RETENTION_DAYS = 30
    MeetingSignupFactory(meeting=held_long_ago, citizen=True, name="Karen Jensen", email="karen@example.org")
    organisation = MeetingSignupFactory(meeting=held_long_ago)
    just_held = MeetingSignupFactory(meeting=meeting_ended(29, administration), citizen=True)
    coming = MeetingSignupFactory(meeting=MeetingFactory(organising_administration=administration), citizen=True)

    assert forget_signups() == "1 borgers tilmelding er slettet.\n"

    assert set(MeetingSignup.objects.all()) == {organisation, just_held, coming}
    assert not MeetingSignup.objects.filter(email="karen@example.org").exists()
    held_long_ago.refresh_from_db()
    assert held_long_ago.attendance_count == 40


def test_a_dry_run_counts_and_deletes_nothing(settings, held_long_ago):
    settings.MEETING_SIGNUP_RETENTION_DAYS = 30
    MeetingSignupFactory.create_batch(2, meeting=held_long_ago, citizen=True)

    assert forget_signups("--dry-run") == "2 borgeres tilmeldinger ville blive slettet.\n"
    assert MeetingSignup.objects.count() == 2
    assert forget_signups() == "2 borgeres tilmeldinger er slettet.\n"
    assert forget_signups() == "0 borgeres tilmeldinger er slettet.\n"


def test_the_retention_is_a_setting(settings, held_long_ago):
    MeetingSignupFactory(meeting=held_long_ago, citizen=True)
    settings.MEETING_SIGNUP_RETENTION_DAYS = 60

    assert not MeetingSignup.objects.past_retention().exists()

    settings.MEETING_SIGNUP_RETENTION_DAYS = 0
    assert MeetingSignup.objects.past_retention().count() == 1


def test_the_organiser_is_told_when_the_names_go(client, settings, people, meeting):
    settings.MEETING_SIGNUP_RETENTION_DAYS = 30
    client.force_login(people["caseworker"])

    page = client.get(url("meeting_signups", pk=meeting.pk)).content.decode()

    assert "Borgeres tilmeldinger slettes 30 dage efter, at mødet er slut." in page


def test_the_citizen_is_told_who_sees_their_name_and_for_how_long(client, settings, meeting):
    settings.MEETING_SIGNUP_RETENTION_DAYS = 30

    page = client.get(url("meeting_signup_citizen", pk=meeting.pk)).content.decode()

    assert "Kun arrangørerne ser dit navn og din e-mailadresse, og de slettes 30 dage efter mødet." in page
