"""Vesthimmerlands Kommune: the volunteer policy of 2007.

Source 004 (a public record, transcribed verbatim): "FORSLAG Til Frivilligpolitik
I Vesthimmerlands Kommune", dealt with by Frivilligrådet on 21 August 2007 and
approved by Socialudvalget on 11 December 2007. It asks the administrations for
no implementation plans and sets no follow-up; it is to be revised by 2009.
"""

import datetime

# Seed 004: "Der skal afholdes mindst ét årligt dialogmøde mellem kommunen og de frivillige
# organisationer." The contact person it asks for is not named in the seed.
MUNICIPALITY = {"slug": "vesthimmerland", "name": "Vesthimmerlands Kommune", "dialogue_meetings_per_year": 1}

CONSULTED_BODIES = [
    {"slug": "frivilligraadet", "name": "Frivilligrådet", "description": ""},
]

ORGANISATIONS = []

ADMINISTRATIONS = []

POLICY = {
    "slug": "vesthimmerland-2007",
    "title": "Frivilligpolitik i Vesthimmerlands Kommune",
    "status": "adopted",
    # The "Grundlag" section.
    "introduction": "\n\n".join(
        (
            (
                "Vesthimmerlands Kommune anerkender, at det arbejde der udføres af frivillige "
                "sociale organisationer og foreninger til gavn for andre mennesker, udgør en "
                "værdifuld og selvstændig indsats på det sociale område."
            ),
            (
                "Vesthimmerlands Kommune anser de frivillige aktører for vigtige partnere i "
                "arbejdet med at fastholde og nyudvikle gode og velegnede sociale tilbud til "
                "kommunens borgere."
            ),
            (
                "Vesthimmerlands Kommune anerkender de frivillige aktørers selvstændighed og "
                "egenart og værdsætter mangfoldighed i det sociale arbejde."
            ),
            (
                "Vesthimmerlands Kommunes frivilligpolitik udgør fundamentet for det praktiske "
                "samarbejde mellem kommunen og de frivillige sociale organisationer og foreninger, "
                "herunder blandt andet tildeling af økonomisk støtte."
            ),
            (
                "Det overordnede formål med politikken er at understøtte et godt sammenspil mellem "
                "de frivillige organisationers aktiviteter og de offentlige sociale tilbud, til "
                "mest mulig gavn for borgerne."
            ),
        )
    ),
    # The sections "Tilblivelse af frivilligpolitikken" and "Revision af politikken".
    "closing_text": "\n\n".join(
        (
            (
                "Frivilligpolitikken er blevet til i dialog mellem de frivillige organisationer, "
                "Frivilligrådet og Socialudvalget i Vesthimmerlands Kommune hen over efteråret "
                "2007."
            ),
            (
                "Frivilligpolitikken er vedtaget af Socialudvalget i Vesthimmerlands Kommune den "
                "11. december 2007."
            ),
            "Frivilligpolitikken skal revideres senest i år 2009.",
        )
    ),
    "adopted_by": "Socialudvalget",
    # The approval carries no case number, so the reference is the meeting.
    "decision_reference": "Socialudvalget 11.12.2007",
    "adopted_on": datetime.date(2007, 12, 11),
    # "skal revideres senest i år 2009": two years on is the nearest whole period.
    "revision_period_years": 2,
    "plan_period_months": None,
    "process_plan_due_on": None,
    "follow_up_cadence_months": None,
}

POLICY_ADMINISTRATIONS = []

POLICY_CONSULTED_BODIES = ["frivilligraadet"]

# The section "Samarbejdet" and the five "Konkrete målsætninger", in document order.
POINTS = [
    {
        "number": 1,
        "title": "Samarbejdet",
        "text": "\n\n".join(
            (
                (
                    "Vesthimmerlands Kommune ønsker et åbent og struktureret samarbejde mellem "
                    "kommunen og de frivillige organisationer."
                ),
                (
                    "Samarbejdet skal være baseret på dialog og skal ske i respekt for hinandens "
                    "forskellige arbejdsvilkår og opgaver."
                ),
                (
                    "Samarbejdet skal medvirke til at højne det generelle informationsniveau både "
                    "mellem deltagerne i samarbejdet og i forhold til offentligheden."
                ),
                (
                    "Samarbejdet skal desuden medvirke til at opnå det bedst mulige grundlag for "
                    "tildeling af økonomisk støtte til frivilligt socialt arbejde."
                ),
                (
                    "Der etableres et Frivilligråd, hvis medlemmer vælges af og blandt de "
                    "frivillige organisationer i kommunen. Frivilligrådets opgaver og forhold "
                    "reguleres nærmere i vedtægter, som fastsættes af kommunen."
                ),
                (
                    "Kommunen udpeger en fast kontaktperson for frivilligarbejdet. Kontaktpersonen "
                    "varetager den daglige kontakt til frivilligrådet og den daglige "
                    "administration af sagsområdet."
                ),
                (
                    "Der skal afholdes mindst ét årligt dialogmøde mellem kommunen og de "
                    "frivillige organisationer."
                ),
            )
        ),
    },
    {
        "number": 2,
        "title": "Etablering af hjemmeside",
        "text": (
            "Hjemmesiden skal være det naturlige sted for frivillige foreninger og for borgerne at "
            "hente informationer og dokumenter vedrørende det frivillige sociale arbejde i "
            "kommunen."
        ),
    },
    {
        "number": 3,
        "title": "Etablering af internetbaseret vejviser til det frivillige sociale arbejde",
        "text": "\n\n".join(
            (
                (
                    "Formålet er at tilvejebringe og offentliggøre informationer om det samlede "
                    "udbud af frivillige aktører og tilskudsmuligheder."
                ),
                (
                    "Den internetbaserede vejviser tilknyttes hjemmesiden og kan eventuelt "
                    "suppleres med mere målrettede informationer i andet format."
                ),
            )
        ),
    },
    {
        "number": 4,
        "title": "Etablering af egnede fysiske rammer for det frivillige arbejde",
        "text": (
            "Det tilstræbes at etablere et Frivillighus og/eller egnede lokaler rundt omkring i "
            "kommunen"
        ),
    },
    {
        "number": 5,
        "title": "Økonomiske tilskud",
        "text": (
            "Kommunen yder, indenfor de politisk vedtagne rammer, økonomisk tilskud til frivilligt "
            "socialt arbejde, fortrinsvis med forankring i kommunens geografiske område."
        ),
    },
    {
        "number": 6,
        "title": "Synliggørelse af resultater",
        "text": (
            "De resultater der opnås, skal synliggøres for offentligheden, blandt andet gennem "
            "pressemeddelelser og brug af hjemmesiden."
        ),
    },
]

PLANS = []
