"""The terms of a council never overlap, said by the database itself (PostgreSQL only)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from policies.models import CouncilTerm
from tests.organisations.postgresql import requires_postgresql

pytestmark = requires_postgresql


def create(council, statutes, starts, ends):
    return CouncilTerm.objects.create(council=council, statutes=statutes, starts_on=starts, ends_on=ends)


def test_the_database_refuses_an_overlapping_term(postgresql, council, statutes):
    create(council, statutes, datetime.date(2008, 1, 1), datetime.date(2009, 12, 31))

    # Straight to the database, past CouncilTerm.clean(): only the exclusion constraint stands in the way.
    with pytest.raises(IntegrityError, match="council_terms_never_overlap"), transaction.atomic():
        create(council, statutes, datetime.date(2009, 12, 31), datetime.date(2011, 12, 31))


def test_the_database_allows_terms_that_follow_each_other(postgresql, council, statutes):
    create(council, statutes, datetime.date(2008, 1, 1), datetime.date(2009, 12, 31))
    create(council, statutes, datetime.date(2010, 1, 1), datetime.date(2011, 12, 31))

    assert council.terms.count() == 2
