"""The hearing's rules, in the model: the minimum period, the deciding meeting, extensions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from policies import services
from policies.models import Hearing, HearingExtension, HearingStatus

from .conftest import DEADLINE, MEETING, OPENS

pytestmark = pytest.mark.django_db


def as_draft(hearing):
    Hearing.objects.filter(pk=hearing.pk).update(status=HearingStatus.DRAFT)
    hearing.refresh_from_db()
    return hearing


def codes(error, field):
    return [e.code for e in error.value.error_dict[field]]


def test_the_deadline_may_fall_exactly_at_the_minimum_period(hearing):
    as_draft(hearing)
    hearing.response_deadline = OPENS + datetime.timedelta(days=28)
    hearing.full_clean()


def test_a_deadline_one_day_short_of_the_minimum_period_is_refused_naming_the_dates(hearing):
    as_draft(hearing)
    hearing.response_deadline = OPENS + datetime.timedelta(days=27)
    with pytest.raises(ValidationError) as error:
        hearing.full_clean()
    assert codes(error, "response_deadline") == ["period_too_short"]
    message = error.value.message_dict["response_deadline"][0]
    assert "28" in message and "29" in message  # the opening on 1 March, the 29th at the earliest


def test_the_minimum_period_is_the_municipalitys_setting(hearing):
    municipality = hearing.administration.municipality
    municipality.minimum_hearing_period_days = 14
    municipality.save()
    as_draft(hearing)
    hearing.response_deadline = OPENS + datetime.timedelta(days=14)
    hearing.full_clean()


def test_a_deadline_on_the_day_of_the_deciding_meeting_is_refused(hearing):
    hearing.response_deadline = MEETING
    with pytest.raises(ValidationError) as error:
        hearing.full_clean()
    assert codes(error, "response_deadline") == ["deadline_not_before_meeting"]


def test_the_database_refuses_a_deadline_on_the_meeting_day(hearing):
    with pytest.raises(IntegrityError), transaction.atomic():
        Hearing.objects.filter(pk=hearing.pk).update(response_deadline=MEETING)


def test_a_longer_deadline_is_an_extension_with_who_and_why(hearing, people):
    services.hearing_extend(
        hearing=hearing, new_deadline=DEADLINE + datetime.timedelta(days=3), reason="Påsken", user=people["caseworker"]
    )
    hearing.refresh_from_db()
    assert hearing.response_deadline == DEADLINE + datetime.timedelta(days=3)
    extension = HearingExtension.objects.get()
    assert (extension.previous_deadline, extension.reason, extension.extended_by) == (DEADLINE, "Påsken", people["caseworker"])


def test_a_shorter_deadline_is_refused_and_nothing_is_recorded(hearing, people):
    with pytest.raises(ValidationError) as error:
        services.hearing_extend(
            hearing=hearing, new_deadline=DEADLINE - datetime.timedelta(days=1), reason="Hurtigere", user=people["caseworker"]
        )
    assert codes(error, "new_deadline") == ["not_later"]
    assert not HearingExtension.objects.exists()


def test_an_extension_past_the_meeting_is_refused(hearing, people):
    with pytest.raises(ValidationError) as error:
        services.hearing_extend(hearing=hearing, new_deadline=MEETING, reason="Mere tid", user=people["caseworker"])
    assert codes(error, "response_deadline") == ["deadline_not_before_meeting"]
    assert not HearingExtension.objects.exists()


def test_an_open_hearings_deadline_is_never_shortened_by_an_edit(hearing):
    hearing = Hearing.objects.get(pk=hearing.pk)
    hearing.response_deadline = DEADLINE - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        hearing.full_clean()
    assert codes(error, "response_deadline") == ["deadline_shortened"]


def test_an_extension_needs_a_reason(hearing, people):
    with pytest.raises(ValidationError) as error:
        services.hearing_extend(hearing=hearing, new_deadline=DEADLINE + datetime.timedelta(days=1), reason=" ",
                                user=people["caseworker"])
    assert "reason_required" in codes(error, "reason")


def test_a_concluded_hearing_needs_its_decision(hearing):
    hearing.status = HearingStatus.CONCLUDED
    with pytest.raises(ValidationError) as error:
        hearing.full_clean()
    assert codes(error, "decision_reference") == ["required_when_concluded"]


def test_opening_sets_the_opening_date_and_checks_the_period(hearing, administration, body):
    draft = Hearing.objects.create(
        administration=administration, title="Udkast", summary="…", opens_on=datetime.date(2024, 1, 1),
        response_deadline=datetime.date(2024, 3, 1), deciding_meeting_on=datetime.date(2024, 3, 10),
    )
    draft.consulted_bodies.add(body)
    with pytest.raises(ValidationError) as error:
        services.hearing_open(hearing=draft, today=datetime.date(2024, 2, 10))
    assert codes(error, "response_deadline") == ["period_too_short"]
    opened = services.hearing_open(hearing=draft, today=datetime.date(2024, 2, 1))
    assert (opened.status, opened.opens_on) == (HearingStatus.OPEN, datetime.date(2024, 2, 1))


@pytest.mark.parametrize(
    "day, is_open, public",
    [(OPENS, True, False), (DEADLINE, True, False), (DEADLINE + datetime.timedelta(days=1), False, True)],
)
def test_open_and_public_agree_with_their_querysets(hearing, day, is_open, public):
    assert hearing.is_open(day) == is_open == Hearing.objects.open(day).filter(pk=hearing.pk).exists()
    assert hearing.accepting_responses(day) == Hearing.objects.accepting_responses(day).filter(pk=hearing.pk).exists()
    assert hearing.responses_public(day) == public == Hearing.objects.responses_public(day).filter(pk=hearing.pk).exists()


def test_the_hearing_list_keeps_who_was_a_member_at_the_opening(hearing, body, people):
    from tests import factories

    factories.BodyMembershipFactory(body=body, starts_on=datetime.date(2024, 6, 1), on_behalf_of="Ny forening")
    gone = factories.BodyMembershipFactory(
        body=body, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2024, 5, 1), on_behalf_of="Gammel forening"
    )
    listed = {m.on_behalf_of for m in hearing.hearing_list()}
    assert listed == {"Frivilligt Forum", gone.on_behalf_of}


def test_raising_the_minimum_period_leaves_open_hearings_their_deadline_and_extension(hearing, people):
    municipality = hearing.administration.municipality
    municipality.minimum_hearing_period_days = 60
    municipality.full_clean()
    municipality.save()
    hearing.refresh_from_db()

    services.hearing_extend(
        hearing=hearing, new_deadline=DEADLINE + datetime.timedelta(days=3), reason="Påsken", user=people["caseworker"]
    )
    services.hearing_close(hearing=hearing, today=DEADLINE + datetime.timedelta(days=4))

    hearing.refresh_from_db()
    assert (hearing.status, hearing.response_deadline) == (HearingStatus.CLOSED, DEADLINE + datetime.timedelta(days=3))


def test_lowering_the_minimum_period_shortens_no_open_hearing(hearing):
    municipality = hearing.administration.municipality
    municipality.minimum_hearing_period_days = 7
    municipality.save()
    hearing.refresh_from_db()
    assert hearing.response_deadline == DEADLINE

    hearing.response_deadline = OPENS + datetime.timedelta(days=7)
    with pytest.raises(ValidationError) as error:
        hearing.full_clean()
    assert codes(error, "response_deadline") == ["deadline_shortened"]


def test_a_draft_opens_under_the_minimum_period_in_force_when_it_opens(hearing):
    as_draft(hearing)
    municipality = hearing.administration.municipality
    municipality.minimum_hearing_period_days = 60
    municipality.save()

    with pytest.raises(ValidationError) as error:
        services.hearing_open(hearing=hearing, today=OPENS)

    assert codes(error, "response_deadline") == ["period_too_short"]
