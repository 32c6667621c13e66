"""The rules of a booking, in Booking.clean(): time, capacity, who may book, the reason for a
refusal, and no overlap with an approved booking of the same room."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from organisations.models import Booking, BookingStatus, OrganisationStatus, RoomUsers
from tests.organisations.premises_factories import (
    ApprovedBookingFactory,
    BookingFactory,
    MunicipalityFactory,
    OrganisationFactory,
    RoomFactory,
    at,
)

pytestmark = pytest.mark.django_db


def codes(error):
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


def new_booking(room, **kwargs):
    organisation = kwargs.pop("organisation", None) or OrganisationFactory(municipality=room.premises.municipality)
    values = {
        "room": room,
        "organisation": organisation,
        "starts_at": at(7, 10),
        "ends_at": at(7, 12),
        "purpose": "Bestyrelsesmøde",
        "expected_attendees": 8,
        **kwargs,
    }
    return Booking(**values)


def test_a_request_within_the_rules_is_valid():
    new_booking(RoomFactory()).full_clean()


def test_booking_must_end_after_it_starts():
    booking = new_booking(RoomFactory(), starts_at=at(7, 12), ends_at=at(7, 12))
    with pytest.raises(ValidationError) as error:
        booking.full_clean()
    assert codes(error)["ends_at"] == ["ends_before_start"]


def test_more_attendees_than_the_room_holds_are_refused():
    room = RoomFactory(capacity=20)
    with pytest.raises(ValidationError) as error:
        new_booking(room, expected_attendees=21).full_clean()
    assert codes(error)["expected_attendees"] == ["over_capacity"]
    message = error.value.message_dict["expected_attendees"][0]
    assert "20" in message and room.name in message


def test_exactly_the_capacity_is_accepted():
    new_booking(RoomFactory(capacity=20), expected_attendees=20).full_clean()


def test_a_time_that_has_passed_cannot_be_requested():
    with pytest.raises(ValidationError) as error:
        new_booking(RoomFactory(), starts_at=at(-1, 10), ends_at=at(-1, 12)).full_clean()
    assert codes(error)["starts_at"] == ["in_past"]


def test_a_room_for_the_municipality_refuses_an_organisation_from_elsewhere():
    room = RoomFactory(who_may_book=RoomUsers.MUNICIPALITY)
    stranger = OrganisationFactory(municipality=MunicipalityFactory())
    with pytest.raises(ValidationError) as error:
        new_booking(room, organisation=stranger).full_clean()
    assert codes(error)["organisation"] == ["not_allowed"]


def test_a_room_for_any_group_admits_an_organisation_from_elsewhere():
    room = RoomFactory(who_may_book=RoomUsers.ANY)
    new_booking(room, organisation=OrganisationFactory(municipality=MunicipalityFactory())).full_clean()


def test_an_organisation_awaiting_approval_cannot_book():
    room = RoomFactory(who_may_book=RoomUsers.ANY)
    pending = OrganisationFactory(municipality=room.premises.municipality, status=OrganisationStatus.PENDING)
    with pytest.raises(ValidationError) as error:
        new_booking(room, organisation=pending).full_clean()
    assert codes(error)["organisation"] == ["not_allowed"]


def test_a_declined_request_states_why():
    booking = BookingFactory()
    booking.status = BookingStatus.DECLINED
    booking.decided_at = booking.requested_at
    with pytest.raises(ValidationError) as error:
        booking.full_clean()
    assert codes(error)["decision_reason"] == ["reason_required"]


def test_a_request_overlapping_an_approved_booking_names_the_clash():
    approved = ApprovedBookingFactory(starts_at=at(7, 17), ends_at=at(7, 19), organisation__name="Frivilligt Forum")
    booking = new_booking(approved.room, starts_at=at(7, 18), ends_at=at(7, 20))
    with pytest.raises(ValidationError) as error:
        booking.full_clean()
    assert codes(error)["starts_at"] == ["overlap"]
    message = error.value.message_dict["starts_at"][0]
    assert "Frivilligt Forum" in message
    assert at(7, 17).strftime("%d.%m.%Y") + " 17:00" in message


@pytest.mark.parametrize(
    "starts, ends",
    [((7, 15), (7, 17)), ((7, 19), (7, 21))],
    ids=["ends-as-it-starts", "starts-as-it-ends"],
)
def test_back_to_back_bookings_do_not_clash(starts, ends):
    approved = ApprovedBookingFactory(starts_at=at(7, 17), ends_at=at(7, 19))
    new_booking(approved.room, starts_at=at(*starts), ends_at=at(*ends)).full_clean()


def test_the_same_time_in_another_room_does_not_clash():
    approved = ApprovedBookingFactory(starts_at=at(7, 17), ends_at=at(7, 19))
    other_room = RoomFactory(premises=approved.room.premises)
    new_booking(other_room, starts_at=at(7, 17), ends_at=at(7, 19)).full_clean()


@pytest.mark.parametrize("status", [BookingStatus.REQUESTED, BookingStatus.CANCELLED])
def test_only_approved_bookings_hold_the_time(status):
    held = BookingFactory(starts_at=at(7, 17), ends_at=at(7, 19), status=status)
    new_booking(held.room, starts_at=at(7, 17), ends_at=at(7, 19)).full_clean()


def test_a_booking_over_midnight_clashes_the_next_morning():
    approved = ApprovedBookingFactory(starts_at=at(7, 20), ends_at=at(7, 20) + datetime.timedelta(hours=6))
    with pytest.raises(ValidationError):
        new_booking(approved.room, starts_at=at(8, 1), ends_at=at(8, 3)).full_clean()
