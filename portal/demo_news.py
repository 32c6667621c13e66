"""Demo news: what the municipalities would have told the public about the policy, the plans, the
hearing, a grant round and a dialogue meeting in the demo. The facts are the seed documents' (BR 754/05, the deadline of 15 December
2006, SOU 337/2006, Vesthimmerland's adoption on 11 December 2007); the items themselves are
written for the demo and say so in their headlines."""

import datetime

from django.utils import timezone

from grants.models import GrantScheme
from policies.models import Administration, Hearing, ImplementationPlan, Meeting, Municipality
from portal.models import NewsItem, NewsKind


def _at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def load_demo_news(writer):
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")
    economy = Administration.objects.get(municipality=copenhagen, slug="oekonomiforvaltningen")
    health = Administration.objects.get(municipality=copenhagen, slug="sundheds-og-omsorgsforvaltningen")

    writer.put(
        NewsItem,
        {"municipality": copenhagen, "slug": "ny-frivillighedspolitik"},
        {
            "administration": economy,
            "kind": NewsKind.NEWS,
            "title": "Alle fagudvalg skal have en plan for frivilligheden (demo)",
            "summary": (
                "Borgerrepræsentationen vedtog frivillighedspolitikken den 15. december 2005 (BR 754/05). "
                "Hvert fagudvalg skal forelægge en implementeringsplan senest den 15. december 2006."
            ),
            "body": (
                "Københavns Kommunes frivillighedspolitik er udarbejdet i samarbejde med bl.a. Kontaktudvalget, "
                "som er et samarbejdsforum mellem kommunen og det frivillige sociale arbejde i København.\n\n"
                "Med vedtagelsen skal samtlige fagudvalg beskrive, hvordan udvalg, forvaltning og frivillige "
                "organisationer samarbejder. Planerne skal følges op hvert andet år.\n\n"
                "På portalen kan du følge hver forvaltnings plan punkt for punkt."
            ),
            "published_at": _at(2006, 5, 2),
        },
    )

    plan = ImplementationPlan.objects.get(policy__municipality=copenhagen, administration=health)
    item = writer.put(
        NewsItem,
        {"municipality": copenhagen, "slug": "sundheds-og-omsorgsforvaltningens-plan"},
        {
            "administration": health,
            "kind": NewsKind.NEWS,
            "title": "Sundheds- og Omsorgsforvaltningens plan for frivilligheden er klar (demo)",
            "summary": (
                "Sundheds- og Omsorgsudvalget har behandlet forvaltningens implementeringsplan (SOU 337/2006): "
                "ni punkter, hver med forvaltningens indsatser."
            ),
            "body": (
                "Planen beskriver blandt andet tilskud efter servicelovens § 79, samarbejdsaftaler med klubber, "
                "der modtager over 100.000 kr., og en årlig status over antallet af frivillige.\n\n"
                "Læs planen ved siden af frivillighedspolitikkens punkter."
            ),
            "published_at": _at(2006, 12, 1),
        },
    )
    writer.link(item.plans, [plan])

    hearing = Hearing.objects.get(
        administration=economy, title="Høring om retningslinjer for tilskud til frivilligt socialt arbejde (demo)"
    )
    item = writer.put(
        NewsItem,
        {"municipality": copenhagen, "slug": "hoering-om-tilskudsretningslinjer"},
        {
            "administration": economy,
            "kind": NewsKind.NEWS,
            "title": "Kontaktudvalget høres om retningslinjer for tilskud (demo)",
            "summary": (
                "Økonomiforvaltningen foreslår fælles retningslinjer for ansøgning om og afrapportering af tilskud. "
                "Kontaktudvalget kan svare til og med høringsfristen."
            ),
            "body": (
                "Forslaget skal sikre, at foreningerne kun bliver spurgt om det, reglerne kræver, så tilskuddene "
                "ikke anfægter foreningernes selvbestemmelse (politikkens punkt 7).\n\n"
                "Høringssvarene offentliggøres på portalen, når fristen er udløbet."
            ),
        },
        # Dated with the demo hearing, which opens a week before the day the demo is loaded.
        on_create=lambda news: setattr(news, "published_at", _at(hearing.opens_on.year, hearing.opens_on.month, hearing.opens_on.day)),
    )
    writer.link(item.hearings, [hearing])

    writer.put(
        NewsItem,
        {"municipality": copenhagen, "slug": "aarsstatus-for-frivilligheden"},
        {
            "administration": economy,
            "kind": NewsKind.NEWS,
            "title": "Årsstatus for frivilligheden (demo, kladde)",
            "summary": "Et udkast, som kun kommunens skribenter ser, indtil det får et udgivelsestidspunkt.",
            "body": "Status over antallet af frivillige, erfaringer og behov skrives her.",
            "published_at": None,
        },
    )

    writer.put(
        NewsItem,
        {"municipality": vesthimmerland, "slug": "vesthimmerland-har-faaet-en-frivilligpolitik"},
        {
            "administration": None,
            "kind": NewsKind.PRESS_RELEASE,
            "title": "Vesthimmerlands Kommune har fået en frivilligpolitik (demo)",
            "summary": (
                "Socialudvalget vedtog den 11. december 2007 kommunens frivilligpolitik, som er blevet til i dialog "
                "mellem de frivillige organisationer, Frivilligrådet og Socialudvalget."
            ),
            "body": (
                "Politikken anerkender de frivillige sociale organisationer og foreninger som vigtige partnere og "
                "deres selvstændighed og egenart.\n\n"
                "Der etableres et Frivilligråd, hvis medlemmer vælges af og blandt de frivillige organisationer, "
                "kommunen udpeger en fast kontaktperson, og der holdes mindst ét årligt dialogmøde.\n\n"
                "Resultaterne skal synliggøres for offentligheden, og politikken revideres senest i 2009."
            ),
            "published_at": _at(2007, 12, 12),
            "contact_name": "Kontaktperson for frivilligarbejdet (demo)",
            "contact_email": "frivillig@vesthimmerland.example",
        },
    )

    # A grant round: this year's § 79 scheme (grants/demo.py), announced the day it opened.
    scheme = (
        GrantScheme.objects.filter(administration=health, name__startswith="§ 79-tilskud", year__gt=2008)
        .order_by("pk")
        .first()
    )
    item = writer.put(
        NewsItem,
        {"municipality": copenhagen, "slug": "ansoegningsrunden-til-79-tilskud-er-aaben"},
        {
            "administration": health,
            "kind": NewsKind.NEWS,
            "title": "Ansøgningsrunden til § 79-tilskud er åben (demo)",
            "summary": (
                "Klubber og foreninger med forebyggende og aktiverende aktiviteter for ældre kan søge tilskud "
                "efter servicelovens § 79."
            ),
            "body": (
                "Ansøgningen beskriver formålet, beløbet og målene for brugen af pengene. Retningslinjerne stiller "
                "krav om dokumentation af fremmøde og antal medlemmer, når der aflægges rapport.\n\n"
                "Søg på portalen under Tilskud; fristen står ved puljen."
            ),
        },
        on_create=lambda news: setattr(news, "published_at", _at(scheme.opens_on.year, scheme.opens_on.month, scheme.opens_on.day)),
    )
    writer.link(item.schemes, [scheme])

    # Vesthimmerland's held dialogue meeting (policies/demo/meetings.py), told once its minutes were approved.
    meeting = Meeting.objects.get(municipality=vesthimmerland, title="Dialogmøde om hjemmeside, vejviser og Frivillighus (demo)")
    item = writer.put(
        NewsItem,
        {"municipality": vesthimmerland, "slug": "dialogmoede-om-hjemmeside-vejviser-og-frivillighus"},
        {
            "administration": None,
            "kind": NewsKind.NEWS,
            "title": "Referat fra dialogmødet om hjemmeside, vejviser og Frivillighus (demo)",
            "summary": (
                "Kommunen, Frivilligrådet og de frivillige organisationer mødtes til årets dialogmøde. Referatet og "
                "de aftalte opfølgninger kan nu læses."
            ),
            "body": (
                "Frivilligpolitikken kræver mindst ét årligt dialogmøde mellem kommunen og de frivillige "
                "organisationer.\n\nPå mødet blev der aftalt opfølgninger på politikkens punkter; de står ved "
                "punkterne på politikkens side."
            ),
        },
        on_create=lambda news: setattr(news, "published_at", meeting.minutes_approved_at),
    )
    writer.link(item.meetings, [meeting])
