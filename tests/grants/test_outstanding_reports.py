"""A scheme may refuse a new application from an organisation while the report on one of its earlier
grants is overdue, or submitted and not yet approved; the refusal names the report."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from grants import services
from grants.models import ApplicationStatus, Report, ReportStatus
from tests.grants.factories import ApplicationFactory, GrantSchemeFactory, grant, local
from tests.validation import codes

# The 2007 grants' reports were due on 31 March 2008; the 2009 scheme receives applications in the autumn of 2008.
AUTUMN_2008 = datetime.date(2008, 9, 15)


@pytest.fixture
def next_scheme(kk):
    return GrantSchemeFactory(
        administration=kk.health,
        legal_basis=kk.section_79,
        name="§ 79-tilskud 2009",
        year=2009,
        opens_on=datetime.date(2008, 9, 1),
        closes_on=datetime.date(2008, 10, 31),
        period_starts_on=datetime.date(2009, 1, 1),
        period_ends_on=datetime.date(2009, 12, 31),
        refuses_while_report_outstanding=True,
    )


@pytest.fixture
def earlier(kk):
    return grant(scheme=kk.scheme, organisation=kk.club, title="Seniormotion 2007")


def submit(scheme, organisation, representative):
    draft = ApplicationFactory(scheme=scheme, organisation=organisation, created_at=local(2008, 3, 1, 9))
    return services.application_submit(application=draft, submitted_by=representative)


def refusal(scheme, kk):
    with pytest.raises(ValidationError) as excinfo:
        submit(scheme, kk.club, kk.representative)
    return excinfo.value


def test_an_overdue_report_is_named_in_the_refusal(kk, next_scheme, earlier, today):
    today(AUTUMN_2008)

    error = refusal(next_scheme, kk)

    assert codes(error) == {"status": ["report_outstanding"]}
    assert "Seniormotion 2007" in error.messages[0] and "31. marts 2008" in error.messages[0]


def test_a_report_submitted_but_not_yet_approved_refuses_too(kk, next_scheme, earlier, today):
    Report.objects.create(application=earlier, status=ReportStatus.SUBMITTED, submitted_at=earlier.submitted_at, evaluation="x")
    today(AUTUMN_2008)

    error = refusal(next_scheme, kk)

    assert codes(error) == {"status": ["report_outstanding"]}
    assert "Seniormotion 2007" in error.messages[0]


def test_a_report_sent_back_for_more_refuses_too(kk, next_scheme, earlier, today):
    Report.objects.create(
        application=earlier, status=ReportStatus.RETURNED, submitted_at=earlier.submitted_at, evaluation="x", comment="Mangler."
    )
    earlier.decision.report_due_on = datetime.date(2008, 12, 1)
    earlier.decision.save()
    today(AUTUMN_2008)

    assert codes(refusal(next_scheme, kk)) == {"status": ["report_outstanding"]}


def test_once_the_report_is_approved_the_application_is_received(kk, next_scheme, earlier, today):
    Report.objects.create(application=earlier, status=ReportStatus.ACCEPTED, submitted_at=earlier.submitted_at, evaluation="x")
    today(AUTUMN_2008)

    assert submit(next_scheme, kk.club, kk.representative).status == ApplicationStatus.SUBMITTED


def test_a_report_not_yet_due_and_not_started_refuses_nothing(kk, next_scheme, earlier, today):
    today(datetime.date(2008, 3, 31))  # the report's last day; the scheme opens early for this test
    next_scheme.opens_on = datetime.date(2008, 3, 1)
    next_scheme.save()

    assert submit(next_scheme, kk.club, kk.representative).status == ApplicationStatus.SUBMITTED


def test_a_scheme_that_does_not_refuse_receives_the_application(kk, next_scheme, earlier, today):
    next_scheme.refuses_while_report_outstanding = False
    next_scheme.save()
    today(AUTUMN_2008)

    assert submit(next_scheme, kk.club, kk.representative).status == ApplicationStatus.SUBMITTED


def test_another_organisations_overdue_report_is_not_held_against_the_applicant(kk, next_scheme, today):
    grant(scheme=kk.scheme)
    today(AUTUMN_2008)

    assert submit(next_scheme, kk.club, kk.representative).status == ApplicationStatus.SUBMITTED
