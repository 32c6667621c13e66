"""Vesthimmerland's volunteer council (Frivilligrådet), on top of the demo policies and directory.

Seed 004 says that the council exists ("Behandlet af Frivilligrådet i Vesthimmerlands Kommune den 21.
august 2007"), that its members "vælges af og blandt de frivillige organisationer i kommunen", that
the municipality sets its statutes, and that the municipality names a fixed contact person. It names
neither the statutes, nor the members, nor the contact person: those below are fictitious and
marked "(demo)", as are the organisations and the people who stand for them.

``load_demo_council(writer)`` (always) writes the council, its statutes, the contact person and the
organisations. ``load_demo_council_elections(writer)`` (with the demo users, after
``load_demo_users``) writes the people who stand for the organisations (no login: they have no
password), makes the demo user "forening" a representative of Besøgsvennerne i Farsø, and replays
two elections through ``policies.council_services`` on dates counted back from the day of the first
load: the one that elected the term running now, counted and published, and the one for the coming
term, open for votes, in which Besøgsvennerne has not voted yet. A council with terms is left alone,
so a second run, on any day, writes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from organisations.models import Organisation, OrganisationKind
from policies import council_services as services
from policies.models import (
    ConsultedBody,
    CouncilElection,
    CouncilStatutes,
    Eligibility,
    Municipality,
    VolunteerCouncil,
)

DESCRIPTION = "\n\n".join(
    (
        (
            "Frivilligrådet er bindeleddet mellem de frivillige sociale organisationer og foreninger og "
            "Vesthimmerlands Kommune. Medlemmerne vælges af og blandt de frivillige organisationer i kommunen, "
            "og rådets opgaver og forhold reguleres i vedtægter, som kommunen fastsætter (frivilligpolitikken, 2007)."
        ),
        "Frivilligrådet behandlede forslaget til kommunens frivilligpolitik den 21. august 2007.",
    )
)

STATUTES = {
    "adopted_on": datetime.date(2007, 5, 1),
    "decision_reference": "Socialudvalget 01.05.2007 (demo)",
    "seats": 5,
    "votes_per_organisation": 2,
    "who_may_vote": Eligibility.LISTED,
    "who_may_stand": Eligibility.LISTED,
    "term_years": 2,
    "text": "\n\n".join(
        (
            "Vedtægter for Frivilligrådet i Vesthimmerlands Kommune (demo, ikke et historisk dokument).",
            (
                "§ 1. Frivilligrådet rådgiver kommunen i sager om det frivillige sociale arbejde, afgiver "
                "høringssvar og medvirker ved fordelingen af tilskud til frivilligt socialt arbejde."
            ),
            (
                "§ 2. Rådet har fem medlemmer, som vælges for to år ad gangen af og blandt de frivillige "
                "organisationer, der er optaget i kommunens vejviser. Hver organisation har to stemmer."
            ),
            "§ 3. Rådet konstituerer sig med en formand. Kommunens kontaktperson er rådets sekretær.",
        )
    ),
}

# "Kommunen udpeger en fast kontaktperson for frivilligarbejdet": the seed names no one.
CONTACT = {
    "volunteer_contact_name": "Birgitte Frost (demo)",
    "volunteer_contact_title": "Frivilligkoordinator, Social og Sundhed",
    "volunteer_contact_email": "frivilligkontakt@example.org",
    "volunteer_contact_phone": "12 34 56 78",
}

ORGANISATIONS = [
    {
        "slug": "besoegsvennerne-i-farsoe",
        "name": "Besøgsvennerne i Farsø (demo)",
        "kind": OrganisationKind.ASSOCIATION,
        "purpose": "Frivillige besøgsvenner for ældre, der sidder meget alene.",
        "city": "Farsø",
    },
    {
        "slug": "seniorcafeen-i-loegstoer",
        "name": "Seniorcaféen i Løgstør (demo)",
        "kind": OrganisationKind.ASSOCIATION,
        "purpose": "Café for seniorer to formiddage om ugen, drevet af frivillige.",
        "city": "Løgstør",
    },
    {
        "slug": "lektiehjaelpen-i-aalestrup",
        "name": "Lektiehjælpen i Aalestrup (demo)",
        "kind": OrganisationKind.INFORMAL_GROUP,
        "purpose": "Lektiehjælp for børn og unge på biblioteket.",
        "city": "Aalestrup",
    },
    {
        "slug": "kulturvennerne-i-aars",
        "name": "Kulturvennerne i Aars (demo)",
        "kind": OrganisationKind.ASSOCIATION,
        "purpose": "Følger ældre og mennesker med handicap til koncerter, teater og udstillinger.",
        "city": "Aars",
    },
    {
        "slug": "familienetvaerket-vesthimmerland",
        "name": "Familienetværket Vesthimmerland (demo)",
        "kind": OrganisationKind.NETWORK,
        "purpose": "Netværk for børnefamilier med frivillige familievenner.",
        "city": "Aars",
    },
    {
        "slug": "idraetsvennerne-i-ranum",
        "name": "Idrætsvennerne i Ranum (demo)",
        "kind": OrganisationKind.ASSOCIATION,
        "purpose": "Motion og idræt for ældre og for mennesker med handicap.",
        "city": "Ranum",
    },
]

# One person per organisation stands for it; Gåturene i Aars is the directory's own demo group.
PEOPLE = {
    "besoegsvennerne-i-farsoe": ("raad-hanne", "Hanne Kjær (demo)"),
    "seniorcafeen-i-loegstoer": ("raad-erik", "Erik Vestergaard (demo)"),
    "lektiehjaelpen-i-aalestrup": ("raad-sofie", "Sofie Bach (demo)"),
    "kulturvennerne-i-aars": ("raad-niels", "Niels Holm (demo)"),
    "familienetvaerket-vesthimmerland": ("raad-maria", "Maria Lund (demo)"),
    "idraetsvennerne-i-ranum": ("raad-lars", "Lars Dahl (demo)"),
    "gaaturene-i-aars": ("raad-inge", "Inge Møller (demo)"),
}

STATEMENTS = {
    "seniorcafeen-i-loegstoer": "Jeg vil arbejde for, at de små foreninger i yderområderne bliver hørt.",
    "lektiehjaelpen-i-aalestrup": "Børn og unge skal have en stemme i Frivilligrådet.",
    "kulturvennerne-i-aars": "Kultur er også socialt arbejde: jeg vil have flere med.",
    "familienetvaerket-vesthimmerland": "Jeg vil styrke samarbejdet mellem kommunen og familierne.",
    "idraetsvennerne-i-ranum": "Motion og fællesskab for alle, også dem med handicap.",
    "gaaturene-i-aars": "Jeg stiller op for de uorganiserede frivillige.",
    "besoegsvennerne-i-farsoe": "Ensomhed blandt ældre skal på rådets dagsorden.",
}

# The election that elected the term running now: six candidates for five seats, seven voters with
# two votes each (organisation → the candidates' organisations it voted for). No tie for the last seat.
FIRST_CANDIDATES = [
    "seniorcafeen-i-loegstoer", "lektiehjaelpen-i-aalestrup", "kulturvennerne-i-aars",
    "familienetvaerket-vesthimmerland", "idraetsvennerne-i-ranum", "gaaturene-i-aars",
]
FIRST_VOTES = {
    "besoegsvennerne-i-farsoe": ["seniorcafeen-i-loegstoer", "familienetvaerket-vesthimmerland"],
    "seniorcafeen-i-loegstoer": ["seniorcafeen-i-loegstoer", "lektiehjaelpen-i-aalestrup"],
    "lektiehjaelpen-i-aalestrup": ["lektiehjaelpen-i-aalestrup", "seniorcafeen-i-loegstoer"],
    "kulturvennerne-i-aars": ["kulturvennerne-i-aars", "seniorcafeen-i-loegstoer"],
    "familienetvaerket-vesthimmerland": ["familienetvaerket-vesthimmerland", "kulturvennerne-i-aars"],
    "idraetsvennerne-i-ranum": ["idraetsvennerne-i-ranum", "lektiehjaelpen-i-aalestrup"],
    "gaaturene-i-aars": ["familienetvaerket-vesthimmerland", "seniorcafeen-i-loegstoer"],
}
FIRST_CHAIR = "seniorcafeen-i-loegstoer"

# The election for the coming term, open for votes: three organisations have voted.
SECOND_CANDIDATES = [
    "seniorcafeen-i-loegstoer", "lektiehjaelpen-i-aalestrup", "kulturvennerne-i-aars",
    "familienetvaerket-vesthimmerland", "idraetsvennerne-i-ranum", "besoegsvennerne-i-farsoe",
]
SECOND_VOTES = {
    "seniorcafeen-i-loegstoer": ["seniorcafeen-i-loegstoer", "besoegsvennerne-i-farsoe"],
    "kulturvennerne-i-aars": ["kulturvennerne-i-aars", "familienetvaerket-vesthimmerland"],
    "idraetsvennerne-i-ranum": ["idraetsvennerne-i-ranum", "lektiehjaelpen-i-aalestrup"],
}


def _council(municipality):
    return VolunteerCouncil.objects.select_related("municipality", "body").get(municipality=municipality)


def load_demo_council(writer):
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")
    writer.update(vesthimmerland, CONTACT)
    body = ConsultedBody.objects.get(municipality=vesthimmerland, slug="frivilligraadet")
    council = writer.put(VolunteerCouncil, {"municipality": vesthimmerland}, {"body": body, "description": DESCRIPTION})
    lookup = {"council": council, "adopted_on": STATUTES["adopted_on"]}
    writer.put(CouncilStatutes, lookup, {key: value for key, value in STATUTES.items() if key not in lookup})
    for data in ORGANISATIONS:
        writer.put(
            Organisation,
            {"municipality": vesthimmerland, "slug": data["slug"]},
            {key: value for key, value in data.items() if key != "slug"},
        )
    return writer


def load_demo_council_elections(writer):
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")
    organisations = {o.slug: o for o in Organisation.objects.filter(municipality=vesthimmerland, slug__in=PEOPLE)}
    people = {}
    for slug, (username, name) in PEOPLE.items():
        person = writer.put(
            get_user_model(),
            {"username": username},
            {"name": name, "email": f"{username}@example.org"},
            on_create=lambda user: user.set_unusable_password(),
        )
        writer.link(organisations[slug].representatives, [person])
        people[slug] = person
    forening = get_user_model().objects.get(username="forening")
    writer.link(organisations["besoegsvennerne-i-farsoe"].representatives, [forening])

    council = _council(vesthimmerland)
    if council.terms.exists():
        # The elections are the municipality's and the organisations' now.
        writer.objects[CouncilElection].update(
            CouncilElection.objects.filter(term__council=council).values_list("pk", flat=True)
        )
        return writer
    today = timezone.localdate()
    # The term running now began a little less than two years ago; the next begins in two months.
    first_starts = today - datetime.timedelta(days=670)
    first = _replay(
        council, organisations, people, starts_on=first_starts, nominations=(first_starts - datetime.timedelta(days=100),
                                                                               first_starts - datetime.timedelta(days=70)),
        voting=(first_starts - datetime.timedelta(days=60), first_starts - datetime.timedelta(days=46)),
        candidates=FIRST_CANDIDATES, votes=FIRST_VOTES,
    )
    day = first_starts - datetime.timedelta(days=45)
    services.election_count(election=first, today=day, now=_at(day, 10))
    services.election_publish(election=first, today=day, now=_at(day, 11))
    term = first.term
    services.council_chair_set(term=term, member=term.members.get(organisation=organisations[FIRST_CHAIR]))
    services.council_seats_sync(council=council, today=today)

    second = _replay(
        council, organisations, people, starts_on=term.ends_on + datetime.timedelta(days=1),
        nominations=(today - datetime.timedelta(days=40), today - datetime.timedelta(days=12)),
        voting=(today - datetime.timedelta(days=5), today + datetime.timedelta(days=16)),
        candidates=SECOND_CANDIDATES, votes=SECOND_VOTES,
    )
    for election in (first, second):
        writer.objects[CouncilElection].add(election.pk)
        writer.created[CouncilElection] += 1
    return writer


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _replay(council, organisations, people, *, starts_on, nominations, voting, candidates, votes):
    """An election as the portal would have run it on those days: opened, each candidate put up by
    themselves and approved, the vote opened and the organisations in ``votes`` voting."""
    opens, closes = nominations
    election = services.election_open(
        council=council, starts_on=starts_on, nominations_open_on=opens, nominations_close_on=closes, today=opens
    )
    owner = council.municipality.policy_owners.first()
    standing = {}
    for slug in candidates:
        person = people[slug]
        candidate = services.candidate_nominate(
            election=election, organisation=organisations[slug], person=person, nominated_by=person,
            statement=STATEMENTS[slug], now=_at(opens + datetime.timedelta(days=3), 12),
        )
        standing[slug] = services.candidate_approve(
            candidate=candidate, user=owner, now=_at(opens + datetime.timedelta(days=5), 9)
        )
    services.election_open_voting(
        election=election, opens_on=voting[0], closes_on=voting[1], today=closes + datetime.timedelta(days=1)
    )
    for voter, chosen in votes.items():
        services.vote_cast(
            election=election, organisation=organisations[voter], user=people[voter],
            candidates=[standing[slug] for slug in chosen], now=_at(voting[0] + datetime.timedelta(days=2), 19),
        )
    return election
