"""A member of a consulted body finds the hearings that consult them, with where their own
response stands; a caseworker finds the hearings their administration sends, drafts included."""

import datetime

import pytest
from django.utils import timezone
from django.urls import reverse

from policies.models import HearingResponse, HearingStatus, ResponseStatus
from tests.policies.hearings.conftest import OPENS

pytestmark = pytest.mark.django_db

MY_HEARINGS = reverse("policies:my_hearings")


def test_a_member_sees_the_hearing_that_consults_them_and_a_link_to_respond(client, people, hearing, today):
    today(OPENS)
    client.force_login(people["member"])

    response = client.get(MY_HEARINGS)

    assert list(response.context["consulting"]) == [hearing]
    assert reverse("policies:hearing_respond", kwargs={"pk": hearing.pk}) in response.text


def test_a_member_sees_their_submitted_response(client, people, hearing, body, today):
    today(OPENS)
    HearingResponse.objects.create(
        hearing=hearing, author=people["member"], body=body, text="Vi støtter forslaget.", status=ResponseStatus.SUBMITTED,
        submitted_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 10)),
    )
    client.force_login(people["member"])

    response = client.get(MY_HEARINGS)

    assert "Indsendt" in response.text
    assert reverse("policies:hearing_respond", kwargs={"pk": hearing.pk}) not in response.text


def test_a_draft_hearing_is_not_shown_to_the_bodies_before_it_opens(client, people, hearing):
    hearing.status = HearingStatus.DRAFT
    hearing.save()
    client.force_login(people["member"])

    assert list(client.get(MY_HEARINGS).context["consulting"]) == []


def test_the_caseworker_sees_the_hearings_their_administration_sends(client, people, hearing):
    hearing.status = HearingStatus.DRAFT
    hearing.save()
    client.force_login(people["caseworker"])

    response = client.get(MY_HEARINGS)

    assert list(response.context["sent"]) == [hearing]
    assert list(response.context["consulting"]) == []


@pytest.mark.parametrize("role", ["other_caseworker", "other_member", "citizen"])
def test_others_see_neither(client, people, hearing, role):
    client.force_login(people[role])

    response = client.get(MY_HEARINGS)

    assert list(response.context["sent"]) == list(response.context["consulting"]) == []


def test_an_anonymous_visitor_is_asked_to_log_in(client):
    response = client.get(MY_HEARINGS)

    assert response.status_code == 302
    assert reverse("portal:login") in response["Location"]


def test_the_page_takes_as_many_queries_for_many_hearings(client, people, hearing, administration, body, django_assert_max_num_queries):
    from tests.policies.hearings.conftest import DEADLINE, MEETING

    for number in range(10):
        extra = type(hearing).objects.create(
            administration=administration, title=f"Høring {number}", summary=".", opens_on=OPENS,
            response_deadline=DEADLINE, deciding_meeting_on=MEETING, status=HearingStatus.OPEN,
        )
        extra.consulted_bodies.add(body)
    client.force_login(people["member"])

    with django_assert_max_num_queries(8):
        response = client.get(MY_HEARINGS)

    assert len(response.context["consulting"]) == 11
