"""The portal's own models: users and their calendar feeds and reminders, and the
municipalities' news. One module per subject; every public name is imported here, so that
``from portal.models import X`` works for all of them (migrations included)."""

from portal.models.news import NewsItem, NewsItemQuerySet, NewsKind, news_municipalities, news_senders
from portal.models.users import (
    CalendarFeed,
    CalendarFeedQuerySet,
    ReminderKind,
    SentReminder,
    User,
    new_calendar_token,
)

__all__ = [
    "CalendarFeed",
    "CalendarFeedQuerySet",
    "NewsItem",
    "NewsItemQuerySet",
    "NewsKind",
    "ReminderKind",
    "SentReminder",
    "User",
    "new_calendar_token",
    "news_municipalities",
    "news_senders",
]
