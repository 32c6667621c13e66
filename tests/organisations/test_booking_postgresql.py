"""Approved bookings of a room never overlap, enforced by the database itself, and kept when two
caseworkers approve overlapping requests at the same moment (PostgreSQL only)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction

from organisations import premises_services as services
from organisations.models import Booking, BookingQuerySet, BookingStatus
from tests.organisations.postgresql import requires_postgresql
from tests.organisations.premises_factories import ApprovedBookingFactory, BookingFactory, RoomFactory, UserFactory, at

pytestmark = requires_postgresql


def test_the_database_refuses_an_overlapping_approved_booking(postgresql):
    first = ApprovedBookingFactory(starts_at=at(7, 17), ends_at=at(7, 19))
    # Straight to the database, past Booking.clean(): only the exclusion constraint stands in the way.
    with pytest.raises(IntegrityError, match="booking_approved_no_overlap"), transaction.atomic():
        ApprovedBookingFactory(
            room=first.room, organisation=first.organisation, starts_at=at(7, 18), ends_at=at(7, 20)
        )


def test_the_database_allows_back_to_back_and_unapproved_overlaps(postgresql):
    first = ApprovedBookingFactory(starts_at=at(7, 17), ends_at=at(7, 19))
    ApprovedBookingFactory(room=first.room, organisation=first.organisation, starts_at=at(7, 19), ends_at=at(7, 21))
    BookingFactory(room=first.room, organisation=first.organisation, starts_at=at(7, 17), ends_at=at(7, 19))
    ApprovedBookingFactory(room=RoomFactory(), starts_at=at(7, 17), ends_at=at(7, 19))
    assert Booking.objects.count() == 4


@pytest.mark.django_db(transaction=True)
def test_two_approvals_of_overlapping_requests_at_once_let_one_through(postgresql, monkeypatch):
    room = RoomFactory()
    first = BookingFactory(room=room, starts_at=at(7, 17), ends_at=at(7, 19))
    second = BookingFactory(room=room, organisation=first.organisation, starts_at=at(7, 18), ends_at=at(7, 20))
    caseworker = UserFactory()

    # Make the overlap check slow, so that without the room lock both approvals would look before
    # either commits, and the database constraint would refuse the second with an IntegrityError.
    real_clashing_with = BookingQuerySet.clashing_with

    def slow_clashing_with(self, booking):
        found = list(real_clashing_with(self, booking).values_list("pk", flat=True))
        time.sleep(0.5)  # the other approval looks now, and finds nothing either unless it waited
        return Booking.objects.filter(pk__in=found)

    monkeypatch.setattr(BookingQuerySet, "clashing_with", slow_clashing_with)
    start = threading.Barrier(2, timeout=10)
    outcomes = {}

    def approve(booking):
        try:
            start.wait()
            services.booking_approve(booking=booking, decided_by=caseworker)
            outcomes[booking.pk] = "approved"
        except ValidationError as error:
            outcomes[booking.pk] = error.error_dict["starts_at"][0].code
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            outcomes[booking.pk] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(booking,)) for booking in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["approved", "overlap"]
    assert Booking.objects.filter(status=BookingStatus.APPROVED).count() == 1
