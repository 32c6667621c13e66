"""Signing up in the browser: a representative signs up their organisation with a number of
participants and cancels in the portal; a citizen signs up with name and e-mail, confirms by the
mailed link and cancels by the link in the receipt. Every refusal stands in Danish beside the field,
with what was typed kept."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from policies.models import CONFIRMATION_HOLD, Meeting, MeetingSignup, SignupRule, SignupStatus
from tests.policies.meetings.factories import MeetingSignupFactory, at

from .conftest import field_errors, url

pytestmark = pytest.mark.django_db


def link_in(message, name):
    """The path of the link to ``name`` ("bekraeft" or "afmeld") in a mailed message."""
    (path,) = re.findall(rf"https?://[^/\s]+(/politik/moeder/tilmelding/{name}/[^\s]+/)", message.body)
    return path


@pytest.fixture
def representative(client, people):
    client.force_login(people["representative"])
    return people["representative"]


def test_a_representative_signs_up_their_organisation(client, meeting, organisation, representative):
    response = client.post(url("meeting_signup_organisation", pk=meeting.pk), {"organisation": organisation.pk, "participants": 4}, follow=True)

    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert "Gåturene i Aars er tilmeldt med 4 deltagere." in response.content.decode()
    signup = MeetingSignup.objects.get()
    assert (signup.organisation, signup.participants, signup.signed_up_by) == (organisation, 4, representative)
    (receipt,) = mail.outbox
    assert receipt.to == ["forening@example.org"] and "/tilmelding/afmeld/" in receipt.body


def test_the_meeting_page_offers_the_sign_up_to_representatives(client, meeting, organisation, representative):
    page = client.get(meeting.get_absolute_url()).content.decode()

    assert url("meeting_signup_organisation", pk=meeting.pk) in page
    assert url("meeting_signup_citizen", pk=meeting.pk) in page


def test_too_many_participants_are_refused_beside_the_field_and_the_number_kept(client, meeting, organisation, representative):
    MeetingSignupFactory(meeting=meeting, participants=9)

    response = client.post(url("meeting_signup_organisation", pk=meeting.pk), {"organisation": organisation.pk, "participants": 3})

    assert response.status_code == 200
    assert field_errors(response) == {"participants": ["full"]}
    assert "Der er kun 1 plads tilbage." in response.content.decode()
    assert 'value="3"' in response.content.decode()


def test_after_the_deadline_the_form_says_so(client, meeting, organisation, representative):
    Meeting.objects.filter(pk=meeting.pk).update(signup_deadline=timezone.now() - datetime.timedelta(hours=1))

    response = client.post(url("meeting_signup_organisation", pk=meeting.pk), {"organisation": organisation.pk, "participants": 1})

    assert field_errors(response) == {"participants": ["deadline_passed"]}
    assert "Tilmeldingsfristen var" in response.content.decode()


def test_a_number_below_one_is_refused_beside_the_field(client, meeting, organisation, representative):
    response = client.post(url("meeting_signup_organisation", pk=meeting.pk), {"organisation": organisation.pk, "participants": 0})

    assert field_errors(response) == {"participants": ["min_value"]}


def test_the_representative_changes_the_number_and_cancels_in_the_portal(client, meeting, organisation, representative):
    signup = MeetingSignupFactory(meeting=meeting, organisation=organisation, participants=2)
    form = client.get(url("meeting_signup_organisation", pk=meeting.pk)).context["form"]
    assert form.initial == {"organisation": organisation.pk, "participants": 2}

    client.post(url("meeting_signup_organisation", pk=meeting.pk), {"organisation": organisation.pk, "participants": 5})
    signup.refresh_from_db()
    assert signup.participants == 5

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Gåturene i Aars er tilmeldt med 5 deltagere." in page
    response = client.post(url("meeting_signup_organisation_cancel", pk=meeting.pk, signup=signup.pk), follow=True)

    assert "Tilmeldingen er afmeldt" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CANCELLED


def test_a_citizen_signs_up_confirms_and_cancels_by_the_links(client, meeting):
    response = client.post(url("meeting_signup_citizen", pk=meeting.pk), {"name": "Bo Borger", "email": "bo@example.org"}, follow=True)
    assert "Følg linket i den e-mail" in response.content.decode()
    (confirmation,) = mail.outbox
    assert confirmation.to == ["bo@example.org"]
    assert MeetingSignup.objects.get().status == SignupStatus.PENDING

    response = client.get(link_in(confirmation, "bekraeft"), follow=True)

    assert "Din tilmelding er bekræftet." in response.content.decode()
    assert MeetingSignup.objects.get().status == SignupStatus.CONFIRMED
    receipt = mail.outbox[1]
    cancel = link_in(receipt, "afmeld")
    page = client.get(cancel)
    assert page.status_code == 200 and "Afmeld tilmeldingen" in page.content.decode()

    client.post(cancel)

    assert MeetingSignup.objects.get().status == SignupStatus.CANCELLED
    assert meeting.seats_left() == 10


def test_a_confirmation_link_works_once_and_a_forged_one_not_at_all(client, meeting):
    client.post(url("meeting_signup_citizen", pk=meeting.pk), {"name": "Bo Borger", "email": "bo@example.org"})
    link = link_in(mail.outbox[0], "bekraeft")
    client.get(link)
    client.get(link)

    assert len(mail.outbox) == 2  # the request and one receipt
    response = client.get(url("meeting_signup_confirm", token="falsk"), follow=True)
    assert "Linket er ugyldigt" in response.content.decode()
    assert client.get(url("meeting_signup_cancel", token="falsk")).status_code == 404


def test_a_link_followed_after_the_seat_was_let_go_and_taken_says_so(client, meeting):
    client.post(url("meeting_signup_citizen", pk=meeting.pk), {"name": "Bo Borger", "email": "bo@example.org"})
    MeetingSignup.objects.update(created_at=timezone.now() - CONFIRMATION_HOLD - datetime.timedelta(minutes=1))
    MeetingSignupFactory(meeting=meeting, participants=10)

    response = client.get(link_in(mail.outbox[0], "bekraeft"), follow=True)

    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert "Mødet er fuldt: Alle 10 pladser er taget." in response.content.decode()
    assert MeetingSignup.objects.get(email="bo@example.org").status == SignupStatus.PENDING


def test_a_citizen_already_signed_up_is_told_beside_the_address(client, meeting):
    MeetingSignupFactory(meeting=meeting, citizen=True, email="bo@example.org")

    response = client.post(url("meeting_signup_citizen", pk=meeting.pk), {"name": "Bo Borger", "email": "bo@example.org"})

    assert field_errors(response) == {"email": ["already_signed_up"]}
    assert 'value="Bo Borger"' in response.content.decode()


def test_a_full_meeting_refuses_the_citizen_at_the_top_of_the_form(client, meeting):
    MeetingSignupFactory(meeting=meeting, participants=10)

    response = client.post(url("meeting_signup_citizen", pk=meeting.pk), {"name": "Bo Borger", "email": "bo@example.org"})

    assert field_errors(response) == {"__all__": ["full"]}
    assert "Mødet er fuldt" in response.content.decode()


def test_empty_fields_are_named(client, meeting):
    response = client.post(url("meeting_signup_citizen", pk=meeting.pk), {"name": "", "email": "ikke-en-adresse"})

    assert field_errors(response) == {"name": ["required"], "email": ["invalid"]}


def test_a_meeting_for_organisations_has_no_citizen_form(client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(signup_rule=SignupRule.ORGANISATIONS)

    assert client.get(url("meeting_signup_citizen", pk=meeting.pk)).status_code == 404
    assert url("meeting_signup_citizen", pk=meeting.pk) not in client.get(meeting.get_absolute_url()).content.decode()


def test_a_full_meeting_says_so_on_its_page(client, meeting):
    MeetingSignupFactory(meeting=meeting, participants=10)

    assert "Mødet er fuldt." in client.get(meeting.get_absolute_url()).content.decode()


def test_after_the_deadline_the_page_says_when_sign_up_closed(client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(signup_deadline=at(-1, 12))

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Tilmeldingen lukkede" in page
    assert url("meeting_signup_citizen", pk=meeting.pk) not in page
