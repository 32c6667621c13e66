"""Reports on grants in the deadline registry: the organisation's representatives see their report
due, the caseworkers and policy owners see it once it is overdue; reminders go to the
representatives before, and to the caseworkers too once it has passed."""

import datetime

import pytest

from grants.models import Report, ReportStatus
from portal import deadlines
from portal.services import reminders_due
from tests.grants.factories import grant

DUE = datetime.date(2008, 3, 31)


@pytest.fixture
def granted(kk):
    return grant(scheme=kk.scheme, organisation=kk.club, title="Seniormotion")


def report_deadlines(user, on):
    return [deadline for deadline in deadlines.deadlines_for(user, on) if deadline.kind == "grant_report"]


def test_the_representative_sees_the_report_due_and_then_overdue(kk, granted):
    before, = report_deadlines(kk.representative, datetime.date(2008, 3, 1))
    on_the_day, = report_deadlines(kk.representative, DUE)
    after, = report_deadlines(kk.representative, DUE + datetime.timedelta(days=1))

    assert before.due_on == DUE and "Seniormotion" in before.title and "Seniorklubben Østerbro" in before.title
    assert before.url == granted.get_absolute_url()
    assert not before.is_overdue and not on_the_day.is_overdue and after.is_overdue


def test_caseworkers_and_policy_owners_see_only_the_overdue_report(kk, granted):
    for user in (kk.caseworker, kk.owner):
        assert report_deadlines(user, DUE) == []
        assert [d.is_overdue for d in report_deadlines(user, DUE + datetime.timedelta(days=1))] == [True]


def test_another_administrations_caseworker_does_not_see_it(kk, granted):
    assert report_deadlines(kk.other_caseworker, DUE + datetime.timedelta(days=30)) == []


@pytest.mark.parametrize(
    ("status", "shown"),
    [(ReportStatus.DRAFT, True), (ReportStatus.RETURNED, True), (ReportStatus.SUBMITTED, False), (ReportStatus.ACCEPTED, False)],
)
def test_a_report_is_due_until_it_is_submitted_and_again_when_sent_back(kk, granted, status, shown):
    Report.objects.create(application=granted, status=status, submitted_at=granted.submitted_at, comment="Mere.")

    assert bool(report_deadlines(kk.representative, DUE)) is shown


def test_reminders_go_to_the_representatives_before_and_to_the_caseworkers_too_after(kk, granted):
    kk.representative.email = "klub@example.org"
    kk.representative.save()

    before = reminders_due(today=DUE - datetime.timedelta(days=14), days_before=[14, 3])
    after = reminders_due(today=DUE + datetime.timedelta(days=1), days_before=[14, 3])

    assert [(r.user, r.kind, r.days_before) for r in before if r.deadline.kind == "grant_report"] == [
        (kk.representative, "before", 14)
    ]
    assert {(r.user, r.kind) for r in after if r.deadline.kind == "grant_report"} == {
        (kk.representative, "overdue"),
        (kk.caseworker, "overdue"),
    }


def test_more_time_makes_a_new_deadline(kk, granted):
    granted.decision.report_due_on = datetime.date(2008, 5, 1)
    granted.decision.save()

    deadline, = report_deadlines(kk.representative, DUE)

    assert deadline.key == f"grant_report:{granted.pk}:2008-05-01" and not deadline.is_overdue
