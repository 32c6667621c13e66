"""The sending caseworker edits a hearing: a draft wholly; an open one only in its texts, since its
dates move by a recorded extension and its hearing list is fixed at the opening; a closed one not
at all."""

import datetime

import pytest

from policies.models import HearingStatus
from tests.policies.hearings.conftest import DEADLINE, MEETING, OPENS, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker_client(client, people):
    client.force_login(people["caseworker"])
    return client


def draft(hearing):
    hearing.status = HearingStatus.DRAFT
    hearing.save()
    return hearing


def test_a_draft_hearing_changes_its_dates_and_bodies(caseworker_client, hearing, body, other_body):
    draft(hearing)

    response = caseworker_client.post(url("hearing_update", pk=hearing.pk), {
        "title": "Høring om nye tilskudsregler", "summary": "Ændret.", "case_number": "2024-124",
        "consulted_bodies": [other_body.pk], "opens_on": "2024-03-04",
        "response_deadline": "2024-04-05", "deciding_meeting_on": "2024-04-20",
    })

    assert response.status_code == 302
    hearing.refresh_from_db()
    assert hearing.title == "Høring om nye tilskudsregler"
    assert hearing.response_deadline == datetime.date(2024, 4, 5)
    assert list(hearing.consulted_bodies.all()) == [other_body]


def test_an_open_hearing_changes_its_texts_but_not_its_dates_or_bodies(caseworker_client, hearing, body, other_body):
    response = caseworker_client.post(url("hearing_update", pk=hearing.pk), {
        "title": "Rettet titel", "summary": "Rettet resumé.", "case_number": "2024-123",
        # Not on the form once open; sent anyway, they are ignored.
        "consulted_bodies": [other_body.pk], "response_deadline": "2024-03-20",
    })

    assert response.status_code == 302
    hearing.refresh_from_db()
    assert hearing.title == "Rettet titel"
    assert (hearing.opens_on, hearing.response_deadline, hearing.deciding_meeting_on) == (OPENS, DEADLINE, MEETING)
    assert list(hearing.consulted_bodies.all()) == [body]


def test_a_draft_deadline_too_short_is_shown_next_to_the_field_and_the_text_is_kept(
    caseworker_client, hearing, body
):
    draft(hearing)

    response = caseworker_client.post(url("hearing_update", pk=hearing.pk), {
        "title": "Ny titel, ikke gemt", "summary": "", "case_number": "",
        "consulted_bodies": [body.pk], "opens_on": "2024-03-01",
        "response_deadline": "2024-03-10", "deciding_meeting_on": "2024-04-10",
    })

    assert response.status_code == 200
    assert "response_deadline" in response.context["form"].errors
    assert "Ny titel, ikke gemt" in response.text
    hearing.refresh_from_db()
    assert hearing.response_deadline == DEADLINE


def test_a_concluded_hearing_no_longer_opens_for_editing(caseworker_client, hearing):
    hearing.status = HearingStatus.CONCLUDED
    hearing.decision_reference = "SOU 12/2024"
    hearing.save()

    response = caseworker_client.post(url("hearing_update", pk=hearing.pk), {"title": "For sent", "summary": "Nyt resumé."})

    assert response.status_code == 200
    assert "wrong_status" in [error.code for error in response.context["form"].non_field_errors().as_data()]
    hearing.refresh_from_db()
    assert hearing.title == "Høring om tilskudsregler"


# An open hearing is public: everyone may read it, so the others are refused, not told it is missing.
@pytest.mark.parametrize("role", ["other_caseworker", "member", "owner", "citizen"])
def test_only_the_sending_administration_edits(client, people, hearing, role):
    client.force_login(people[role])

    response = client.post(url("hearing_update", pk=hearing.pk), {"title": "Ikke min", "summary": ""})

    assert response.status_code == 403
    hearing.refresh_from_db()
    assert hearing.title == "Høring om tilskudsregler"


def test_a_draft_is_hidden_from_other_administrations(client, people, hearing):
    draft(hearing)
    client.force_login(people["other_caseworker"])

    assert client.get(url("hearing_update", pk=hearing.pk)).status_code == 404


def test_a_citizen_is_asked_to_log_in(client, hearing):
    response = client.get(url("hearing_update", pk=hearing.pk))

    assert response.status_code == 302
    assert "/log-ind/" in response["Location"]
