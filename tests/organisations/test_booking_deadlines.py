"""An undecided booking request is a deadline for the caseworkers of the house: on their
dashboard, and in the reminders, due on the day the requested time begins."""

import datetime

import pytest
from django.utils import timezone

from portal import deadlines
from tests.organisations.premises_factories import (
    AdministrationFactory,
    ApprovedBookingFactory,
    BookingFactory,
    PremisesFactory,
    RoomFactory,
    UserFactory,
    at,
)


@pytest.fixture
def caseworker(copenhagen):
    return UserFactory(username="sof")


@pytest.fixture
def room(copenhagen, caseworker):
    administration = AdministrationFactory(municipality=copenhagen)
    administration.caseworkers.add(caseworker)
    return RoomFactory(premises=PremisesFactory(municipality=copenhagen, administration=administration), name="Salen")


def booking_deadlines(user):
    return [d for d in deadlines.deadlines_for(user) if d.kind == "booking_request"]


def test_an_open_request_is_due_when_its_time_begins(room, caseworker, policy_owner):
    booking = BookingFactory(room=room, organisation__name="Frivilligt Forum", starts_at=at(5, 17), ends_at=at(5, 19))
    ApprovedBookingFactory(room=room, starts_at=at(6, 17), ends_at=at(6, 19))  # decided: no deadline
    for user in (caseworker, policy_owner):
        [deadline] = booking_deadlines(user)
        assert deadline.due_on == timezone.localdate() + datetime.timedelta(days=5)
        assert deadline.url == booking.get_absolute_url()
        assert "Frivilligt Forum" in deadline.title
        assert not deadline.is_overdue


def test_the_request_concerns_no_one_outside_the_house(room, copenhagen):
    BookingFactory(room=room)
    outsider = UserFactory()
    AdministrationFactory(municipality=copenhagen).caseworkers.add(outsider)
    assert booking_deadlines(outsider) == []


def test_the_caseworkers_are_reminded(room, caseworker):
    booking = BookingFactory(room=room, starts_at=at(3, 10), ends_at=at(3, 12))
    today = timezone.localdate()
    found = [
        (user, deadline.key)
        for user, deadline in deadlines.responsible_for(
            today, due_from=today, due_until=today + datetime.timedelta(days=3)
        )
        if deadline.kind == "booking_request"
    ]
    assert found == [(caseworker, f"booking:{booking.pk}:{(today + datetime.timedelta(days=3)).isoformat()}")]
