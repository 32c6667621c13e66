"""Documents: PDF, DOCX and ODT only, by content; a size limit; served as safe downloads."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policies.models import Hearing, HearingDocument

from .conftest import url

pytestmark = pytest.mark.django_db


def zipped(**entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


DOCX = zipped(**{"word__document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>"})
ODT = zipped(mimetype="application/vnd.oasis.opendocument.text", **{"content.xml": "<office/>"})


def form_data(file, **extra):
    return {
        "title": "Ny tilskudsordning", "summary": "Forslag.", "case_number": "", "opens_on": "2024-03-01",
        "response_deadline": "2024-04-02", "deciding_meeting_on": "2024-04-10", "document": file,
        "document_title": "Forslaget", **extra,
    }


@pytest.fixture
def signed_in(client, people, body):
    client.force_login(people["caseworker"])
    return client


@pytest.mark.parametrize("name, content", [("a.pdf", b"%PDF-1.7\n..."), ("b.docx", DOCX), ("c.odt", ODT)])
def test_pdf_docx_and_odt_are_accepted(signed_in, administration, body, name, content):
    response = signed_in.post(
        url("hearing_create", administration=administration.slug),
        form_data(SimpleUploadedFile(name, content), consulted_bodies=[body.pk]),
    )
    assert response.status_code == 302
    document = HearingDocument.objects.get()
    assert document.kind == name.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    "name, content",
    [("svar.pdf", b"Just text pretending to be a PDF"), ("program.exe", b"MZ\x90\x00"),
     ("fake.docx", zipped(**{"other.xml": "x"})), ("fake.odt", zipped(mimetype="application/zip"))],
)
def test_other_files_are_refused_next_to_the_field_and_the_form_is_kept(signed_in, administration, body, name, content):
    response = signed_in.post(
        url("hearing_create", administration=administration.slug),
        form_data(SimpleUploadedFile(name, content), consulted_bodies=[body.pk]),
    )
    assert response.status_code == 200
    assert "PDF" in response.context["form"].errors["document"][0]
    assert "Ny tilskudsordning" in response.content.decode()
    assert not Hearing.objects.exists()


def test_a_file_over_the_limit_is_refused(signed_in, administration, body, settings):
    settings.HEARING_DOCUMENT_MAX_BYTES = 100
    response = signed_in.post(
        url("hearing_create", administration=administration.slug),
        form_data(SimpleUploadedFile("stor.pdf", b"%PDF-" + b"x" * 200), consulted_bodies=[body.pk]),
    )
    assert response.context["form"].errors["document"][0].startswith("The file is") or "100" in response.context["form"].errors["document"][0]
    assert not Hearing.objects.exists()


def test_date_errors_show_next_to_the_field(signed_in, administration, body):
    response = signed_in.post(
        url("hearing_create", administration=administration.slug),
        form_data("", consulted_bodies=[body.pk], response_deadline="2024-04-10"),
    )
    assert response.context["form"].errors["response_deadline"]


def test_a_document_downloads_with_safe_headers(client, hearing):
    document = HearingDocument.objects.create(
        hearing=hearing, title='Udkast "til" <høring>', file=SimpleUploadedFile("../../x.pdf", b"%PDF-1.4")
    )
    response = client.get(document.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and ".pdf" in disposition and "<" not in disposition
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert ".." not in document.file.name


def test_a_draft_hearings_document_is_hidden(client, hearing, today):
    today(datetime.date(2024, 3, 15))
    Hearing.objects.filter(pk=hearing.pk).update(status="draft")
    document = HearingDocument.objects.create(hearing=hearing, title="x", file=SimpleUploadedFile("x.pdf", b"%PDF-1"))
    assert client.get(url("hearing_document", pk=hearing.pk, document=document.pk)).status_code == 404
