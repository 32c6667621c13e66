"""A follow-up is due on its date, overdue only while still a draft, and submitted with a report."""

import datetime

import pytest

from policies.models import FollowUp, FollowUpStatus
from tests.factories import FollowUpFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db

DUE = datetime.date(2007, 12, 15)


def is_overdue_both_ways(follow_up, today):
    """Ask the instance and the queryset; they must agree."""
    on_instance = follow_up.is_overdue(today)
    assert FollowUp.objects.overdue(today).contains(follow_up) is on_instance
    return on_instance


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        pytest.param(datetime.date(2007, 12, 14), False, id="the day before"),
        pytest.param(DUE, False, id="on the due date"),
        pytest.param(datetime.date(2007, 12, 16), True, id="the day after"),
    ],
)
def test_a_draft_follow_up_is_overdue_from_the_day_after_its_date(plan, today, overdue):
    follow_up = FollowUpFactory(plan=plan, due_on=DUE)

    assert is_overdue_both_ways(follow_up, today) is overdue


def test_a_submitted_follow_up_is_never_overdue(plan):
    follow_up = FollowUpFactory(
        plan=plan, due_on=DUE, status=FollowUpStatus.SUBMITTED, report="Status: 212 frivillige."
    )

    assert is_overdue_both_ways(follow_up, datetime.date(2007, 12, 16)) is False


def test_a_draft_follow_up_may_have_no_report_yet(plan):
    FollowUp(plan=plan, due_on=DUE).full_clean()


def test_submitting_without_a_report_is_refused(plan):
    error = refusal(FollowUp(plan=plan, due_on=DUE, status=FollowUpStatus.SUBMITTED))

    assert "report_required" in codes(error)["report"]


def test_submitting_a_blank_report_is_refused(plan):
    error = refusal(FollowUp(plan=plan, due_on=DUE, status=FollowUpStatus.SUBMITTED, report="  \n "))

    assert codes(error) == {"report": ["report_required"]}


def test_submitting_with_a_report_is_accepted(plan):
    FollowUp(
        plan=plan, due_on=DUE, status=FollowUpStatus.SUBMITTED, report="Status: 212 frivillige.",
        number_of_volunteers=212,
    ).full_clean()


def test_a_plan_has_one_follow_up_per_date(plan):
    FollowUpFactory(plan=plan, due_on=DUE)

    error = refusal(FollowUp(plan=plan, due_on=DUE))

    assert codes(error) == {"__all__": ["unique_together"]}
