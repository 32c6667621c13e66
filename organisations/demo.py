"""Demo data for the directory and the calendar, on top of the demo policies and users.

``load_demo_directory(writer)`` is meant to be called by ``load_demo`` after
``load_demo_users`` (it needs the municipalities, "Frivilligt Forum" and the demo users),
with the same idempotent ``DemoWriter``: a second run changes nothing. It gives every page
of the directory something to show: vocabularies for both municipalities, Frivilligt
Forum's profile with a weekly activity, an organisation awaiting approval, a hidden one,
and an open deletion request. Names other than those of the source documents are fictitious.
"""

import datetime

from django.utils import timezone

from organisations.models import (
    Activity,
    DeletionRequest,
    District,
    FieldOfActivity,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    TargetGroup,
)
from policies.models import Municipality

VOCABULARIES = {
    "koebenhavn": {
        TargetGroup: ["Ældre", "Børn og unge", "Flygtninge og indvandrere", "Pårørende", "Ensomme"],
        FieldOfActivity: ["Besøgstjeneste", "Motion og idræt", "Lektiehjælp", "Rådgivning", "Netværk"],
        District: ["Indre By", "Østerbro", "Nørrebro", "Vesterbro", "Amager", "Valby", "Bispebjerg"],
    },
    "vesthimmerland": {
        TargetGroup: ["Ældre", "Børn og unge", "Familier", "Mennesker med handicap"],
        FieldOfActivity: ["Besøgstjeneste", "Motion og idræt", "Kultur", "Netværk"],
        District: ["Aars", "Farsø", "Løgstør", "Aalestrup"],
    },
}


def _local(*args):
    return timezone.make_aware(datetime.datetime(*args))


def load_demo_directory(writer):
    terms = {}
    for slug, vocabularies in VOCABULARIES.items():
        municipality = Municipality.objects.get(slug=slug)
        for model, names in vocabularies.items():
            for name in names:
                terms[slug, model, name] = writer.put(model, {"municipality": municipality, "name": name})
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")

    def vocabulary(slug, model, *names):
        return [terms[slug, model, name] for name in names]

    forum = writer.put(
        Organisation,
        {"municipality": copenhagen, "slug": "frivilligt-forum"},
        {
            "city": "København",
        },
    )
    writer.link(forum.target_groups, vocabulary("koebenhavn", TargetGroup, "Ensomme", "Ældre"))
    writer.link(forum.fields_of_activity, vocabulary("koebenhavn", FieldOfActivity, "Netværk"))
    writer.link(forum.districts, vocabulary("koebenhavn", District, "Indre By", "Nørrebro"))
    meeting = writer.put(
        Activity,
        {"organisation": forum, "title": "Netværksmøde for frivillige (demo)"},
        {
            "description": "Åbent møde hver tirsdag: nyt fra kommunen og fra organisationerne.",
            "starts_at": _local(2026, 9, 1, 17),
            "ends_at": _local(2026, 9, 1, 19),
            "place": "Medborgerhuset, Nørrebro",
            "repeats_weekly": True,
            "repeat_until": datetime.date(2028, 8, 22),
        },
    )
    writer.link(meeting.target_groups, vocabulary("koebenhavn", TargetGroup, "Ensomme"))

    writer.put(
        Organisation,
        {"municipality": copenhagen, "slug": "lektiecafeen-paa-hjoernet"},
        {
            "name": "Lektiecaféen på Hjørnet (demo)",
            "kind": OrganisationKind.INFORMAL_GROUP,
            "purpose": "Frivillige giver lektiehjælp til børn og unge to eftermiddage om ugen.",
            "status": OrganisationStatus.PENDING,
        },
    )
    writer.put(
        Organisation,
        {"municipality": copenhagen, "slug": "strikkeklubben-masken"},
        {
            "name": "Strikkeklubben Masken (demo)",
            "purpose": "Strikker til nyfødte og hygger med ældre i lokalområdet.",
            "hidden_reason": "Klubben er holdt op; listningen er skjult, til den har bekræftet det.",
        },
    )
    gaaturene = writer.put(
        Organisation,
        {"municipality": vesthimmerland, "slug": "gaaturene-i-aars"},
        {
            "name": "Gåturene i Aars (demo)",
            "kind": OrganisationKind.INFORMAL_GROUP,
            "purpose": "Gåture for ældre og alle andre, hver torsdag fra biblioteket.",
            "city": "Aars",
        },
    )
    writer.link(gaaturene.target_groups, vocabulary("vesthimmerland", TargetGroup, "Ældre"))
    writer.link(gaaturene.districts, vocabulary("vesthimmerland", District, "Aars"))
    writer.put(
        Activity,
        {"organisation": gaaturene, "title": "Torsdagsgåtur"},
        {
            "starts_at": _local(2026, 9, 3, 10),
            "ends_at": _local(2026, 9, 3, 11, 30),
            "place": "Aars Bibliotek",
            "repeats_weekly": True,
            "repeat_until": datetime.date(2028, 8, 24),
        },
    )
    writer.put(
        DeletionRequest,
        {"municipality": vesthimmerland, "organisation_name": "Gåturene i Aars (demo)"},
        {"organisation": gaaturene, "reason": "Vi holder som forening; gåturene fortsætter uden os."},
    )
    return writer
