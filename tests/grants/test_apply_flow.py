"""An organisation's representative applies in the browser: starts a draft for an open scheme, adds
goals and budget, attaches the document the scheme asks for, and submits; the draft can be
deleted and a submitted application withdrawn before it is decided."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from grants.models import Application, ApplicationStatus
from tests.grants.factories import ApplicationFactory, RequiredAttachmentFactory
from tests.grants.helpers import IN_THE_WINDOW, form_codes, formset_data, url

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def signed_in(client, kk, today):
    today(IN_THE_WINDOW)
    client.force_login(kk.representative)
    return client


def test_the_scheme_page_offers_representatives_to_apply(signed_in, kk, client):
    page = signed_in.get(kk.scheme.get_absolute_url())

    assert page.context["may_apply"] is True
    assert url("application_create", pk=kk.scheme.pk) in page.text


def test_starting_an_application_makes_a_draft_and_leads_to_its_goals_and_budget(signed_in, kk):
    response = signed_in.post(
        url("application_create", pk=kk.scheme.pk),
        {"organisation": kk.club.pk, "title": "Seniormotion", "purpose": "Motion for ældre.", "amount_requested": "20000"},
    )

    application = Application.objects.get(title="Seniormotion")
    assert response.status_code == 302 and response.url == url("application_edit", pk=application.pk)
    assert (application.status, application.organisation, application.created_by) == ("draft", kk.club, kk.representative)


def test_the_application_form_requires_only_title_purpose_and_amount(signed_in, kk):
    form = signed_in.get(url("application_create", pk=kk.scheme.pk)).context["form"]

    assert sorted(name for name, field in form.fields.items() if field.required) == [
        "amount_requested",
        "organisation",
        "purpose",
        "title",
    ]


def test_a_bad_amount_is_refused_on_its_field_and_the_text_is_kept(signed_in, kk):
    response = signed_in.post(
        url("application_create", pk=kk.scheme.pk),
        {"organisation": kk.club.pk, "title": "For meget", "purpose": "Alt.", "amount_requested": "2000000"},
    )

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"amount_requested": ["above_budget"]}
    assert "For meget" in response.text
    assert not Application.objects.exists()


def test_goals_and_budget_are_written_on_one_page(signed_in, kk):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=10_000)
    data = {
        "title": draft.title,
        "purpose": draft.purpose,
        "amount_requested": "10000",
        **formset_data("maal", [{"description": "Ugentlig motion", "measure": "25 deltagere pr. gang"}, {"description": "", "measure": ""}]),
        **formset_data("budget", [{"description": "Sal", "amount": "6000"}, {"description": "Instruktør", "amount": "4000"}]),
    }

    response = signed_in.post(url("application_edit", pk=draft.pk), data)

    assert response.status_code == 302
    assert list(draft.goals.values_list("description", flat=True)) == ["Ugentlig motion"]
    assert draft.budget_total() == 10_000


def test_a_half_filled_goal_is_refused_and_nothing_is_saved(signed_in, kk):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)
    data = {
        "title": "Nyt navn",
        "purpose": draft.purpose,
        "amount_requested": "10000",
        **formset_data("maal", [{"description": "Ugentlig motion", "measure": ""}]),
        **formset_data("budget", []),
    }

    response = signed_in.post(url("application_edit", pk=draft.pk), data)

    assert response.status_code == 200
    assert form_codes(response.context["goals"].forms[0]) == {"measure": ["required"]}
    draft.refresh_from_db()
    assert draft.title != "Nyt navn" and not draft.goals.exists()


def test_the_document_the_scheme_asks_for_is_attached_and_then_it_is_received(signed_in, kk):
    statutes = RequiredAttachmentFactory(scheme=kk.scheme, name="Vedtægter")
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    refused = signed_in.post(url("application_submit", pk=draft.pk))
    assert refused.status_code == 200 and "Vedtægter" in " ".join(refused.context["submit_errors"])

    signed_in.post(
        url("attachment_add", pk=draft.pk),
        {"requirement": statutes.pk, "title": "Vedtægter", "file": SimpleUploadedFile("v.pdf", PDF, "application/pdf")},
    )
    attachment = draft.attachments.get()
    download = signed_in.get(attachment.get_absolute_url())
    assert download["Content-Type"] == "application/pdf" and b"".join(download.streaming_content) == PDF

    received = signed_in.post(url("application_submit", pk=draft.pk))
    draft.refresh_from_db()
    assert received.status_code == 302 and draft.status == ApplicationStatus.SUBMITTED
    assert draft.submitted_by == kk.representative


def test_a_file_that_is_no_document_is_refused_on_its_field(signed_in, kk):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    response = signed_in.post(
        url("attachment_add", pk=draft.pk), {"title": "Foto", "file": SimpleUploadedFile("x.pdf", b"GIF89a", "application/pdf")}
    )

    assert response.status_code == 200
    assert form_codes(response.context["attachment_form"]) == {"file": ["unsupported_type"]}


def test_a_submitted_application_is_no_longer_edited(signed_in, kk, submitted):
    response = signed_in.get(url("application_edit", pk=submitted.pk))

    assert response.status_code == 302 and response.url == submitted.get_absolute_url()


def test_a_draft_is_deleted_and_a_submitted_application_withdrawn(signed_in, kk, submitted):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    assert signed_in.post(url("application_delete", pk=draft.pk)).url == url("mine")
    signed_in.post(url("application_withdraw", pk=submitted.pk))

    submitted.refresh_from_db()
    assert not Application.objects.filter(pk=draft.pk).exists()
    assert submitted.status == ApplicationStatus.WITHDRAWN


def test_my_grants_lists_the_organisations_applications_and_the_open_schemes(signed_in, kk, submitted):
    page = signed_in.get(url("mine"))

    assert list(page.context["applications"]) == [submitted]
    assert list(page.context["open_schemes"]) == [kk.scheme]


def test_the_attachment_form_proposes_the_first_document_the_scheme_still_lacks(signed_in, kk):
    statutes = RequiredAttachmentFactory(scheme=kk.scheme, name="Vedtægter")
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    form = signed_in.get(draft.get_absolute_url()).context["attachment_form"]

    assert form["requirement"].value() == statutes.pk
