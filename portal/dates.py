"""Calendar arithmetic for deadlines set in months and years."""

import calendar
import datetime


def add_months(date: datetime.date, months: int) -> datetime.date:
    """Return the same day `months` later, or the month's last day where it has none.

    A deadline "one year after 29 February 2008" falls on 28 February 2009:
    it must not pass the anniversary, so we clamp rather than roll over.
    """
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return date.replace(year=year, month=month, day=day)
