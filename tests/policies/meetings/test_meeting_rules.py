"""The rules of a meeting, said by ``Meeting.clean()`` with a code on the field, and where the
database can say them, by its constraints."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from policies.models import Meeting, MeetingStatus, SignupRule
from tests import factories
from tests.policies.meetings.factories import MeetingFactory, MeetingSignupFactory, at

pytestmark = pytest.mark.django_db


def codes(meeting):
    with pytest.raises(ValidationError) as raised:
        meeting.full_clean()
    return {name: [error.code for error in errors] for name, errors in raised.value.error_dict.items()}


def test_a_valid_meeting_passes(meeting):
    meeting.full_clean()


def test_the_meeting_ends_after_it_starts(meeting):
    meeting.ends_at = meeting.starts_at

    assert codes(meeting) == {"ends_at": ["ends_before_start"]}


def test_the_sign_up_deadline_falls_before_the_start(meeting):
    meeting.signup_deadline = meeting.starts_at + datetime.timedelta(minutes=1)

    assert codes(meeting) == {"signup_deadline": ["deadline_after_start"]}


def test_a_deadline_at_the_start_itself_is_allowed(meeting):
    meeting.signup_deadline = meeting.starts_at
    meeting.full_clean()


def test_a_meeting_has_an_organiser(meeting):
    meeting.organising_administration = None

    assert codes(meeting) == {"organising_administration": ["organiser_required"]}


def test_an_administration_and_a_body_cannot_both_organise(meeting, body):
    meeting.organising_body = body

    assert codes(meeting) == {"organising_body": ["two_organisers"]}


def test_the_organiser_belongs_to_the_meetings_municipality(meeting, elsewhere):
    meeting.organising_administration = factories.AdministrationFactory(municipality=elsewhere)

    assert codes(meeting) == {"organising_administration": ["organiser_elsewhere"]}


def test_the_capacity_holds_at_least_one(meeting):
    meeting.capacity = 0

    assert "capacity" in codes(meeting)


def test_the_capacity_cannot_drop_below_those_signed_up(meeting):
    MeetingSignupFactory(meeting=meeting, participants=6)
    meeting.capacity = 5

    assert codes(meeting) == {"capacity": ["below_signups"]}


def test_a_cancellation_needs_its_reason(meeting):
    meeting.status = MeetingStatus.CANCELLED

    assert codes(meeting) == {"cancellation_reason": ["reason_required"]}


def test_the_attendance_is_recorded_once_the_meeting_has_begun(meeting):
    meeting.attendance_count = 12

    assert codes(meeting) == {"attendance_count": ["attendance_before_meeting"]}


def test_minutes_are_approved_once_the_meeting_has_begun(meeting):
    meeting.minutes = "Referat."
    meeting.minutes_approved_at = at(-1)

    assert codes(meeting) == {"minutes": ["minutes_before_meeting"]}


def test_empty_minutes_cannot_be_approved(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=at(-2), ends_at=at(-2, 21), signup_deadline=None)
    meeting.refresh_from_db()
    meeting.minutes_approved_at = at(-1)

    assert codes(meeting) == {"minutes": ["minutes_empty"]}


def test_approved_minutes_are_fixed(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=at(-2), ends_at=at(-2, 21), signup_deadline=None, minutes="Referat.", minutes_approved_at=at(-1)
    )
    meeting.refresh_from_db()
    meeting.minutes = "Et andet referat."

    assert codes(meeting) == {"minutes": ["minutes_approved"]}


def test_a_past_meeting_can_be_recorded_after_the_fact(administration):
    meeting = MeetingFactory.build(
        organising_administration=administration,
        municipality=administration.municipality,
        starts_at=at(-60),
        ends_at=at(-60, 21),
        signup_deadline=None,
        signup_rule=SignupRule.NOBODY,
        attendance_count=30,
        minutes="Referat.",
        minutes_approved_at=at(-50),
    )
    meeting.full_clean()


@pytest.mark.parametrize(
    "change, constraint",
    [
        ({"ends_at": at(30, 18)}, "meeting_ends_after_start"),
        ({"signup_deadline": at(31)}, "meeting_signup_deadline_before_start"),
        ({"capacity": 0}, "meeting_capacity_positive"),
        ({"organising_administration": None}, "meeting_has_one_organiser"),
        ({"status": MeetingStatus.CANCELLED}, "cancelled_meeting_has_reason"),
        ({"minutes_approved_at": at(-1), "minutes": " "}, "approved_minutes_have_text"),
    ],
)
def test_the_database_holds_the_rules_too(meeting, change, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(**change)
