"""The report on a grant: a result for each goal, the documentation the legal basis requires (§ 79:
attendance and members), the accounts the scheme's tier asks for by amount; the caseworker
approves it or sends it back for more."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from grants import services
from grants.models import GoalOutcome, GoalResult, Report, ReportStatus
from tests.grants.factories import GoalFactory, LegalBasisFactory, ReportTierFactory, SubmittedApplicationFactory, grant
from tests.validation import codes

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def granted(kk):
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=10_000)
    GoalFactory(application=application, description="Ugentlig seniormotion")
    GoalFactory(application=application, description="Nye medlemmer", measure="15 nye medlemmer")
    return grant(application)


def write(application, *, submit=False, outcome=GoalOutcome.MET, **fields):
    report = Report.objects.filter(application=application).first() or Report(application=application)
    for name, value in fields.items():
        setattr(report, name, value)
    results = [
        GoalResult.objects.filter(goal=goal).first() or GoalResult(goal=goal, outcome=outcome, result="28 i gennemsnit")
        for goal in application.goals.all()
    ]
    return services.report_save(report=report, results=results, submit=submit, submitted_by=None)


def refused(application, **fields):
    with pytest.raises(ValidationError) as excinfo:
        write(application, submit=True, **fields)
    return codes(excinfo.value)


COMPLETE = {"evaluation": "Holdet voksede hen over året.", "attendance": 1_150, "members": 142}


def test_a_complete_section_79_report_is_submitted(granted):
    report = write(granted, submit=True, **COMPLETE)

    assert report.status == ReportStatus.SUBMITTED and report.submitted_at is not None
    assert report.goal_results.count() == 2


def test_section_79_requires_attendance_and_members(granted):
    assert refused(granted, evaluation="Godt år.") == {
        "attendance": ["documentation_required"],
        "members": ["documentation_required"],
    }


def test_a_legal_basis_without_such_requirements_asks_for_no_numbers(kk, granted):
    kk.scheme.legal_basis = LegalBasisFactory(municipality=kk.municipality, name="Serviceloven § 18")
    kk.scheme.save()

    assert write(granted, submit=True, evaluation="Godt år.").status == ReportStatus.SUBMITTED


def test_every_goal_needs_its_result(granted):
    assert refused(granted, outcome="", **COMPLETE) == {"status": ["goals_unanswered"]}


def test_a_draft_keeps_whatever_is_written(granted):
    report = write(granted, evaluation="Halvvejs.")

    assert report.status == ReportStatus.DRAFT and report.attendance is None


@pytest.mark.parametrize(("amount", "tier"), [(10_000, "Regnskabsoversigt"), (10_001, "Revideret regnskab")])
def test_the_accounts_asked_for_follow_the_amount_granted(kk, amount, tier):
    ReportTierFactory(scheme=kk.scheme, above_amount=0, name="Regnskabsoversigt")
    ReportTierFactory(scheme=kk.scheme, above_amount=10_000, name="Revideret regnskab")
    application = grant(scheme=kk.scheme, organisation=kk.club, amount_requested=amount)

    with pytest.raises(ValidationError) as excinfo:
        write(application, submit=True, **COMPLETE)

    assert codes(excinfo.value) == {"accounts": ["accounts_required"]}
    assert tier in excinfo.value.messages[0]
    assert write(application, submit=True, accounts=ContentFile(PDF, name="regnskab.pdf"), **COMPLETE).accounts_kind == "pdf"


def test_a_tier_that_asks_for_no_document_lets_the_report_through_without_one(kk):
    ReportTierFactory(scheme=kk.scheme, name="Kort redegørelse i rapporten", requires_document=False)
    application = grant(scheme=kk.scheme, organisation=kk.club)

    assert write(application, submit=True, **COMPLETE).status == ReportStatus.SUBMITTED


def test_the_caseworker_approves_a_submitted_report(kk, granted):
    write(granted, submit=True, **COMPLETE)

    report = services.report_accept(application=granted, assessed_by=kk.caseworker)

    assert report.status == ReportStatus.ACCEPTED and report.is_public


def test_sending_back_says_what_is_missing_and_may_give_more_time(kk, granted, today):
    write(granted, submit=True, **COMPLETE)
    today(datetime.date(2008, 4, 2))

    with pytest.raises(ValidationError) as excinfo:
        services.report_return(application=granted, assessed_by=kk.caseworker, comment=" ")
    assert codes(excinfo.value) == {"comment": ["comment_required"]}

    report = services.report_return(
        application=granted, assessed_by=kk.caseworker, comment="Vedlæg regnskabet.", new_due_on=datetime.date(2008, 5, 1)
    )

    granted.decision.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and granted.decision.report_due_on == datetime.date(2008, 5, 1)
    assert write(granted, submit=True, evaluation="Med regnskab.").status == ReportStatus.SUBMITTED


def test_only_the_schemes_caseworker_approves(kk, granted):
    write(granted, submit=True, **COMPLETE)

    for user in (kk.other_caseworker, kk.owner):
        with pytest.raises(ValidationError) as excinfo:
            services.report_accept(application=granted, assessed_by=user)
        assert excinfo.value.code == "not_caseworker"


def test_a_submitted_report_is_locked(kk, granted):
    write(granted, submit=True, **COMPLETE)

    with pytest.raises(ValidationError) as excinfo:
        write(granted, evaluation="Ændret bagefter.")

    assert excinfo.value.code == "report_locked"


def test_a_draft_report_is_not_approved(kk, granted):
    write(granted, **COMPLETE)

    with pytest.raises(ValidationError) as excinfo:
        services.report_accept(application=granted, assessed_by=kk.caseworker)

    assert excinfo.value.code == "not_submitted"


def test_only_a_grant_is_reported_on(kk, submitted):
    with pytest.raises(ValidationError) as excinfo:
        Report(application=submitted).full_clean()

    assert codes(excinfo.value) == {"application": ["not_granted"]}
