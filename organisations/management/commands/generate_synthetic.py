"""``manage.py generate_synthetic``: realistic synthetic organisations and activities for benchmarks.

Danish-sounding names, purposes and places across many municipalities, each with its own
vocabularies; activities with target groups and weekly ones among them. Written in bulk
(``bulk_create`` in batches, the derived search columns computed as the models' own
``search_columns()`` make them, the PostgreSQL vectors in one UPDATE a batch), so 100,000
organisations and 1,000,000 activities take minutes, not hours; the tables are compacted
afterwards, so that no dead rows slow the benchmark. The synthetic municipalities are marked by
their short name ("syntetisk-…"), and ``--delete`` removes them and everything in them.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations import search
from organisations.models import (
    Activity,
    District,
    FieldOfActivity,
    Occurrence,
    Organisation,
    OrganisationKind,
    SearchWord,
    TargetGroup,
)
from policies.models import Municipality

PREFIX = "syntetisk-"
BATCH = 2000
# The many-to-many links written in bulk, whose tables are vacuumed with the rest.
LINKS = (Organisation.target_groups, Organisation.fields_of_activity, Organisation.districts, Activity.target_groups)

TOWNS = [
    "Aabenraa", "Aalborg", "Aarhus", "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholm",
    "Brøndby", "Brønderslev", "Dragør", "Egedal", "Esbjerg", "Fanø", "Favrskov", "Faxe", "Fredensborg",
    "Fredericia", "Frederiksberg", "Frederikshavn", "Frederikssund", "Furesø", "Faaborg-Midtfyn", "Gentofte",
    "Gladsaxe", "Glostrup", "Greve", "Gribskov", "Guldborgsund", "Haderslev", "Halsnæs", "Hedensted",
    "Helsingør", "Herlev", "Herning", "Hillerød", "Hjørring", "Holbæk", "Holstebro", "Horsens", "Hvidovre",
    "Høje-Taastrup", "Hørsholm", "Ikast-Brande", "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding",
    "Køge", "Langeland", "Lejre", "Lemvig", "Lolland", "Lyngby-Taarbæk", "Læsø", "Mariagerfjord",
    "Middelfart", "Morsø", "Norddjurs", "Nordfyn", "Nyborg", "Næstved", "Odder", "Odense", "Odsherred",
    "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted", "Roskilde", "Rudersdal", "Rødovre", "Samsø",
    "Silkeborg", "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø", "Stevns", "Struer", "Svendborg",
    "Syddjurs", "Sønderborg", "Thisted", "Tønder", "Tårnby", "Vallensbæk", "Varde", "Vejen", "Vejle",
    "Vesthimmerland", "Viborg", "Vordingborg", "Ærø", "Aabybro",
]  # fmt: skip
TARGET_GROUPS = [
    "Ældre", "Børn og unge", "Familier", "Flygtninge og indvandrere", "Hjemløse", "Mennesker med handicap",
    "Pårørende", "Ensomme", "Sindslidende", "Misbrugere", "Seniorer", "Nydanskere",
]  # fmt: skip
FIELDS = [
    "Motion og idræt", "Besøgstjeneste", "Lektiehjælp", "Rådgivning", "Kultur", "Sundhed", "Natur og miljø",
    "Madfællesskab", "Genbrug", "Integration", "Sorggrupper", "Netværk",
]  # fmt: skip
DISTRICT_WORDS = ["Centrum", "Nord", "Syd", "Øst", "Vest", "Strandby", "Bakkegården", "Søndermarken", "Østerbyen"]
NAME_HEADS = [
    "Ældreklubben", "Idrætsforeningen", "Lektiecaféen", "Besøgsvennerne", "Frivilligcentret", "Sorggruppen",
    "Strikkeklubben", "Madklubben", "Netværket", "Foreningen for", "Seniorsport", "Café", "Genbrugsbutikken",
    "Motionsholdet", "Pårørendegruppen", "Væresstedet", "Spejderne", "Menighedsplejen", "Røde Kors",
    "Ældre Sagen", "Dansk Flygtningehjælp", "Kirkens Korshær", "Mødrehjælpen", "Headspace",
]  # fmt: skip
NAME_TAILS = ["Fremad", "Håbet", "Solstrålen", "Fællesskabet", "Lyspunktet", "Nabohjælp", "Broen", "Åen"]
PURPOSES = [
    "Vi tilbyder {field} for {group} i {town}.",
    "Frivillige mødes hver uge og laver {field} sammen med {group}.",
    "Foreningen arbejder for at {group} får et godt og aktivt liv gennem {field}.",
    "Et netværk af frivillige, der støtter {group} med {field} og hyggeligt samvær.",
]
PLACES = ["Medborgerhuset", "Biblioteket", "Kirkens sal", "Idrætshallen", "Parken"]
ACTIVITY_TITLES = [
    "Gåtur", "Strikkecafé", "Lektiehjælp", "Fællesspisning", "Seniordans", "Sorggruppe", "Banko", "Foredrag",
    "Cykeltur", "Kortspil", "Sangaften", "Madlavning", "Svømning", "Yoga", "Dialogmøde", "Loppemarked",
]  # fmt: skip


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Generate synthetic organisations and activities across many municipalities for benchmarks "
            "(e.g. --municipalities 98 --organisations 100000 --activities 1000000). --delete removes them."
        )

    def add_arguments(self, parser):
        parser.add_argument("--municipalities", type=int, default=98)
        parser.add_argument("--organisations", type=int, default=1000)
        parser.add_argument("--activities", type=int, default=10000)
        parser.add_argument("--seed", type=int, default=2006, help=_("The same seed gives the same data."))
        parser.add_argument("--delete", action="store_true", help=_("Remove the synthetic data instead."))

    def handle(self, *args, municipalities, organisations, activities, seed, delete=False, **options):
        if delete:
            return self.delete()
        if min(municipalities, organisations, activities) < 0 or municipalities < 1:
            raise CommandError(_("The counts must be positive."))
        if Municipality.objects.filter(slug__startswith=PREFIX).exists():
            raise CommandError(_("Synthetic data exists already; remove it first with --delete."))
        rng = random.Random(seed)
        started = time.monotonic()
        with transaction.atomic():
            places = self.create_municipalities(rng, municipalities)
        self.stdout.write(_("%(count)s municipalities with their vocabularies") % {"count": len(places)})
        created = self.create_organisations(rng, places, organisations)
        self.stdout.write(_("%(count)s organisations") % {"count": len(created)})
        if created:
            count = self.create_activities(rng, created, activities)
            self.stdout.write(_("%(count)s activities") % {"count": count})
        if search.is_postgresql():
            self.tidy()
        self.stdout.write(_("Done in %(seconds).0f seconds.") % {"seconds": time.monotonic() - started})

    def tidy(self):
        """What autovacuum would get round to later, now: the tables written twice (their
        vectors) compacted, as rows entered one by one would be; fresh statistics, or the
        planner guesses at the new rows and skips the indexes; and a visibility map, or no
        index-only scans. VACUUM cannot run inside a transaction (a test's): there ANALYZE alone."""
        models = [Municipality, TargetGroup, FieldOfActivity, District, Organisation, Activity, Occurrence, SearchWord]
        tables = [model._meta.db_table for model in models] + [link.through._meta.db_table for link in LINKS]
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute(f"ANALYZE {', '.join(tables)}")
                return
            cursor.execute(f"VACUUM (FULL) {Organisation._meta.db_table}, {Occurrence._meta.db_table}")
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")

    def delete(self):
        synthetic = Municipality.objects.filter(slug__startswith=PREFIX)
        organisations = Organisation.objects.filter(municipality__in=synthetic)
        with transaction.atomic():
            Occurrence.objects.filter(organisation__in=organisations).delete()
            Activity.objects.filter(organisation__in=organisations).delete()
            deleted, _counts = organisations.delete()
            synthetic.delete()
        self.stdout.write(_("Removed the synthetic data (%(count)s rows).") % {"count": deleted})

    def create_municipalities(self, rng, count):
        places = []
        for number in range(count):
            town = TOWNS[number % len(TOWNS)]
            suffix = f" {number // len(TOWNS) + 1}" if number >= len(TOWNS) else ""
            municipality = Municipality.objects.create(
                name=f"{town} Kommune (syntetisk){suffix}", slug=f"{PREFIX}{number + 1:03d}"
            )
            vocabulary = {}
            for model, names in (
                (TargetGroup, TARGET_GROUPS),
                (FieldOfActivity, FIELDS),
                (District, [f"{town} {word}" for word in DISTRICT_WORDS]),
            ):
                terms = [model(municipality=municipality, name=name, slug=search_slug(name)) for name in names]
                vocabulary[model] = model.objects.bulk_create(terms)
            places.append((municipality, town, vocabulary))
        return places

    def create_organisations(self, rng, places, count):
        """``(id, municipality id, its municipality's vocabulary)`` of each organisation created."""
        created_rows, now = [], timezone.now()
        postgresql = search.is_postgresql()
        through = {
            TargetGroup: (Organisation.target_groups.through, "targetgroup_id"),
            FieldOfActivity: (Organisation.fields_of_activity.through, "fieldofactivity_id"),
            District: (Organisation.districts.through, "district_id"),
        }
        for start in range(0, count, BATCH):
            rows, chosen_terms = [], []
            for number in range(start, min(start + BATCH, count)):
                municipality, town, vocabulary = places[number % len(places)]
                terms = {model: rng.sample(vocabulary[model], rng.randint(1, 3)) for model in vocabulary}
                name = f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TAILS)} {town} {number + 1}"
                purpose = rng.choice(PURPOSES).format(
                    field=terms[FieldOfActivity][0].name.lower(), group=terms[TargetGroup][0].name.lower(), town=town
                )
                organisation = Organisation(
                    municipality=municipality,
                    name=name,
                    slug=search_slug(name),
                    kind=rng.choice(OrganisationKind.values),
                    purpose=purpose,
                    city=town,
                    postal_code=f"{rng.randint(1000, 9990)}",
                    members_count=rng.randint(0, 500),
                    volunteers_count=rng.randint(1, 120),
                    on_volunteer_council=rng.random() < 0.05,
                    is_listed=rng.random() < 0.97,
                    approved_at=now,
                )
                # The columns save() would write, as it would write them.
                all_terms = [term for model_terms in terms.values() for term in model_terms]
                organisation.search_name, organisation.search_text, organisation.search_terms = (
                    organisation.search_columns(terms=all_terms)
                )
                rows.append(organisation)
                chosen_terms.append((terms, vocabulary))
            with transaction.atomic():
                created = Organisation.objects.bulk_create(rows)
                links = {model: [] for model in through}
                for organisation, (terms, _vocabulary) in zip(created, chosen_terms):
                    for model, model_terms in terms.items():
                        model_through, column = through[model]
                        links[model].extend(
                            model_through(organisation_id=organisation.pk, **{column: term.pk}) for term in model_terms
                        )
                for model, model_links in links.items():
                    through[model][0].objects.bulk_create(model_links)
                search.remember_words(*(f"{o.search_name} {o.search_text}" for o in created))
                if postgresql:
                    Organisation.objects.filter(pk__in=[o.pk for o in created]).update(
                        search_vector=search.search_vector()
                    )
            created_rows.extend(
                (organisation.pk, organisation.municipality_id, vocabulary)
                for organisation, (_terms, vocabulary) in zip(created, chosen_terms)
            )
            self.stdout.write(f"  {len(created_rows)}", ending="\r")
        return created_rows

    def create_activities(self, rng, organisations, count):
        today = timezone.localdate()
        created_count = 0
        postgresql = search.is_postgresql()
        links = Activity.target_groups.through
        for start in range(0, count, BATCH):
            activities = []
            for _number in range(start, min(start + BATCH, count)):
                organisation_id, municipality_id, vocabulary = rng.choice(organisations)
                day = today + datetime.timedelta(days=rng.randint(-60, 300))
                starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(8, 20))))
                weekly = rng.random() < 0.15
                title = rng.choice(ACTIVITY_TITLES)
                activity = Activity(
                    organisation_id=organisation_id,
                    title=title,
                    description=f"{title} for alle. Kom og vær med!",
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=rng.choice([1, 2, 3])),
                    place=rng.choice(PLACES),
                    repeats_weekly=weekly,
                    repeat_until=day + datetime.timedelta(weeks=rng.randint(1, 12)) if weekly else None,
                    signup_required=rng.random() < 0.3,
                )
                times = activity.occurrence_times()
                activity.last_ends_at = times[-1][1]
                activity.search_text = activity.search_columns()
                target_groups = rng.sample(vocabulary[TargetGroup], rng.choice([0, 1, 1, 2]))
                activities.append((activity, times, target_groups, municipality_id))
            with transaction.atomic():
                created = Activity.objects.bulk_create([row[0] for row in activities])
                links.objects.bulk_create(
                    links(activity_id=activity.pk, targetgroup_id=group.pk)
                    for activity, (_unsaved, _times, groups, _municipality) in zip(created, activities)
                    for group in groups
                )
                Occurrence.objects.bulk_create(
                    Occurrence(
                        activity=activity,
                        organisation_id=activity.organisation_id,
                        municipality_id=municipality,
                        starts_at=s,
                        ends_at=e,
                    )
                    for activity, (_unsaved, times, _groups, municipality) in zip(created, activities)
                    for s, e in times
                )
                if postgresql:
                    # As Activity.dated() would write them; one statement a batch, not an expression a row.
                    Occurrence.objects.filter(activity__in=created).refresh_search_columns()
            created_count += len(created)
            self.stdout.write(f"  {created_count}", ending="\r")
        search.remember_words(*ACTIVITY_TITLES, *PLACES, "for alle. Kom og vær med!")
        return created_count


def search_slug(name):
    from django.utils.text import slugify

    return slugify(search.fold(name))[:100]
