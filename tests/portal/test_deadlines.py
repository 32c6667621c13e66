"""Which deadlines concern whom: caseworkers see their own administrations', the policy owner
every one of the municipality, anyone else none; soonest first; overdue from the day after."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policies.models import FollowUpStatus, PlanStatus
from portal import deadlines
from portal.deadlines import Deadline, deadlines_for
from tests import factories
from tests.portal.conftest import PLANS_DUE, PROCESS_PLANS_DUE, REVISION_DUE, days

pytestmark = pytest.mark.usefixtures("english", "fast_passwords")

DECEMBER_1 = datetime.date(2006, 12, 1)


def listed(user, today=DECEMBER_1):
    return [(deadline.kind, deadline.title) for deadline in deadlines_for(user, today)]


def test_a_caseworker_sees_only_their_administrations_deadlines(copenhagen, vesthimmerland):
    assert listed(copenhagen.health_worker) == [
        ("process_plan", "Process plan of Sundheds- og Omsorgsforvaltningen"),
        ("plan", "Implementation plan of Sundheds- og Omsorgsforvaltningen"),
    ]


def test_an_administration_without_a_plan_still_owes_one(copenhagen):
    (process_plan, plan) = deadlines_for(copenhagen.employment_worker, DECEMBER_1)

    assert plan.title == "Implementation plan of Beskæftigelses- og Integrationsforvaltningen"
    assert plan.due_on == PLANS_DUE
    assert plan.url == copenhagen.policy.get_absolute_url()  # the policy's page lists the plan as owed
    assert process_plan.due_on == PROCESS_PLANS_DUE


def test_the_policy_owner_sees_every_deadline_of_the_municipality_and_none_of_others(copenhagen, vesthimmerland):
    assert listed(copenhagen.owner) == [
        ("process_plan", "Process plan of Beskæftigelses- og Integrationsforvaltningen"),
        ("process_plan", "Process plan of Sundheds- og Omsorgsforvaltningen"),
        ("plan", "Implementation plan of Beskæftigelses- og Integrationsforvaltningen"),
        ("plan", "Implementation plan of Sundheds- og Omsorgsforvaltningen"),
        ("policy_revision", "Revision of Københavns Kommunes frivillighedspolitik 2006"),
    ]


def test_a_user_with_no_role_sees_no_deadlines(copenhagen, vesthimmerland):
    assert listed(copenhagen.citizen) == []


def test_an_anonymous_visitor_has_no_deadlines(copenhagen):
    from django.contrib.auth.models import AnonymousUser

    assert deadlines_for(AnonymousUser(), DECEMBER_1) == []


def test_deadlines_come_soonest_first(copenhagen):
    due_dates = [deadline.due_on for deadline in deadlines_for(copenhagen.owner, DECEMBER_1)]

    assert due_dates == sorted(due_dates)
    assert due_dates[0] == PROCESS_PLANS_DUE and due_dates[-1] == REVISION_DUE


def test_someone_both_caseworker_and_owner_sees_each_deadline_once(copenhagen):
    copenhagen.health.caseworkers.add(copenhagen.owner)

    keys = [deadline.key for deadline in deadlines_for(copenhagen.owner, DECEMBER_1)]

    assert len(keys) == len(set(keys)) == 5


def test_a_submitted_plan_is_no_longer_owed_nor_its_process_plan(copenhagen):
    copenhagen.health_plan.status = PlanStatus.SUBMITTED
    copenhagen.health_plan.save()

    kinds = {deadline.kind for deadline in deadlines_for(copenhagen.health_worker, DECEMBER_1)}

    assert "plan" not in kinds and "process_plan" not in kinds


def test_a_returned_plan_is_owed_again(copenhagen):
    copenhagen.health_plan.status = PlanStatus.RETURNED
    copenhagen.health_plan.return_comment = "Punkt 3 mangler."
    copenhagen.health_plan.save()

    assert ("plan", "Implementation plan of Sundheds- og Omsorgsforvaltningen") in listed(copenhagen.health_worker)


def test_a_superseded_policy_sets_no_deadlines(copenhagen):
    copenhagen.policy.status = "superseded"
    copenhagen.policy.save()

    assert listed(copenhagen.owner) == []


def test_each_deadline_links_to_its_object_and_has_a_stable_key(copenhagen):
    plan = next(d for d in deadlines_for(copenhagen.health_worker, DECEMBER_1) if d.kind == "plan")

    assert plan.url == copenhagen.health_plan.get_absolute_url()
    assert plan.key == f"plan:{copenhagen.policy.pk}:{copenhagen.health.pk}:2006-12-15"
    assert plan.context == "Københavns Kommunes frivillighedspolitik 2006"
    assert plan.kind_label == "Implementation plan"


# The boundary: due today is not overdue; due yesterday is.


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        pytest.param(PLANS_DUE - days(1), False, id="the day before"),
        pytest.param(PLANS_DUE, False, id="on the due date"),
        pytest.param(PLANS_DUE + days(1), True, id="the day after"),
    ],
)
def test_a_plan_is_overdue_from_the_day_after_it_is_due(copenhagen, today, overdue):
    plans = [d for d in deadlines_for(copenhagen.owner, today) if d.kind == "plan"]

    # One with a plan started (the model's twin), one without (the policy's deadline).
    assert [plan.is_overdue for plan in plans] == [overdue, overdue]


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(PROCESS_PLANS_DUE, False), (PROCESS_PLANS_DUE + days(1), True)],
    ids=["on the due date", "the day after"],
)
def test_a_process_plan_is_overdue_from_the_day_after(copenhagen, today, overdue):
    (process_plan,) = [d for d in deadlines_for(copenhagen.health_worker, today) if d.kind == "process_plan"]

    assert process_plan.is_overdue is overdue


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(REVISION_DUE, False), (REVISION_DUE + days(1), True)],
    ids=["on the due date", "the day after"],
)
def test_the_revision_is_overdue_from_the_day_after(copenhagen, today, overdue):
    (revision,) = [d for d in deadlines_for(copenhagen.owner, today) if d.kind == "policy_revision"]

    assert revision.is_overdue is overdue


# Follow-ups


@pytest.fixture
def submitted_plan(copenhagen):
    plan = copenhagen.health_plan
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    return plan


def follow_ups(user, today):
    return [(d.due_on, d.is_overdue) for d in deadlines_for(user, today) if d.kind == "follow_up"]


def test_a_submitted_plan_shows_its_next_follow_up_before_anyone_starts_it(copenhagen, submitted_plan):
    # Every second year after 15 December 2005: the first on 15 December 2007.
    assert follow_ups(copenhagen.health_worker, datetime.date(2007, 1, 10)) == [(datetime.date(2007, 12, 15), False)]
    assert follow_ups(copenhagen.health_worker, datetime.date(2007, 12, 15)) == [(datetime.date(2007, 12, 15), False)]


def test_a_follow_up_date_passed_with_nothing_written_is_missed(copenhagen, submitted_plan):
    assert follow_ups(copenhagen.health_worker, datetime.date(2007, 12, 16)) == [
        (datetime.date(2007, 12, 15), True),
        (datetime.date(2009, 12, 15), False),
    ]


def test_only_the_latest_missed_follow_up_is_listed(copenhagen, submitted_plan):
    assert follow_ups(copenhagen.health_worker, datetime.date(2010, 1, 10)) == [
        (datetime.date(2009, 12, 15), True),
        (datetime.date(2011, 12, 15), False),
    ]


def test_a_date_before_the_plan_was_adopted_is_not_missed(copenhagen, submitted_plan):
    submitted_plan.status = PlanStatus.ADOPTED
    submitted_plan.adopted_on = datetime.date(2008, 6, 1)
    submitted_plan.decision_reference = "SOU 99/2008"
    submitted_plan.save()

    assert follow_ups(copenhagen.health_worker, datetime.date(2008, 7, 1)) == [(datetime.date(2009, 12, 15), False)]


def test_a_plan_with_its_own_cadence_follows_it(copenhagen, submitted_plan):
    submitted_plan.follow_up_cadence_months = 12  # SOF's yearly status under a biennial policy
    submitted_plan.save()

    assert follow_ups(copenhagen.health_worker, datetime.date(2008, 1, 10)) == [
        (datetime.date(2007, 12, 15), True),
        (datetime.date(2008, 12, 15), False),
    ]


def test_a_follow_up_not_submitted_is_listed_and_overdue_from_the_day_after(copenhagen, submitted_plan):
    factories.FollowUpFactory(plan=submitted_plan, due_on=datetime.date(2007, 12, 15))

    assert follow_ups(copenhagen.health_worker, datetime.date(2007, 12, 15)) == [(datetime.date(2007, 12, 15), False)]
    assert follow_ups(copenhagen.health_worker, datetime.date(2008, 1, 10)) == [
        (datetime.date(2007, 12, 15), True),
        (datetime.date(2009, 12, 15), False),
    ]


def test_a_submitted_follow_up_is_done(copenhagen, submitted_plan):
    factories.FollowUpFactory(
        plan=submitted_plan, due_on=datetime.date(2007, 12, 15), status=FollowUpStatus.SUBMITTED, report="Status."
    )

    assert follow_ups(copenhagen.health_worker, datetime.date(2007, 11, 1)) == []


def test_a_draft_plan_has_no_follow_up_yet(copenhagen):
    assert follow_ups(copenhagen.health_worker, datetime.date(2007, 11, 1)) == []


def test_follow_ups_concern_the_caseworkers_and_the_owner_only(copenhagen, submitted_plan):
    when = datetime.date(2007, 11, 1)

    assert follow_ups(copenhagen.owner, when) == follow_ups(copenhagen.health_worker, when) != []
    assert follow_ups(copenhagen.employment_worker, when) == []
    assert follow_ups(copenhagen.citizen, when) == []


# A fixed number of queries, however much data


def build_municipality(size):
    policy = factories.VolunteerPolicyFactory(process_plan_due_on=PROCESS_PLANS_DUE)
    owner = factories.UserFactory()
    policy.municipality.policy_owners.add(owner)
    for n in range(size):
        plan = factories.ImplementationPlanFactory(
            policy=policy, status=PlanStatus.SUBMITTED if n % 2 else PlanStatus.DRAFT
        )
        plan.administration.caseworkers.add(factories.UserFactory(), owner)
        factories.FollowUpFactory(plan=plan, due_on=datetime.date(2007, 12, 15))
        missing = factories.AdministrationFactory(municipality=policy.municipality)
        policy.administrations.add(missing)
    return owner


def count_queries(function):
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_a_users_deadlines_take_as_many_queries_for_many_plans_as_for_two(db):
    small, large = build_municipality(2), build_municipality(8)
    when = datetime.date(2007, 12, 1)

    assert len(deadlines_for(large, when)) > len(deadlines_for(small, when))
    assert count_queries(lambda: deadlines_for(small, when)) == count_queries(lambda: deadlines_for(large, when))


def test_finding_whom_to_remind_takes_as_many_queries_for_many_plans_as_for_two(db):
    def whom_to_remind():
        return deadlines.responsible_for(datetime.date(2007, 12, 1), due_from=PROCESS_PLANS_DUE, due_until=REVISION_DUE)

    build_municipality(2)
    with CaptureQueriesContext(connection) as few:
        fewer_reminders = whom_to_remind()
    build_municipality(8)
    with CaptureQueriesContext(connection) as many:
        more_reminders = whom_to_remind()

    assert len(more_reminders) > len(fewer_reminders)
    assert len(many) == len(few)


# A new kind of deadline needs only its provider


@pytest.fixture
def meetings(monkeypatch):
    """A kind of deadline from a later issue: dialogue meetings (Vesthimmerland, at least one a year)."""
    monkeypatch.setattr(deadlines, "_providers", dict(deadlines._providers))

    meeting = Deadline(
        kind="meeting",
        key="meeting:1:2006-12-05",
        title="Dialogue meeting with the volunteer council",
        due_on=datetime.date(2006, 12, 5),
        url="/moeder/1/",
        is_overdue=False,
    )

    @deadlines.register
    class MeetingDeadlines:
        kind = "meeting"
        label = "Meeting"

        def for_user(self, user, today):
            return [meeting] if user.username == "ejer" else []

        def for_reminders(self, today, *, due_from, due_until):
            return []

    return meeting


def test_a_new_kind_of_deadline_takes_its_place_in_the_list(copenhagen, meetings):
    deadlines_of_owner = deadlines_for(copenhagen.owner, DECEMBER_1)

    assert meetings in deadlines_of_owner
    assert deadlines_of_owner.index(meetings) == 2  # after the two process plans (May), before the plans (15 Dec)
    assert meetings.kind_label == "Meeting"
    assert meetings not in deadlines_for(copenhagen.health_worker, DECEMBER_1)


def test_two_providers_cannot_claim_one_kind(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setattr(deadlines, "_providers", dict(deadlines._providers))

    class AnotherPlanProvider:
        kind = "plan"

    with pytest.raises(ImproperlyConfigured):
        deadlines.register(AnotherPlanProvider)
