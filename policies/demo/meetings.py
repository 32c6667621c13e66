"""Demo meetings, on top of the demo policies, directory and premises.

``load_demo_meetings(writer)`` is called by ``load_demo`` after ``load_demo_premises`` (it needs the
municipalities, their policy points, administrations, bodies and organisations, and Vesthimmerland's
social administration of the premises demo), with the same idempotent ``DemoWriter``.

What the seeds say: Vesthimmerland holds "mindst ét årligt dialogmøde mellem kommunen og de
frivillige organisationer" (004); Beskæftigelses- og Integrationsforvaltningen holds "en årlig
konference for organiserede og uorganiserede frivillige" with workshops, arranged with
Integrationsrådet, and the yearly International Dag (003); Sundheds- og Omsorgsforvaltningen
"vil arrangere årlige møder" on cooperation with civil society after its conference of May 2006
(002). Dates, places, agendas, minutes and sign-ups are invented, and every title says "(demo)".

The meetings' times are set when they are first written, relative to that day, and never moved
after: a second run, on any day, writes nothing. So are the follow-up actions' dates and statuses,
which are the organisers' to keep in the portal.
"""

import datetime

from django.utils import timezone

from organisations.models import Organisation
from policies.models import (
    ActionStatus,
    Administration,
    ConsultedBody,
    Meeting,
    MeetingAction,
    MeetingKind,
    MeetingSignup,
    MeetingStatus,
    Municipality,
    PolicyPoint,
    SignupRule,
    SignupStatus,
)


def _at(days, hour, minute=0):
    """An aware time ``days`` from today, on the local clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _dated(days, hours, deadline_days_before=None, status=MeetingStatus.PUBLISHED):
    """``on_create`` for a meeting ``days`` from the first load, ``hours`` (start, end) on the clock.
    Its status too is the organisers' from then on (they publish and cancel in the portal)."""

    def set_times(meeting):
        meeting.status = status
        meeting.starts_at = _at(days, *hours[0])
        meeting.ends_at = _at(days, *hours[1])
        if deadline_days_before is not None:
            meeting.signup_deadline = _at(days - deadline_days_before, 12)

    return set_times


def _confirmed(signup):
    signup.status = SignupStatus.CONFIRMED
    signup.confirmed_at = timezone.now()


VESTHIMMERLAND_AGENDA = """1. Velkomst ved Socialudvalgets formand
2. Frivilligrådet orienterer om året, der gik
3. Frivilligpolitikken: hjemmeside, vejviser og Frivillighus
4. Økonomiske tilskud til frivilligt socialt arbejde i det kommende år
5. Dialog i grupper: hvad skal kommunen og foreningerne gøre sammen?
6. Eventuelt"""

PAST_MINUTES = """Referat (fiktivt eksempel til demoen).

Ad 1. Formanden bød velkommen til 34 deltagere fra foreningerne, Frivilligrådet og forvaltningen.

Ad 2. Frivilligrådet fortalte om årets arbejde og om ønsket om et fast sted at mødes.

Ad 3. Der var enighed om, at hjemmesiden og vejviseren skal gøre det lettere at finde foreninger og tilskudsmuligheder, og at Frivillighuset skal kunne bookes af alle foreninger.

Ad 4. Forvaltningen orienterede om puljen til frivilligt socialt arbejde. Foreningerne bad om, at små ansøgninger kan behandles hurtigt.

Ad 5. Grupperne pegede på rekruttering af unge frivillige og synlighed af resultaterne.

Ad 6. Intet."""

PAST_ACTIONS = [
    (
        "Vejviseren på hjemmesiden udbygges med kommunens tilskudsmuligheder.",
        "Kontaktpersonen for frivilligarbejdet",
        3,
        ActionStatus.IN_PROGRESS,
    ),
    (
        "Frivillighuset åbner sin booking for alle godkendte foreninger i kommunen.",
        "Social og Sundhed",
        4,
        ActionStatus.DONE,
    ),
    (
        "Resultaterne af årets tilskud offentliggøres på hjemmesiden og i en pressemeddelelse.",
        "Social og Sundhed",
        6,
        ActionStatus.PLANNED,
    ),
    ("Næste dialogmøde planlægges sammen med Frivilligrådet.", "Frivilligrådet", 1, ActionStatus.PLANNED),
]

CONFERENCE_AGENDA = """09.00 Morgenmad og velkomst
09.30 Oplæg: Frivillige som brobyggere i integrationsarbejdet
10.30 Foreningerne præsenterer sig selv og deres organisation
12.00 Frokost og netværk
13.00 Workshops: 1) Rekruttering af frivillige med anden etnisk baggrund end dansk, 2) Lektiehjælp og idræt i de udsatte boligområder, 3) Samarbejde med jobpatruljerne
15.00 Opsamling fra workshops og afslutning ved Integrationsrådet"""


def load_demo_meetings(writer):
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    _load_vesthimmerland(writer, vesthimmerland)
    _load_copenhagen(writer, copenhagen)
    return writer


def _load_vesthimmerland(writer, vesthimmerland):
    social = Administration.objects.get(municipality=vesthimmerland, slug="social-og-sundhed")
    gaaturene = Organisation.objects.get(municipality=vesthimmerland, slug="gaaturene-i-aars")
    place = "Vesthimmerlands Frivillighus (demo), Store sal, Himmerlandsgade 12, 9600 Aars"

    # Seed 004: "mindst ét årligt dialogmøde mellem kommunen og de frivillige organisationer".
    coming = writer.put(
        Meeting,
        {"municipality": vesthimmerland, "title": "Årligt dialogmøde mellem kommunen og de frivillige organisationer (demo)"},
        {
            "organising_administration": social,
            "kind": MeetingKind.DIALOGUE,
            "description": (
                "Frivilligpolitikken for Vesthimmerlands Kommune: „Der skal afholdes mindst ét årligt dialogmøde "
                "mellem kommunen og de frivillige organisationer.“ Alle foreninger i kommunen er velkomne; tilmeld "
                "foreningen med det antal deltagere, I kommer."
            ),
            "place": place,
            "agenda": VESTHIMMERLAND_AGENDA,
            "signup_rule": SignupRule.ORGANISATIONS,
            "capacity": 60,
        },
        on_create=_dated(30, ((19, 0), (21, 30)), deadline_days_before=7),
    )
    writer.put(MeetingSignup, {"meeting": coming, "organisation": gaaturene}, {"participants": 3}, on_create=_confirmed)

    # Held some weeks before the first load: its minutes are approved, its follow-up actions carry
    # out points of the policy.
    held = writer.put(
        Meeting,
        {"municipality": vesthimmerland, "title": "Dialogmøde om hjemmeside, vejviser og Frivillighus (demo)"},
        {
            "organising_administration": social,
            "kind": MeetingKind.DIALOGUE,
            "description": "Dialogmøde mellem kommunen, Frivilligrådet og de frivillige organisationer.",
            "place": place,
            "agenda": VESTHIMMERLAND_AGENDA,
            "signup_rule": SignupRule.NOBODY,
            "attendance_count": 34,
            "minutes": PAST_MINUTES,
        },
        on_create=lambda meeting: (
            _dated(-75, ((19, 0), (21, 30)))(meeting),
            setattr(meeting, "minutes_approved_at", _at(-68, 10)),
        ),
    )
    writer.link(held.organisations_present, [gaaturene])
    points = {point.number: point for point in PolicyPoint.objects.filter(policy__slug="vesthimmerland-2007")}
    for text, responsible, number, status in PAST_ACTIONS:

        def set_progress(action, status=status):
            action.status = status
            action.due_on = timezone.localdate(held.starts_at) + datetime.timedelta(days=180)

        writer.put(
            MeetingAction,
            {"meeting": held, "text": text},
            {"responsible": responsible, "point": points[number]},
            on_create=set_progress,
        )


def _load_copenhagen(writer, copenhagen):
    employment = Administration.objects.get(municipality=copenhagen, slug="beskaeftigelses-og-integrationsforvaltningen")
    health = Administration.objects.get(municipality=copenhagen, slug="sundheds-og-omsorgsforvaltningen")
    kontaktudvalget = ConsultedBody.objects.get(municipality=copenhagen, slug="kontaktudvalget")
    forum = Organisation.objects.get(municipality=copenhagen, slug="frivilligt-forum")

    # Seed 003, point 1: the yearly conference for organised and unorganised volunteers.
    conference = writer.put(
        Meeting,
        {"municipality": copenhagen, "title": "Årlig konference for organiserede og uorganiserede frivillige (demo)"},
        {
            "organising_administration": employment,
            "kind": MeetingKind.CONFERENCE,
            "description": (
                "På konferencen vil de frivillige få lejlighed til at præsentere sig selv og deres organisation, "
                "danne netværk og deltage i workshops. Konferencen arrangeres i samarbejde med Integrationsrådet og "
                "øvrige relevante forvaltninger. Foreninger tilmelder sig med antal deltagere; frivillige uden "
                "forening tilmelder sig i eget navn."
            ),
            "place": "Frivillighus Nørrebro (demo), Salen, Nørrebrogade 200, 2200 København N",
            "agenda": CONFERENCE_AGENDA,
            "signup_rule": SignupRule.EVERYONE,
            "capacity": 80,
        },
        on_create=_dated(45, ((9, 0), (16, 0)), deadline_days_before=7),
    )
    writer.put(MeetingSignup, {"meeting": conference, "organisation": forum}, {"participants": 4}, on_create=_confirmed)
    writer.put(
        MeetingSignup,
        {"meeting": conference, "email": "frivillig.uden.forening@example.org"},
        {"name": "Demo Frivillig"},
        on_create=_confirmed,
    )

    # Seed 003, point 1: "Den årlige afholdelse af International Dag".
    writer.put(
        Meeting,
        {"municipality": copenhagen, "title": "International Dag (demo)"},
        {
            "organising_administration": employment,
            "kind": MeetingKind.EVENT,
            "description": (
                "Den årlige afholdelse af International Dag sikrer dialog og synlighed for de frivillige "
                "organisationer. Alle er velkomne; der er ingen tilmelding."
            ),
            "place": "Blågårds Plads, 2200 København N (demo)",
            "agenda": "12.00 Åbning\n12.30 Foreningernes boder og scene\n16.00 Fællesspisning\n17.00 Tak for i dag",
            "signup_rule": SignupRule.NOBODY,
        },
        on_create=_dated(100, ((12, 0), (17, 0))),
    )

    # Kontaktudvalget's own meeting, organised by the body (its members edit it).
    writer.put(
        Meeting,
        {"municipality": copenhagen, "title": "Møde i Kontaktudvalget (demo)"},
        {
            "organising_body": kontaktudvalget,
            "kind": MeetingKind.COUNCIL,
            "description": "Kontaktudvalgets møde; tilhørere er velkomne.",
            "place": "Københavns Rådhus (demo), 1599 København V",
            "agenda": (
                "1. Godkendelse af dagsorden\n2. Høring om retningslinjer for tilskud til frivilligt socialt arbejde\n"
                "3. Nyt fra forvaltningerne\n4. Eventuelt"
            ),
            "signup_rule": SignupRule.NOBODY,
        },
        on_create=_dated(20, ((16, 0), (18, 0))),
    )

    # Seed 002, point 1: "vil Sundheds- og Omsorgsforvaltningen arrangere årlige møder om dette emne" (a draft).
    writer.put(
        Meeting,
        {"municipality": copenhagen, "title": "Årligt møde om samarbejde med civilsamfundet (demo)"},
        {
            "organising_administration": health,
            "kind": MeetingKind.OTHER,
            "description": (
                "Som opfølgning på konferencen i maj 2006 om nye muligheder for samarbejde mellem det offentlige og "
                "civilsamfundet, herunder virksomheder, fonde og de frivillige organisationer."
            ),
            "place": "Sundheds- og Omsorgsforvaltningen (demo)",
            "signup_rule": SignupRule.ORGANISATIONS,
            "capacity": 40,
        },
        on_create=_dated(60, ((13, 0), (16, 0)), deadline_days_before=10, status=MeetingStatus.DRAFT),
    )
