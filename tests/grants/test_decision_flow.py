"""A caseworker of the scheme's administration assesses and decides in the browser; refusals stand on
the field they concern; the applicant reads the decision and its reason."""

import pytest

from grants.models import Assessment, Decision
from tests.grants.factories import GrantSchemeFactory, SubmittedApplicationFactory, grant
from tests.grants.helpers import form_codes, url


@pytest.fixture
def caseworker(client, kk):
    client.force_login(kk.caseworker)
    return client


def test_the_assessment_is_saved_and_kept_from_the_applicant(caseworker, client, kk, submitted):
    caseworker.post(url("application_assess", pk=submitted.pk), {"notes": "Lever op til kriterierne.", "recommended_amount": "15000"})

    assert Assessment.objects.get(application=submitted).recommended_amount == 15_000
    assert "Lever op til kriterierne." in caseworker.get(submitted.get_absolute_url()).text
    client.force_login(kk.representative)
    assert "Lever op til kriterierne." not in client.get(submitted.get_absolute_url()).text


def test_a_grant_is_decided_and_the_applicant_reads_it(caseworker, client, kk, submitted):
    form = caseworker.get(url("application_decide", pk=submitted.pk))
    assert form.status_code == 200

    response = caseworker.post(
        url("application_decide", pk=submitted.pk),
        {"outcome": "granted", "amount_granted": "15000", "conditions": "Åbent for alle.", "reference": "SOU 45/2006"},
    )

    assert response.status_code == 302
    decision = Decision.objects.get(application=submitted)
    assert (decision.amount_granted, decision.decided_by, decision.reference) == (15_000, kk.caseworker, "SOU 45/2006")
    client.force_login(kk.representative)
    page = client.get(submitted.get_absolute_url()).text
    assert "15.000 kr." in page and "Åbent for alle." in page and "SOU 45/2006" in page


def test_a_rejection_without_reason_is_refused_on_the_reason(caseworker, submitted):
    response = caseworker.post(url("application_decide", pk=submitted.pk), {"outcome": "rejected", "reference": "SOU 46/2006"})

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"reason": ["reason_required"]}
    assert not Decision.objects.exists()


def test_more_than_is_left_of_the_budget_is_refused_on_the_amount(caseworker, kk, submitted):
    kk.scheme.budget = 30_000
    kk.scheme.save()
    grant(scheme=kk.scheme, amount_requested=20_000)

    response = caseworker.post(
        url("application_decide", pk=submitted.pk), {"outcome": "granted", "amount_granted": "10001", "reference": "SOU 47/2006"}
    )

    assert form_codes(response.context["form"]) == {"amount_granted": ["above_budget"]}
    assert response.context["remaining"] == 10_000


def test_the_agreement_refusal_stands_on_the_amount_and_the_page_offers_to_register_one(caseworker, kk):
    grant(scheme=GrantSchemeFactory(administration=kk.health), organisation=kk.club, amount_requested=90_000)
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=20_000)

    response = caseworker.post(
        url("application_decide", pk=application.pk), {"outcome": "granted", "amount_granted": "20000", "reference": "SOU 48/2006"}
    )

    assert form_codes(response.context["form"]) == {"amount_granted": ["agreement_required"]}
    assert f'{url("agreement_create")}?organisation={kk.club.pk}' in response.text
    assert response.context["year_total"] == 90_000


def test_registering_the_agreement_lets_the_grant_through(caseworker, kk):
    grant(scheme=GrantSchemeFactory(administration=kk.health), organisation=kk.club, amount_requested=90_000)
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=20_000)

    form = caseworker.get(f'{url("agreement_create")}?organisation={kk.club.pk}')
    assert form.context["form"]["organisation"].value() == str(kk.club.pk)
    caseworker.post(
        url("agreement_create"),
        {"organisation": kk.club.pk, "administration": kk.health.pk, "title": "Samarbejdsaftale 2007", "starts_on": "2007-01-01"},
    )
    caseworker.post(
        url("application_decide", pk=application.pk), {"outcome": "granted", "amount_granted": "20000", "reference": "SOU 48/2006"}
    )

    assert Decision.objects.get(application=application).amount_granted == 20_000
    assert "Samarbejdsaftale 2007" in caseworker.get(url("agreements")).text


def test_a_decided_application_is_not_decided_again(caseworker, submitted):
    grant(submitted)

    response = caseworker.get(url("application_decide", pk=submitted.pk))

    assert response.status_code == 302 and response.url == submitted.get_absolute_url()


def test_the_cases_list_the_applications_awaiting_decision_and_the_overdue_reports(caseworker, kk, submitted, today):
    import datetime

    overdue = grant(scheme=kk.scheme, organisation=kk.club, title="Gammelt tilskud")
    today(datetime.date(2008, 4, 1))

    page = caseworker.get(url("cases"))

    assert list(page.context["awaiting_decision"]) == [submitted]
    assert list(page.context["overdue"]) == [overdue]
