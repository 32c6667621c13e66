"""Every list and page of grants runs a fixed number of queries, however many schemes, applications,
goals and reports there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants.models import GoalOutcome, GoalResult, Report, ReportStatus
from tests.grants.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CooperationAgreementFactory,
    GoalFactory,
    GrantSchemeFactory,
    LegalBasisFactory,
    ReportTierFactory,
    RequiredAttachmentFactory,
    SubmittedApplicationFactory,
    grant,
)
from tests.grants.helpers import url


def build(kk, size):
    """``size`` schemes, each with a granted and reported project with goals, a pending application
    and a draft of the club's; agreements."""
    for n in range(size):
        scheme = GrantSchemeFactory(administration=kk.health if n % 2 else kk.employment, legal_basis=kk.section_79, year=2007 + n % 3)
        funded = grant(scheme=scheme, organisation=kk.club)
        goals = [GoalFactory(application=funded) for _ in range(2)]
        report = Report.objects.create(
            application=funded, status=ReportStatus.ACCEPTED, submitted_at=funded.submitted_at, evaluation="Godt.", volunteers=n, needs="Mere."
        )
        for goal in goals:
            GoalResult.objects.create(report=report, goal=goal, outcome=GoalOutcome.PARTLY)
        SubmittedApplicationFactory(scheme=scheme, organisation=kk.club)
        draft = ApplicationFactory(scheme=scheme, organisation=kk.club)
        GoalFactory(application=draft)
        BudgetLineFactory(application=draft)
        CooperationAgreementFactory(organisation=kk.club, administration=kk.health)
        LegalBasisFactory(municipality=kk.municipality, name=f"Lov nr. {n}")
        ReportTierFactory(scheme=scheme, above_amount=n * 1000)
        RequiredAttachmentFactory(scheme=scheme, name=f"Bilag {n}")
    return funded


PAGES = [
    ("anonymous", lambda kk, last: url("scheme_list")),
    ("anonymous", lambda kk, last: url("project_list")),
    ("anonymous", lambda kk, last: last.get_public_url()),
    ("anonymous", lambda kk, last: last.scheme.get_absolute_url()),
    ("anonymous", lambda kk, last: url("results", municipality="koebenhavn")),
    ("anonymous", lambda kk, last: url("status_report", municipality="koebenhavn", administration=kk.health.slug, year=2008)),
    ("anonymous", lambda kk, last: kk.club.get_absolute_url()),
    ("representative", lambda kk, last: url("mine")),
    ("representative", lambda kk, last: last.get_absolute_url()),
    ("owner", lambda kk, last: url("cases")),
    ("owner", lambda kk, last: url("agreements")),
    ("owner", lambda kk, last: url("legal_bases")),
    ("caseworker", lambda kk, last: url("scheme_edit", pk=last.scheme.pk)),
    ("caseworker", lambda kk, last: url("cases")),
    ("caseworker", lambda kk, last: reverse("portal:dashboard")),
]


def queries_for(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("role", "address"), PAGES)
def test_the_page_runs_a_fixed_number_of_queries(client, kk, role, address, django_assert_max_num_queries):
    if role != "anonymous":
        client.force_login(getattr(kk, role))
    last = build(kk, 2)
    with_little = queries_for(client, address(kk, last))
    last = build(kk, 6)

    with django_assert_max_num_queries(with_little):
        assert client.get(address(kk, last)).status_code == 200
