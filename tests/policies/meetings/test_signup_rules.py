"""Sign-up rules: refused after the deadline, never over capacity, only for whom the meeting
admits; each refusal with a code on the field it concerns and a Danish explanation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from organisations.models import OrganisationStatus
from policies import meeting_services as services
from policies.models import CONFIRMATION_HOLD, Meeting, MeetingSignup, MeetingStatus, SignupRule, SignupStatus
from tests import factories
from tests.policies.meetings.factories import MeetingSignupFactory, at

pytestmark = pytest.mark.django_db


def refusal(write):
    with pytest.raises(ValidationError) as raised:
        write()
    return {name: [(error.code, " ".join(error.messages)) for error in errors] for name, errors in raised.value.error_dict.items()}


def sign_up(meeting, organisation, people, participants=2):
    return services.signup_organisation(
        meeting=meeting, organisation=organisation, participants=participants, user=people["representative"]
    )


def test_a_representative_signs_up_their_organisation(meeting, organisation, people):
    signup = sign_up(meeting, organisation, people, participants=3)

    assert signup.status == SignupStatus.CONFIRMED and signup.participants == 3
    assert meeting.seats_left() == 7


def test_signing_up_again_changes_the_number(meeting, organisation, people):
    sign_up(meeting, organisation, people, participants=3)
    sign_up(meeting, organisation, people, participants=5)

    assert MeetingSignup.objects.get().participants == 5
    assert meeting.seats_left() == 5


def test_more_than_the_seats_left_is_refused_with_the_number_left(meeting, organisation, people):
    MeetingSignupFactory(meeting=meeting, participants=8)

    refused = refusal(lambda: sign_up(meeting, organisation, people, participants=3))

    assert refused == {"participants": [("full", "Der er kun 2 pladser tilbage.")]}


def test_a_full_meeting_says_so(meeting, organisation, people):
    MeetingSignupFactory(meeting=meeting, participants=10)

    refused = refusal(lambda: sign_up(meeting, organisation, people, participants=1))

    assert refused == {"participants": [("full", "Mødet er fuldt: Alle 10 pladser er taget.")]}


def test_after_the_deadline_sign_ups_are_refused(meeting, organisation, people):
    Meeting.objects.filter(pk=meeting.pk).update(signup_deadline=timezone.now() - datetime.timedelta(minutes=1))

    [(code, message)] = refusal(lambda: sign_up(meeting, organisation, people))["participants"]

    assert code == "deadline_passed"
    assert message.startswith("Tilmeldingsfristen var ")


def test_without_a_deadline_sign_ups_close_when_the_meeting_starts(meeting, organisation, people):
    Meeting.objects.filter(pk=meeting.pk).update(signup_deadline=None, starts_at=at(0, 0), ends_at=at(1, 23))

    assert refusal(lambda: sign_up(meeting, organisation, people))["participants"][0][0] == "deadline_passed"


def test_fewer_participants_after_the_deadline_are_welcome(meeting, organisation, people):
    sign_up(meeting, organisation, people, participants=4)
    Meeting.objects.filter(pk=meeting.pk).update(signup_deadline=timezone.now() - datetime.timedelta(minutes=1))

    assert sign_up(meeting, organisation, people, participants=2).participants == 2


def test_a_meeting_without_sign_up_refuses_them(meeting, organisation, people):
    Meeting.objects.filter(pk=meeting.pk).update(signup_rule=SignupRule.NOBODY)

    assert refusal(lambda: sign_up(meeting, organisation, people))["participants"][0][0] == "no_signup"


@pytest.mark.parametrize("status, code", [(MeetingStatus.DRAFT, "no_signup"), (MeetingStatus.CANCELLED, "meeting_cancelled")])
def test_a_draft_or_cancelled_meeting_takes_no_sign_ups(meeting, organisation, people, status, code):
    Meeting.objects.filter(pk=meeting.pk).update(status=status, cancellation_reason="Sygdom")

    assert refusal(lambda: sign_up(meeting, organisation, people))["participants"][0][0] == code


def test_organisations_of_another_municipality_are_refused(meeting, elsewhere, people):
    stranger = factories.OrganisationFactory(municipality=elsewhere)

    [(code, message)] = refusal(lambda: sign_up(meeting, stranger, people))["organisation"]

    assert code == "organisation_elsewhere"
    assert message == "Mødet er for foreningerne i Vesthimmerlands Kommune."


def test_an_organisation_awaiting_approval_is_refused(meeting, municipality, people):
    pending = factories.OrganisationFactory(municipality=municipality, status=OrganisationStatus.PENDING)

    assert refusal(lambda: sign_up(meeting, pending, people))["organisation"][0][0] == "organisation_not_approved"


def test_one_sign_up_per_organisation_outside_the_service_too(meeting, organisation):
    MeetingSignupFactory(meeting=meeting, organisation=organisation)
    second = MeetingSignup(meeting=meeting, organisation=organisation, participants=1)

    with pytest.raises(ValidationError) as raised:
        second.full_clean()

    assert "already_signed_up" in [error.code for error in raised.value.error_dict["organisation"]]


# Citizens


def test_a_citizen_holds_a_seat_while_confirming(meeting):
    signup = services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")

    assert signup.status == SignupStatus.PENDING
    assert meeting.seats_left() == 9


def test_an_unconfirmed_seat_is_let_go_after_the_hold(meeting):
    signup = services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")
    MeetingSignup.objects.filter(pk=signup.pk).update(created_at=timezone.now() - CONFIRMATION_HOLD - datetime.timedelta(minutes=1))

    assert meeting.seats_left() == 10


def test_a_late_confirmation_gets_a_seat_only_if_one_is_free(meeting):
    signup = services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")
    MeetingSignup.objects.filter(pk=signup.pk).update(created_at=timezone.now() - CONFIRMATION_HOLD - datetime.timedelta(minutes=1))
    MeetingSignupFactory(meeting=meeting, participants=10)

    assert refusal(lambda: services.signup_confirm(signup=signup))["participants"][0][0] == "full"
    assert MeetingSignup.objects.get(pk=signup.pk).status == SignupStatus.PENDING


def test_a_confirmation_within_the_hold_keeps_its_seat_after_the_deadline(meeting):
    signup = services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")
    MeetingSignupFactory(meeting=meeting, participants=9)
    Meeting.objects.filter(pk=meeting.pk).update(signup_deadline=timezone.now() - datetime.timedelta(minutes=1))

    assert services.signup_confirm(signup=signup).status == SignupStatus.CONFIRMED


def test_a_meeting_for_organisations_refuses_citizens(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(signup_rule=SignupRule.ORGANISATIONS)

    refused = refusal(lambda: services.signup_citizen(meeting=meeting, name="Bo", email="bo@example.org"))

    assert refused["participants"][0][0] == "organisations_only"


def test_an_address_signed_up_is_refused_a_second_seat(meeting):
    signup = services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")
    services.signup_confirm(signup=signup)

    refused = refusal(lambda: services.signup_citizen(meeting=meeting, name="Bo", email="BO@example.org"))

    assert refused["email"][0][0] == "already_signed_up"


def test_signing_up_again_unconfirmed_starts_afresh(meeting):
    services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")
    services.signup_citizen(meeting=meeting, name="Bo Borger", email="bo@example.org")

    assert MeetingSignup.objects.count() == 1
    assert meeting.seats_left() == 9


def test_a_citizen_needs_name_and_address(meeting):
    refused = refusal(lambda: services.signup_citizen(meeting=meeting, name=" ", email=""))

    assert set(refused) == {"name", "email"}


# Cancelling


def test_a_cancelled_sign_up_frees_its_seats(meeting, organisation, people):
    signup = sign_up(meeting, organisation, people, participants=4)

    services.signup_cancel(signup=signup)

    assert meeting.seats_left() == 10
    assert MeetingSignup.objects.get().cancelled_at is not None


def test_a_sign_up_is_cancelled_only_before_the_meeting_begins(meeting, organisation, people):
    signup = sign_up(meeting, organisation, people)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=at(-1), ends_at=at(1), signup_deadline=None)

    with pytest.raises(ValidationError) as raised:
        services.signup_cancel(signup=signup)

    assert raised.value.code == "not_cancellable"


def test_an_organisation_signs_up_again_after_cancelling(meeting, organisation, people):
    services.signup_cancel(signup=sign_up(meeting, organisation, people))

    sign_up(meeting, organisation, people, participants=1)

    assert MeetingSignup.objects.active().count() == 1
