"""A seat in a consulted body runs for a period that ends after it starts."""

import datetime

import pytest

from tests.factories import BodyMembershipFactory
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def membership():
    return BodyMembershipFactory(starts_on=datetime.date(2006, 1, 1))


def test_an_open_membership_is_accepted(membership):
    membership.full_clean()


def test_a_membership_of_a_single_day_is_accepted(membership):
    membership.ends_on = datetime.date(2006, 1, 1)

    membership.full_clean()


def test_a_membership_ending_before_it_starts_is_refused(membership):
    membership.ends_on = datetime.date(2005, 12, 31)

    error = refusal(membership)

    assert codes(error) == {"ends_on": ["ends_before_start"]}
