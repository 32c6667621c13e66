"""The organiser's meeting: written as a draft with its first document, edited, published, and
cancelled with a reason that everyone signed up is e-mailed. Each refusal beside its field."""

import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from policies.models import Meeting, MeetingDocument, MeetingStatus, SignupRule
from tests.policies.meetings.factories import MeetingSignupFactory, at

from .conftest import field_errors, url

pytestmark = pytest.mark.django_db


def local(value):
    return value.strftime("%Y-%m-%dT%H:%M")


def form_data(organiser=None, **changes):
    data = {
        "kind": "dialogue",
        "title": "Årligt dialogmøde",
        "description": "Alle foreninger er velkomne.",
        "starts_at": local(at(40, 19)),
        "ends_at": local(at(40, 21)),
        "place": "Frivillighuset, Aars",
        "agenda": "1. Velkomst",
        "signup_rule": SignupRule.ORGANISATIONS,
        "capacity": "60",
        "signup_deadline": local(at(33, 12)),
        "document_title": "",
    }
    if organiser is not None:
        data["organiser"] = organiser
    return {**data, **changes}


@pytest.fixture
def organiser(client, people):
    client.force_login(people["caseworker"])
    return people["caseworker"]


def test_a_caseworker_writes_a_meeting_as_a_draft_with_a_document(client, administration, organiser):
    data = form_data(f"forvaltning-{administration.pk}", document=SimpleUploadedFile("indbydelse.pdf", b"%PDF-1.7\n"), document_title="Indbydelse")

    response = client.post(url("meeting_create"), data)

    meeting = Meeting.objects.get()
    assert response.url == meeting.get_absolute_url()
    assert (meeting.organising_administration, meeting.municipality, meeting.status) == (
        administration, administration.municipality, MeetingStatus.DRAFT,
    )
    assert meeting.documents.get().title == "Indbydelse"


def test_a_member_writes_a_meeting_for_their_body(client, body, people):
    client.force_login(people["member"])

    client.post(url("meeting_create"), form_data(f"udvalg-{body.pk}"))

    assert Meeting.objects.get().organising_body == body


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"ends_at": local(at(40, 18))}, {"ends_at": ["ends_before_start"]}),
        ({"signup_deadline": local(at(41, 12))}, {"signup_deadline": ["deadline_after_start"]}),
        ({"capacity": "0"}, {"capacity": ["min_value"]}),
        ({"title": "", "place": ""}, {"title": ["required"], "place": ["required"]}),
        ({"starts_at": "i morgen"}, {"starts_at": ["invalid"]}),
    ],
)
def test_each_refusal_stands_beside_its_field_and_the_text_is_kept(client, administration, organiser, changes, expected):
    response = client.post(url("meeting_create"), form_data(f"forvaltning-{administration.pk}", **changes))

    assert response.status_code == 200
    assert field_errors(response) == expected
    assert "Alle foreninger er velkomne." in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_end_before_the_start_is_explained_in_danish(client, administration, organiser):
    response = client.post(url("meeting_create"), form_data(f"forvaltning-{administration.pk}", ends_at=local(at(40, 18))))

    assert "Mødet skal slutte, efter det begynder." in response.content.decode()


def test_a_document_that_is_not_pdf_docx_or_odt_is_refused_beside_the_field(client, meeting, organiser):
    data = form_data(document=SimpleUploadedFile("program.pdf", b"MZ\x90\x00 not a pdf"))

    response = client.post(url("meeting_update", pk=meeting.pk), data)

    assert field_errors(response) == {"document": ["unsupported_type"]}
    assert not MeetingDocument.objects.exists()


def test_docx_is_accepted_and_downloaded_under_its_title(client, meeting, organiser):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    client.post(url("meeting_update", pk=meeting.pk), form_data(document=SimpleUploadedFile("x.docx", buffer.getvalue()), document_title="Dagsorden"))
    document = MeetingDocument.objects.get()

    response = client.get(document.get_absolute_url())

    assert document.kind == "docx"
    assert response["Content-Disposition"] == 'attachment; filename="Dagsorden.docx"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_organiser_removes_a_document(client, meeting, organiser):
    document = MeetingDocument.objects.create(meeting=meeting, title="Gammel", file=SimpleUploadedFile("a.pdf", b"%PDF-1.4"), kind="pdf")

    client.post(url("meeting_document_remove", pk=meeting.pk, document=document.pk))

    assert not MeetingDocument.objects.exists()


def test_the_organiser_edits_the_meeting(client, meeting, organiser):
    client.post(url("meeting_update", pk=meeting.pk), form_data(title="Dialogmøde om tilskud"))

    meeting.refresh_from_db()
    assert meeting.title == "Dialogmøde om tilskud"


def test_a_draft_is_published(client, meeting, organiser):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.DRAFT)

    response = client.post(url("meeting_publish", pk=meeting.pk), follow=True)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PUBLISHED
    assert "Mødet er offentliggjort" in response.content.decode()


def test_cancelling_needs_a_reason_and_mails_everyone_signed_up(client, meeting, organisation, people, organiser):
    organisation_signup = MeetingSignupFactory(meeting=meeting, organisation=organisation, signed_up_by=people["representative"])
    MeetingSignupFactory(meeting=meeting, citizen=True, email="bo@example.org")

    response = client.post(url("meeting_cancel", pk=meeting.pk), {"reason": ""})
    assert field_errors(response) == {"reason": ["required"]}

    client.post(url("meeting_cancel", pk=meeting.pk), {"reason": "Salen er oversvømmet."})

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert sorted(message.to[0] for message in mail.outbox) == ["bo@example.org", organisation_signup.signed_up_by.email]
    assert "Salen er oversvømmet." in mail.outbox[0].body
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Mødet er aflyst." in page and "Salen er oversvømmet." in page


def test_a_meeting_that_has_begun_cannot_be_cancelled(client, meeting, organiser):
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=at(-1), ends_at=at(1), signup_deadline=None)

    response = client.post(url("meeting_cancel", pk=meeting.pk), {"reason": "For sent."})

    assert field_errors(response) == {"reason": ["begun"]}
