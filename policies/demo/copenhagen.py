"""Københavns Kommune: the 2006 volunteer policy and two implementation plans.

Sources (public records, transcribed verbatim; the original spelling is kept):

- 000: Københavns Kommunes frivillighedspolitik 2006, the nine points.
- 001: Økonomiforvaltningen's covering letter of 2 May 2006 (Sagsnr. 298463,
  Dok.nr. 1823928): adoption on 15 December 2005 (BR 754/05), plans due by
  15 December 2006, process plans by 15 May, the seven administrations.
- 002: Sundheds- og Omsorgsforvaltningen's plan (SOU 337/2006).
- 003: Beskæftigelses- og Integrationsforvaltningen's note of 13 October 2006.

The plans of the other five administrations are not among the sources, so they
have none here: the portal shows them as owed.
"""

import datetime

# Seed 002: cooperation agreements with clubs "der modtager mere end 100.000 kr."
MUNICIPALITY = {"slug": "koebenhavn", "name": "Københavns Kommune", "cooperation_agreement_threshold": 100_000}

# The seven addressees of letter 001. The letter names only the administrations;
# of the committees, the sources attest only SOU (002, "SOU 337/2006") and BIU
# (003), and the rest are the project's own reading. Socialudvalget is "SOCU"
# so that it cannot be mistaken for Sundheds- og Omsorgsudvalget's "SOU".
ADMINISTRATIONS = [
    {
        "slug": "oekonomiforvaltningen",
        "name": "Økonomiforvaltningen",
        "committee": "Økonomiudvalget",
        "abbreviation": "ØU",
    },
    {
        "slug": "socialforvaltningen",
        "name": "Socialforvaltningen",
        "committee": "Socialudvalget",
        "abbreviation": "SOCU",
    },
    {
        "slug": "boerne-og-ungeforvaltningen",
        "name": "Børne- og Ungeforvaltningen",
        "committee": "Børne- og Ungdomsudvalget",
        "abbreviation": "BUU",
    },
    {
        "slug": "sundheds-og-omsorgsforvaltningen",
        "name": "Sundheds- og Omsorgsforvaltningen",
        "committee": "Sundheds- og Omsorgsudvalget",
        "abbreviation": "SOU",
    },
    {
        "slug": "beskaeftigelses-og-integrationsforvaltningen",
        "name": "Beskæftigelses- og Integrationsforvaltningen",
        "committee": "Beskæftigelses- og Integrationsudvalget",
        "abbreviation": "BIU",
    },
    {
        "slug": "kultur-og-fritidsforvaltningen",
        "name": "Kultur- og Fritidsforvaltningen",
        "committee": "Kultur- og Fritidsudvalget",
        "abbreviation": "KFU",
    },
    {
        "slug": "miljoe-og-teknikforvaltningen",
        "name": "Miljø- og Teknikforvaltningen",
        "committee": "Teknik- og Miljøudvalget",
        "abbreviation": "TMU",
    },
]

CONSULTED_BODIES = [
    {
        "slug": "kontaktudvalget",
        "name": "Kontaktudvalget for det frivillige sociale arbejde i Københavns Kommune",
        # Letter 001's own words, with its "som er" made a main clause.
        "description": (
            "Kontaktudvalget i Københavns Kommune (KIKK) er et samarbejdsforum mellem kommunen og "
            "det frivillige sociale arbejde i København."
        ),
    },
    {"slug": "aeldreraadene", "name": "Ældrerådene", "description": ""},
    {"slug": "folkeoplysningsudvalget", "name": "Folkeoplysningsudvalget", "description": ""},
    # Named in 003 (the vision and point 1), not in the policy itself.
    {"slug": "integrationsraadet", "name": "Integrationsrådet", "description": ""},
]

# Named beside Kontaktudvalget in 002, point 1. Nothing more is known about it,
# so its profile says only that.
ORGANISATIONS = [
    {
        "slug": "frivilligt-forum",
        "name": "Frivilligt Forum",
        "kind": "network",
        "purpose": "Nævnt som samarbejdspartner i Sundheds- og Omsorgsforvaltningens implementeringsplan "
        "(SOU 337/2006).",
    },
]

POLICY = {
    "slug": "koebenhavn-2006",
    "title": "Københavns Kommunes frivillighedspolitik 2006",
    "status": "adopted",
    "introduction": (
        "Københavns Kommune ønsker, at styrke samarbejdet med frivillige og almennyttige "
        "organisationer, for herigennem"
    ),
    "closing_text": "\n\n".join(
        (
            (
                "Kontaktudvalget for det frivillige sociale arbejde i Københavns Kommune, "
                "Ældrerådene og Folkeoplysningsudvalget skal fortsat være omdrejningspunkter for "
                "kommunens samarbejde med de frivillige og almennyttige organisationer."
            ),
            (
                "Københavns Kommunes frivillighedspolitik tages op til revision efter en 4 - årig "
                "periode."
            ),
        )
    ),
    "adopted_by": "Borgerrepræsentationen",
    "decision_reference": "BR 754/05",
    "adopted_on": datetime.date(2005, 12, 15),
    "revision_period_years": 4,
    "plan_period_months": 12,
    # 001: process plans "inden 15. maj", in the letter of May 2006.
    "process_plan_due_on": datetime.date(2006, 5, 15),
    "follow_up_cadence_months": 24,
}

# Point 8 lays the duty on every standing committee; 001 addresses all seven.
POLICY_ADMINISTRATIONS = [administration["slug"] for administration in ADMINISTRATIONS]

# The three bodies the closing text calls the hubs of the cooperation.
POLICY_CONSULTED_BODIES = ["kontaktudvalget", "aeldreraadene", "folkeoplysningsudvalget"]

# The texts are those of the policy (000); the short titles are the headings of
# BIF's note (003), the only source that gives the points names.
POINTS = [
    {
        "number": 1,
        "title": "Sikring af dialogen",
        "text": (
            "at sikre dialogen mellem den frivillige og offentlige indsats i løsningen af sociale "
            "opgaver og ved tildeling af midler, således at indsatsen overfor borgerne styrkes og "
            "supplerer hinanden. Således skal beslutninger, som involverer de frivillige "
            "organisationer i rimelig tid forelægges Kontaktudvalget/ de frivillige organisationer "
            "til høring"
        ),
    },
    {
        "number": 2,
        "title": "Helhed i indsatsen",
        "text": (
            "at skabe helhed i indsatsen og problemløsningen. Kommunens medarbejdere skal derfor "
            "på såvel centralt som lokalt plan gøres bekendt med kommunens frivillighedspolitik"
        ),
    },
    {
        "number": 3,
        "title": "Borgerinddragelse",
        "text": (
            "at inddrage borgerne i løsningen af sociale problemer. I kommunens "
            "informationsarbejde overfor borgerne skal der løbende gøres opmærksomt på "
            "mulighederne for at deltage i frivilligt arbejde"
        ),
    },
    {
        "number": 4,
        "title": "Respekt, ligeværdighed og tillid i samarbejdet",
        "text": (
            "at fastholde den gensidige respekt for og accept af det offentliges professionelle "
            "faglighed og det frivillige arbejdes personlige engagement og de enkelte "
            "organisationers værdigrundlag gennem dialog og samarbejde. I forlængelse heraf "
            "tilstræber kommunen i videst mulig omfang at indgå "
            "samarbejdsaftaler/partnerskabsaftaler med frivillige organisationer, således at "
            "samarbejdet bidrager til at udnytte de frivillige organisationers ressourcer og "
            "kompetencer bedst muligt"
        ),
    },
    {
        "number": 5,
        "title": "Synliggørelse af effekten af det frivillige arbejde",
        "text": (
            "at synliggøre effekterne af det frivillige arbejde i kommunen og skabe gensidig "
            "tillid og åbenhed mellem organisationerne, foreningerne og kommunen ved at opstille "
            "mål for brugen af de tildelte midler og efterfølgende evaluere opfyldelsen af disse "
            "mål"
        ),
    },
    {
        "number": 6,
        "title": "De frivilliges betydning",
        "text": (
            "At de frivillige aktivitetsudøvende foreninger i højere grad end nu tillægges en "
            "betydning i arbejdet med at udvikle sociale relationer, forpligtende fællesskaber og "
            "udvikling af demokratiet"
        ),
    },
    {
        "number": 7,
        "title": "Selvbestemmelse",
        "text": (
            "At de kommunale tilskud gives, så de frivillige foreningers selvbestemmelse ikke "
            "anfægtes"
        ),
    },
    {
        "number": 8,
        "title": "Fagudvalgenes operationalisering",
        "text": (
            "At det i forlængelse af vedtagelsen af Københavns Kommunes overordnede "
            "frivillighedspolitik pålægges samtlige fagudvalg at udarbejde en "
            "implementering/operationalisering af frivillighedspolitikken, der beskriver "
            "samarbejde mellem udvalg, forvaltning og frivillige organisationer. "
            "Implementeringsplanen for de enkelte forvaltninger skal forelægges senest et år efter "
            "frivillighedspolitikken vedtagelse. Endvidere skal planen følges op hvert andet år"
        ),
    },
    {
        "number": 9,
        "title": "Støtte udviklingen af lokalt samarbejde",
        "text": (
            "At støtte udviklingen af lokalt samarbejde, hvor frivillige organisationer og aktive "
            "medborgere kan indgå i udviklingen af nye fællesskabs- og handlemuligheder"
        ),
    },
]

# Actions: each paragraph of a plan's right-hand column (002) or each bullet
# (003) is one action, in document order, listed under the number of the point
# it answers.
PLANS = [
    {
        "administration": "sundheds-og-omsorgsforvaltningen",
        # 002 says only "vedtaget i 2006": without the day of adoption the plan
        # cannot be recorded as adopted, so it stands as submitted.
        "status": "submitted",
        "fields": {
            "title": (
                "Plan for implementering af Københavns Kommunes nye frivillighedspolitik i "
                "Sundheds- og Omsorgsforvaltningen"
            ),
            "decision_reference": "SOU 337/2006",
            # 002, point 8: "vil årligt gøre status".
            "follow_up_cadence_months": 12,
        },
        "actions": {
            1: [
                "\n- ".join(
                    (
                        (
                            "Sundheds- og Omsorgsborgmesteren og embedsmænd fra forvaltningen "
                            "deltager løbende i møder med Kontaktudvalget for det frivillige "
                            "sociale arbejde. Sundheds- og Omsorgsforvaltningen har etableret "
                            "dialog fora i forbindelse med:"
                        ),
                        "forvaltningen af midler ifølge Servicelovens § 79",
                        "Partnerskabsprojektet Frivillige på plejehjem",
                        "Sundhedsfremme og forebyggelse lokalt",
                    )
                ),
                (
                    "I forbindelse med politisk behandling af sager med relevans for frivillige "
                    "organisationer høres disse."
                ),
                (
                    "Sundheds- og Omsorgsforvaltningen afholdt i maj 2006 en konference, der havde "
                    "til formål at skabe dialog om nye muligheder for samarbejde mellem det "
                    "offentlige og civilsamfundet, herunder virksomheder, fonde og de frivillige "
                    "organisationer. Som opfølgning på konferencen vil Sundheds- og "
                    "Omsorgsforvaltningen arrangere årlige møder om dette emne."
                ),
                (
                    "Der arbejdes på at etablere et formaliseret samarbejde med Kontaktudvalget, "
                    "Frivilligt Forum og andre relevante grupper med henblik på at styrke "
                    "samarbejdet på tværs."
                ),
            ],
            2: [
                (
                    "Frivillighedspolitikken drøftes i Sundheds- og Omsorgsforvaltningens "
                    "ledergruppe og udsendes til alle centrale enheder. Frivillighedspolitikken "
                    "indtænkes i Sundheds- og Omsorgsforvaltningens årsplaner, herunder planer for "
                    "sundhedsfremme og forebyggelse."
                ),
                (
                    "Der er igangsat en proces med implementering af frivillighedspolitikker på "
                    "alle plejehjem. Dette følges op på forvaltningens øvrige institutioner samt "
                    "understøttes af uddannelse af personale og dialog med de frivillige "
                    "foreninger lokalt."
                ),
                (
                    "Der arbejdes på at erfaringer med frivilligt socialt arbejde inddrages i "
                    "overvejelser ved ansættelser af medarbejdere i Sundheds- og "
                    "Omsorgsforvaltningen."
                ),
            ],
            3: [
                (
                    "Der arbejdes på at informere om frivillige organisationer og mulighed for "
                    "frivilligt arbejde på alle informationsmøder for nye og kommende pensionister "
                    "i alle lokalområde. Ved den borgerrettede undervisning og ved "
                    "informationsmøder, hvor forebyggere og sundhedskonsulenter underviser i "
                    "sundhedsfremme og forebyggelse oplyses om mulighederne for frivilligt socialt "
                    "arbejde."
                ),
                (
                    "Der samarbejdes med frivillige organisationer om oplysning og rekruttering af "
                    "frivillige på senior- og helsemesser i lokalområderne."
                ),
                (
                    "Der arbejdes på at udvikle links til frivillige organisationer til Sundheds- "
                    "og Omsorgsforvaltningens hjemmeside. Der samarbejdes med de øvrige "
                    "forvaltninger om udvikling af en netbaseret kalender, hvor foreninger og "
                    "organisationer kan præsentere deres program og aktiviteter."
                ),
                (
                    "Frivillige organisationer vil få mulighed for at formidle information via de "
                    "lokale sundhedscentre og øvrige borgerindgange til Sundheds- og "
                    "Omsorgsforvaltningen"
                ),
            ],
            4: [
                (
                    "Der indgås samarbejdsaftaler med klubber og foreninger, der modtager mere end "
                    "100.000 kr. ifølge Servicelovens § 79."
                ),
                "Der indgås partnerskabsaftaler med frivillige organisationer og plejehjem.",
                (
                    "Der indgås partnerskabsaftaler med frivillige organisationer og "
                    "boligforeninger omkring netværk i ældreboligafdelinger."
                ),
                (
                    "Der arbejdes på at etablere partnerskaber med erhvervsliv, fonde og "
                    "frivillige organisationer omkring frivilligt arbejde."
                ),
                (
                    "Sundheds- og Omsorgsforvaltningen vil løbende organisere møder og "
                    "konferencer, hvor politikere og medarbejdere kan møde frivillige og drøfte "
                    "vilkår og muligheder for det frivillige arbejde."
                ),
            ],
            5: [
                (
                    "I samarbejde med § 79 netværket evalueres aktiviteterne og de synliggøres "
                    "gennem støtte til produktion og distribution af lokale og bydækkende "
                    "informationsmaterialer om frivillige organisationer og grupper."
                ),
                (
                    "Informationsarbejdet understøttes desuden af samarbejde i netværk omkring "
                    "§ 79 modtagere og partnerskabsprojekter."
                ),
                (
                    "Retningslinierne for at modtage støtte ifølge Servicelovens § 79 stiller krav "
                    "om dokumentation af fremmøde og antal medlemmer. Dette følges nøje og "
                    "understøttes af individuelle vurderinger af aktiviteter i forhold til "
                    "forvaltningens mål for sundhedsfremme og forebyggelse i de enkelte bydele. "
                    "Denne proces foretages i løbende dialog med de foreninger og organisationer, "
                    "der gennemfører aktiviteterne."
                ),
            ],
            6: [
                (
                    "Sundheds- og Omsorgsforvaltningen udvider løbende dialogen om udvikling og "
                    "opgaveløsning i de etablerede netværk og dialogfora. Kontakten til de enkelte "
                    "frivillige organisationer udvides, og nye samarbejds muligheder drøftes "
                    "løbende."
                ),
                (
                    "Sundheds- og Omsorgsudvalget har derfor på sit møde den 20. april 2006 "
                    "besluttet at relancere Dialogforum – et ældrepolitisk mødested."
                ),
            ],
            7: [
                (
                    "Retningslinierne for tildeling af tilskud ifølge § 79 blev vedtaget i 2003 "
                    "efter en lang dialogproces med foreninger og organisationer. Midlerne "
                    "fordeles via vedtagne nøgletal og i dialog om fokusområder tilpasset lokale "
                    "sundhedsprofiler og behov."
                ),
            ],
            8: [
                (
                    "Sundheds- og Omsorgsforvaltningen har gennem de seneste år arbejdet på at "
                    "alle institutioner og enheder udvikler deres egen frivillighedspolitik. Denne "
                    "proces understøttes med vedtagelsen af denne frivillighedspolitik, hvis "
                    "implementering opfyldes med denne plans ni punkter for operationalisering."
                ),
                (
                    "Sundheds- og Omsorgsforvaltningen vil årligt gøre status over "
                    "implementeringen af frivillighedspolitikken herunder antal frivillige, "
                    "erfaringer og idéer fra medarbejdere og samarbejdspartner samt eventuelle "
                    "behov for yderligere tiltag."
                ),
            ],
            9: [
                (
                    "I hvert lokalområde samarbejder Ældrekontor, Pensions- og Omsorgskontor og "
                    "sundhedskonsulenter med det lokale § 79 netværk om synlighed og udvikling af "
                    "nye muligheder for samarbejde. Der er etableret kontakt til boligselskabernes "
                    "ældreboligforeninger og andre aktører, der har interesse i frivilligt socialt "
                    "arbejde."
                ),
            ],
        },
    },
    {
        "administration": "beskaeftigelses-og-integrationsforvaltningen",
        "status": "submitted",
        "fields": {
            "title": "Operationalisering af frivillighedspolitikken i Københavns Kommune",
            "introduction": "\n\n".join(
                (
                    (
                        "Det er Beskæftigelses- og Integrationsudvalgets vision, at samarbejdet "
                        "med de frivillige organisationer kan styrke og på sigt forbedre indsatsen "
                        "på såvel integrationsområdet som beskæftigelsesområdet med henblik på at "
                        "øge rummeligheden i forhold til Københavns mangfoldighed."
                    ),
                    (
                        "Det frivillige arbejde er ikke mindst væsentligt på integrationsområdet. "
                        "Integration er et fælles ansvar, og frivillige kræfter kan supplere "
                        "kommunens indsats gennem bottom-up-processer mv."
                    ),
                    (
                        "De frivillige kræfter kan møde borgeren på en måde, som det offentlige "
                        "ikke kan – et eksempel herpå er idrætsområdet."
                    ),
                    (
                        "De frivillige organisationer er således via deres engagement og "
                        "borgernære kontakt en uvurderlig hjælp i denne proces, ligesom de "
                        "frivillige på glimrende vis fungerer som brobyggere mellem borgere med "
                        "anden etnisk baggrund end dansk og kommunen. Integrationsrådet inddrages "
                        "i videst mulig omfang, og styrker dermed kommunens indsats via "
                        "medlemmernes bredt funderede kontakt til de lokale frivillige "
                        "organisationer."
                    ),
                    (
                        "Beskæftigelses- og Integrationsudvalget ønsker at understøtte dette "
                        "arbejde, således at så mange københavnere som muligt kan deltage i og få "
                        "udbytte af frivilligt arbejde, til gavn for både de involverede parter, "
                        "og for byen som helhed. Derved kan København fremme sin position som "
                        "byen, hvor borgere og myndigheder i fællesskab løser integrations- og "
                        "beskæftigelsesopgaven."
                    ),
                )
            ),
            "case_number": "313186",
            "document_number": "1928117",
            "caseworker_initials": "LP/THU",
            "dated_on": datetime.date(2006, 10, 13),
        },
        # The footnote marker on "Task forcen" is left out; the footnotes are not actions.
        "actions": {
            1: [
                (
                    "Der afholdes en årlig konference for organiserede og uorganiserede "
                    "frivillige. På konferencen vil de frivillige få lejlighed til at præsentere "
                    "sig selv og deres organisation, danne netværk og deltage i workshops. "
                    "Konferencen arrangeres i samarbejde med Integrationsrådet og øvrige relevante "
                    "forvaltninger."
                ),
                (
                    "Den årlige afholdelse af International Dag sikrer dialog og synlighed for de "
                    "frivillige organisationer."
                ),
                (
                    "Task forcen fungerer på det praktiske plan som bindeled mellem borgere, "
                    "frivillige og kommunen i den dialogiske proces."
                ),
                (
                    "Beskæftigelses- og Integrationsforvaltningen skal sikre et aktivt samarbejde "
                    "mellem jobpatruljer, beboere, boligforeninger, skoler og de frivillige "
                    "organisationer angående beskæftigelsesindsatsen og helhedsplanen i de udsatte "
                    "boligområder."
                ),
                (
                    "Beskæftigelses- og Integrationsforvaltningen skal sikre, at de frivillige "
                    "lokale organisationer forud underrettes om besøgene fra jobpatruljerne, "
                    "således at der sikres en løbende dialog og orientering."
                ),
                (
                    "Beskæftigelses- og Integrationsforvaltningen sikrer faglig og saglig "
                    "behandling af § 115-ansøgninger, der har relevans for integrationsområdet."
                ),
            ],
            2: [
                (
                    "Frivillighedsprojekter indenfor kommunens integrationsindsats vil blive "
                    "registreret i den projektdatabase, der er under udvikling. Her vil kommunens "
                    "medarbejdere og de frivillige have adgang til information og erfaringer fra "
                    "eksisterende integrationsprojekter."
                ),
                "Task forcen benyttes som formidlere ved lokale besøg, gå-hjem-møder m.v.",
                (
                    "Frivillighedspolitikken og Beskæftigelses- og Integrationsforvaltningens "
                    "operationalisering af denne udsendes såvel centralt som lokalt og lægges på "
                    "hjemmesiden."
                ),
            ],
            3: [
                (
                    "Beskæftigelses- og Integrationsudvalget har oprettet en åben rådgivning og "
                    "vejledning, som skal sikre at indvandrere i de udsatte boligområder får "
                    "oplysninger om det frivillige arbejde i de områder, hvor de bor, arbejder og "
                    "går i skole. Hermed sikres en synlig adgang til de københavnske frivillige "
                    "foreninger, som tager udgangspunkt i borgerens hverdag."
                ),
                (
                    "Hjemmesiden fungerer som kommunens orienteringsflade på frivillighedsområdet, "
                    "og der er et debatforum for borgere og frivillige samt link til relevante "
                    "sites."
                ),
                (
                    "Task forcen kan i samarbejde med de relevante forvaltninger aflægge besøg på "
                    "skoler og institutioner med henblik på inddragelse af unge og sikring af "
                    "dialogen."
                ),
            ],
            4: [
                (
                    "Beskæftigelses- og Integrationsforvaltningen vil opstille rammer for det "
                    "frivillige arbejde, herunder arbejde på at sikre dialog frem for diktat."
                ),
            ],
            5: [
                (
                    "Der skal løbende foretages en evaluering af de enkelte frivillige "
                    "organisationers arbejde. Denne evaluering og de målte effekter af indsatserne "
                    "skal fremgå af den kommende projektdatabase."
                ),
            ],
            6: [
                (
                    "Task forcen ansatte får tilbudt den såkaldte ”Demokrati-konsulentuddannelse”, "
                    "hvorefter task forcen kan videreformidle uddannelsens indhold til relevante "
                    "personer indenfor de frivillige organisationer som led i disses "
                    "efteruddannelse."
                ),
                (
                    "Beskæftigelses- og Integrationsforvaltningen skal arbejde for at sikre "
                    "tryghed i udsatte områder gennem frivillig indsats fra lokale beboere med "
                    "henblik udvikling af dialog og demokrati. Beskæftigelses- og "
                    "Integrationsforvaltningen skal i samarbejde med Socialforvaltningen "
                    "understøtte disse aktiviteter med hensyntagen til Integrationspolitikken på "
                    "området og skal arbejde tæt sammen med lokale frivillige organisationer på at "
                    "skabe tryghed i de berørte områder."
                ),
            ],
            7: [
                (
                    "Beskæftigelses- og Integrationsforvaltningen skal fokusere på den løbende "
                    "dialog med de frivillige organisationer, eventuelt gennem task forcen, der "
                    "som naturligt bindeled kan fungere som lokal sparringspartner og "
                    "kontaktperson."
                ),
                (
                    "Beskæftigelses- og Integrationsforvaltningen skal basere afgørelser om "
                    "tilskud og projekter mv. på baggrund af ovennævnte dialog og på baggrund af "
                    "ønsker fra de frivillige organisationers side og under hensyntagen til "
                    "integrationspolitikken og beskæftigelsesplanen."
                ),
                (
                    "Beskæftigelses- og Integrationsforvaltningen skal sikre, at formaliteter og "
                    "administration begrænses til det mest nødvendige."
                ),
            ],
            8: [
                "Med dette notat bliver frivillighedspolitikken operationaliseret.",
                "Denne plan vil om 2 år blive taget op til evaluering og forelagt BIU.",
            ],
            9: [
                (
                    "Hjemmesidens database skal løbende opdateres og kendskab til hjemmesiden skal "
                    "fremmes med henblik på at skabe overblik over de lokale initiativer."
                ),
            ],
        },
    },
]
