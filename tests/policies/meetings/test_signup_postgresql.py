"""Never over capacity, even when two sign up for the last seat at the same moment: the meeting's
row is locked around the count of seats and the save (PostgreSQL, two connections)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from policies import meeting_services as services
from policies.models import MeetingQuerySet, MeetingSignup, MeetingSignupQuerySet
from tests import factories
from tests.organisations.postgresql import requires_postgresql
from tests.policies.meetings.factories import MeetingFactory, MeetingSignupFactory

pytestmark = [requires_postgresql, pytest.mark.django_db(transaction=True)]


def race(monkeypatch, *writes):
    """Run ``writes`` at once on their own connections, with the seat count made slow, so that
    without the lock both would count before either saves. Returns what each came to."""
    real_holding_seats = MeetingSignupQuerySet.holding_seats

    def slow_holding_seats(self, now=None):
        found = list(real_holding_seats(self, now).values_list("pk", flat=True))
        time.sleep(0.5)  # the other sign-up counts now, and finds the seat free unless it waited
        return MeetingSignup.objects.filter(pk__in=found)

    monkeypatch.setattr(MeetingSignupQuerySet, "holding_seats", slow_holding_seats)
    start = threading.Barrier(len(writes), timeout=10)
    outcomes = [None] * len(writes)

    def run(index, write):
        try:
            start.wait()
            write()
            outcomes[index] = "signed up"
        except ValidationError as error:
            outcomes[index] = error.error_dict["participants"][0].code
        except Exception as error:  # noqa: BLE001  (reported by the assertion)
            outcomes[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, write)) for index, write in enumerate(writes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_citizens_asking_for_the_last_seat_at_once_get_one_seat_between_them(postgresql, monkeypatch):
    meeting = MeetingFactory(capacity=3)
    MeetingSignupFactory(meeting=meeting, participants=2)

    outcomes = race(
        monkeypatch,
        lambda: services.signup_citizen(meeting=meeting, name="Anna", email="anna@example.org"),
        lambda: services.signup_citizen(meeting=meeting, name="Bo", email="bo@example.org"),
    )

    assert outcomes == ["full", "signed up"]
    assert meeting.seats_left() == 0


def test_two_organisations_asking_for_the_last_seats_at_once_never_overfill(postgresql, monkeypatch):
    meeting = MeetingFactory(capacity=5)
    first, second = (factories.OrganisationFactory(municipality=meeting.municipality) for _ in range(2))
    representative = factories.UserFactory()

    outcomes = race(
        monkeypatch,
        lambda: services.signup_organisation(meeting=meeting, organisation=first, participants=3, user=representative),
        lambda: services.signup_organisation(meeting=meeting, organisation=second, participants=3, user=representative),
    )

    assert outcomes == ["full", "signed up"]
    assert MeetingFactory._meta.model.objects.with_seat_count().get(pk=meeting.pk).seat_count == 3


def test_the_lock_is_what_serves_them_one_after_the_other(postgresql, monkeypatch):
    """Without the meeting's row lock the same race lets both in: the test above can fail."""
    meeting = MeetingFactory(capacity=1)
    monkeypatch.setattr(MeetingQuerySet, "select_for_update", lambda self, **kwargs: self)

    outcomes = race(
        monkeypatch,
        lambda: services.signup_citizen(meeting=meeting, name="Anna", email="anna@example.org"),
        lambda: services.signup_citizen(meeting=meeting, name="Bo", email="bo@example.org"),
    )

    assert outcomes == ["signed up", "signed up"]
