"""``manage.py load_demo``: the demo data from the source documents, loaded idempotently."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from organisations.demo import load_demo_directory
from organisations.demo_premises import load_demo_premises
from organisations.models import Booking, Organisation, Premises, Room
from policies.demo.council import load_demo_council, load_demo_council_elections
from policies.demo.load import load_demo_policies
from policies.models import (
    Action,
    Administration,
    ConsultedBody,
    CouncilElection,
    Hearing,
    ImplementationPlan,
    Municipality,
    PolicyPoint,
    VolunteerPolicy,
)
from portal.demo import DEMO_PASSWORD, DEMO_USERS, DemoWriter, load_demo_users

# The plural form is chosen when "count" is filled in.
KINDS = [
    (Municipality, ngettext_lazy("%(count)d municipality", "%(count)d municipalities", "count")),
    (VolunteerPolicy, ngettext_lazy("%(count)d policy", "%(count)d policies", "count")),
    (PolicyPoint, ngettext_lazy("%(count)d point", "%(count)d points", "count")),
    (Administration, ngettext_lazy("%(count)d administration", "%(count)d administrations", "count")),
    (ConsultedBody, ngettext_lazy("%(count)d consulted body", "%(count)d consulted bodies", "count")),
    (ImplementationPlan, ngettext_lazy("%(count)d implementation plan", "%(count)d implementation plans", "count")),
    (Action, ngettext_lazy("%(count)d action", "%(count)d actions", "count")),
    (Hearing, ngettext_lazy("%(count)d hearing", "%(count)d hearings", "count")),
    (CouncilElection, ngettext_lazy("%(count)d council election", "%(count)d council elections", "count")),
    (Organisation, ngettext_lazy("%(count)d organisation", "%(count)d organisations", "count")),
    (Premises, ngettext_lazy("%(count)d house", "%(count)d houses", "count")),
    (Room, ngettext_lazy("%(count)d room", "%(count)d rooms", "count")),
    (Booking, ngettext_lazy("%(count)d booking", "%(count)d bookings", "count")),
    (get_user_model(), ngettext_lazy("%(count)d user", "%(count)d users", "count")),
]


def _summary(objects):
    counts = [(len(objects.get(model, ())), text) for model, text in KINDS]
    return ", ".join(text % {"count": count} for count, text in counts if count)


class Command(BaseCommand):
    @property
    def help(self):
        # A property, because argparse cannot format a lazy string.
        return _(
            "Load the demo data transcribed from the source documents: Copenhagen's and Vesthimmerland's "
            "volunteer policies and two of Copenhagen's implementation plans. Running it again changes "
            "nothing. Demo users (password “demo”) are created only with DEBUG on or --with-users."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help=_("Create the demo users even though DEBUG is off."),
        )

    def handle(self, *args, with_users=False, **options):
        # Every demo user has a known password: a production site gets them only on request.
        create_users = settings.DEBUG or with_users
        writer = DemoWriter()
        try:
            with transaction.atomic():
                load_demo_policies(writer)
                load_demo_directory(writer)
                load_demo_premises(writer)
                load_demo_council(writer)
                if create_users:
                    load_demo_users(writer)
                    load_demo_council_elections(writer)
        except ValidationError as error:
            raise CommandError(
                _("The demo data breaks a rule of the models, so nothing was loaded: %(error)s")
                % {"error": "; ".join(error.messages)}
            ) from error

        summary = _("Loaded demo data: %(summary)s.") % {"summary": _summary(writer.objects)}
        self.stdout.write(self.style.SUCCESS(summary))
        if writer.changed:
            self.stdout.write(
                _("Created %(created)d rows, updated %(updated)d and added %(links)d links.")
                % {
                    "created": sum(writer.created.values()),
                    "updated": sum(writer.updated.values()),
                    "links": writer.links_added,
                }
            )
        else:
            self.stdout.write(_("Nothing changed: the demo data was already in place."))
        if create_users:
            self.stdout.write(
                _("Demo users: %(usernames)s (password “%(password)s”).")
                % {"usernames": ", ".join(user["username"] for user in DEMO_USERS), "password": DEMO_PASSWORD}
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    _("Skipped the demo users because DEBUG is off. Use --with-users to create them anyway.")
                )
            )
