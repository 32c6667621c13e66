"""Every administration named under a policy owes it one implementation plan, and only those."""

import pytest

from policies.models import ImplementationPlan
from tests.factories import AdministrationFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


def test_a_named_administration_may_present_its_plan(plan):
    plan.full_clean()


def test_an_administration_owes_one_plan_per_policy(plan):
    second = ImplementationPlan(policy=plan.policy, administration=plan.administration)

    error = refusal(second)

    assert codes(error) == {"__all__": ["unique_together"]}


def test_an_administration_of_another_municipality_is_refused(policy):
    elsewhere = AdministrationFactory()
    policy.administrations.add(elsewhere)

    error = refusal(ImplementationPlan(policy=policy, administration=elsewhere))

    assert codes(error) == {"administration": ["other_municipality"]}


def test_an_administration_not_named_under_the_policy_is_refused(policy):
    not_named = AdministrationFactory(municipality=policy.municipality, name="Teknik- og Miljøforvaltningen")

    error = refusal(ImplementationPlan(policy=policy, administration=not_named))

    assert codes(error) == {"administration": ["not_named_in_policy"]}
    assert "Teknik- og Miljøforvaltningen" in error.message_dict["administration"][0]
