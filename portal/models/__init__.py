"""The portal's own models: users, their calendar addresses, the record of reminders sent, the
municipalities' news and the debate forum. One module per subject; every public name is imported here, so that
``from portal.models import X`` works for all of them."""

from portal.models.calendar import CalendarFeed, CalendarFeedQuerySet, new_calendar_token
from portal.models.debate import (
    BODY_MAX_LENGTH,
    OPEN_ANONYMOUS_REPORTS_KEPT,
    REASON_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    DebateModerator,
    Post,
    PostQuerySet,
    PostStatus,
    Report,
    ReportOutcome,
    ReportQuerySet,
    Topic,
    TopicQuerySet,
    author_refusal,
    moderated_municipalities,
    moderates,
    moderation_backlog,
    posting_refusal,
    status_on_writing,
)
from portal.models.news import LINK_FIELDS, NewsItem, NewsItemQuerySet, NewsKind, news_municipalities, news_senders
from portal.models.reminders import ReminderKind, SentReminder
from portal.models.users import PortalUserManager, User

__all__ = [
    "LINK_FIELDS",
    "BODY_MAX_LENGTH",
    "OPEN_ANONYMOUS_REPORTS_KEPT",
    "REASON_MAX_LENGTH",
    "TITLE_MAX_LENGTH",
    "CalendarFeed",
    "CalendarFeedQuerySet",
    "DebateModerator",
    "NewsItem",
    "NewsItemQuerySet",
    "NewsKind",
    "PortalUserManager",
    "Post",
    "PostQuerySet",
    "PostStatus",
    "ReminderKind",
    "Report",
    "ReportOutcome",
    "ReportQuerySet",
    "SentReminder",
    "Topic",
    "TopicQuerySet",
    "User",
    "author_refusal",
    "moderated_municipalities",
    "moderates",
    "moderation_backlog",
    "new_calendar_token",
    "news_municipalities",
    "news_senders",
    "posting_refusal",
    "status_on_writing",
]
