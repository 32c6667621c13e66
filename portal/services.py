"""The portal's writes with side effects: reminders of deadlines by e-mail.

``manage.py send_reminders`` runs daily from cron. For each deadline (``portal.deadlines``) it
reminds each person responsible a configured number of days before (settings.REMINDER_DAYS_BEFORE)
and tells them on the day after it has passed. Each reminder is recorded in ``SentReminder``
before it is sent, so it goes out once however often, and however many at a time, the command runs.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal import deadlines
from portal.deadlines import Deadline
from portal.models import ReminderKind, SentReminder, User

# The notice that a deadline has passed goes out on the day after; a run missed then (cron down)
# still sends it within this many days, but a deadline long past (an old policy loaded into a new
# portal) sends nothing.
OVERDUE_NOTICE_DAYS = 7


@dataclass(frozen=True)
class Reminder:
    user: User
    deadline: Deadline
    kind: ReminderKind
    #: For a reminder before the deadline, the offset it answers to (one of REMINDER_DAYS_BEFORE).
    days_before: int = 0

    @property
    def identity(self):
        return (self.user.pk, self.deadline.key, self.kind, self.days_before)


def reminder_stage(deadline, *, today, days_before):
    """Which reminder of ``deadline`` falls due ``today``: (kind, days before), or None.

    Before the deadline, the reminder for the nearest offset not yet passed: with "14,3", the
    14-day reminder from 14 days until 4 days before, the 3-day one from 3 days before to the day
    itself. A deadline first seen 10 days before still gets its 14-day reminder, and a run that
    misses a day sends it on the next.
    """
    days_left = deadline.days_left(today)
    if deadline.is_overdue:
        if -days_left <= OVERDUE_NOTICE_DAYS:
            return ReminderKind.OVERDUE, 0
        return None
    offsets = [days for days in days_before if days >= days_left >= 0]
    if offsets:
        return ReminderKind.BEFORE, min(offsets)
    return None


def reminders_due(*, today, days_before):
    """The reminders to send ``today`` that have not been sent, soonest deadline first."""
    days_before = sorted(set(days_before))
    pairs = deadlines.responsible_for(
        today,
        due_from=today - datetime.timedelta(days=OVERDUE_NOTICE_DAYS),
        due_until=today + datetime.timedelta(days=max(days_before, default=0)),
    )
    reminders = []
    for user, deadline in pairs:
        stage = reminder_stage(deadline, today=today, days_before=days_before)
        if stage:
            reminders.append(Reminder(user, deadline, *stage))
    # One query tells which were sent on earlier days; a run at the same moment is stopped
    # by the unique constraint in ``reminder_send``.
    sent = set(
        SentReminder.objects.filter(deadline_key__in={reminder.deadline.key for reminder in reminders}).values_list(
            "user_id", "deadline_key", "kind", "days_before"
        )
    )
    return [reminder for reminder in reminders if reminder.identity not in sent]


@transaction.atomic
def reminder_send(*, reminder, today):
    """Send one reminder unless it has been sent; True if this call sent it.

    The record is inserted before the e-mail goes out, in this transaction. A run at the same
    moment waits at the unique constraint until this one commits, and then sends nothing; if the
    e-mail cannot be sent, the transaction rolls back and a later run tries again.
    """
    record = SentReminder(
        user=reminder.user,
        deadline_key=reminder.deadline.key,
        kind=reminder.kind,
        days_before=reminder.days_before,
        due_on=reminder.deadline.due_on,
    )
    # The unique constraint is the claim itself: the INSERT checks it, atomically.
    record.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        return False
    subject, body = reminder_message(reminder, today=today)
    send_mail(subject, body, None, [reminder.user.email])
    return True


def reminder_message(reminder, *, today):
    """The subject and text of a reminder, in the active language."""
    deadline = reminder.deadline
    values = {"title": deadline.title, "date": date_format(deadline.due_on, "j. F Y")}
    if reminder.kind == ReminderKind.OVERDUE:
        subject = _("Deadline passed: %(title)s (%(date)s)") % values
    else:
        subject = _("Reminder: %(title)s is due on %(date)s") % values
    body = render_to_string(
        "portal/email/reminder.txt",
        {
            "user": reminder.user,
            "deadline": deadline,
            "date": values["date"],
            "overdue": reminder.kind == ReminderKind.OVERDUE,
            "days_left": deadline.days_left(today),
            "dashboard_url": settings.SITE_URL + reverse("portal:dashboard"),
        },
    )
    # E-mail subjects are one line.
    return " ".join(subject.split()), body.strip() + "\n"
