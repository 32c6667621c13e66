"""``manage.py sync_council_seats``: the directory's "sits on the volunteer council" true to the seats.

Terms begin and end by date, with nothing written that day, so cron runs this daily (beside
``send_reminders``); seating the elected runs it too. Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from policies.council_services import council_seats_sync
from policies.models import VolunteerCouncil


class Command(BaseCommand):
    @property
    def help(self):
        # A property, because argparse cannot format a lazy string.
        return _(
            "Mark in the directory the organisations that hold a seat on their municipality's volunteer council "
            "today, and unmark the others. Meant for a daily cron job."
        )

    def handle(self, *args, **options):
        changed = sum(council_seats_sync(council=council) for council in VolunteerCouncil.objects.all())
        self.stdout.write(_("Volunteer council seats in the directory: %(count)d organisations changed.") % {"count": changed})
