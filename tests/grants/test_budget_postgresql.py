"""The scheme's decided total never passes its budget, even when two caseworkers grant at the same
moment: the scheme's row is locked while a decision is made (PostgreSQL only, where rows lock)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from grants import services
from grants.models import Decision, DecisionOutcome, GrantScheme
from tests.grants.factories import CooperationAgreementFactory, GrantSchemeFactory, SubmittedApplicationFactory, UserFactory
from tests.organisations.postgresql import requires_postgresql

pytestmark = [requires_postgresql, pytest.mark.django_db(transaction=True)]


def decide_at_once(applications, caseworker, monkeypatch):
    """Both decisions at the same moment, the budget check made slow so that without the lock both
    would look before either commits. Returns the outcomes, sorted."""
    real = GrantScheme.decided_total

    def slow_decided_total(self, *, exclude=None):
        total = real(self, exclude=exclude)
        time.sleep(0.5)  # the other decision looks now, and sees nothing new unless it waited
        return total

    monkeypatch.setattr(GrantScheme, "decided_total", slow_decided_total)
    start = threading.Barrier(len(applications), timeout=10)
    outcomes = {}

    def decide(application):
        try:
            start.wait()
            services.application_decide(
                application=application,
                decided_by=caseworker,
                outcome=DecisionOutcome.GRANTED,
                amount_granted=application.amount_requested,
                reference=f"SOU {application.pk}/2006",
            )
            outcomes[application.pk] = "granted"
        except ValidationError as error:
            outcomes[application.pk] = error.error_dict["amount_granted"][0].code
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            outcomes[application.pk] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(application,)) for application in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes.values())


def test_two_grants_at_once_that_together_pass_the_budget_let_one_through(postgresql, monkeypatch):
    scheme = GrantSchemeFactory(budget=50_000)
    caseworker = UserFactory()
    scheme.administration.caseworkers.add(caseworker)
    first = SubmittedApplicationFactory(scheme=scheme, amount_requested=30_000)
    second = SubmittedApplicationFactory(scheme=scheme, amount_requested=30_000)

    outcomes = decide_at_once([first, second], caseworker, monkeypatch)

    assert outcomes == ["above_budget", "granted"]
    assert scheme.decided_total() == 30_000
    assert Decision.objects.count() == 1


def test_two_grants_at_once_that_together_fit_the_budget_both_go_through(postgresql, monkeypatch):
    scheme = GrantSchemeFactory(budget=60_000)
    caseworker = UserFactory()
    scheme.administration.caseworkers.add(caseworker)
    applications = [SubmittedApplicationFactory(scheme=scheme, amount_requested=30_000) for _ in range(2)]
    for application in applications:
        CooperationAgreementFactory(organisation=application.organisation, administration=scheme.administration)

    assert decide_at_once(applications, caseworker, monkeypatch) == ["granted", "granted"]
    assert scheme.decided_total() == 60_000
