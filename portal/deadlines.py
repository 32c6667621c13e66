"""Every deadline in the portal, in one list per person.

The portal itself knows no kind of deadline. Each app registers a *provider* for its own kinds
(``policies/deadlines.py``: plans, process plans, follow-ups, policy revisions), and the dashboard,
the calendar feed and ``manage.py send_reminders`` read them all through this module. A later kind
(hearings closing, grant reports due, meetings) is one more provider, registered from its app's
``AppConfig.ready()``; nothing here changes::

    from portal import deadlines

    @deadlines.register
    class HearingDeadlines:
        kind = "hearing"
        label = _("Hearing")

        def for_user(self, user, today):
            # The deadlines that concern ``user``: what their dashboard and calendar show.
            ...

        def for_reminders(self, today, *, due_from, due_until):
            # (user, Deadline) for each person responsible for a deadline due in the range.
            ...

A provider states its own rules through its models' QuerySet methods and their instance twins
(``overdue()`` beside ``is_overdue()``), and runs a fixed number of queries whatever the data.
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

if TYPE_CHECKING:
    from portal.models import User


@dataclass(frozen=True)
class Deadline:
    """One thing that must be done by a date, as the people who owe it see it."""

    kind: str
    #: Stable across runs and unique in the portal, e.g. "plan:3:7:2006-12-15"; the calendar's
    #: event UID and the reminders' record of what was sent. It names the due date, so a moved
    #: deadline is a new one and is reminded of again.
    key: str
    title: str
    due_on: datetime.date
    #: The object's address on the site (a path, without scheme and host).
    url: str
    is_overdue: bool
    #: Where the deadline belongs, e.g. the policy and municipality.
    context: str = ""

    @property
    def kind_label(self):
        return _providers[self.kind].label

    def days_left(self, today):
        """Days until the due date: 0 on the day, negative once passed."""
        return (self.due_on - today).days

    def absolute_url(self):
        """The address for places outside a request, such as e-mails (settings.SITE_URL)."""
        return settings.SITE_URL.rstrip("/") + self.url


class DeadlineProvider(Protocol):
    kind: str
    label: str

    def for_user(self, user, today: datetime.date) -> Iterable[Deadline]: ...

    def for_reminders(
        self, today: datetime.date, *, due_from: datetime.date, due_until: datetime.date
    ) -> Iterable[tuple["User", Deadline]]: ...


_providers: dict[str, DeadlineProvider] = {}


def register(provider_class):
    """Class decorator: add a provider of one kind of deadline to the portal."""
    kind = provider_class.kind
    registered = _providers.get(kind)
    if registered is not None and type(registered) is not provider_class:
        raise ImproperlyConfigured(
            f"Two deadline providers claim the kind {kind!r}: {type(registered).__qualname__} and "
            f"{provider_class.__qualname__}."
        )
    _providers[kind] = provider_class()
    return provider_class


def providers():
    return list(_providers.values())


def passed(due_on, today):
    """Whether a deadline has passed: from the day after its date, never on the day itself.
    For kinds whose model has no ``is_overdue`` twin; the models' twins say the same."""
    return due_on < today


def _soonest_first(deadline):
    return (deadline.due_on, deadline.title, deadline.key)


def deadlines_for(user, today=None):
    """Every deadline that concerns ``user``, soonest (and so the overdue ones) first."""
    if not (user.is_authenticated and user.is_active):
        return []
    today = today or timezone.localdate()
    # A person who holds two roles (caseworker and policy owner) may reach a deadline twice.
    found = {deadline.key: deadline for provider in providers() for deadline in provider.for_user(user, today)}
    return sorted(found.values(), key=_soonest_first)


def responsible_for(today, *, due_from, due_until):
    """(user, deadline) for each active person responsible for a deadline due between ``due_from``
    and ``due_until`` (both included), soonest first: whom to remind of what."""
    found = {}
    for provider in providers():
        for user, deadline in provider.for_reminders(today, due_from=due_from, due_until=due_until):
            if user.is_active:
                found[(user.pk, deadline.key)] = (user, deadline)
    return sorted(found.values(), key=lambda pair: (_soonest_first(pair[1]), pair[0].pk))
