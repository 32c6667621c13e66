"""Bookings of rooms: an organisation's request, the municipality's decision, and cancellation.

Approvals of one room are serialised by locking the room's row: two caseworkers approving
overlapping requests at the same moment cannot both succeed, and the one who comes second is
told which booking holds the time (``Booking.clean``). The exclusion constraint on PostgreSQL
stands behind this for any write path that forgets to lock.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.models import Booking, BookingStatus, Room
from portal.writes import save_valid


@transaction.atomic
def booking_request(*, room, organisation, requested_by, starts_at, ends_at, purpose, expected_attendees):
    """A representative asks for ``room`` on behalf of ``organisation``; a caseworker decides later."""
    booking = Booking(
        room=room,
        organisation=organisation,
        requested_by=requested_by,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose,
        expected_attendees=expected_attendees,
    )
    return save_valid(booking)


def _locked_open_booking(booking):
    locked = Booking.objects.select_for_update(of=("self",)).select_related("room__premises", "organisation").get(pk=booking.pk)
    if locked.status != BookingStatus.REQUESTED:
        raise ValidationError(
            _("This request has already been decided or cancelled: it is %(status)s.")
            % {"status": locked.get_status_display()},
            code="already_decided",
        )
    return locked


@transaction.atomic
def booking_approve(*, booking, decided_by, reason=""):
    """Approve a requested booking, unless an approved one of the same room overlaps it."""
    # Lock the room first: every approval of this room waits here for the one before it to commit,
    # and then sees that booking in the overlap check of Booking.clean().
    Room.objects.select_for_update().filter(pk=booking.room_id).first()
    booking = _locked_open_booking(booking)
    if booking.starts_at <= timezone.now():
        raise ValidationError(_("The time of this request has passed; it can only be declined."), code="in_past")
    booking.status = BookingStatus.APPROVED
    booking.decided_by = decided_by
    booking.decided_at = timezone.now()
    booking.decision_reason = reason.strip()
    return save_valid(booking, update_fields=["status", "decided_by", "decided_at", "decision_reason"])


@transaction.atomic
def booking_decline(*, booking, decided_by, reason):
    booking = _locked_open_booking(booking)
    booking.status = BookingStatus.DECLINED
    booking.decided_by = decided_by
    booking.decided_at = timezone.now()
    booking.decision_reason = reason.strip()
    return save_valid(booking, update_fields=["status", "decided_by", "decided_at", "decision_reason"])


@transaction.atomic
def booking_cancel(*, booking):
    """The organisation withdraws a request, or gives back an approved time, before it begins."""
    booking = Booking.objects.select_for_update(of=("self",)).select_related("room__premises", "organisation").get(pk=booking.pk)
    if not booking.may_be_cancelled():
        raise ValidationError(
            _("Only a requested or approved booking that has not begun can be cancelled."), code="not_cancellable"
        )
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    return save_valid(booking, update_fields=["status", "cancelled_at"])
