"""A plan answers every point of its policy, by actions or a stated reason, before it is submitted."""

import datetime
import re

import pytest

from policies.models import ImplementationPlan, PlanStatus
from tests.factories import ActionFactory, AdministrationFactory, PointExemptionFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


def point(plan, number):
    return plan.policy.points.get(number=number)


def point_numbers(message):
    return re.findall(r"\d+", message)


def test_a_draft_may_leave_points_unanswered(plan):
    plan.full_clean()


def test_submit_names_unanswered_points(plan):
    ActionFactory(plan=plan, point=point(plan, 2))
    plan.status = PlanStatus.SUBMITTED

    error = refusal(plan)

    assert codes(error) == {"status": ["unanswered_points"]}
    assert point_numbers(error.message_dict["status"][0]) == ["1", "3"]


def test_submit_names_a_single_unanswered_point(plan):
    ActionFactory(plan=plan, point=point(plan, 1))
    ActionFactory(plan=plan, point=point(plan, 2))
    plan.status = PlanStatus.SUBMITTED

    error = refusal(plan)

    assert codes(error) == {"status": ["unanswered_points"]}
    assert point_numbers(error.message_dict["status"][0]) == ["3"]


def test_submit_names_every_point_of_an_empty_plan(plan):
    plan.status = PlanStatus.SUBMITTED

    error = refusal(plan)

    assert point_numbers(error.message_dict["status"][0]) == ["1", "2", "3"]


def test_a_point_that_does_not_apply_counts_as_answered(plan):
    ActionFactory(plan=plan, point=point(plan, 1))
    ActionFactory(plan=plan, point=point(plan, 2))
    PointExemptionFactory(plan=plan, point=point(plan, 3), reason="Forvaltningen giver ingen tilskud.")
    plan.status = PlanStatus.SUBMITTED

    plan.full_clean()


def test_a_plan_answering_every_point_may_be_submitted(plan):
    for number in (1, 2, 3):
        ActionFactory(plan=plan, point=point(plan, number))
    plan.status = PlanStatus.SUBMITTED

    plan.full_clean()


def test_an_adopted_plan_must_also_answer_every_point(plan):
    plan.status = PlanStatus.ADOPTED
    plan.adopted_on = datetime.date(2006, 11, 23)

    error = refusal(plan)

    assert codes(error) == {"status": ["unanswered_points"]}


def test_a_new_plan_cannot_be_created_as_submitted(policy):
    # A plan created straight as submitted (the admin, an import) has answered nothing yet.
    administration = AdministrationFactory(municipality=policy.municipality)
    policy.administrations.add(administration)
    plan = ImplementationPlan(policy=policy, administration=administration, status=PlanStatus.SUBMITTED)

    error = refusal(plan)

    assert codes(error) == {"status": ["unanswered_points"]}
    assert point_numbers(error.message_dict["status"][0]) == ["1", "2", "3"]


def test_an_adopted_plan_needs_its_adoption_date(plan):
    for number in (1, 2, 3):
        ActionFactory(plan=plan, point=point(plan, number))
    plan.status = PlanStatus.ADOPTED

    error = refusal(plan)

    assert codes(error) == {"adopted_on": ["required_when_adopted"]}
