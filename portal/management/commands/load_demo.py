"""``manage.py load_demo``: the demo data from the source documents, loaded idempotently."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from grants.demo import load_demo_grants
from grants.models import Application, GrantScheme, Report
from organisations.demo import load_demo_directory
from organisations.demo_premises import load_demo_premises
from organisations.models import Booking, Organisation, Premises, Room
from policies.demo.council import load_demo_council, load_demo_council_elections
from policies.demo.load import load_demo_policies
from policies.demo.meetings import load_demo_meetings
from policies.models import (
    Action,
    Administration,
    ConsultedBody,
    CouncilElection,
    Hearing,
    ImplementationPlan,
    Meeting,
    Municipality,
    PolicyPoint,
    VolunteerPolicy,
)
from portal.demo import DEMO_PASSWORD, DEMO_USERS, DemoWriter, load_demo_users
from portal.demo_debate import load_demo_debate
from portal.demo_news import load_demo_news
from portal.models import NewsItem, Post, Topic

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
    (Meeting, ngettext_lazy("%(count)d meeting", "%(count)d meetings", "count")),
    (CouncilElection, ngettext_lazy("%(count)d council election", "%(count)d council elections", "count")),
    (Organisation, ngettext_lazy("%(count)d organisation", "%(count)d organisations", "count")),
    (Premises, ngettext_lazy("%(count)d house", "%(count)d houses", "count")),
    (Room, ngettext_lazy("%(count)d room", "%(count)d rooms", "count")),
    (Booking, ngettext_lazy("%(count)d booking", "%(count)d bookings", "count")),
    (NewsItem, ngettext_lazy("%(count)d news item", "%(count)d news items", "count")),
    (Topic, ngettext_lazy("%(count)d debate topic", "%(count)d debate topics", "count")),
    (Post, ngettext_lazy("%(count)d debate post", "%(count)d debate posts", "count")),
    (GrantScheme, ngettext_lazy("%(count)d grant scheme", "%(count)d grant schemes", "count")),
    (Application, ngettext_lazy("%(count)d grant application", "%(count)d grant applications", "count")),
    (Report, ngettext_lazy("%(count)d grant report", "%(count)d grant reports", "count")),
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
                load_demo_meetings(writer)
                load_demo_council(writer)
                if create_users:
                    load_demo_users(writer)
                    # Every post has an author, so the debate comes with the demo users.
                    load_demo_debate(writer)
                    load_demo_council_elections(writer)
                # After the users: the demo's decisions are made by the schemes' caseworkers.
                load_demo_grants(writer)
                # Last: the news names the plans, hearings, schemes and meetings loaded before.
                load_demo_news(writer)
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
