"""A caseworker of the scheme's administration decides a submitted application: a grant of at most
what was asked, within what is left of the budget, or a rejection with its reason."""

import pytest
from django.core.exceptions import ValidationError

from grants import services
from grants.models import Decision, DecisionOutcome
from tests.grants.factories import SubmittedApplicationFactory, grant
from tests.validation import codes


def decide(application, user, **fields):
    fields.setdefault("outcome", DecisionOutcome.GRANTED)
    fields.setdefault("reference", "SOU 45/2006")
    return services.application_decide(application=application, decided_by=user, **fields)


def refused(application, user, **fields):
    with pytest.raises(ValidationError) as excinfo:
        decide(application, user, **fields)
    return excinfo.value


def test_a_grant_of_what_was_asked_is_decided_with_the_schemes_report_deadline(kk, submitted):
    decision = decide(submitted, kk.caseworker, amount_granted=20_000, conditions="Aktiviteterne er åbne for alle.")

    assert decision.is_granted and decision.amount_granted == 20_000
    assert decision.report_due_on == kk.scheme.report_due_on
    assert str(kk.scheme.report_due_on) == "2008-03-31"
    assert submitted.state()[0] == "granted"


def test_no_more_than_was_asked_is_granted(kk, submitted):
    error = refused(submitted, kk.caseworker, amount_granted=20_001)

    assert codes(error) == {"amount_granted": ["above_requested"]}
    assert "20.000 kr." in error.messages[0]


def test_less_than_was_asked_may_be_granted(kk, submitted):
    assert decide(submitted, kk.caseworker, amount_granted=12_500).amount_granted == 12_500


def test_the_last_krone_of_the_budget_may_be_granted_but_not_one_more(kk):
    kk.scheme.budget = 50_000
    kk.scheme.save()
    grant(scheme=kk.scheme, amount_requested=30_000)
    exact = SubmittedApplicationFactory(scheme=kk.scheme, amount_requested=20_000)
    over = SubmittedApplicationFactory(scheme=kk.scheme, amount_requested=1)

    decide(exact, kk.caseworker, amount_granted=20_000)
    error = refused(over, kk.caseworker, amount_granted=1)

    assert codes(error) == {"amount_granted": ["above_budget"]}
    assert "0 kr." in error.messages[0]
    assert kk.scheme.decided_total() == 50_000


def test_rejections_use_none_of_the_budget(kk):
    kk.scheme.budget = 10_000
    kk.scheme.save()
    decide(SubmittedApplicationFactory(scheme=kk.scheme), kk.caseworker, outcome=DecisionOutcome.REJECTED, reason="Uden for formålet.")

    decide(SubmittedApplicationFactory(scheme=kk.scheme, amount_requested=10_000), kk.caseworker, amount_granted=10_000)


def test_a_rejection_states_its_reason_and_the_applicant_sees_it(kk, submitted, client):
    assert codes(refused(submitted, kk.caseworker, outcome=DecisionOutcome.REJECTED, reason="  ")) == {
        "reason": ["reason_required"]
    }

    decision = decide(submitted, kk.caseworker, outcome=DecisionOutcome.REJECTED, reason="Aktiviteten er ikke for ældre.")

    assert decision.amount_granted is None
    client.force_login(kk.representative)
    page = client.get(submitted.get_absolute_url()).text
    assert "Aktiviteten er ikke for ældre." in page and "SOU 45/2006" in page


def test_only_a_caseworker_of_the_schemes_administration_decides(kk, submitted):
    for user in (kk.other_caseworker, kk.owner, kk.representative):
        assert codes(refused(submitted, user, amount_granted=1_000)) == {"decided_by": ["not_caseworker"]}

    assert not Decision.objects.exists()


def test_a_draft_is_not_decided(kk):
    draft = SubmittedApplicationFactory(scheme=kk.scheme, status="draft", submitted_at=None)

    assert codes(refused(draft, kk.caseworker, amount_granted=1_000)) == {"application": ["not_submitted"]}


def test_an_application_is_decided_once(kk, submitted):
    decide(submitted, kk.caseworker, amount_granted=1_000)

    assert refused(submitted, kk.caseworker, amount_granted=1_000).code == "already_decided"


def test_a_decision_needs_its_reference(kk, submitted):
    assert codes(refused(submitted, kk.caseworker, amount_granted=1_000, reference=" ")) == {"reference": ["blank"]}


def test_the_budget_cannot_be_cut_below_what_is_granted(kk):
    grant(scheme=kk.scheme, amount_requested=30_000)
    kk.scheme.budget = 29_999

    with pytest.raises(ValidationError) as excinfo:
        kk.scheme.full_clean()

    assert codes(excinfo.value) == {"budget": ["budget_below_granted"]}
