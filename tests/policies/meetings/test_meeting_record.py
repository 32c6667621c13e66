"""After the meeting, the organiser records the attendance (number and organisations present),
writes the minutes (public once approved, fixed after) and the follow-up actions, each of which may
carry out a point of the municipality's policy; the policy's page then shows them by the point."""

import pytest
from django.core.exceptions import ValidationError

from policies import meeting_services as services
from policies.models import ActionStatus, Meeting, MeetingAction
from tests import factories
from tests.policies.meetings.factories import MeetingActionFactory, MeetingSignupFactory, at

from .conftest import field_errors, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=at(-3), ends_at=at(-3, 21), signup_deadline=at(-10))
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def organiser(client, people):
    client.force_login(people["caseworker"])
    return people["caseworker"]


def test_the_organiser_records_who_came(client, held, organisation, organiser):
    response = client.post(url("meeting_attendance", pk=held.pk), {"attendance_count": 25, "organisations_present": [organisation.pk]})

    assert response.status_code == 302
    held.refresh_from_db()
    assert held.attendance_count == 25
    assert list(held.organisations_present.all()) == [organisation]
    page = client.get(held.get_absolute_url()).content.decode()
    assert "25 personer deltog." in page and "Gåturene i Aars" in page


def test_the_organisations_signed_up_are_ticked_to_begin_with(client, held, organisation, organiser):
    MeetingSignupFactory(meeting=held, organisation=organisation)

    form = client.get(url("meeting_attendance", pk=held.pk)).context["form"]

    assert form.initial["organisations_present"] == [organisation.pk]


def test_attendance_before_the_meeting_is_refused_beside_the_field(client, meeting, organiser):
    response = client.post(url("meeting_attendance", pk=meeting.pk), {"attendance_count": 25})

    assert field_errors(response) == {"attendance_count": ["attendance_before_meeting"]}
    assert "Fremmødet registreres, når mødet er begyndt." in response.content.decode()


def test_more_organisations_than_people_is_refused(held, municipality):
    organisations = [factories.OrganisationFactory(municipality=municipality) for _ in range(3)]

    with pytest.raises(ValidationError) as raised:
        services.attendance_record(meeting=held, count=2, organisations=organisations)

    assert raised.value.error_dict["attendance_count"][0].code == "fewer_than_organisations"


def test_an_organisation_of_another_municipality_cannot_be_present(held, elsewhere):
    stranger = factories.OrganisationFactory(municipality=elsewhere)

    with pytest.raises(ValidationError) as raised:
        services.attendance_record(meeting=held, count=20, organisations=[stranger])

    assert raised.value.error_dict["organisations_present"][0].code == "organisation_elsewhere"


def test_draft_minutes_are_for_the_organisers_only(client, held, organiser):
    client.post(url("meeting_minutes", pk=held.pk), {"minutes": "Ad 1. Velkomst.", "save": ""})

    assert "Ad 1. Velkomst." in client.get(held.get_absolute_url()).content.decode()
    client.logout()
    assert "Ad 1. Velkomst." not in client.get(held.get_absolute_url()).content.decode()


def test_approved_minutes_are_public_and_fixed(client, held, organiser):
    MeetingActionFactory(meeting=held, text="Vejviseren udbygges.")
    response = client.post(url("meeting_minutes", pk=held.pk), {"minutes": "Ad 1. Velkomst.", "approve": ""})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.minutes_approved and held.minutes_approved_by == organiser

    client.logout()
    page = client.get(held.get_absolute_url()).content.decode()
    assert "Ad 1. Velkomst." in page and "Vejviseren udbygges." in page
    assert "Godkendt af Social og Sundhed" in page

    client.force_login(organiser)
    response = client.post(url("meeting_minutes", pk=held.pk), {"minutes": "Noget andet.", "save": ""})
    assert field_errors(response) == {"minutes": ["minutes_approved"]}


def test_minutes_cannot_be_approved_before_the_meeting(client, meeting, organiser):
    response = client.post(url("meeting_minutes", pk=meeting.pk), {"minutes": "Referat.", "approve": ""})

    assert field_errors(response) == {"minutes": ["minutes_before_meeting"]}
    assert "Referat." in response.content.decode()


def test_follow_up_actions_are_hidden_until_the_minutes_are_approved(client, held):
    MeetingActionFactory(meeting=held, text="Vejviseren udbygges.")

    assert "Vejviseren udbygges." not in client.get(held.get_absolute_url()).content.decode()


def test_a_follow_up_action_carries_out_a_point_of_the_policy(client, held, policy, organiser):
    point = policy.points.get(number=3)

    response = client.post(
        url("meeting_action_create", pk=held.pk),
        {"text": "Vejviseren udbygges med tilskudsmuligheder.", "responsible": "Kontaktpersonen", "point": point.pk,
         "status": ActionStatus.PLANNED, "due_on": ""},
    )

    assert response.status_code == 302
    action = MeetingAction.objects.get()
    assert action.point == point
    services.minutes_approve(meeting=held, minutes="Referat.", user=organiser)
    client.logout()
    policy_page = client.get(policy.get_absolute_url()).content.decode()
    assert "Vejviseren udbygges med tilskudsmuligheder." in policy_page.split('id="punkt-3"')[1].split("</li>")[0]
    meeting_page = client.get(held.get_absolute_url()).content.decode()
    assert f'href="{policy.get_absolute_url()}#punkt-3"' in meeting_page


def test_the_form_offers_only_the_municipalitys_policy_points(client, held, policy, organiser, elsewhere):
    foreign = factories.PolicyPointFactory(policy=factories.VolunteerPolicyFactory(municipality=elsewhere))

    form = client.get(url("meeting_action_create", pk=held.pk)).context["form"]

    assert list(form.fields["point"].queryset) == list(policy.points.order_by("number"))
    response = client.post(url("meeting_action_create", pk=held.pk), {"text": "Noget", "point": foreign.pk, "status": "planned"})
    assert field_errors(response) == {"point": ["invalid_choice"]}


def test_a_point_of_another_municipality_is_refused_by_the_model_too(held, elsewhere):
    foreign = factories.PolicyPointFactory(policy=factories.VolunteerPolicyFactory(municipality=elsewhere))

    with pytest.raises(ValidationError) as raised:
        MeetingAction(meeting=held, text="Noget", point=foreign).full_clean()

    assert raised.value.error_dict["point"][0].code == "point_elsewhere"


def test_a_follow_up_action_is_due_after_the_meeting(client, held, organiser):
    response = client.post(
        url("meeting_action_create", pk=held.pk), {"text": "Noget", "status": "planned", "due_on": at(-30).date().isoformat()}
    )

    assert field_errors(response) == {"due_on": ["due_before_meeting"]}


def test_the_organiser_edits_and_removes_a_follow_up_action(client, held, organiser):
    action = MeetingActionFactory(meeting=held)

    client.post(url("meeting_action_update", pk=held.pk, action=action.pk), {"text": "Ændret", "status": ActionStatus.DONE})
    action.refresh_from_db()
    assert (action.text, action.status) == ("Ændret", ActionStatus.DONE)

    client.post(url("meeting_action_delete", pk=held.pk, action=action.pk))
    assert not MeetingAction.objects.exists()
