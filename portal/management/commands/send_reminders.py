"""``manage.py send_reminders``: e-mail each person the reminders of their deadlines due today.

Meant for cron, once a day (e.g. ``15 6 * * * manage.py send_reminders --verbosity 0``). Each
reminder is recorded before it is sent, so running it again, or twice at once, sends nothing new.
"""

import datetime
import smtplib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal import services
from portal.models import ReminderKind


def days_list(value):
    try:
        days = sorted({int(item) for item in value.split(",") if item.strip()})
    except ValueError:
        raise CommandError(_("--days takes whole numbers of days separated by commas, e.g. 14,3.")) from None
    if any(day < 0 for day in days):
        raise CommandError(_("--days cannot hold a negative number of days."))
    return days


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("--today takes a date such as 2006-12-01.")) from None


class Command(BaseCommand):
    @property
    def help(self):
        # A property, because argparse cannot format a lazy string.
        return _(
            "E-mail each caseworker and policy owner a reminder a number of days before each of their "
            "deadlines, and a notice on the day after one has passed. Run it daily; a reminder is never "
            "sent twice."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=days_list,
            help=_("Days before a deadline to remind, separated by commas (default: REMINDER_DAYS_BEFORE, %(days)s).")
            % {"days": ",".join(str(day) for day in settings.REMINDER_DAYS_BEFORE)},
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("List the reminders that are due, but send and record none.")
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            help=_("Act as if it were this date (YYYY-MM-DD), e.g. to check what a day would send."),
        )

    def handle(self, *args, days=None, dry_run=False, today=None, **options):
        today = today or timezone.localdate()
        days_before = settings.REMINDER_DAYS_BEFORE if days is None else days
        verbosity = options["verbosity"]
        # E-mails are written in the portal's language, whatever the shell's.
        with translation.override(settings.LANGUAGE_CODE):
            reminders = services.reminders_due(today=today, days_before=days_before)
            sent = failed = without_address = 0
            for reminder in reminders:
                if not reminder.user.email:
                    without_address += 1
                    if verbosity >= 1:
                        self.stdout.write(
                            self.style.WARNING(
                                _("%(user)s has no e-mail address, so was not reminded of %(title)s.")
                                % {"user": reminder.user, "title": reminder.deadline.title}
                            )
                        )
                    continue
                if dry_run:
                    self.stdout.write(self.describe(reminder))
                    continue
                try:
                    if not services.reminder_send(reminder=reminder, today=today):
                        continue  # another run sent it a moment ago
                except (smtplib.SMTPException, OSError) as error:
                    failed += 1
                    self.stderr.write(
                        _("Could not send %(reminder)s: %(error)s")
                        % {"reminder": self.describe(reminder), "error": error}
                    )
                    continue
                sent += 1
                if verbosity >= 2:
                    self.stdout.write(self.describe(reminder))
            if dry_run:
                summary = ngettext(
                    "%(count)d reminder is due (dry run: nothing sent).",
                    "%(count)d reminders are due (dry run: nothing sent).",
                    len(reminders) - without_address,
                ) % {"count": len(reminders) - without_address}
            else:
                summary = ngettext("Sent %(count)d reminder.", "Sent %(count)d reminders.", sent) % {"count": sent}
            if verbosity >= 1:
                self.stdout.write(self.style.SUCCESS(summary))
            if failed:
                raise CommandError(
                    ngettext(
                        "%(count)d reminder could not be sent; the next run tries again.",
                        "%(count)d reminders could not be sent; the next run tries again.",
                        failed,
                    )
                    % {"count": failed}
                )

    @staticmethod
    def describe(reminder):
        values = {
            "user": reminder.user.email or reminder.user,
            "title": reminder.deadline.title,
            "date": date_format(reminder.deadline.due_on, "j. F Y"),
            "days": reminder.days_before,
        }
        if reminder.kind == ReminderKind.OVERDUE:
            return _("%(user)s: %(title)s, passed on %(date)s") % values
        return _("%(user)s: %(title)s, due on %(date)s (%(days)s days' reminder)") % values
