"""Two demo hearings for Copenhagen: the seeds hold no hearing, so both are marked as demo.

The concluded one illustrates the hearing the policy itself could have had: seed 001 says it "blev
udarbejdet i samarbejde med bl.a. Kontaktudvalget" before the City Council adopted it (BR 754/05,
15 December 2005); its dates are invented, and its summary says so. The open one is fictitious;
its dates are set when it is first loaded, so that it is open in a fresh demo, and a reload leaves
them alone (a second run writes nothing).
"""

import datetime

from django.utils import timezone

from policies.models import (
    Administration,
    ConsultedBody,
    Hearing,
    HearingResponse,
    HearingStatus,
    Municipality,
    ResponseStatus,
)

CONCLUDED = {
    "title": "Høring om udkast til frivillighedspolitik (demo)",
    "summary": (
        "Illustration til demoen, ikke et historisk dokument: Økonomiforvaltningen sender udkastet til "
        "Københavns Kommunes frivillighedspolitik i høring i Kontaktudvalget, inden Borgerrepræsentationen "
        "behandler det. Datoerne er opdigtede; kun vedtagelsen (BR 754/05, 15. december 2005) står i kilderne."
    ),
    "opens_on": datetime.date(2005, 10, 3),
    "response_deadline": datetime.date(2005, 11, 14),
    "deciding_meeting_on": datetime.date(2005, 12, 15),
    "status": HearingStatus.CONCLUDED,
    "decision_reference": "BR 754/05",
    "hearing_note": (
        "Illustration (demo): Kontaktudvalgets bemærkninger til dialogen med foreningerne er indarbejdet "
        "i politikkens punkt 1."
    ),
}

OPEN = {
    "title": "Høring om retningslinjer for tilskud til frivilligt socialt arbejde (demo)",
    "summary": (
        "Fiktivt eksempel til demoen: Økonomiforvaltningen foreslår fælles retningslinjer for ansøgning om "
        "og afrapportering af tilskud, så foreningerne kun bliver spurgt om det, reglerne kræver."
    ),
    "status": HearingStatus.OPEN,
}


def load_demo_hearings(writer):
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    sender = Administration.objects.get(municipality=copenhagen, slug="oekonomiforvaltningen")
    kontaktudvalget = ConsultedBody.objects.get(municipality=copenhagen, slug="kontaktudvalget")

    concluded = writer.put(
        Hearing, {"administration": sender, "title": CONCLUDED["title"]},
        {key: value for key, value in CONCLUDED.items() if key != "title"},
    )
    writer.link(concluded.consulted_bodies, [kontaktudvalget])

    def dated_from_today(hearing):
        today = timezone.localdate()
        hearing.opens_on = today - datetime.timedelta(days=7)
        hearing.response_deadline = today + datetime.timedelta(days=copenhagen.minimum_hearing_period_days - 7)
        hearing.deciding_meeting_on = hearing.response_deadline + datetime.timedelta(days=14)

    current = writer.put(
        Hearing, {"administration": sender, "title": OPEN["title"]},
        {"summary": OPEN["summary"]},
        on_create=lambda hearing: (dated_from_today(hearing), setattr(hearing, "status", OPEN["status"])),
    )
    writer.link(current.consulted_bodies, [kontaktudvalget])
    return writer


RESPONSE = (
    "Fiktivt eksempel til demoen: Kontaktudvalget støtter fælles retningslinjer, men beder om, at små "
    "foreninger med tilskud under 10.000 kr. kan nøjes med en kort redegørelse i stedet for et regnskab."
)


def load_demo_hearing_response(writer, member):
    """The Kontaktudvalget member's submitted response to the open hearing (the demo users exist only
    with DEBUG on or --with-users, so this is called with them). Dated when first loaded, like the
    hearing, so that it falls inside the hearing's period."""
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    current = Hearing.objects.get(administration__municipality=copenhagen, title=OPEN["title"])
    kontaktudvalget = ConsultedBody.objects.get(municipality=copenhagen, slug="kontaktudvalget")
    if not current.accepting_responses():
        return  # A demo database loaded long ago: its hearing has closed since.
    writer.put(
        HearingResponse,
        {"hearing": current, "author": member},
        {"body": kontaktudvalget, "on_behalf_of": "Frivilligt Forum", "text": RESPONSE},
        on_create=lambda response: (
            setattr(response, "status", ResponseStatus.SUBMITTED),
            setattr(response, "submitted_at", timezone.now()),
        ),
    )
