"""The database refuses what ``clean()`` refuses, wherever it can state the rule, so that a write
path that skips ``full_clean()`` (a bulk import, ``update()``, a shell) cannot store it either."""

import datetime
from contextlib import contextmanager

import pytest
from django.db import IntegrityError, transaction

from policies.models import ImplementationPlan, PlanStatus, PolicyStatus
from tests.factories import (
    BodyMembershipFactory,
    FollowUpFactory,
    ImplementationPlanFactory,
    PointExemptionFactory,
    PolicyPointFactory,
    VolunteerPolicyFactory,
)

pytestmark = pytest.mark.django_db


@contextmanager
def refused_by_database(check=None):
    """Expect an IntegrityError, from the named check constraint if given (SQLite does not name
    unique constraints). The savepoint keeps the test's transaction usable afterwards."""
    with pytest.raises(IntegrityError, match=check), transaction.atomic():
        yield


def test_an_adopted_policy_without_decision_reference_is_refused():
    with refused_by_database("adopted_policy_has_decision"):
        VolunteerPolicyFactory(status=PolicyStatus.ADOPTED, decision_reference="")


def test_an_adopted_policy_without_adoption_date_is_refused():
    with refused_by_database("adopted_policy_has_decision"):
        VolunteerPolicyFactory(status=PolicyStatus.ADOPTED, adopted_on=None)


def test_adopting_by_update_without_a_decision_is_refused():
    draft = VolunteerPolicyFactory(status=PolicyStatus.DRAFT, adopted_on=None, decision_reference="")

    with refused_by_database("adopted_policy_has_decision"):
        type(draft).objects.filter(pk=draft.pk).update(status=PolicyStatus.ADOPTED)


def test_a_process_plan_due_before_adoption_is_refused():
    with refused_by_database("process_plan_after_adoption"):
        VolunteerPolicyFactory(process_plan_due_on=datetime.date(2005, 12, 14))


def test_a_revision_period_of_zero_years_is_refused():
    with refused_by_database("policy_revision_period_positive"):
        VolunteerPolicyFactory(revision_period_years=0)


def test_a_point_number_is_unique_within_its_policy(policy):
    with refused_by_database():
        PolicyPointFactory(policy=policy, number=1)


def test_a_second_plan_of_the_same_administration_is_refused(plan):
    with refused_by_database():
        ImplementationPlan.objects.create(policy=plan.policy, administration=plan.administration)


def test_an_adopted_plan_without_adoption_date_is_refused(plan):
    with refused_by_database("adopted_plan_has_date"):
        ImplementationPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.ADOPTED)


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_exemption_without_a_reason_is_refused(plan, reason):
    with refused_by_database("exemption_has_reason"):
        PointExemptionFactory(plan=plan, reason=reason)


def test_a_second_exemption_for_the_same_point_is_refused(plan):
    first = PointExemptionFactory(plan=plan)

    with refused_by_database():
        PointExemptionFactory(plan=plan, point=first.point, reason="En anden begrundelse.")


def test_a_second_follow_up_on_the_same_date_is_refused(plan):
    FollowUpFactory(plan=plan, due_on=datetime.date(2007, 12, 15))

    with refused_by_database():
        FollowUpFactory(plan=plan, due_on=datetime.date(2007, 12, 15))


def test_a_membership_ending_before_it_starts_is_refused():
    with refused_by_database("membership_ends_after_start"):
        BodyMembershipFactory(starts_on=datetime.date(2006, 1, 1), ends_on=datetime.date(2005, 12, 31))


def test_the_database_accepts_what_the_rules_accept(plan):
    # Guards the tests above: each refusal is the rule's, not a broken fixture's.
    VolunteerPolicyFactory(process_plan_due_on=datetime.date(2006, 5, 15), revision_period_years=1)
    PointExemptionFactory(plan=plan, reason="Forvaltningen giver ingen tilskud.")
    FollowUpFactory(plan=plan, due_on=datetime.date(2009, 12, 15))
    BodyMembershipFactory(starts_on=datetime.date(2006, 1, 1), ends_on=datetime.date(2006, 1, 1))
    ImplementationPlanFactory(policy=plan.policy, status=PlanStatus.ADOPTED, adopted_on=datetime.date(2007, 1, 1))
