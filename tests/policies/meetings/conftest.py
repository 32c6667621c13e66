"""The people around a meeting of Vesthimmerland's social administration: its caseworker, a
caseworker of another administration, the policy owner, a member of Frivilligrådet, the
representative of an organisation of the municipality and of one elsewhere, a citizen with a
login, and the policy owner of another municipality."""

import datetime

import pytest
from django.urls import reverse

from policies.models import PolicyStatus
from tests import factories
from tests.organisations.postgresql import postgresql  # noqa: F401  (a fixture for the PostgreSQL tests)
from tests.policies.meetings.factories import MeetingFactory


@pytest.fixture(autouse=True)
def meeting_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def municipality(db):
    return factories.MunicipalityFactory(name="Vesthimmerlands Kommune", slug="vesthimmerland", dialogue_meetings_per_year=1)


@pytest.fixture
def policy(municipality):
    policy = factories.VolunteerPolicyFactory(
        municipality=municipality,
        title="Frivilligpolitik i Vesthimmerlands Kommune",
        slug="vesthimmerland-2007",
        adopted_on=datetime.date(2007, 12, 11),
        decision_reference="Socialudvalget 11.12.2007",
        status=PolicyStatus.ADOPTED,
        plan_period_months=None,
        follow_up_cadence_months=None,
    )
    for number, title in ((1, "Samarbejdet"), (2, "Etablering af hjemmeside"), (3, "Vejviser")):
        factories.PolicyPointFactory(policy=policy, number=number, title=title)
    return policy


@pytest.fixture
def administration(municipality):
    return factories.AdministrationFactory(municipality=municipality, name="Social og Sundhed", slug="social-og-sundhed")


@pytest.fixture
def body(municipality):
    return factories.ConsultedBodyFactory(municipality=municipality, name="Frivilligrådet", slug="frivilligraadet")


@pytest.fixture
def organisation(municipality):
    return factories.OrganisationFactory(municipality=municipality, name="Gåturene i Aars")


@pytest.fixture
def elsewhere(db):
    return factories.MunicipalityFactory(name="Københavns Kommune", slug="koebenhavn")


@pytest.fixture
def people(municipality, administration, body, organisation, elsewhere):
    caseworker = factories.UserFactory(username="sagsbehandler", email="sagsbehandler@vesthimmerland.example.dk")
    administration.caseworkers.add(caseworker)
    other_caseworker = factories.UserFactory(username="anden")
    factories.AdministrationFactory(municipality=municipality).caseworkers.add(other_caseworker)
    owner = factories.UserFactory(username="ejer")
    municipality.policy_owners.add(owner)
    member = factories.UserFactory(username="medlem")
    factories.BodyMembershipFactory(body=body, user=member, starts_on=datetime.date(2020, 1, 1))
    representative = factories.UserFactory(username="forening", email="forening@example.org")
    organisation.representatives.add(representative)
    other_representative = factories.UserFactory(username="andenforening")
    factories.OrganisationFactory(municipality=elsewhere).representatives.add(other_representative)
    other_owner = factories.UserFactory(username="kk")
    elsewhere.policy_owners.add(other_owner)
    citizen = factories.UserFactory(username="borger")
    return {
        "anonymous": None,
        "citizen": citizen,
        "representative": representative,
        "other_representative": other_representative,
        "member": member,
        "caseworker": caseworker,
        "other_caseworker": other_caseworker,
        "owner": owner,
        "other_owner": other_owner,
    }


@pytest.fixture
def meeting(administration):
    return MeetingFactory(organising_administration=administration, title="Årligt dialogmøde")


@pytest.fixture
def body_meeting(body):
    return MeetingFactory(organising_administration=None, organising_body=body, title="Møde i Frivilligrådet")


def url(name, **kwargs):
    return reverse(f"policies:{name}", kwargs=kwargs)


def field_errors(response, form="form"):
    """{field: [codes]} of the page's form (NON_FIELD_ERRORS as "__all__")."""
    return {name: [error.code for error in errors.as_data()] for name, errors in response.context[form].errors.items()}
