"""Deadlines set in months and years (portal.dates.add_months).

A deadline never passes the anniversary: where the target month has no such day,
it falls on that month's last day.
"""

import datetime

import pytest

from portal.dates import add_months


def test_a_year_after_adoption_is_the_same_day():
    # BR 754/05: adopted 15 Dec 2005, plans due within one year.
    assert add_months(datetime.date(2005, 12, 15), 12) == datetime.date(2006, 12, 15)


def test_a_year_after_a_leap_day_is_the_last_day_of_february():
    assert add_months(datetime.date(2008, 2, 29), 12) == datetime.date(2009, 2, 28)


@pytest.mark.parametrize(
    ("year", "last_day_of_february"),
    [pytest.param(2007, 28, id="common year"), pytest.param(2008, 29, id="leap year")],
)
def test_a_month_after_31_january_is_the_last_day_of_february(year, last_day_of_february):
    assert add_months(datetime.date(year, 1, 31), 1) == datetime.date(year, 2, last_day_of_february)


def test_four_years_after_a_leap_day_is_the_next_leap_day():
    assert add_months(datetime.date(2008, 2, 29), 48) == datetime.date(2012, 2, 29)


def test_months_carry_into_the_next_year():
    assert add_months(datetime.date(2006, 11, 15), 2) == datetime.date(2007, 1, 15)


def test_zero_months_is_the_same_day():
    assert add_months(datetime.date(2005, 12, 15), 0) == datetime.date(2005, 12, 15)


def test_a_clamped_day_is_not_carried_into_later_months():
    # Why every deadline counts from the adoption date, never from the previous deadline.
    assert add_months(datetime.date(2007, 1, 31), 2) == datetime.date(2007, 3, 31)
    assert add_months(add_months(datetime.date(2007, 1, 31), 1), 1) == datetime.date(2007, 3, 28)
