"""An activity ends after it starts; a weekly one has a last date, within two years; its
dates are stored as occurrences, on the local clock across daylight saving."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from organisations.models import Activity
from tests.organisations.factories import ActivityFactory, local
from tests.validation import codes, refusal


def test_an_activity_must_end_after_it_starts(db):
    activity = ActivityFactory(starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12))
    activity.ends_at = local(2026, 12, 1, 10)

    assert codes(refusal(activity)) == {"ends_at": ["ends_before_start"]}


def test_the_database_refuses_an_activity_ending_before_it_starts(db):
    activity = ActivityFactory(starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12))

    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(ends_at=local(2026, 12, 1, 9))


def test_a_weekly_activity_needs_its_last_date(db):
    activity = ActivityFactory(starts_at=local(2026, 12, 1, 10))
    activity.repeats_weekly = True

    assert codes(refusal(activity))["repeat_until"] == ["required_when_weekly"]


def test_the_last_date_cannot_be_before_the_first(db):
    activity = ActivityFactory(starts_at=local(2026, 12, 1, 10))
    activity.repeats_weekly, activity.repeat_until = True, datetime.date(2026, 11, 30)

    assert codes(refusal(activity)) == {"repeat_until": ["until_before_start"]}


def test_a_weekly_activity_repeats_for_at_most_two_years(db):
    activity = ActivityFactory(starts_at=local(2026, 12, 1, 10))
    activity.repeats_weekly = True

    activity.repeat_until = datetime.date(2028, 11, 28)  # 104 weeks on: the last allowed
    activity.full_clean()
    activity.repeat_until = datetime.date(2028, 12, 5)
    assert codes(refusal(activity)) == {"repeat_until": ["repeats_too_long"]}


def test_a_single_activity_has_one_occurrence(db):
    activity = ActivityFactory(starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12))

    assert [(o.starts_at, o.ends_at) for o in activity.occurrences.all()] == [
        (local(2026, 12, 1, 10), local(2026, 12, 1, 12))
    ]
    assert activity.last_ends_at == local(2026, 12, 1, 12)


def test_weekly_occurrences_keep_the_local_time_across_daylight_saving(db):
    # Summer time ends on 25 October 2026: 10:00 stays 10:00 on the clock.
    activity = ActivityFactory(
        starts_at=local(2026, 10, 13, 10),
        ends_at=local(2026, 10, 13, 12),
        repeats_weekly=True,
        repeat_until=datetime.date(2026, 11, 3),
    )

    starts = [o.starts_at for o in activity.occurrences.all()]
    assert starts == [local(2026, 10, 13, 10), local(2026, 10, 20, 10), local(2026, 10, 27, 10), local(2026, 11, 3, 10)]
    assert activity.last_ends_at == local(2026, 11, 3, 12)


def test_editing_the_dates_replaces_the_occurrences(db):
    activity = ActivityFactory(
        starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12), repeats_weekly=True,
        repeat_until=datetime.date(2026, 12, 29),
    )  # fmt: skip
    assert activity.occurrences.count() == 5

    activity.repeats_weekly = False
    activity.save()

    assert activity.occurrences.count() == 1
    assert activity.repeat_until is None


def test_upcoming_and_its_twin_agree(db):
    now = local(2026, 12, 10, 12)
    past = ActivityFactory(starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12))
    weekly = ActivityFactory(
        starts_at=local(2026, 12, 1, 10), ends_at=local(2026, 12, 1, 12), repeats_weekly=True,
        repeat_until=datetime.date(2026, 12, 15),
    )  # fmt: skip

    assert list(Activity.objects.upcoming(now)) == [weekly]
    assert (past.is_upcoming(now), weekly.is_upcoming(now)) == (False, True)
    assert [o.starts_at for o in weekly.occurrences.upcoming(now)] == [local(2026, 12, 15, 10)]
