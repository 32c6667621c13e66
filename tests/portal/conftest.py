"""Copenhagen in 2006, as the covering letter (001) sets it out: the policy adopted on 15 December
2005 (BR 754/05), process plans due 15 May 2006, implementation plans a year after adoption and
follow-ups every second year, revision after four years. Two administrations and their
caseworkers, the policy owner, a citizen with no role, and Vesthimmerland beside it."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests import factories

ADOPTED = datetime.date(2005, 12, 15)
PROCESS_PLANS_DUE = datetime.date(2006, 5, 15)
PLANS_DUE = datetime.date(2006, 12, 15)
REVISION_DUE = datetime.date(2009, 12, 15)


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def english(settings):
    """Read the pages and e-mails in the source language, so that the tests hold the same before
    and after the Danish catalogue is written (dates then read "15. December 2006")."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def today(monkeypatch):
    """Set the date the portal believes it is: ``today(datetime.date(2006, 12, 1))``."""

    def set_today(date):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date)
        return date

    return set_today


@pytest.fixture
def copenhagen(db):
    policy = factories.VolunteerPolicyFactory(
        municipality__name="Københavns Kommune",
        municipality__slug="koebenhavn",
        title="Københavns Kommunes frivillighedspolitik 2006",
        slug="koebenhavn-2006",
        adopted_on=ADOPTED,
        process_plan_due_on=PROCESS_PLANS_DUE,
    )
    for number in (1, 2, 3):
        factories.PolicyPointFactory(policy=policy, number=number)
    # Sundheds- og Omsorgsforvaltningen has started its plan; Beskæftigelses- og
    # Integrationsforvaltningen has not.
    health_plan = factories.ImplementationPlanFactory(
        policy=policy,
        administration__name="Sundheds- og Omsorgsforvaltningen",
        administration__slug="sundheds-og-omsorgsforvaltningen",
    )
    employment = factories.AdministrationFactory(
        municipality=policy.municipality,
        name="Beskæftigelses- og Integrationsforvaltningen",
        slug="beskaeftigelses-og-integrationsforvaltningen",
    )
    policy.administrations.add(employment)

    health_worker = factories.UserFactory(username="sof", name="Sanne Sundhed", email="sof@kk.example.dk")
    employment_worker = factories.UserFactory(username="bif", name="Bent Beskæftigelse", email="bif@kk.example.dk")
    owner = factories.UserFactory(username="ejer", name="Ellen Ejer", email="ejer@kk.example.dk")
    citizen = factories.UserFactory(username="borger", name="Bo Borger", email="bo@example.org")
    health_plan.administration.caseworkers.add(health_worker)
    employment.caseworkers.add(employment_worker)
    policy.municipality.policy_owners.add(owner)
    return SimpleNamespace(
        policy=policy,
        health_plan=health_plan,
        health=health_plan.administration,
        employment=employment,
        health_worker=health_worker,
        employment_worker=employment_worker,
        owner=owner,
        citizen=citizen,
    )


@pytest.fixture
def vesthimmerland(db):
    """Another municipality, whose deadlines concern nobody in Copenhagen."""
    policy = factories.VolunteerPolicyFactory(
        municipality__name="Vesthimmerlands Kommune",
        municipality__slug="vesthimmerland",
        title="Frivilligpolitik i Vesthimmerlands Kommune",
        slug="vesthimmerland-2007",
        decision_reference="KB 2007",
        adopted_on=datetime.date(2007, 12, 11),
    )
    plan = factories.ImplementationPlanFactory(policy=policy, administration__name="Kultur og Fritid")
    caseworker = factories.UserFactory(username="vhm-kultur", email="kultur@vhm.example.dk")
    owner = factories.UserFactory(username="vhm", email="ejer@vhm.example.dk")
    plan.administration.caseworkers.add(caseworker)
    policy.municipality.policy_owners.add(owner)
    return SimpleNamespace(policy=policy, plan=plan, caseworker=caseworker, owner=owner)
