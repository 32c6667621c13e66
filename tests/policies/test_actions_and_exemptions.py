"""Each point of a plan is answered either by actions or by a reason why it does not apply."""

import pytest

from policies.models import Action, PointExemption
from tests.factories import (
    ActionFactory,
    ImplementationPlanFactory,
    PointExemptionFactory,
    PolicyPointFactory,
)
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def point(plan):
    return plan.policy.points.get(number=1)


@pytest.fixture
def point_of_another_policy():
    return PolicyPointFactory(number=1)


def test_an_action_under_a_point_of_the_policy_is_accepted(plan, point):
    Action(plan=plan, point=point, text="Et fælles webbaseret kalendersystem.").full_clean()


def test_an_action_under_a_point_of_another_policy_is_refused(plan, point_of_another_policy):
    error = refusal(Action(plan=plan, point=point_of_another_policy, text="Årlig konference."))

    assert codes(error) == {"point": ["point_of_other_policy"]}


def test_an_exemption_for_a_point_of_another_policy_is_refused(plan, point_of_another_policy):
    error = refusal(PointExemption(plan=plan, point=point_of_another_policy, reason="Gælder ikke os."))

    assert codes(error) == {"point": ["point_of_other_policy"]}


def test_an_exemption_with_a_reason_is_accepted(plan, point):
    PointExemption(plan=plan, point=point, reason="Forvaltningen giver ingen tilskud.").full_clean()


def test_an_exemption_without_a_reason_is_refused(plan, point):
    error = refusal(PointExemption(plan=plan, point=point, reason=""))

    assert "reason_required" in codes(error)["reason"]


def test_an_exemption_with_a_blank_reason_is_refused(plan, point):
    error = refusal(PointExemption(plan=plan, point=point, reason=" \n\t "))

    assert codes(error) == {"reason": ["reason_required"]}


def test_an_action_under_an_exempted_point_is_refused(plan, point):
    PointExemptionFactory(plan=plan, point=point)

    error = refusal(Action(plan=plan, point=point, text="Årlig konference."))

    assert codes(error) == {"point": ["point_exempted"]}


def test_an_exemption_for_a_point_with_actions_is_refused(plan, point):
    ActionFactory(plan=plan, point=point)

    error = refusal(PointExemption(plan=plan, point=point, reason="Gælder ikke os."))

    assert codes(error) == {"point": ["point_has_actions"]}


def test_a_point_has_at_most_one_exemption(plan, point):
    PointExemptionFactory(plan=plan, point=point)

    error = refusal(PointExemption(plan=plan, point=point, reason="En anden begrundelse."))

    assert codes(error) == {"__all__": ["unique_together"]}


def test_a_point_may_have_several_actions(plan, point):
    ActionFactory(plan=plan, point=point)

    Action(plan=plan, point=point, text="Årlig konference.").full_clean()


def test_the_same_point_may_be_exempted_in_another_plan(plan, point):
    # Exemptions belong to a plan: one administration's reason binds no other.
    other_plan = ImplementationPlanFactory(policy=plan.policy)
    PointExemptionFactory(plan=other_plan, point=point)

    PointExemption(plan=plan, point=point, reason="Forvaltningen giver ingen tilskud.").full_clean()
