"""Members answer before the deadline; a late answer is refused with the text kept; nobody else reads
a response before the deadline except the sending administration."""

import datetime

import pytest

from policies.models import HearingResponse, ResponseStatus

from .conftest import DEADLINE, url

pytestmark = pytest.mark.django_db

DURING = datetime.date(2024, 3, 15)
AFTER = DEADLINE + datetime.timedelta(days=1)


def test_a_member_saves_a_draft_then_submits_and_edits_until_the_deadline(client, hearing, people, today):
    today(DURING)
    client.force_login(people["member"])
    client.post(url("hearing_respond", pk=hearing.pk), {"text": "Et udkast.", "save": ""})
    response = HearingResponse.objects.get()
    assert (response.status, response.on_behalf_of) == (ResponseStatus.DRAFT, "Frivilligt Forum")
    client.post(url("hearing_respond", pk=hearing.pk), {"text": "Vores svar.", "submit": ""})
    today(DEADLINE)
    client.post(url("hearing_respond", pk=hearing.pk), {"text": "Vores rettede svar.", "submit": ""})
    response.refresh_from_db()
    assert (response.status, response.text) == (ResponseStatus.SUBMITTED, "Vores rettede svar.")


def test_a_late_response_is_refused_and_the_text_is_kept(client, hearing, people, today):
    today(AFTER)
    client.force_login(people["member"])
    page = client.post(url("hearing_respond", pk=hearing.pk), {"text": "Sent men godt.", "submit": ""})
    assert page.status_code == 200
    assert "2. april 2024" in page.context["form"].errors["text"][0]
    assert "Sent men godt." in page.content.decode()
    assert not HearingResponse.objects.exists()


def test_a_member_of_another_body_cannot_answer(client, hearing, people, today):
    today(DURING)
    client.force_login(people["other_member"])
    assert client.post(url("hearing_respond", pk=hearing.pk), {"text": "Hej", "submit": ""}).status_code == 403
    assert not HearingResponse.objects.exists()


def submit(client, hearing, people, today):
    today(DURING)
    client.force_login(people["member"])
    client.post(url("hearing_respond", pk=hearing.pk), {"text": "Hemmeligt indtil fristen.", "submit": ""})
    client.logout()


@pytest.mark.parametrize(
    "role, sees", [("anonymous", False), ("citizen", False), ("other_member", False), ("owner", False),
                   ("other_caseworker", False), ("caseworker", True), ("member", True)]
)
def test_responses_are_hidden_before_the_deadline_except_from_author_and_sender(client, hearing, people, today, role, sees):
    submit(client, hearing, people, today)
    if people[role]:
        client.force_login(people[role])
    assert ("Hemmeligt indtil fristen." in client.get(hearing.get_absolute_url()).content.decode()) == sees


def test_responses_are_public_after_the_deadline(client, hearing, people, today):
    submit(client, hearing, people, today)
    today(AFTER)
    assert "Hemmeligt indtil fristen." in client.get(hearing.get_absolute_url()).content.decode()


def test_a_draft_is_never_public(client, hearing, people, today):
    today(DURING)
    client.force_login(people["member"])
    client.post(url("hearing_respond", pk=hearing.pk), {"text": "Kun et udkast.", "save": ""})
    client.logout()
    today(AFTER)
    assert "Kun et udkast." not in client.get(hearing.get_absolute_url()).content.decode()


def test_close_note_and_conclude(client, hearing, people, today):
    submit(client, hearing, people, today)
    client.force_login(people["caseworker"])
    today(DURING)
    client.post(url("hearing_close", pk=hearing.pk))
    hearing.refresh_from_db()
    assert hearing.status == "open"  # not before the deadline
    today(AFTER)
    client.post(url("hearing_close", pk=hearing.pk))
    response = HearingResponse.objects.get()
    page = client.post(url("hearing_note", pk=hearing.pk), {"conclude": "", "decision_reference": "BR 1/24"})
    assert "Frivilligt Forum" in page.context["conclude_form"].non_field_errors()[0]
    client.post(url("hearing_note", pk=hearing.pk),
                {"hearing_note": "Høringen viste enighed.", f"consideration_{response.pk}": "Taget til efterretning."})
    client.post(url("hearing_note", pk=hearing.pk), {"conclude": "", "decision_reference": "BR 1/24"})
    hearing.refresh_from_db()
    assert (hearing.status, hearing.decision_reference) == ("concluded", "BR 1/24")
    client.logout()
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert "Taget til efterretning." in page and "Høringen viste enighed." in page
