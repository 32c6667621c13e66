"""iCalendar (RFC 5545) feeds, for the calendar programs people already use.

Every feed of the portal (deadlines, hearing deadlines, activities) starts from
``new_calendar`` and is answered by ``calendar_response``.
"""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

# The right-hand side of every event's UID: the deadline's stable key makes the left-hand side,
# so an event keeps its identity in the subscriber's calendar from one refresh to the next.
UID_DOMAIN = "frivilligportalen"


def new_calendar(*, name, product):
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Frivilligportalen//{product}//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def all_day_event(*, uid, day, summary, description, url, stamp):
    """A deadline as an event: all day on its date, and making nobody busy."""
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def deadlines_calendar(deadlines, *, name, absolute_url):
    """An iCalendar document with each deadline as an all-day event on its due date.

    ``absolute_url`` turns a deadline's path into the full address of its object.
    """
    calendar = new_calendar(name=name, product="Deadlines")
    calendar.add("method", "PUBLISH")
    # Ask subscribing programs to refresh a few times a day (the default is often a week).
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    stamp = timezone.now()
    for deadline in deadlines:
        url = absolute_url(deadline.url)
        summary = deadline.title
        if deadline.is_overdue:
            summary = _("Overdue: %(title)s") % {"title": deadline.title}
        event = all_day_event(
            uid=f"{deadline.key}@{UID_DOMAIN}",
            day=deadline.due_on,
            summary=summary,
            description="\n".join(
                part for part in (str(deadline.kind_label).capitalize(), deadline.context, url) if part
            ),
            url=url,
            stamp=stamp,
        )
        event.add("categories", [str(deadline.kind_label)])
        calendar.add_component(event)
    return calendar
