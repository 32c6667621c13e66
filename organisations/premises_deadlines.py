"""Booking requests as deadlines for the dashboard, the calendar feed and reminders (see
``portal.deadlines``): a request must be decided before the time it asks for begins. It concerns
the caseworkers of the administration that manages the house, and on their dashboard also the
municipality's policy owners (``BookingQuerySet.decidable_by``)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Booking
from portal import deadlines
from portal.deadlines import Deadline

# A request whose time passed this long ago undecided no longer shows: nothing can be done for it.
STALE_AFTER = datetime.timedelta(days=30)


def _open_requests(today):
    since = timezone.make_aware(datetime.datetime.combine(today - STALE_AFTER, datetime.time.min))
    return Booking.objects.requested().filter(starts_at__gte=since).select_related("room__premises", "organisation")


@deadlines.register
class BookingRequestDeadlines:
    kind = "booking_request"
    label = gettext_lazy("Booking request")

    def for_user(self, user, today):
        return [self.deadline(booking, today) for booking in _open_requests(today).decidable_by(user)]

    def for_reminders(self, today, *, due_from, due_until):
        bookings = (
            _open_requests(today)
            .filter(starts_at__date__range=(due_from, due_until))
            .prefetch_related("room__premises__administration__caseworkers")
        )
        for booking in bookings:
            deadline = self.deadline(booking, today)
            for caseworker in booking.room.premises.administration.caseworkers.all():
                yield caseworker, deadline

    def deadline(self, booking, today):
        day = timezone.localdate(booking.starts_at)
        return Deadline(
            kind=self.kind,
            key=f"booking:{booking.pk}:{day.isoformat()}",
            title=_("Booking request: %(organisation)s, %(room)s")
            % {"organisation": booking.organisation.name, "room": booking.room.name},
            due_on=day,
            url=booking.get_absolute_url(),
            is_overdue=deadlines.passed(day, today),
            context=str(booking.room.premises),
        )
