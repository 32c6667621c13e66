"""The report in the browser: the representative writes a result for each goal and the documentation
the legal basis requires, saves a draft, submits; the caseworker sends it back with what is
missing, or approves it, and the evaluation is then public in the project database."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from grants.models import GoalResult, Report, ReportStatus
from tests.grants.factories import GoalFactory, ReportTierFactory, SubmittedApplicationFactory, grant
from tests.grants.helpers import form_codes, url

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def granted(kk):
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, title="Seniormotion", amount_requested=20_000)
    GoalFactory(application=application, description="Ugentlig motion", measure="25 deltagere pr. gang")
    return grant(application)


def report_data(goal, **fields):
    return {
        f"maal-{goal.pk}-outcome": "met",
        f"maal-{goal.pk}-result": "28 deltagere pr. gang",
        f"maal-{goal.pk}-explanation": "",
        "evaluation": "Et godt år.",
        "attendance": "1150",
        "members": "142",
        "volunteers": "",
        "needs": "Et større lokale.",
        **fields,
    }


def test_the_form_asks_for_what_section_79_requires_and_marks_the_rest_optional(client, kk, granted):
    client.force_login(kk.representative)

    form = client.get(url("report_edit", pk=granted.pk)).context["form"]

    assert "Serviceloven § 79" in form.fields["attendance"].help_text and "Serviceloven § 79" in form.fields["members"].help_text
    assert "Serviceloven § 79" not in form.fields["volunteers"].help_text
    assert "accounts" not in form.fields  # the scheme sets no tier


def test_a_draft_is_saved_and_a_submission_names_what_it_lacks(client, kk, granted):
    client.force_login(kk.representative)
    goal = granted.goals.get()

    client.post(url("report_edit", pk=granted.pk), report_data(goal, attendance="", gem="1"))
    assert Report.objects.get(application=granted).status == ReportStatus.DRAFT

    response = client.post(url("report_edit", pk=granted.pk), report_data(goal, attendance="", indsend="1"))

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"attendance": ["documentation_required"]}
    assert Report.objects.get(application=granted).status == ReportStatus.DRAFT


def test_the_accounts_the_tier_asks_for_are_uploaded_with_the_report(client, kk, granted):
    ReportTierFactory(scheme=kk.scheme, above_amount=10_000, name="Revideret regnskab")
    client.force_login(kk.representative)
    goal = granted.goals.get()

    response = client.post(url("report_edit", pk=granted.pk), report_data(goal, indsend="1"))
    assert form_codes(response.context["form"]) == {"accounts": ["accounts_required"]}

    client.post(
        url("report_edit", pk=granted.pk),
        report_data(goal, indsend="1", accounts=SimpleUploadedFile("regnskab.pdf", PDF, "application/pdf")),
    )
    report = Report.objects.get(application=granted)
    assert report.status == ReportStatus.SUBMITTED and report.accounts_kind == "pdf"
    assert client.get(url("report_accounts", pk=granted.pk))["Content-Type"] == "application/pdf"


def test_sent_back_and_then_approved_the_evaluation_is_published(client, kk, granted):
    goal = granted.goals.get()
    client.force_login(kk.representative)
    client.post(url("report_edit", pk=granted.pk), report_data(goal, indsend="1"))
    assert "Et godt år." not in client.get(granted.get_public_url()).text

    client.force_login(kk.caseworker)
    refused = client.post(url("report_return", pk=granted.pk), {"comment": ""})
    assert form_codes(refused.context["return_form"]) == {"comment": ["required"]}
    client.post(url("report_return", pk=granted.pk), {"comment": "Skriv mere om medlemmerne.", "new_due_on": ""})

    client.force_login(kk.representative)
    assert "Skriv mere om medlemmerne." in client.get(url("report_edit", pk=granted.pk)).text
    client.post(url("report_edit", pk=granted.pk), report_data(goal, evaluation="Et godt år med 142 medlemmer.", indsend="1"))

    client.force_login(kk.caseworker)
    client.post(url("report_accept", pk=granted.pk), {"note": ""})

    report = Report.objects.get(application=granted)
    assert report.status == ReportStatus.ACCEPTED and report.assessed_by == kk.caseworker
    assert GoalResult.objects.get(report=report).result == "28 deltagere pr. gang"
    public = client.get(granted.get_public_url()).text
    assert "Et godt år med 142 medlemmer." in public and "28 deltagere pr. gang" in public


def test_a_submitted_report_is_no_longer_edited(client, kk, granted):
    client.force_login(kk.representative)
    client.post(url("report_edit", pk=granted.pk), report_data(granted.goals.get(), indsend="1"))

    response = client.get(url("report_edit", pk=granted.pk))

    assert response.status_code == 302 and response.url == granted.get_absolute_url()


def test_an_application_not_granted_has_no_report(client, kk, submitted):
    client.force_login(kk.representative)

    assert client.get(url("report_edit", pk=submitted.pk)).status_code == 302
