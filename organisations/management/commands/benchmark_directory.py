"""``manage.py benchmark_directory``: how fast the directory and the calendar answer.

Sends typical searches through the real pages with Django's test client (the whole page:
view, queries and template, as a visitor would wait for it): country-wide and inside one
municipality, common words and rare ones, inflections, typos and æ/ø/å typed as ae/oe/aa,
filters alone and combined with words, sorting and a deep page. Each search is repeated
``--rounds`` times after one warm-up; the report gives the fastest, median and slowest time,
the database's share, and the number of queries, with the machine's load average, since a
shared machine's timings are only as good as its quietest moment.

Run it on PostgreSQL after ``generate_synthetic`` (100,000 organisations, 1,000,000
activities); the goal is well under 100 ms a search (``--target``).
"""

import os
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Activity, Occurrence, Organisation
from policies.models import Municipality

KOMMUNE = object()  # stands for the municipality benchmarked (--kommune)

# (page, what it shows, parameters): the searches a visitor typically makes.
SEARCHES = [
    ("directory", gettext_lazy("everything, A–Å"), {}),
    ("directory", gettext_lazy("one municipality"), {"kommune": KOMMUNE}),
    ("directory", gettext_lazy("common word"), {"q": "ældre"}),
    ("directory", gettext_lazy("common word, one municipality"), {"q": "ældre", "kommune": KOMMUNE}),
    ("directory", gettext_lazy("common word as ae"), {"q": "aeldreklubben"}),
    ("directory", gettext_lazy("inflected word"), {"q": "idrætsforeningerne"}),
    ("directory", gettext_lazy("typo"), {"q": "frivilig"}),
    ("directory", gettext_lazy("typo, one municipality"), {"q": "frivilig", "kommune": KOMMUNE}),
    ("directory", gettext_lazy("two words"), {"q": "besøgsvenner ensomme"}),
    ("directory", gettext_lazy("rare word as oe"), {"q": "dragoer"}),
    ("directory", gettext_lazy("rare name, misspelt"), {"q": "lyspunkt draagoer"}),
    ("directory", gettext_lazy("word sorted by name"), {"q": "motion", "sortering": "navn"}),
    ("directory", gettext_lazy("two filters"), {"maalgruppe": "aeldre", "felt": "motion-og-idraet"}),
    (
        "directory",
        gettext_lazy("word and three filters"),
        {"q": "sorg", "type": "association", "maalgruppe": "paaroerende"},
    ),
    (
        "directory",
        gettext_lazy("word and filters, one municipality"),
        {"q": "motion", "maalgruppe": "aeldre", "kommune": KOMMUNE},
    ),
    ("directory", gettext_lazy("page 40"), {"side": "40"}),
    ("calendar", gettext_lazy("this week"), {}),
    ("calendar", gettext_lazy("this week, one municipality"), {"kommune": KOMMUNE}),
    ("calendar", gettext_lazy("month, target group"), {"visning": "maaned", "maalgruppe": "aeldre"}),
    (
        "calendar",
        gettext_lazy("month, target group, one municipality"),
        {"visning": "maaned", "maalgruppe": "aeldre", "kommune": KOMMUNE},
    ),
    ("calendar", gettext_lazy("common word"), {"q": "gåtur"}),
    ("calendar", gettext_lazy("common word, one municipality"), {"q": "gaatur", "kommune": KOMMUNE}),
    ("calendar", gettext_lazy("organisation's word"), {"q": "ældre"}),
    ("calendar", gettext_lazy("rare word"), {"q": "dragør"}),
    ("calendar", gettext_lazy("typo and filter"), {"q": "strikecafe", "type": "network"}),
]


class Command(BaseCommand):
    @property
    def help(self):
        return _("Time typical directory and calendar searches through the real pages.")

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5, help=_("How often each search is repeated."))
        parser.add_argument(
            "--kommune",
            default="",
            help=_("The municipality of the searches inside one (default: the one with most organisations)."),
        )
        parser.add_argument("--target", type=float, default=100.0, help=_("The goal per search, in milliseconds."))

    def handle(self, *args, rounds, kommune, target, **options):
        if rounds < 1:
            raise CommandError(_("Repeat each search at least once."))
        municipality = self.municipality(kommune)
        # The test client needs its host allowed; a benchmark must not change the database.
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        client = Client()
        self.describe(municipality, rounds)
        headings = [_("page"), _("best"), _("median"), _("worst"), _("db"), _("queries"), _("search")]
        self.stdout.write("{:<10} {:>7} {:>7} {:>7} {:>6} {:>7}  {}".format(*headings))
        medians, missed = [], []
        for page, label, params in SEARCHES:
            params = {key: municipality.slug if value is KOMMUNE else value for key, value in params.items()}
            timings, database, queries = self.measure(client, reverse(f"organisations:{page}"), params, rounds)
            median = statistics.median(timings)
            medians.append(median)
            mark = " " if median < target else "!"
            if median >= target:
                missed.append(label)
            self.stdout.write(
                f"{page:<10} {min(timings):>7.1f} {median:>7.1f} {max(timings):>7.1f} "
                f"{statistics.median(database):>6.1f} {queries:>7}{mark} {label}: {params}"
            )
        self.stdout.write(
            _("Times in ms. Median over all searches: %(median).1f ms; slowest median: %(slowest).1f ms.")
            % {"median": statistics.median(medians), "slowest": max(medians)}
        )
        self.stdout.write(_("Load average afterwards: %(load)s.") % {"load": load_average()})
        if missed:
            self.stdout.write(
                _("%(count)s of %(total)s searches took %(target).0f ms or more (marked !): %(labels)s.")
                % {
                    "count": len(missed),
                    "total": len(SEARCHES),
                    "target": target,
                    "labels": ", ".join(map(str, missed)),
                }
            )
        else:
            self.stdout.write(
                _("Every search answered in under %(target).0f ms (median).") % {"target": target}
            )

    def municipality(self, slug):
        if slug:
            try:
                return Municipality.objects.get(slug=slug)
            except Municipality.DoesNotExist:
                raise CommandError(_("No municipality has the short name %(slug)s.") % {"slug": slug}) from None
        busiest = Municipality.objects.annotate(size=Count("organisations")).order_by("-size", "slug").first()
        if busiest is None:
            raise CommandError(_("There is nothing to search: run generate_synthetic first."))
        return busiest

    def describe(self, municipality, rounds):
        self.stdout.write(
            _("Database: %(vendor)s %(version)s; %(organisations)s organisations, %(activities)s activities, "
              "%(occurrences)s dates.")  # fmt: skip
            % {
                "vendor": connection.vendor,
                "version": database_version(),
                "organisations": f"{Organisation.objects.count():,}",
                "activities": f"{Activity.objects.count():,}",
                "occurrences": f"{Occurrence.objects.count():,}",
            }
        )
        self.stdout.write(
            _("Machine: %(cpus)s CPU cores, load average %(load)s; %(debug)s; %(rounds)s rounds a search; "
              "one municipality: %(municipality)s.")  # fmt: skip
            % {
                "cpus": os.cpu_count(),
                "load": load_average(),
                "debug": _("DEBUG on") if settings.DEBUG else _("DEBUG off"),
                "rounds": rounds,
                "municipality": municipality.slug,
            }
        )

    def measure(self, client, url, params, rounds):
        """``(times, database times, queries)`` of ``rounds`` requests, after one to warm the caches."""
        self.get(client, url, params)
        timings, database = [], []
        for _round in range(rounds):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                self.get(client, url, params)
                timings.append((time.perf_counter() - started) * 1000)
            database.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
        return timings, database, len(captured)

    @staticmethod
    def get(client, url, params):
        response = client.get(url, params)
        if response.status_code != 200:
            raise CommandError(f"{url} {params}: {response.status_code}")
        return response


def load_average():
    try:
        return " ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:  # not every system reports one
        return "?"


def database_version():
    if connection.vendor == "postgresql":
        version = connection.pg_version  # e.g. 150020
        return f"{version // 10000}.{version % 10000}"
    return connection.Database.sqlite_version if connection.vendor == "sqlite" else ""
