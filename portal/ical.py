"""Deadlines as an iCalendar feed (RFC 5545), for the calendar programs people already use."""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

# The right-hand side of every event's UID: the deadline's stable key makes the left-hand side,
# so an event keeps its identity in the subscriber's calendar from one refresh to the next.
UID_DOMAIN = "frivilligportalen"


def deadlines_calendar(deadlines, *, name, absolute_url):
    """An iCalendar document with each deadline as an all-day event on its due date.

    ``absolute_url`` turns a deadline's path into the full address of its object.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Frivilligportalen//Deadlines//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    # Ask subscribing programs to refresh a few times a day (the default is often a week).
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    stamp = timezone.now()
    for deadline in deadlines:
        url = absolute_url(deadline.url)
        summary = deadline.title
        if deadline.is_overdue:
            summary = _("Overdue: %(title)s") % {"title": deadline.title}
        description = "\n".join(part for part in (str(deadline.kind_label).capitalize(), deadline.context, url) if part)
        event = icalendar.Event()
        event.add("uid", f"{deadline.key}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.due_on)
        event.add("dtend", deadline.due_on + datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("url", url)
        event.add("categories", [str(deadline.kind_label)])
        # A deadline is a day to keep in mind, not a meeting: it does not make anyone busy.
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
