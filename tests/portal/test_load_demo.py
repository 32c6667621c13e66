"""``manage.py load_demo``: the source documents' texts, their dates and rules,
the demo users' roles, and a second run that writes nothing.

The expected texts are copied from the seed documents here, independently of
``policies/demo``, so that a slip in the transcription fails a test.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from organisations.models import Organisation, OrganisationKind
from policies.models import (
    Action,
    Administration,
    BodyMembership,
    FollowUp,
    HearingResponse,
    ImplementationPlan,
    Municipality,
    PlanStatus,
    PointExemption,
    PolicyStatus,
    ResponseStatus,
    VolunteerPolicy,
)

pytestmark = pytest.mark.django_db

HISTORY_MODELS = (ImplementationPlan, Action, PointExemption, FollowUp)



@pytest.fixture(autouse=True)
def english():
    """The command's report is checked in the source language; the catalogue translates it."""
    with translation.override("en"):
        yield

@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Seven demo passwords with the production hasher would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def loaded(settings):
    settings.DEBUG = True
    return load_demo()


@pytest.fixture
def copenhagen_policy(loaded):
    return VolunteerPolicy.objects.get(slug="koebenhavn-2006")


def plan_of(policy, administration_name):
    return ImplementationPlan.objects.with_answers().get(policy=policy, administration__name=administration_name)


def texts(plan, number):
    return list(plan.actions.filter(point__number=number).order_by("position").values_list("text", flat=True))


# Copenhagen: the policy (000) and the covering letter (001)


def test_copenhagen_policy_carries_the_decision_and_its_deadlines(copenhagen_policy):
    policy = copenhagen_policy
    assert policy.municipality.name == "Københavns Kommune"
    assert policy.municipality.slug == "koebenhavn"
    assert policy.title == "Københavns Kommunes frivillighedspolitik 2006"
    assert policy.status == PolicyStatus.ADOPTED
    assert policy.adopted_by == "Borgerrepræsentationen"
    assert policy.decision_reference == "BR 754/05"
    assert policy.adopted_on == datetime.date(2005, 12, 15)
    assert policy.plan_due_on == datetime.date(2006, 12, 15)
    assert policy.process_plan_due_on == datetime.date(2006, 5, 15)
    assert policy.follow_up_cadence_months == 24
    assert policy.revision_due_on == datetime.date(2009, 12, 15)
    assert policy.introduction == (
        "Københavns Kommune ønsker, at styrke samarbejdet med frivillige og almennyttige organisationer, "
        "for herigennem"
    )
    assert policy.closing_text == (
        "Kontaktudvalget for det frivillige sociale arbejde i Københavns Kommune, Ældrerådene og "
        "Folkeoplysningsudvalget skal fortsat være omdrejningspunkter for kommunens samarbejde med de "
        "frivillige og almennyttige organisationer.\n\n"
        "Københavns Kommunes frivillighedspolitik tages op til revision efter en 4 - årig periode."
    )


def test_copenhagen_has_the_nine_points_verbatim(copenhagen_policy):
    points = list(copenhagen_policy.points.order_by("number"))
    assert [point.number for point in points] == list(range(1, 10))
    assert [point.title for point in points] == [
        "Sikring af dialogen",
        "Helhed i indsatsen",
        "Borgerinddragelse",
        "Respekt, ligeværdighed og tillid i samarbejdet",
        "Synliggørelse af effekten af det frivillige arbejde",
        "De frivilliges betydning",
        "Selvbestemmelse",
        "Fagudvalgenes operationalisering",
        "Støtte udviklingen af lokalt samarbejde",
    ]
    assert points[0].text == (
        "at sikre dialogen mellem den frivillige og offentlige indsats i løsningen af sociale opgaver og ved "
        "tildeling af midler, således at indsatsen overfor borgerne styrkes og supplerer hinanden. Således skal "
        "beslutninger, som involverer de frivillige organisationer i rimelig tid forelægges Kontaktudvalget/ de "
        "frivillige organisationer til høring"
    )
    assert points[6].text == (
        "At de kommunale tilskud gives, så de frivillige foreningers selvbestemmelse ikke anfægtes"
    )
    assert points[7].text == (
        "At det i forlængelse af vedtagelsen af Københavns Kommunes overordnede frivillighedspolitik pålægges "
        "samtlige fagudvalg at udarbejde en implementering/operationalisering af frivillighedspolitikken, der "
        "beskriver samarbejde mellem udvalg, forvaltning og frivillige organisationer. Implementeringsplanen for "
        "de enkelte forvaltninger skal forelægges senest et år efter frivillighedspolitikken vedtagelse. "
        "Endvidere skal planen følges op hvert andet år"
    )
    assert points[8].text == (
        "At støtte udviklingen af lokalt samarbejde, hvor frivillige organisationer og aktive medborgere kan "
        "indgå i udviklingen af nye fællesskabs- og handlemuligheder"
    )


def test_all_seven_administrations_owe_a_plan(copenhagen_policy):
    administrations = {
        a.name: (a.committee, a.abbreviation) for a in copenhagen_policy.administrations.all()
    }
    assert administrations == {
        "Økonomiforvaltningen": ("Økonomiudvalget", "ØU"),
        "Socialforvaltningen": ("Socialudvalget", "SOCU"),
        "Børne- og Ungeforvaltningen": ("Børne- og Ungdomsudvalget", "BUU"),
        "Sundheds- og Omsorgsforvaltningen": ("Sundheds- og Omsorgsudvalget", "SOU"),
        "Beskæftigelses- og Integrationsforvaltningen": ("Beskæftigelses- og Integrationsudvalget", "BIU"),
        "Kultur- og Fritidsforvaltningen": ("Kultur- og Fritidsudvalget", "KFU"),
        "Miljø- og Teknikforvaltningen": ("Teknik- og Miljøudvalget", "TMU"),
    }
    with_plan = set(copenhagen_policy.plans.values_list("administration__name", flat=True))
    assert with_plan == {"Sundheds- og Omsorgsforvaltningen", "Beskæftigelses- og Integrationsforvaltningen"}
    # The other five are owed, and late since 15 December 2006.
    assert copenhagen_policy.administrations.exclude(plans__policy=copenhagen_policy).count() == 5


def test_copenhagen_consults_its_three_standing_bodies(copenhagen_policy):
    assert set(copenhagen_policy.consulted_bodies.values_list("name", flat=True)) == {
        "Kontaktudvalget for det frivillige sociale arbejde i Københavns Kommune",
        "Ældrerådene",
        "Folkeoplysningsudvalget",
    }
    kontaktudvalget = copenhagen_policy.consulted_bodies.get(slug="kontaktudvalget")
    assert "KIKK" in kontaktudvalget.description
    # Named in BIF's note, not in the policy: a body of the municipality, not one of the policy's hubs.
    assert copenhagen_policy.municipality.consulted_bodies.filter(name="Integrationsrådet").exists()


# The plans (002, 003)


def test_sundheds_og_omsorgsforvaltningens_plan_answers_all_nine_points(copenhagen_policy):
    plan = plan_of(copenhagen_policy, "Sundheds- og Omsorgsforvaltningen")
    assert plan.title == (
        "Plan for implementering af Københavns Kommunes nye frivillighedspolitik i Sundheds- og "
        "Omsorgsforvaltningen"
    )
    assert plan.decision_reference == "SOU 337/2006"
    # "vedtaget i 2006" gives no day, and an adopted plan needs one.
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.adopted_on is None and plan.submitted_at is None
    assert plan.follow_up_cadence_months == 12
    assert plan.unanswered_points() == []
    assert plan.actions.count() == 25
    assert [len(texts(plan, n)) for n in range(1, 10)] == [4, 3, 4, 5, 3, 2, 1, 2, 1]
    assert texts(plan, 1)[0] == (
        "Sundheds- og Omsorgsborgmesteren og embedsmænd fra forvaltningen deltager løbende i møder med "
        "Kontaktudvalget for det frivillige sociale arbejde. Sundheds- og Omsorgsforvaltningen har etableret "
        "dialog fora i forbindelse med:\n"
        "- forvaltningen af midler ifølge Servicelovens § 79\n"
        "- Partnerskabsprojektet Frivillige på plejehjem\n"
        "- Sundhedsfremme og forebyggelse lokalt"
    )
    # Paragraphs the page breaks cut in two are whole again.
    assert texts(plan, 2)[1] == (
        "Der er igangsat en proces med implementering af frivillighedspolitikker på alle plejehjem. Dette "
        "følges op på forvaltningens øvrige institutioner samt understøttes af uddannelse af personale og "
        "dialog med de frivillige foreninger lokalt."
    )
    assert texts(plan, 4)[2] == (
        "Der indgås partnerskabsaftaler med frivillige organisationer og boligforeninger omkring netværk i "
        "ældreboligafdelinger."
    )
    assert texts(plan, 4)[0] == (
        "Der indgås samarbejdsaftaler med klubber og foreninger, der modtager mere end 100.000 kr. ifølge "
        "Servicelovens § 79."
    )
    assert texts(plan, 8)[1] == (
        "Sundheds- og Omsorgsforvaltningen vil årligt gøre status over implementeringen af "
        "frivillighedspolitikken herunder antal frivillige, erfaringer og idéer fra medarbejdere og "
        "samarbejdspartner samt eventuelle behov for yderligere tiltag."
    )
    assert set(plan.actions.values_list("responsible_unit", flat=True)) == {""}
    plan.full_clean()


def test_beskaeftigelses_og_integrationsforvaltningens_note_answers_all_nine_points(copenhagen_policy):
    plan = plan_of(copenhagen_policy, "Beskæftigelses- og Integrationsforvaltningen")
    assert plan.title == "Operationalisering af frivillighedspolitikken i Københavns Kommune"
    assert plan.caseworker_initials == "LP/THU"
    assert plan.case_number == "313186"
    assert plan.document_number == "1928117"
    assert plan.dated_on == datetime.date(2006, 10, 13)
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.unanswered_points() == []
    assert plan.introduction.startswith(
        "Det er Beskæftigelses- og Integrationsudvalgets vision, at samarbejdet med de frivillige "
        "organisationer kan styrke"
    )
    assert plan.introduction.endswith("løser integrations- og beskæftigelsesopgaven.")
    assert plan.introduction.count("\n\n") == 4
    assert [len(texts(plan, n)) for n in range(1, 10)] == [6, 3, 3, 1, 1, 2, 3, 2, 1]
    assert texts(plan, 1)[2] == (
        "Task forcen fungerer på det praktiske plan som bindeled mellem borgere, frivillige og kommunen i den "
        "dialogiske proces."
    )
    assert texts(plan, 5) == [
        "Der skal løbende foretages en evaluering af de enkelte frivillige organisationers arbejde. Denne "
        "evaluering og de målte effekter af indsatserne skal fremgå af den kommende projektdatabase."
    ]
    assert texts(plan, 8)[1] == "Denne plan vil om 2 år blive taget op til evaluering og forelagt BIU."
    all_text = "".join(plan.actions.values_list("text", flat=True))
    assert "²" not in all_text and "¹" not in all_text
    assert "fire rådgivere" not in all_text  # footnote 2 is not an action
    plan.full_clean()


# Vesthimmerland (004)


def test_vesthimmerland_policy_is_due_for_revision_in_2009(loaded):
    policy = VolunteerPolicy.objects.get(slug="vesthimmerland-2007")
    assert policy.municipality.name == "Vesthimmerlands Kommune"
    assert policy.title == "Frivilligpolitik i Vesthimmerlands Kommune"
    assert policy.status == PolicyStatus.ADOPTED
    assert policy.adopted_by == "Socialudvalget"
    assert policy.decision_reference == "Socialudvalget 11.12.2007"
    assert policy.adopted_on == datetime.date(2007, 12, 11)
    assert policy.revision_due_on == datetime.date(2009, 12, 11)
    assert policy.plan_due_on is None
    assert policy.follow_up_cadence_months is None
    assert not policy.administrations.exists()
    assert list(policy.consulted_bodies.values_list("slug", flat=True)) == ["frivilligraadet"]
    assert policy.introduction.startswith("Vesthimmerlands Kommune anerkender, at det arbejde der udføres")
    assert list(policy.points.order_by("number").values_list("number", "title")) == [
        (1, "Samarbejdet"),
        (2, "Etablering af hjemmeside"),
        (3, "Etablering af internetbaseret vejviser til det frivillige sociale arbejde"),
        (4, "Etablering af egnede fysiske rammer for det frivillige arbejde"),
        (5, "Økonomiske tilskud"),
        (6, "Synliggørelse af resultater"),
    ]
    cooperation = policy.points.get(number=1).text
    assert (
        "Der etableres et Frivilligråd, hvis medlemmer vælges af og blandt de frivillige organisationer i "
        "kommunen." in cooperation
    )
    assert "Kommunen udpeger en fast kontaktperson for frivilligarbejdet." in cooperation
    assert cooperation.endswith(
        "Der skal afholdes mindst ét årligt dialogmøde mellem kommunen og de frivillige organisationer."
    )
    assert policy.points.get(number=3).text == (
        "Formålet er at tilvejebringe og offentliggøre informationer om det samlede udbud af frivillige "
        "aktører og tilskudsmuligheder.\n\n"
        "Den internetbaserede vejviser tilknyttes hjemmesiden og kan eventuelt suppleres med mere målrettede "
        "informationer i andet format."
    )


# Demo users


def logins():
    """The users who can sign in: the demo users. The people who stand for Vesthimmerland's demo
    organisations on its volunteer council have no password."""
    return [user for user in get_user_model().objects.all() if user.has_usable_password()]


def test_demo_users_hold_their_roles(loaded):
    User = get_user_model()
    # The debate's fictitious participants write posts but have no password: no one logs in as them.
    participants = User.objects.filter(username__startswith="debat-")
    assert participants.exists() and not any(user.has_usable_password() for user in participants)
    users = {user.username: user for user in logins()}
    assert set(users) == {"admin", "ejer", "sof", "bif", "kontakt", "forening", "vhm", "borger"}
    assert all(user.check_password("demo") for user in users.values())
    assert all(user.name.startswith("Demo ") for user in users.values())
    assert users["admin"].is_superuser and users["admin"].is_staff
    assert not any(u.is_staff or u.is_superuser for name, u in users.items() if name != "admin")

    copenhagen = Municipality.objects.get(slug="koebenhavn")
    assert list(copenhagen.policy_owners.all()) == [users["ejer"]]
    assert list(Municipality.objects.get(slug="vesthimmerland").policy_owners.all()) == [users["vhm"]]

    def caseworkers(name):
        return list(Administration.objects.get(municipality=copenhagen, name=name).caseworkers.all())

    assert caseworkers("Økonomiforvaltningen") == [users["ejer"]]
    assert caseworkers("Sundheds- og Omsorgsforvaltningen") == [users["sof"]]
    assert caseworkers("Beskæftigelses- og Integrationsforvaltningen") == [users["bif"]]

    membership = BodyMembership.objects.get(user=users["kontakt"])
    assert membership.body.slug == "kontaktudvalget"
    assert membership.starts_on == datetime.date(2006, 1, 1)
    assert membership.ends_on is None
    assert membership.on_behalf_of == "Frivilligt Forum"

    forum = Organisation.objects.get(representatives=users["forening"], municipality=copenhagen)
    assert (forum.name, forum.municipality, forum.kind) == ("Frivilligt Forum", copenhagen, OrganisationKind.NETWORK)


def test_the_kontaktudvalget_member_has_answered_the_open_hearing(loaded):
    response = HearingResponse.objects.get(author__username="kontakt")

    assert response.hearing.accepting_responses()
    assert response.status == ResponseStatus.SUBMITTED
    assert response.body.slug == "kontaktudvalget"


def test_demo_users_are_skipped_when_debug_is_off(settings):
    settings.DEBUG = False
    output = load_demo()
    assert not get_user_model().objects.exists()
    assert "--with-users" in output
    assert VolunteerPolicy.objects.count() == 2


def test_with_users_creates_them_even_when_debug_is_off(settings):
    settings.DEBUG = False
    load_demo(with_users=True)
    assert len(logins()) == 8


# Idempotence


def history_counts():
    return {model.__name__: model.history.count() for model in HISTORY_MODELS}


def test_a_second_run_writes_nothing(loaded):
    before = history_counts()
    assert before["ImplementationPlan"] > 0 and before["Action"] > 0
    with CaptureQueriesContext(connection) as queries:
        output = load_demo()
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert history_counts() == before
    assert "Nothing changed" in output


def test_a_second_run_keeps_a_changed_password(loaded):
    user = get_user_model().objects.get(username="ejer")
    user.set_password("et-andet-kodeord")
    user.save()
    load_demo()
    user.refresh_from_db()
    assert user.check_password("et-andet-kodeord")


def test_a_second_run_restores_a_changed_value_with_one_history_row(loaded, copenhagen_policy):
    plan = ImplementationPlan.objects.get(policy=copenhagen_policy, decision_reference="SOU 337/2006")
    ImplementationPlan.objects.filter(pk=plan.pk).update(title="Noget andet")
    rows_before = plan.history.count()
    load_demo()
    plan.refresh_from_db()
    assert plan.title.startswith("Plan for implementering")
    assert plan.history.count() == rows_before + 1
    assert plan.history.first().history_change_reason == "load_demo"


def test_a_second_run_keeps_the_caseworkers_progress(loaded, copenhagen_policy):
    action = Action.objects.filter(plan__policy=copenhagen_policy).first()
    Action.objects.filter(pk=action.pk).update(status="done", responsible_unit="Ældrekontoret")
    load_demo()
    action.refresh_from_db()
    assert (action.status, action.responsible_unit) == ("done", "Ældrekontoret")


def test_a_conflict_loads_nothing(settings):
    settings.DEBUG = True
    Municipality.objects.create(name="Vesthimmerlands Kommune", slug="vhm")
    with pytest.raises(CommandError, match="nothing was loaded"):
        load_demo()
    # Copenhagen came first and went back with the rest.
    assert not VolunteerPolicy.objects.exists()
    assert not get_user_model().objects.exists()
