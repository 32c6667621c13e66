"""The results page's charts and tables, checked against the data they are drawn from; the downloads
of their numbers; the annual status of an administration (seed 002: the number of volunteers, the
experiences, the needs)."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from grants import charts, results, services
from grants.models import GoalOutcome, GoalResult, Report, ReportStatus
from tests import factories as shared
from tests.grants.factories import GoalFactory, GrantSchemeFactory, SubmittedApplicationFactory, grant
from tests.grants.helpers import url


@pytest.fixture
def data(kk):
    """§ 79 2007: grants of 55,000 and 8,000 (one reported), one rejected; § 18 2008: a grant of 60,000."""
    first = grant(scheme=kk.scheme, organisation=kk.club, amount_requested=55_000, title="Seniormotion")
    goal = GoalFactory(application=first, description="Ugentlig motion")
    second = grant(scheme=kk.scheme, amount_requested=8_000, title="Onsdagscafé")
    rejected = SubmittedApplicationFactory(scheme=kk.scheme)
    services.application_decide(application=rejected, decided_by=kk.caseworker, outcome="rejected", reason="Nej.", reference="X")
    integration = GrantSchemeFactory(administration=kk.employment, name="§ 18-puljen 2008", year=2008, budget=600_000)
    third = grant(scheme=integration, amount_requested=60_000, title="Netværksgrupper")
    accepted = Report.objects.create(
        application=first,
        status=ReportStatus.ACCEPTED,
        submitted_at=first.submitted_at,
        evaluation="Holdene var fulde.",
        needs="Et større lokale.",
        attendance=2_240,
        members=142,
        volunteers=18,
    )
    GoalResult.objects.create(report=accepted, goal=goal, outcome=GoalOutcome.PARTLY, result="20 pr. gang", explanation="Vinteren.")
    Report.objects.create(  # not approved: counts nowhere
        application=third, status=ReportStatus.SUBMITTED, submitted_at=third.submitted_at, evaluation="Udkast.", volunteers=99, members=500
    )
    return {"first": first, "second": second, "third": third, "integration": integration}


def test_grants_by_year_sum_the_grants_of_each_year(kk, data):
    chart = results.grants_by_year(kk.municipality)

    assert chart.labels == ["2007", "2008"]
    assert chart.table()[1] == [["2007", 63_000, 2], ["2008", 60_000, 1]]


def test_grants_by_scheme_and_by_administration(kk, data):
    by_scheme = results.grants_by_scheme(kk.municipality).table()[1]
    by_administration = results.grants_by_administration(kk.municipality).table()[1]

    assert by_scheme == [
        ["§ 18-puljen 2008", 60_000, 600_000, "Beskæftigelses- og Integrationsforvaltningen", 1],
        ["§ 79-tilskud 2007", 63_000, 1_000_000, "Sundheds- og Omsorgsforvaltningen", 2],
    ]
    assert by_administration == [
        ["Beskæftigelses- og Integrationsforvaltningen", 60_000, 1],
        ["Sundheds- og Omsorgsforvaltningen", 63_000, 2],
    ]


def test_volunteers_and_members_count_only_approved_reports(kk, data):
    assert results.people_reported(kk.municipality).table()[1] == [["2007", 18, 142, 2_240, 1]]


def test_plan_coverage_counts_the_published_plans_with_actions_on_each_point(kk):
    policy = shared.VolunteerPolicyFactory(municipality=kk.municipality)
    first, second = (shared.PolicyPointFactory(policy=policy, number=n, title=f"Punkt {n}") for n in (1, 2))
    submitted = shared.ImplementationPlanFactory(policy=policy, administration=kk.health, status="submitted")
    draft = shared.ImplementationPlanFactory(policy=policy, administration=kk.employment)
    shared.ActionFactory(plan=submitted, point=first)
    shared.ActionFactory(plan=submitted, point=first)
    shared.ActionFactory(plan=draft, point=first)  # a draft is not published: it does not count
    shared.PointExemptionFactory(plan=submitted, point=second)

    assert results.plan_coverage(kk.municipality).table()[1] == [["1. Punkt 1", 1, 0, 2], ["2. Punkt 2", 0, 1, 2]]


def test_the_bars_are_as_long_as_their_numbers(kk, data):
    svg = charts.bar_chart(results.grants_by_year(kk.municipality))

    widths = [row.bars[0].width for row in svg.rows]
    space = charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
    assert widths == [space, round(space * 60_000 / 63_000, 1)]
    assert [row.bars[0].text for row in svg.rows] == ["63.000 kr.", "60.000 kr."]


def test_the_page_shows_each_chart_with_its_table(client, kk, data):
    page = client.get(url("results", municipality="koebenhavn"))

    assert page.status_code == 200
    # No adopted policy in this municipality, so no chart of the plans' coverage: four charts, four tables.
    assert page.text.count("<svg") == 4 and page.text.count('<table class="table table-sm align-middle caption-top chart-table">') == 4
    for number in ("63.000 kr.", "60.000 kr.", "2240"):
        assert number in page.text
    assert 'role="img"' in page.text and "<title" in page.text


def test_the_downloads_hold_every_tables_numbers(client, kk, data):
    csv = client.get(url("results_csv", municipality="koebenhavn")).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get(url("results_xlsx", municipality="koebenhavn")).content))

    assert "63000" in csv and "142" in csv
    sheet = workbook.worksheets[0]
    assert [row for row in sheet.iter_rows(min_row=2, values_only=True)] == [("2007", 63_000, 2), ("2008", 60_000, 1)]
    assert len(workbook.worksheets) == 4  # no adopted policy here, so no coverage chart


def test_an_unknown_municipality_has_no_results(client, db):
    assert client.get(url("results", municipality="ingen")).status_code == 404


def test_the_annual_status_counts_the_administrations_year(kk, data, today):
    today(datetime.date(2008, 4, 1))  # the 8,000 kr grant's report is overdue

    report = results.status_report(kk.health, 2007)

    scheme, = report.schemes
    assert (scheme.received, scheme.granted, scheme.rejected, scheme.amount_granted) == (3, 2, 1, 63_000)
    assert (scheme.reports_approved, scheme.reports_outstanding, scheme.reports_overdue) == (1, 1, 1)
    assert (report.volunteers, report.members, report.attendance) == (18, 142, 2_240)
    assert report.goals == {GoalOutcome.PARTLY: 1}
    assert [item.evaluation for item in report.experiences] == ["Holdene var fulde."]
    assert [text for _report, text in report.needs] == ["Et større lokale."]
    assert [result.explanation for _report, result in report.unmet_goals] == ["Vinteren."]


def test_the_annual_status_page_prints_and_downloads(client, kk, data):
    address = url("status_report", municipality="koebenhavn", administration=kk.health.slug, year=2007)

    page = client.get(address)
    workbook = load_workbook(io.BytesIO(client.get(address + "status.xlsx").content))

    assert page.status_code == 200 and "Holdene var fulde." in page.text and "Et større lokale." in page.text
    assert 'media="print"' in page.text
    assert len(workbook.worksheets) == 4  # the figures, the schemes, the experiences, the needs
    assert workbook.worksheets[2]["D2"].value == "Holdene var fulde."


def test_a_year_without_a_scheme_has_no_status(client, kk):
    assert client.get(url("status_report", municipality="koebenhavn", administration=kk.health.slug, year=1999)).status_code == 404
