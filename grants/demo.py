"""Demo grants, on top of the demo policies, directory, premises and users.

``load_demo_grants(writer)`` is called by ``load_demo`` last, with the same idempotent ``DemoWriter``:
a second run, on any day, writes nothing. What the seeds say is transcribed: Sundheds- og
Omsorgsforvaltningen's § 79 grants to clubs and associations, whose guidelines ask for
documentation of attendance and members, with cooperation agreements for clubs receiving more than
100,000 kr, and the partnership project “Frivillige på plejehjem” (seed 002); Beskæftigelses- og
Integrationsforvaltningen's § 115 (from 2007 § 18) applications on integration, decided in dialogue
and with “formaliteter og administration begrænset til det mest nødvendige” (seed 003, so its
scheme asks for no budget); Vesthimmerland's grants to voluntary social work (seed 004). The
organisations, projects, amounts and reports are fictitious (every name ends “(demo)”), but every
grant obeys the rules: windows, budgets, the agreement threshold, the reports' documentation.

Two eras: the seeds' own years (2007–2008, decided and reported, for the project database and the
results), and schemes of the current year whose dates are set relative to the day of the first
load and never moved after, so that the browser flows always have an open scheme, a draft, an
application to decide, a report to write, one to approve and one sent back.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from grants.models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    Assessment,
    BudgetLine,
    CooperationAgreement,
    Decision,
    DecisionOutcome,
    Goal,
    GoalResult,
    GrantScheme,
    LegalBasis,
    Report,
    ReportStatus,
    ReportTier,
    RequiredAttachment,
)
from organisations.models import District, FieldOfActivity, Organisation, TargetGroup
from policies.models import Administration, Municipality

# A one-page PDF's bones: enough for the portal to recognise the type of a demo document.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

SECTION_79_NOTE = (
    "Retningslinierne for at modtage støtte ifølge Servicelovens § 79 stiller krav om dokumentation af "
    "fremmøde og antal medlemmer. Dette følges nøje og understøttes af individuelle vurderinger af "
    "aktiviteter i forhold til forvaltningens mål for sundhedsfremme og forebyggelse i de enkelte bydele."
)
SECTION_79_CRITERIA = (
    "Midlerne fordeles via vedtagne nøgletal og i dialog om fokusområder tilpasset lokale sundhedsprofiler "
    "og behov (Retningslinierne for tildeling af tilskud ifølge § 79, vedtaget i 2003).\n\n"
    "Aktiviteterne vurderes individuelt i forhold til forvaltningens mål for sundhedsfremme og forebyggelse "
    "i de enkelte bydele."
)
INTEGRATION_CRITERIA = (
    "Beskæftigelses- og Integrationsforvaltningen baserer afgørelser om tilskud og projekter på baggrund af "
    "dialogen med de frivillige organisationer og på baggrund af ønsker fra de frivillige organisationers "
    "side og under hensyntagen til integrationspolitikken og beskæftigelsesplanen.\n\n"
    "Formaliteter og administration begrænses til det mest nødvendige: ansøgningen beskriver formålet, "
    "beløbet og målene for brugen af pengene."
)


# The seeds' schemes are of 2007 and 2008; the current ones are of the year of the first load.
LAST_SEED_YEAR = 2008


def _local(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _caseworker(administration):
    """The administration's first caseworker (a demo user, when they are loaded), or None."""
    return administration.caseworkers.order_by("pk").first()


def load_demo_grants(writer):
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")
    health = Administration.objects.get(municipality=copenhagen, slug="sundheds-og-omsorgsforvaltningen")
    employment = Administration.objects.get(municipality=copenhagen, slug="beskaeftigelses-og-integrationsforvaltningen")
    social = Administration.objects.get(municipality=vesthimmerland, slug="social-og-sundhed")
    # Seed 004: “Kommunen udpeger en fast kontaktperson … den daglige administration af sagsområdet”:
    # in the demo, Vesthimmerland's policy owner is that person, and so a caseworker of its grants.
    owner = vesthimmerland.policy_owners.order_by("pk").first()
    if owner is not None:
        writer.link(social.caseworkers, [owner])

    bases = _legal_bases(writer, copenhagen, vesthimmerland)
    organisations = _organisations(writer, copenhagen)
    forum = Organisation.objects.get(municipality=copenhagen, slug="frivilligt-forum")
    gaaturene = Organisation.objects.get(municipality=vesthimmerland, slug="gaaturene-i-aars")
    _seed_years(writer, health, employment, social, bases, organisations, gaaturene)
    _this_year(writer, health, employment, bases, organisations, forum)
    return writer


def _legal_bases(writer, copenhagen, vesthimmerland):
    return {
        "79": writer.put(
            LegalBasis,
            {"municipality": copenhagen, "name": "Serviceloven § 79"},
            {
                "description": "Generelle tilbud af forebyggende og aktiverende karakter til ældre, bl.a. tilskud til ældreklubber og foreninger.",
                "requires_attendance": True,
                "requires_members": True,
                "documentation_note": SECTION_79_NOTE,
            },
        ),
        "18": writer.put(
            LegalBasis,
            {"municipality": copenhagen, "name": "Serviceloven § 18 (tidligere § 115)"},
            {
                "description": "Samarbejde med og støtte til frivilligt socialt arbejde.",
                "requires_volunteers": True,
            },
        ),
        "folkeoplysning": writer.put(
            LegalBasis,
            {"municipality": copenhagen, "name": "Folkeoplysningsloven"},
            {"description": "Tilskud til folkeoplysende foreningers aktiviteter.", "requires_members": True},
        ),
        "vhm18": writer.put(
            LegalBasis,
            {"municipality": vesthimmerland, "name": "Serviceloven § 18"},
            {"description": "Økonomisk støtte til frivilligt socialt arbejde.", "requires_volunteers": True},
        ),
    }


ORGANISATIONS = {
    "seniorklubben-oesterbro": {
        "name": "Seniorklubben Østerbro (demo)",
        "purpose": "Motion, foredrag og samvær for ældre på Østerbro.",
        "members_count": 142,
        "volunteers_count": 18,
        "terms": {TargetGroup: ["Ældre"], FieldOfActivity: ["Motion og idræt"], District: ["Østerbro"]},
    },
    "aeldreklubben-solsikken": {
        "name": "Ældreklubben Solsikken (demo)",
        "purpose": "Onsdagscafé og udflugter for ældre på Amager.",
        "terms": {TargetGroup: ["Ældre", "Ensomme"], FieldOfActivity: ["Netværk"], District: ["Amager"]},
    },
    "amager-seniorforening": {
        "name": "Amager Seniorforening (demo)",
        "purpose": "Besøgsvenner og aktiviteter for ældre på Amager, også på kommunens plejehjem.",
        "terms": {TargetGroup: ["Ældre", "Ensomme"], FieldOfActivity: ["Besøgstjeneste"], District: ["Amager"]},
    },
    "bankoklubben-valby": {
        "name": "Bankoklubben Valby (demo)",
        "purpose": "Banko og fællesspisning i Valby.",
        "terms": {FieldOfActivity: ["Netværk"], District: ["Valby"]},
    },
    "kvindenetvaerket-noerrebro": {
        "name": "Kvindenetværket Nørrebro (demo)",
        "purpose": "Netværksgrupper, danskundervisning og rådgivning for nydanske kvinder.",
        "terms": {TargetGroup: ["Flygtninge og indvandrere"], FieldOfActivity: ["Netværk", "Rådgivning"], District: ["Nørrebro"]},
    },
    "lektiehjaelp-vesterbro": {
        "name": "Lektiehjælp Vesterbro (demo)",
        "purpose": "Frivillige giver lektiehjælp til børn og unge på Vesterbro.",
        "terms": {TargetGroup: ["Børn og unge", "Flygtninge og indvandrere"], FieldOfActivity: ["Lektiehjælp"], District: ["Vesterbro"]},
    },
}


VOCABULARY_RELATIONS = {TargetGroup: "target_groups", FieldOfActivity: "fields_of_activity", District: "districts"}


def _organisations(writer, copenhagen):
    found = {}
    for slug, data in ORGANISATIONS.items():
        data = dict(data)
        terms = data.pop("terms")
        organisation = writer.put(Organisation, {"municipality": copenhagen, "slug": slug}, {"city": "København", **data})
        for model, names in terms.items():
            relation = getattr(organisation, VOCABULARY_RELATIONS[model])
            writer.link(relation, [model.objects.get(municipality=copenhagen, name=name) for name in names])
        found[slug] = organisation
    return found


def _scheme(writer, *, administration, name, year, tiers=(), required=(), **values):
    scheme = writer.put(GrantScheme, {"administration": administration, "name": name, "year": year}, values)
    for above, tier_name, requires_document in tiers:
        writer.put(ReportTier, {"scheme": scheme, "above_amount": above}, {"name": tier_name, "requires_document": requires_document})
    for document in required:
        writer.put(RequiredAttachment, {"scheme": scheme, "name": document})
    return scheme


SECTION_79_TIERS = [
    (0, "Regnskabsoversigt underskrevet af formand og kasserer", True),
    (10_000, "Revideret regnskab", True),
]


def _once(writer, model, lookup, values=None, *, on_create=None):
    """(the row, whether it was created now): written only if missing. From the first load on,
    applications, decisions and reports are the organisations' and caseworkers' to move on (they
    submit, decide, report, approve in the portal), and a reload must not undo that."""
    existing = model._default_manager.filter(**lookup).order_by("pk").first()
    if existing is not None:
        writer.objects[model].add(existing.pk)
        return existing, False
    return writer.put(model, lookup, values, on_create=on_create), True


def _application(writer, *, scheme, organisation, title, purpose, amount, started, received=None, goals=(), budget=(), documents=()):
    """An application as the portal makes one: a draft with its goals, budget and documents, then
    submitted (``received``: the moment, or None to leave it a draft)."""

    def start_as_draft(application):
        application.status = ApplicationStatus.DRAFT
        application.created_at = _local(started)

    application, created = _once(
        writer,
        Application,
        {"scheme": scheme, "organisation": organisation, "title": title},
        {"purpose": purpose, "amount_requested": amount},
        on_create=start_as_draft,
    )
    if not created:
        return application
    for description, measure in goals:
        writer.put(Goal, {"application": application, "description": description}, {"measure": measure})
    for description, line_amount in budget:
        writer.put(BudgetLine, {"application": application, "description": description}, {"amount": line_amount})
    for requirement in documents:
        writer.put(
            ApplicationAttachment,
            {"application": application, "title": requirement.name},
            {"requirement": requirement},
            on_create=lambda attachment: setattr(attachment, "file", ContentFile(PDF, name="vedtaegter.pdf")),
        )
    if received is not None:
        writer.update(application, {"status": ApplicationStatus.SUBMITTED, "submitted_at": received})
    return application


def _decide(writer, application, *, reference, decided_on, amount=None, reason="", conditions="", report_due_on=None):
    def by_caseworker(decision):
        decision.decided_by = _caseworker(application.scheme.administration)

    granted = amount is not None
    decision, _created = _once(
        writer,
        Decision,
        {"application": application},
        {
            "outcome": DecisionOutcome.GRANTED if granted else DecisionOutcome.REJECTED,
            "amount_granted": amount,
            "reason": reason,
            "conditions": conditions,
            "reference": reference,
            "decided_on": decided_on,
            "report_due_on": (report_due_on or application.scheme.report_due_on) if granted else None,
        },
        on_create=by_caseworker,
    )
    return decision


def _report(writer, application, *, status, submitted, results=(), comment="", accounts=False, **fields):
    """A report written as a draft with a result for each goal, then submitted, then approved or sent back."""

    def attach_accounts(report):
        if accounts:
            report.accounts = ContentFile(PDF, name="regnskab.pdf")

    report, created = _once(writer, Report, {"application": application}, fields, on_create=attach_accounts)
    if not created:
        return report
    goals = {goal.description: goal for goal in application.goals.all()}
    for description, outcome, result, explanation in results:
        writer.put(
            GoalResult,
            {"report": report, "goal": goals[description]},
            {"outcome": outcome, "result": result, "explanation": explanation},
        )
    if status != ReportStatus.DRAFT:
        writer.update(report, {"status": ReportStatus.SUBMITTED, "submitted_at": _local(submitted)})
    if status in (ReportStatus.ACCEPTED, ReportStatus.RETURNED):
        values = {"status": status, "comment": comment, "assessed_at": _local(submitted + datetime.timedelta(days=14))}
        caseworker = _caseworker(application.scheme.administration)
        if caseworker is not None:
            values["assessed_by"] = caseworker
        writer.update(report, values)
    return report


def _seed_years(writer, health, employment, social, bases, organisations, gaaturene):
    """2007–2008: the schemes the seeds describe, decided and reported."""
    s79 = _scheme(
        writer,
        administration=health,
        name="§ 79-tilskud til ældreklubber og -foreninger 2007",
        year=2007,
        legal_basis=bases["79"],
        budget=1_200_000,
        description="Tilskud til klubber og foreninger, der driver forebyggende og aktiverende aktiviteter for ældre i lokalområderne.",
        criteria=SECTION_79_CRITERIA,
        opens_on=datetime.date(2006, 9, 1),
        closes_on=datetime.date(2006, 10, 31),
        period_starts_on=datetime.date(2007, 1, 1),
        period_ends_on=datetime.date(2007, 12, 31),
        report_months_after_period=3,
        requires_goals=True,
        requires_budget=True,
        refuses_while_report_outstanding=True,
        tiers=SECTION_79_TIERS,
        required=["Vedtægter"],
    )
    statutes = s79.required_attachments.get(name="Vedtægter")
    nursing = _scheme(
        writer,
        administration=health,
        name="Frivillige på plejehjem 2007",
        year=2007,
        legal_basis=bases["18"],
        budget=400_000,
        description="Partnerskabsprojektet Frivillige på plejehjem: frivillige organisationer og plejehjem samarbejder om besøg og aktiviteter.",
        criteria="Der indgås partnerskabsaftaler med frivillige organisationer og plejehjem. Projekterne skal styrke samværet for beboerne.",
        opens_on=datetime.date(2006, 10, 1),
        closes_on=datetime.date(2006, 11, 30),
        period_starts_on=datetime.date(2007, 1, 1),
        period_ends_on=datetime.date(2007, 12, 31),
        report_months_after_period=3,
        requires_goals=True,
        requires_budget=True,
        tiers=[(0, "Regnskabsoversigt", True)],
    )
    integration = _scheme(
        writer,
        administration=employment,
        name="§ 18-puljen: frivilligt socialt arbejde på integrationsområdet 2008",
        year=2008,
        legal_basis=bases["18"],
        budget=600_000,
        description="Støtte til frivillige organisationers arbejde for integration og beskæftigelse i de udsatte boligområder.",
        criteria=INTEGRATION_CRITERIA,
        opens_on=datetime.date(2007, 9, 1),
        closes_on=datetime.date(2007, 10, 15),
        period_starts_on=datetime.date(2008, 1, 1),
        period_ends_on=datetime.date(2008, 12, 31),
        report_months_after_period=3,
        requires_goals=True,
        requires_budget=False,
        tiers=[(50_000, "Revideret regnskab", True)],
    )
    vhm = _scheme(
        writer,
        administration=social,
        name="Tilskud til frivilligt socialt arbejde 2008",
        year=2008,
        legal_basis=bases["vhm18"],
        budget=250_000,
        description="Kommunen yder, indenfor de politisk vedtagne rammer, økonomisk tilskud til frivilligt socialt arbejde, fortrinsvis med forankring i kommunens geografiske område.",
        criteria="Frivilligt socialt arbejde med forankring i Vesthimmerlands Kommune. Resultaterne skal kunne synliggøres for offentligheden.",
        opens_on=datetime.date(2008, 1, 15),
        closes_on=datetime.date(2008, 3, 15),
        period_starts_on=datetime.date(2008, 1, 1),
        period_ends_on=datetime.date(2008, 12, 31),
        report_months_after_period=3,
        requires_goals=True,
        requires_budget=True,
    )

    # § 79, 2007
    oesterbro = _application(
        writer,
        scheme=s79,
        organisation=organisations["seniorklubben-oesterbro"],
        title="Motion og samvær for ældre på Østerbro",
        purpose="Seniormotion to gange om ugen med instruktør, og kaffe bagefter, for ældre på Østerbro.",
        amount=60_000,
        started=datetime.date(2006, 9, 12),
        received=_local(datetime.date(2006, 10, 2)),
        goals=[("Ugentlig seniormotion", "25 deltagere pr. gang i gennemsnit"), ("Flere medlemmer", "15 nye medlemmer i løbet af året")],
        budget=[("Leje af sal, 80 gange", 24_000), ("Instruktør", 30_000), ("Kaffe og frugt", 6_000)],
        documents=[statutes],
    )
    _decide(writer, oesterbro, reference="SOF 2006-31542", decided_on=datetime.date(2006, 12, 5), amount=55_000,
            reason="Aktiviteten lever op til retningslinierne; beløbet er fastsat efter nøgletallene for Østerbro.",
            conditions="Fremmøde og medlemstal dokumenteres i rapporten.")
    _report(
        writer,
        oesterbro,
        status=ReportStatus.ACCEPTED,
        submitted=datetime.date(2008, 3, 10),
        evaluation="Holdene var fulde hele året, og mange er kommet for samværet lige så meget som for motionen. Instruktøren har lært to frivillige op, så holdet kan fortsætte i ferierne.",
        needs="Et større lokale om vinteren: holdet er for stort til salen.",
        attendance=2_240,
        members=142,
        volunteers=18,
        accounts=True,
        results=[
            ("Ugentlig seniormotion", "met", "28 deltagere pr. gang i gennemsnit", ""),
            ("Flere medlemmer", "partly", "11 nye medlemmer", "Det er svært at nå de ældste; vi prøver med opsøgende besøg."),
        ],
    )
    solsikken = _application(
        writer,
        scheme=s79,
        organisation=organisations["aeldreklubben-solsikken"],
        title="Onsdagscafé for ældre på Amager",
        purpose="En ugentlig café med kaffe, sang og udflugter, så ældre, der bor alene, får et fast sted at mødes.",
        amount=8_000,
        started=datetime.date(2006, 10, 1),
        received=_local(datetime.date(2006, 10, 30)),
        goals=[("Ugentligt samvær", "15 deltagere hver onsdag")],
        budget=[("Kaffe, kage og to udflugter", 8_000)],
        documents=[statutes],
    )
    # Solsikken's report was never sent: overdue, on the dashboards, and in the way of its next application.
    _decide(writer, solsikken, reference="SOF 2006-31560", decided_on=datetime.date(2006, 12, 5), amount=8_000)
    amager = organisations["amager-seniorforening"]
    writer.put(
        CooperationAgreement,
        {"organisation": amager, "title": "Samarbejdsaftale 2007–2008"},
        {
            "administration": health,
            "reference": "SOF 2006-29811",
            "starts_on": datetime.date(2007, 1, 1),
            "ends_on": datetime.date(2008, 12, 31),
            "summary": "Besøgsvenner i Amagers ældreboliger og på plejehjemmet Strandlyst; fælles møder to gange om året.",
        },
    )
    visitors = _application(
        writer,
        scheme=s79,
        organisation=amager,
        title="Besøgsvenner for ensomme ældre",
        purpose="Frivillige besøgsvenner hos ældre, der bor alene på Amager, og en månedlig fællesspisning.",
        amount=90_000,
        started=datetime.date(2006, 9, 20),
        received=_local(datetime.date(2006, 10, 20)),
        goals=[("Faste besøgsvenner", "60 ældre har en fast besøgsven"), ("Fællesspisning", "40 deltagere pr. måned")],
        budget=[("Koordinator, deltid", 60_000), ("Fællesspisning, 12 gange", 24_000), ("Kurser for besøgsvenner", 6_000)],
        documents=[statutes],
    )
    _decide(writer, visitors, reference="SOF 2006-31577", decided_on=datetime.date(2006, 12, 5), amount=85_000,
            conditions="Foreningen har en samarbejdsaftale med forvaltningen for 2007–2008.")
    _report(
        writer,
        visitors,
        status=ReportStatus.ACCEPTED,
        submitted=datetime.date(2008, 3, 20),
        evaluation="Besøgsvennerne er blevet en fast del af hverdagen for mange; flere er begyndt at komme til fællesspisningen sammen med deres besøgsven.",
        needs="Flere frivillige mænd som besøgsvenner.",
        attendance=520,
        members=310,
        volunteers=46,
        accounts=True,
        results=[
            ("Faste besøgsvenner", "met", "64 ældre har en fast besøgsven", ""),
            ("Fællesspisning", "met", "42 deltagere pr. måned i gennemsnit", ""),
        ],
    )
    banko = _application(
        writer,
        scheme=s79,
        organisation=organisations["bankoklubben-valby"],
        title="Banko og fællesspisning",
        purpose="Ugentlig banko med præmier og fællesspisning.",
        amount=15_000,
        started=datetime.date(2006, 10, 10),
        received=_local(datetime.date(2006, 10, 31), hour=23),
        goals=[("Banko hver uge", "30 spillere pr. gang")],
        budget=[("Præmier", 10_000), ("Mad", 5_000)],
        documents=[statutes],
    )
    _decide(writer, banko, reference="SOF 2006-31590", decided_on=datetime.date(2006, 12, 5),
            reason="Aktiviteten er åben for alle aldre og er ikke forebyggende eller aktiverende for ældre, som § 79 forudsætter. Kontakt gerne forvaltningen om andre muligheder.")

    # Frivillige på plejehjem, 2007: Amager's second grant that year, beyond 100,000 kr with the agreement on file.
    strandlyst = _application(
        writer,
        scheme=nursing,
        organisation=amager,
        title="Frivillige på plejehjemmet Strandlyst",
        purpose="Frivillige læser højt, går ture og holder sangeftermiddage med beboerne på plejehjemmet Strandlyst.",
        amount=40_000,
        started=datetime.date(2006, 10, 15),
        received=_local(datetime.date(2006, 11, 28)),
        goals=[("Faste besøg på alle afdelinger", "2 besøg om ugen på hver afdeling")],
        budget=[("Kurser og supervision af frivillige", 25_000), ("Materialer og transport", 15_000)],
    )
    _decide(writer, strandlyst, reference="SOF 2006-33102", decided_on=datetime.date(2006, 12, 20), amount=40_000)
    _report(
        writer,
        strandlyst,
        status=ReportStatus.ACCEPTED,
        submitted=datetime.date(2008, 3, 25),
        evaluation="Personalet oplever beboerne mere aktive på besøgsdagene. Samarbejdet med plejehjemmet er formaliseret i en partnerskabsaftale.",
        volunteers=12,
        accounts=True,
        results=[("Faste besøg på alle afdelinger", "met", "2–3 besøg om ugen på hver af de fire afdelinger", "")],
    )

    # § 18 on integration, 2008
    women = _application(
        writer,
        scheme=integration,
        organisation=organisations["kvindenetvaerket-noerrebro"],
        title="Netværksgrupper for nydanske kvinder",
        purpose="Ugentlige netværksgrupper med danskøvelser og besøg på arbejdspladser, så kvinderne lærer byen og arbejdsmarkedet at kende.",
        amount=70_000,
        started=datetime.date(2007, 9, 5),
        received=_local(datetime.date(2007, 10, 1)),
        goals=[("Netværksgrupper", "4 grupper med 10 kvinder hver"), ("Vejen til arbejde", "10 kvinder i praktik eller job")],
    )
    _decide(writer, women, reference="BIF 2007-18233", decided_on=datetime.date(2007, 11, 20), amount=60_000,
            reason="Projektet styrker integrationen i de udsatte boligområder, i tråd med integrationspolitikken.")
    _report(
        writer,
        women,
        status=ReportStatus.ACCEPTED,
        submitted=datetime.date(2009, 3, 15),
        evaluation="Grupperne har fungeret som bro til både sprogskole og arbejdspladser. Frivillige med samme baggrund har været afgørende.",
        needs="Flere frivillige tolke, og et fast lokale i boligområdet.",
        volunteers=9,
        accounts=True,
        results=[
            ("Netværksgrupper", "met", "4 grupper med i alt 46 kvinder", ""),
            ("Vejen til arbejde", "partly", "7 kvinder i praktik, 2 i job", "Praktikpladserne kom sent i gang."),
        ],
    )
    homework = _application(
        writer,
        scheme=integration,
        organisation=organisations["lektiehjaelp-vesterbro"],
        title="Lektiecafé for børn og unge på Vesterbro",
        purpose="Frivillige studerende giver lektiehjælp tre eftermiddage om ugen i beboerhuset.",
        amount=45_000,
        started=datetime.date(2007, 9, 10),
        received=_local(datetime.date(2007, 10, 12)),
        goals=[("Lektiehjælp hver uge", "30 børn og unge kommer fast")],
    )
    _decide(writer, homework, reference="BIF 2007-18240", decided_on=datetime.date(2007, 11, 20), amount=45_000)
    _report(
        writer,
        homework,
        status=ReportStatus.ACCEPTED,
        submitted=datetime.date(2009, 3, 30),
        evaluation="Flere af de unge er selv begyndt som hjælpere for de yngste. Skolerne henviser nu elever til caféen.",
        volunteers=22,
        results=[("Lektiehjælp hver uge", "met", "34 børn og unge kom fast", "")],
    )

    # Vesthimmerland, 2008 (seed 004: “De resultater der opnås, skal synliggøres for offentligheden”).
    walks = _application(
        writer,
        scheme=vhm,
        organisation=gaaturene,
        title="Gåture for ældre fra biblioteket",
        purpose="Gåture hver torsdag fra Aars Bibliotek, med kaffe bagefter.",
        amount=12_000,
        started=datetime.date(2008, 1, 20),
        received=_local(datetime.date(2008, 3, 1)),
        goals=[("Gåture hver uge", "20 deltagere pr. tur")],
        budget=[("Kaffe og brød", 7_000), ("Refleksveste og førstehjælpskursus", 5_000)],
    )
    _decide(writer, walks, reference="VHK 08-1234", decided_on=datetime.date(2008, 4, 2), amount=12_000)
    _report(
        writer,
        walks,
        status=ReportStatus.ACCEPTED,
        submitted=datetime.date(2009, 2, 20),
        evaluation="Turene er blevet et fast mødested, også for nye tilflyttere.",
        attendance=900,
        volunteers=6,
        results=[("Gåture hver uge", "met", "22 deltagere pr. tur i gennemsnit", "")],
    )


def _current_scheme(writer, *, administration, prefix, year, **fields):
    """This year's scheme, found again in later years by the start of its name and a year after the
    seeds' own: its dates were set on the day of the first load and are never moved."""
    existing = (
        GrantScheme.objects.filter(administration=administration, name__startswith=prefix, year__gt=LAST_SEED_YEAR)
        .order_by("pk")
        .first()
    )
    if existing is not None:
        writer.objects[GrantScheme].add(existing.pk)
        for model in (ReportTier, RequiredAttachment):
            writer.objects[model].update(model.objects.filter(scheme=existing).values_list("pk", flat=True))
        return existing
    return _scheme(writer, administration=administration, name=f"{prefix}{year}", year=year, **fields)


def _this_year(writer, health, employment, bases, organisations, forum):
    """Schemes of the current year, relative to the first load: one open for applications, one decided."""
    today = timezone.localdate()
    days = datetime.timedelta
    open_scheme = _current_scheme(
        writer,
        administration=health,
        prefix="§ 79-tilskud til ældreklubber og -foreninger ",
        year=today.year + 1,
        legal_basis=bases["79"],
        budget=1_300_000,
        description="Tilskud til klubber og foreninger, der driver forebyggende og aktiverende aktiviteter for ældre i lokalområderne.",
        criteria=SECTION_79_CRITERIA,
        opens_on=today - days(14),
        closes_on=today + days(30),
        period_starts_on=datetime.date(today.year + 1, 1, 1),
        period_ends_on=datetime.date(today.year + 1, 12, 31),
        report_months_after_period=3,
        requires_goals=True,
        requires_budget=True,
        refuses_while_report_outstanding=True,
        tiers=SECTION_79_TIERS,
        required=["Vedtægter"],
    )
    statutes = open_scheme.required_attachments.get(name="Vedtægter")
    decided_scheme = _current_scheme(
        writer,
        administration=employment,
        prefix="§ 18-puljen: frivilligt socialt arbejde på integrationsområdet ",
        year=today.year,
        legal_basis=bases["18"],
        budget=500_000,
        description="Støtte til frivillige organisationers arbejde for integration og beskæftigelse i de udsatte boligområder.",
        criteria=INTEGRATION_CRITERIA,
        opens_on=today - days(100),
        closes_on=today - days(70),
        period_starts_on=today - days(60),
        period_ends_on=today + days(30),
        report_months_after_period=2,
        requires_goals=True,
        requires_budget=False,
    )
    # The dates below are those of the schemes' first load, whatever day this is.
    opened, closed, started = open_scheme.opens_on, decided_scheme.closes_on, decided_scheme.opens_on

    # Open: Frivilligt Forum's draft (its representative submits it), and a club's application to decide.
    _application(
        writer,
        scheme=open_scheme,
        organisation=forum,
        title="Besøgsvenner for ensomme ældre på Nørrebro",
        purpose="Frivillige besøgsvenner for ældre, der sidder alene, og et netværksmøde hver måned for besøgsvennerne.",
        amount=30_000,
        started=opened + days(3),
        goals=[("Faste besøgsvenner", "25 ældre har en fast besøgsven")],
        budget=[("Kurser for besøgsvenner", 12_000), ("Netværksmøder, 12 gange", 18_000)],
    )
    club = _application(
        writer,
        scheme=open_scheme,
        organisation=organisations["seniorklubben-oesterbro"],
        title="Seniormotion og foredrag",
        purpose="Seniormotion to gange om ugen og et foredrag hver måned for ældre på Østerbro.",
        amount=65_000,
        started=opened + days(1),
        received=_local(opened + days(5)),
        goals=[("Ugentlig seniormotion", "30 deltagere pr. gang i gennemsnit"), ("Foredrag", "10 foredrag med 40 tilhørere")],
        budget=[("Leje af sal", 26_000), ("Instruktør", 32_000), ("Foredragsholdere", 7_000)],
        documents=[statutes],
    )
    _once(
        writer,
        Assessment,
        {"application": club},
        {
            "notes": "Klubben har dokumenteret fremmøde og medlemstal for de tidligere år. Foredragene er nye og passer til forvaltningens mål for sundhedsfremme.",
            "recommended_amount": 60_000,
        },
        on_create=lambda assessment: setattr(assessment, "assessed_by", _caseworker(health)),
    )

    # Decided this year: a report to write, one to approve, one sent back, and an application to decide.
    forum_grant = _application(
        writer,
        scheme=decided_scheme,
        organisation=forum,
        title="Netværksmøder for frivillige på integrationsområdet",
        purpose="Månedlige netværksmøder, hvor frivillige i integrationsarbejdet deler erfaringer og får faglig sparring.",
        amount=25_000,
        started=started + days(2),
        received=_local(started + days(10)),
        goals=[("Netværksmøder", "10 møder med 20 deltagere")],
    )
    decided_on = closed + days(14)
    _decide(writer, forum_grant, reference=f"BIF {decided_on.year}-20411", decided_on=decided_on, amount=25_000)
    homework = _application(
        writer,
        scheme=decided_scheme,
        organisation=organisations["lektiehjaelp-vesterbro"],
        title="Lektiecafé og forældremøder",
        purpose="Lektiehjælp tre eftermiddage om ugen, og møder for forældrene om skolen.",
        amount=30_000,
        started=started + days(3),
        received=_local(started + days(12)),
        goals=[("Lektiehjælp hver uge", "35 børn og unge kommer fast"), ("Forældremøder", "4 møder med 15 forældre")],
    )
    _decide(writer, homework, reference=f"BIF {decided_on.year}-20412", decided_on=decided_on, amount=30_000)
    _report(
        writer,
        homework,
        status=ReportStatus.SUBMITTED,
        submitted=decided_on + days(30),
        evaluation="Caféen er fuld hver gang. Forældremøderne har givet flere forældre mod på at kontakte skolen selv.",
        volunteers=24,
        results=[
            ("Lektiehjælp hver uge", "met", "38 børn og unge kommer fast", ""),
            ("Forældremøder", "partly", "3 møder med i alt 36 forældre", "Det fjerde møde er flyttet til efteråret."),
        ],
    )
    women = organisations["kvindenetvaerket-noerrebro"]
    groups = _application(
        writer,
        scheme=decided_scheme,
        organisation=women,
        title="Netværksgrupper og praktikbesøg",
        purpose="Netværksgrupper for nydanske kvinder og besøg på arbejdspladser i samarbejde med jobcentret.",
        amount=40_000,
        started=started + days(4),
        received=_local(started + days(20)),
        goals=[("Netværksgrupper", "3 grupper med 10 kvinder hver")],
    )
    _decide(writer, groups, reference=f"BIF {decided_on.year}-20413", decided_on=decided_on, amount=35_000)
    _report(
        writer,
        groups,
        status=ReportStatus.RETURNED,
        submitted=decided_on + days(20),
        comment="Beskriv også praktikbesøgene: hvor mange kvinder har været på besøg, og hos hvilke arbejdspladser?",
        evaluation="Grupperne er kommet godt i gang.",
        volunteers=8,
        results=[("Netværksgrupper", "met", "3 grupper med i alt 31 kvinder", "")],
    )
    _application(
        writer,
        scheme=decided_scheme,
        organisation=women,
        title="Sommerudflugter for familier",
        purpose="Tre udflugter for familier fra boligområdet, planlagt sammen med de frivillige.",
        amount=12_000,
        started=started + days(5),
        received=_local(closed),
        goals=[("Udflugter", "3 udflugter med 40 deltagere")],
    )
