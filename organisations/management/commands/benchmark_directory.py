"""``manage.py benchmark_directory``: how fast the directory and the calendar answer.

Sends typical searches (Danish words, inflections, ae/oe/aa spellings, typos, filters)
through the real pages with Django's test client, several rounds each, and reports the
median and slowest time per search with its number of queries. Run it on PostgreSQL
after ``generate_synthetic``; the goal is well under 100 ms a search.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _

SEARCHES = [
    ("directory", {}),
    ("directory", {"q": "ældre"}),
    ("directory", {"q": "aeldreklubben"}),
    ("directory", {"q": "idrætsforeningerne"}),
    ("directory", {"q": "lektiecafe"}),
    ("directory", {"q": "frivilig"}),
    ("directory", {"q": "besøgsvenner ensomme"}),
    ("directory", {"q": "motion", "sortering": "navn"}),
    ("directory", {"maalgruppe": "aeldre", "felt": "motion-og-idraet"}),
    ("directory", {"q": "sorg", "type": "association", "maalgruppe": "paaroerende"}),
    ("directory", {"side": "40"}),
    ("calendar", {}),
    ("calendar", {"visning": "maaned", "maalgruppe": "aeldre"}),
    ("calendar", {"q": "gåtur"}),
]


class Command(BaseCommand):
    help = "Time typical directory and calendar searches through the real pages."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5, help=_("How often each search is repeated."))
        parser.add_argument("--kommune", default="", help=_("Add this municipality filter to every search."))

    def handle(self, *args, rounds, kommune, **options):
        # The test client needs its host allowed; a benchmark must not change the database.
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        client = Client()
        self.stdout.write(_("Database: %(vendor)s") % {"vendor": connection.vendor})
        self.stdout.write(f"{'page':<10} {'median ms':>10} {'max ms':>8} {'db ms':>7} {'queries':>8}  search")
        medians = []
        for page, params in SEARCHES:
            if kommune:
                params = {**params, "kommune": kommune}
            url = reverse(f"organisations:{page}")
            client.get(url, params)  # warm the caches once
            timings, database = [], []
            for _round in range(rounds):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url, params)
                    timings.append((time.perf_counter() - started) * 1000)
                database.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
                if response.status_code != 200:
                    self.stderr.write(f"{url} {params}: {response.status_code}")
            median = statistics.median(timings)
            medians.append(median)
            self.stdout.write(
                f"{page:<10} {median:>10.1f} {max(timings):>8.1f} {statistics.median(database):>7.1f} "
                f"{len(queries):>8}  {params}"
            )
        self.stdout.write(
            _("Median over all searches: %(median).1f ms; slowest search: %(slowest).1f ms.")
            % {"median": statistics.median(medians), "slowest": max(medians)}
        )
