"""A policy's deadlines follow from its adoption: plans, the process plan, and revision."""

import datetime

import pytest

from policies.models import PolicyStatus, VolunteerPolicy
from tests.factories import VolunteerPolicyFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


def test_plans_are_due_a_year_after_adoption(policy):
    # BR 754/05 of 15 Dec 2005: every committee presents its plan by 15 Dec 2006.
    assert policy.plan_due_on == datetime.date(2006, 12, 15)


def test_revision_is_due_four_years_after_adoption(policy):
    assert policy.revision_due_on == datetime.date(2009, 12, 15)


def test_a_policy_adopted_on_a_leap_day():
    policy = VolunteerPolicyFactory(adopted_on=datetime.date(2008, 2, 29))

    assert policy.plan_due_on == datetime.date(2009, 2, 28)
    assert policy.revision_due_on == datetime.date(2012, 2, 29)


def test_a_draft_without_adoption_date_has_no_deadlines():
    policy = VolunteerPolicyFactory(status=PolicyStatus.DRAFT, adopted_on=None, decision_reference="")

    assert policy.plan_due_on is None
    assert policy.revision_due_on is None


def test_a_policy_that_asks_for_no_plans_has_no_plan_deadline():
    policy = VolunteerPolicyFactory(plan_period_months=None)

    assert policy.plan_due_on is None


def test_deadlines_move_with_the_adoption_date_on_a_partial_save(policy):
    policy.adopted_on = datetime.date(2007, 6, 1)
    policy.save(update_fields=["adopted_on"])

    policy.refresh_from_db()
    assert policy.plan_due_on == datetime.date(2008, 6, 1)
    assert policy.revision_due_on == datetime.date(2011, 6, 1)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        pytest.param(datetime.date(2009, 12, 14), False, id="the day before"),
        pytest.param(datetime.date(2009, 12, 15), True, id="on the due date"),
        pytest.param(datetime.date(2009, 12, 16), True, id="the day after"),
    ],
)
def test_revision_falls_due_on_the_due_date(policy, today, due):
    assert policy.is_due_for_revision(today) is due
    assert VolunteerPolicy.objects.due_for_revision(today).contains(policy) is due


@pytest.mark.parametrize("status", [PolicyStatus.DRAFT, PolicyStatus.SUPERSEDED])
def test_a_policy_not_in_force_is_never_due_for_revision(status):
    policy = VolunteerPolicyFactory(status=status)
    years_later = datetime.date(2020, 1, 1)

    assert policy.is_due_for_revision(years_later) is False
    assert not VolunteerPolicy.objects.due_for_revision(years_later).contains(policy)


def test_the_process_plan_may_be_due_before_the_plans(policy):
    # The covering letter of 2 May 2006 asked for process plans by 15 May.
    policy.process_plan_due_on = datetime.date(2006, 5, 15)

    policy.full_clean()


def test_the_process_plan_may_be_due_with_the_plans(policy):
    policy.process_plan_due_on = datetime.date(2006, 12, 15)

    policy.full_clean()


def test_the_process_plan_cannot_be_due_before_adoption(policy):
    policy.process_plan_due_on = datetime.date(2005, 12, 14)

    error = refusal(policy)

    assert codes(error) == {"process_plan_due_on": ["process_plan_before_adoption"]}


def test_the_process_plan_cannot_be_due_after_the_plans(policy):
    policy.process_plan_due_on = datetime.date(2006, 12, 16)

    error = refusal(policy)

    assert codes(error) == {"process_plan_due_on": ["process_plan_after_plans"]}
    assert "15. december 2006" in error.message_dict["process_plan_due_on"][0]
