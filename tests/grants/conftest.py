"""Copenhagen's grants in 2006–2007 as seed 002 tells them: Sundheds- og Omsorgsforvaltningen's
§ 79 scheme, whose reports document attendance and members, a club that applies, the caseworkers
of two administrations, the policy owner, and the cooperation agreement threshold of 100,000 kr."""

from types import SimpleNamespace

import pytest

from tests.grants import factories
from tests.organisations.postgresql import postgresql  # noqa: F401  (a fixture for the PostgreSQL tests)
from tests.portal.conftest import today  # noqa: F401  (sets the date the portal believes it is)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def kk(db):
    municipality = factories.MunicipalityFactory(name="Københavns Kommune", slug="koebenhavn")
    health = factories.AdministrationFactory(
        municipality=municipality, name="Sundheds- og Omsorgsforvaltningen", slug="sof", abbreviation="SOU"
    )
    employment = factories.AdministrationFactory(
        municipality=municipality, name="Beskæftigelses- og Integrationsforvaltningen", slug="bif", abbreviation="BIU"
    )
    caseworker = factories.UserFactory(username="sof", name="Sanne Sundhed")
    other_caseworker = factories.UserFactory(username="bif", name="Bent Beskæftigelse")
    owner = factories.UserFactory(username="ejer", name="Ellen Ejer")
    health.caseworkers.add(caseworker)
    employment.caseworkers.add(other_caseworker)
    municipality.policy_owners.add(owner)
    section_79 = factories.LegalBasisFactory(
        municipality=municipality,
        name="Serviceloven § 79",
        requires_attendance=True,
        requires_members=True,
    )
    scheme = factories.GrantSchemeFactory(
        administration=health, legal_basis=section_79, name="§ 79-tilskud 2007", budget=1_000_000
    )
    club = factories.OrganisationFactory(municipality=municipality, name="Seniorklubben Østerbro", slug="seniorklubben")
    representative = factories.UserFactory(username="klub", name="Karen Klub")
    club.representatives.add(representative)
    return SimpleNamespace(
        municipality=municipality,
        health=health,
        employment=employment,
        caseworker=caseworker,
        other_caseworker=other_caseworker,
        owner=owner,
        section_79=section_79,
        scheme=scheme,
        club=club,
        representative=representative,
    )


@pytest.fixture
def submitted(kk):
    """The club's application of 20,000 kr to the § 79 scheme, received on 1 October 2006."""
    return factories.SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=20_000)
