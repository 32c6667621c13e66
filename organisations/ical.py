"""iCalendar feeds of activities (RFC 5545), for calendar programs to subscribe to."""

from django.conf import settings
from django.utils import timezone
from icalendar import Event

from portal import ical


def calendar_response(request, activities, name, filename):
    calendar = ical.new_calendar(name=name, product="vejviser")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host()
    for activity in activities:
        calendar.add_component(_event(request, activity, host))
    calendar.add_missing_timezones()
    return ical.calendar_response(calendar, filename)


def _event(request, activity, host):
    event = Event()
    event.add("uid", f"activity-{activity.pk}@{host}")
    event.add("dtstamp", activity.updated_at)
    event.add("last-modified", activity.updated_at)
    event.add("dtstart", timezone.localtime(activity.starts_at))
    event.add("dtend", timezone.localtime(activity.ends_at))
    event.add("summary", activity.title)
    organisation = activity.organisation
    event.add("description", "\n\n".join(part for part in (activity.description, organisation.name) if part))
    if activity.place:
        event.add("location", activity.place)
    event.add("url", request.build_absolute_uri(activity.get_absolute_url()))
    terms = [term.name for term in activity.target_groups.all()]
    if terms:
        event.add("categories", terms)
    if activity.repeats_weekly:
        event.add("rrule", {"freq": "weekly", "count": len(activity.occurrence_times())})
    return event
