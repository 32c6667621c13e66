"""A plan is due when the policy says plans are due, and overdue only while still owed."""

import datetime

import pytest

from policies.models import ImplementationPlan, PlanStatus
from tests.factories import ActionFactory, ImplementationPlanFactory, VolunteerPolicyFactory

pytestmark = pytest.mark.django_db

PLANS_DUE = datetime.date(2006, 12, 15)
DAY_AFTER = datetime.date(2006, 12, 16)


def is_overdue_both_ways(plan, today):
    """Ask the instance and the queryset; they must agree."""
    on_instance = plan.is_overdue(today)
    assert ImplementationPlan.objects.overdue(today).contains(plan) is on_instance
    return on_instance


def test_a_plan_is_due_when_the_policy_says_plans_are_due(plan):
    assert plan.due_on == plan.policy.plan_due_on == PLANS_DUE


def test_a_plan_under_a_leap_day_policy_is_due_on_the_last_day_of_february():
    plan = ImplementationPlanFactory(policy=VolunteerPolicyFactory(adopted_on=datetime.date(2008, 2, 29)))

    assert plan.due_on == datetime.date(2009, 2, 28)


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        pytest.param(datetime.date(2006, 12, 14), False, id="the day before"),
        pytest.param(PLANS_DUE, False, id="on the due date"),
        pytest.param(DAY_AFTER, True, id="the day after"),
    ],
)
def test_a_draft_plan_is_overdue_from_the_day_after_the_due_date(plan, today, overdue):
    assert is_overdue_both_ways(plan, today) is overdue


def test_a_returned_plan_is_owed_again_and_can_be_overdue(plan):
    plan.status = PlanStatus.RETURNED
    plan.save()

    assert is_overdue_both_ways(plan, DAY_AFTER) is True


@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.ADOPTED])
def test_a_submitted_or_adopted_plan_is_never_overdue(plan, status):
    for point in plan.policy.points.all():
        ActionFactory(plan=plan, point=point)
    plan.status = status
    plan.adopted_on = datetime.date(2007, 3, 1) if status == PlanStatus.ADOPTED else None
    plan.full_clean()
    plan.save()

    assert is_overdue_both_ways(plan, DAY_AFTER) is False
    assert is_overdue_both_ways(plan, datetime.date(2020, 1, 1)) is False


def test_a_plan_under_a_policy_that_sets_no_plan_period_is_never_overdue():
    plan = ImplementationPlanFactory(policy=VolunteerPolicyFactory(plan_period_months=None))

    assert plan.due_on is None
    assert is_overdue_both_ways(plan, datetime.date(2020, 1, 1)) is False
