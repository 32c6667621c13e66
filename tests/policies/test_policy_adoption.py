"""An adopted policy records the decision that adopted it (e.g. BR 754/05 of 15 Dec 2005)."""

import datetime

import pytest

from policies.models import PolicyStatus
from tests.factories import VolunteerPolicyFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return VolunteerPolicyFactory(status=PolicyStatus.DRAFT, adopted_on=None, decision_reference="")


def test_a_draft_needs_no_decision(draft):
    draft.full_clean()


def test_adopting_without_date_or_decision_names_both_fields(draft):
    draft.status = PolicyStatus.ADOPTED

    error = refusal(draft)

    assert codes(error) == {
        "adopted_on": ["required_when_adopted"],
        "decision_reference": ["required_when_adopted"],
    }


def test_adopting_without_decision_reference_is_refused(draft):
    draft.status = PolicyStatus.ADOPTED
    draft.adopted_on = datetime.date(2005, 12, 15)

    error = refusal(draft)

    assert codes(error) == {"decision_reference": ["required_when_adopted"]}


def test_adopting_without_date_is_refused(draft):
    draft.status = PolicyStatus.ADOPTED
    draft.decision_reference = "BR 754/05"

    error = refusal(draft)

    assert codes(error) == {"adopted_on": ["required_when_adopted"]}


def test_adopting_with_date_and_decision_is_accepted(draft):
    draft.status = PolicyStatus.ADOPTED
    draft.adopted_on = datetime.date(2005, 12, 15)
    draft.decision_reference = "BR 754/05"

    draft.full_clean()
