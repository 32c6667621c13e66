"""Plans are followed up on a fixed cadence after adoption (Copenhagen: every second year;
Sundheds- og Omsorgsforvaltningen also reports status yearly)."""

import datetime

import pytest

from policies.models import FollowUp, PolicyStatus
from tests.factories import ImplementationPlanFactory, VolunteerPolicyFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db

LEAP_DAY = datetime.date(2008, 2, 29)


@pytest.fixture
def leap_day_policy():
    return VolunteerPolicyFactory(adopted_on=LEAP_DAY, follow_up_cadence_months=12)


@pytest.mark.parametrize("due_on", [datetime.date(2007, 12, 15), datetime.date(2009, 12, 15)])
def test_follow_ups_fall_due_every_second_year_after_adoption(plan, due_on):
    FollowUp(plan=plan, due_on=due_on).full_clean()


def test_a_follow_up_off_the_cadence_names_the_nearest_dates(plan):
    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2008, 12, 15)))

    assert codes(error) == {"due_on": ["off_cadence"]}
    message = error.message_dict["due_on"][0]
    assert "15. december 2007" in message
    assert "15. december 2009" in message


def test_a_follow_up_one_day_late_is_off_the_cadence(plan):
    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2007, 12, 16)))

    message = error.message_dict["due_on"][0]
    assert "15. december 2007" in message
    assert "15. december 2009" in message


def test_a_follow_up_before_the_first_names_the_first(plan):
    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2006, 12, 15)))

    assert codes(error) == {"due_on": ["off_cadence"]}
    assert "15. december 2007" in error.message_dict["due_on"][0]


def test_the_adoption_date_is_no_follow_up(plan):
    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2005, 12, 15)))

    assert codes(error) == {"due_on": ["off_cadence"]}


def test_a_plan_reporting_yearly_may_follow_up_after_the_first_year(plan):
    plan.follow_up_cadence_months = 12
    plan.save()

    FollowUp(plan=plan, due_on=datetime.date(2006, 12, 15)).full_clean()


@pytest.mark.parametrize("months", [12, 24])
def test_a_plan_may_report_as_often_as_or_more_often_than_the_policy(plan, months):
    plan.follow_up_cadence_months = months

    plan.full_clean()


@pytest.mark.parametrize(
    "months",
    [pytest.param(36, id="less often"), pytest.param(18, id="more often, off the policy's dates")],
)
def test_a_plan_cadence_that_does_not_divide_the_policy_cadence_is_refused(plan, months):
    plan.follow_up_cadence_months = months

    error = refusal(plan)

    assert codes(error) == {"follow_up_cadence_months": ["cadence_off_policy"]}


def test_follow_up_dates_count_from_adoption_not_from_the_last_follow_up(leap_day_policy):
    assert leap_day_policy.follow_up_dates(until=datetime.date(2012, 2, 29)) == [
        datetime.date(2009, 2, 28),
        datetime.date(2010, 2, 28),
        datetime.date(2011, 2, 28),
        datetime.date(2012, 2, 29),
    ]


def test_follow_up_dates_stop_at_the_given_day(policy):
    assert policy.follow_up_dates(until=datetime.date(2011, 12, 14)) == [
        datetime.date(2007, 12, 15),
        datetime.date(2009, 12, 15),
    ]
    assert policy.follow_up_dates(until=datetime.date(2011, 12, 15))[-1] == datetime.date(2011, 12, 15)


def test_a_leap_day_policy_follows_up_on_the_last_day_of_february(leap_day_policy):
    plan = ImplementationPlanFactory(policy=leap_day_policy)

    FollowUp(plan=plan, due_on=datetime.date(2010, 2, 28)).full_clean()
    FollowUp(plan=plan, due_on=datetime.date(2012, 2, 29)).full_clean()


def test_the_day_before_a_leap_day_follow_up_is_off_the_cadence(leap_day_policy):
    plan = ImplementationPlanFactory(policy=leap_day_policy)

    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2012, 2, 28)))

    message = error.message_dict["due_on"][0]
    assert "28. februar 2011" in message
    assert "29. februar 2012" in message


def test_a_policy_without_cadence_refuses_any_follow_up():
    plan = ImplementationPlanFactory(policy=VolunteerPolicyFactory(follow_up_cadence_months=None))

    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2007, 12, 15)))

    assert codes(error) == {"due_on": ["no_cadence"]}


def test_a_policy_not_yet_adopted_refuses_any_follow_up():
    draft = VolunteerPolicyFactory(status=PolicyStatus.DRAFT, adopted_on=None, decision_reference="")
    plan = ImplementationPlanFactory(policy=draft)

    error = refusal(FollowUp(plan=plan, due_on=datetime.date(2007, 12, 15)))

    assert codes(error) == {"due_on": ["no_cadence"]}
