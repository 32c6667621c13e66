"""The people around a plan, for the editor's tests: the caseworkers of its administration, a
caseworker of another administration, the municipality's policy owner and a citizen who has
signed in but holds no role."""

import pytest
from django.test import Client
from django.urls import reverse

from policies.models import PlanStatus
from tests import factories
from tests.policies.helpers import point


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def caseworker(plan):
    user = factories.UserFactory(username="lise", name="Lise Larsen")
    plan.administration.caseworkers.add(user)
    return user


@pytest.fixture
def second_caseworker(plan):
    user = factories.UserFactory(username="ole", name="Ole Olsen")
    plan.administration.caseworkers.add(user)
    return user


@pytest.fixture
def owner(plan):
    user = factories.UserFactory(username="eva", name="Eva Ejer")
    plan.policy.municipality.policy_owners.add(user)
    return user


@pytest.fixture
def other_caseworker(plan):
    """A caseworker of another administration under the same policy, with its own plan."""
    other_plan = factories.ImplementationPlanFactory(policy=plan.policy)
    user = factories.UserFactory(username="bo", name="Bo Berg")
    other_plan.administration.caseworkers.add(user)
    return user


@pytest.fixture
def citizen(db):
    return factories.UserFactory(username="borger", name="Birgit Borger")


@pytest.fixture
def signed_in(client):
    """``signed_in(user)``: the test client, signed in as ``user``."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def browser_of():
    """A separate client per person, for two people working at the same time."""

    def open_browser(user):
        browser = Client()
        browser.force_login(user)
        return browser

    return open_browser


@pytest.fixture
def plan_url(plan):
    """``plan_url("action_update", pk=…)``: an address under the plan (or ``of=`` another plan)."""

    def url(name, of=None, **kwargs):
        target = of or plan
        return reverse(
            f"policies:{name}",
            kwargs={"slug": target.policy.slug, "administration": target.administration.slug, **kwargs},
        )

    return url


@pytest.fixture
def answered_plan(plan):
    """The plan with an action under every point: ready to submit."""
    for number in (1, 2, 3):
        factories.ActionFactory(plan=plan, point=point(plan, number), text=f"Indsats under punkt {number}.")
    return plan


@pytest.fixture
def submitted_plan(answered_plan):
    answered_plan.status = PlanStatus.SUBMITTED
    answered_plan.full_clean()
    answered_plan.save()
    return answered_plan
