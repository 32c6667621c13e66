"""``manage.py forget_signups``: delete citizens' meeting sign-ups once they have served their meeting.

A citizen's name and e-mail address are asked for one meeting; MEETING_SIGNUP_RETENTION_DAYS after
it ended they go (``MeetingSignupQuerySet.past_retention``). Meant for cron, once a day beside
``send_reminders``; running it again deletes nothing more.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from policies.models import MeetingSignup


class Command(BaseCommand):
    @property
    def help(self):
        # A property, because argparse cannot format a lazy string.
        return _(
            "Delete the citizens' sign-ups (name and e-mail address) of meetings that ended more than "
            "MEETING_SIGNUP_RETENTION_DAYS ago. Meant for a daily cron job."
        )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("Count the sign-ups, but delete none."))

    def handle(self, *args, dry_run=False, **options):
        expired = MeetingSignup.objects.past_retention()
        if dry_run:
            count = expired.count()
            message = ngettext(
                "%(count)d citizen's sign-up would be deleted.", "%(count)d citizens' sign-ups would be deleted.", count
            )
        else:
            _total, deleted = expired.delete()
            count = deleted.get(MeetingSignup._meta.label, 0)
            message = ngettext("%(count)d citizen's sign-up deleted.", "%(count)d citizens' sign-ups deleted.", count)
        self.stdout.write(message % {"count": count})
