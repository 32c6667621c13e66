"""Policy point 7 (“At de kommunale tilskud gives, så de frivillige foreningers selvbestemmelse ikke
anfægtes”): an application needs what the scheme asks for, and nothing else. A scheme may ask for
measurable goals, a budget and named documents; one that asks for none receives an application
with only its title, purpose and amount."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from grants import services
from grants.models import ApplicationAttachment, ApplicationStatus
from tests.grants.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    GoalFactory,
    RequiredAttachmentFactory,
    SubmittedApplicationFactory,
)
from tests.validation import codes


@pytest.fixture
def in_the_window(today):
    import datetime

    return today(datetime.date(2006, 10, 1))


def submit(application, kk):
    return services.application_submit(application=application, submitted_by=kk.representative)


def problems(application, kk):
    with pytest.raises(ValidationError) as excinfo:
        submit(application, kk)
    return [error.code for error in excinfo.value.error_dict["status"]], excinfo.value.messages


def test_a_scheme_that_asks_for_nothing_more_receives_title_purpose_and_amount(kk, in_the_window):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    assert submit(draft, kk).status == ApplicationStatus.SUBMITTED


def test_a_scheme_that_asks_for_goals_budget_and_documents_names_each_one_missing(kk, in_the_window):
    kk.scheme.requires_goals = kk.scheme.requires_budget = True
    kk.scheme.save()
    RequiredAttachmentFactory(scheme=kk.scheme, name="Vedtægter")
    RequiredAttachmentFactory(scheme=kk.scheme, name="Seneste årsregnskab")
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    found, messages = problems(draft, kk)

    assert found == ["goals_required", "budget_required", "attachment_missing"]
    assert "Seneste årsregnskab, Vedtægter" in messages[2]


def test_with_what_the_scheme_asks_for_the_application_is_received(kk, in_the_window):
    kk.scheme.requires_goals = kk.scheme.requires_budget = True
    kk.scheme.save()
    required = RequiredAttachmentFactory(scheme=kk.scheme, name="Vedtægter")
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=10_000)
    GoalFactory(application=draft)
    BudgetLineFactory(application=draft, amount=6_000)
    BudgetLineFactory(application=draft, amount=4_000)
    attachment = ApplicationAttachment(
        application=draft, requirement=required, title="Vedtægter", file=ContentFile(b"%PDF-1.4\n", name="v.pdf")
    )
    attachment.full_clean()
    attachment.save()

    assert submit(draft, kk).status == ApplicationStatus.SUBMITTED


def test_a_budget_given_must_cover_the_amount_requested(kk, in_the_window):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=10_000)
    BudgetLineFactory(application=draft, amount=9_999)

    found, messages = problems(draft, kk)

    assert found == ["budget_below_request"]
    assert "9.999 kr." in messages[0]


def test_no_more_than_the_whole_budget_is_asked_for(kk):
    draft = ApplicationFactory.build(scheme=kk.scheme, organisation=kk.club, amount_requested=1_000_001)

    with pytest.raises(ValidationError) as excinfo:
        draft.full_clean()

    assert codes(excinfo.value) == {"amount_requested": ["above_budget"]}


def test_only_an_approved_organisation_applies(kk, in_the_window):
    kk.club.status = "pending"
    kk.club.save()

    assert problems(ApplicationFactory(scheme=kk.scheme, organisation=kk.club), kk)[0] == ["organisation_not_approved"]


def test_an_organisation_applies_to_its_own_municipalitys_schemes(kk):
    from tests.grants.factories import OrganisationFactory

    stranger = ApplicationFactory.build(scheme=kk.scheme, organisation=OrganisationFactory())

    with pytest.raises(ValidationError) as excinfo:
        stranger.full_clean()

    assert codes(excinfo.value) == {"organisation": ["other_municipality"]}


def test_a_submitted_application_is_locked(kk):
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    with pytest.raises(ValidationError) as excinfo:
        GoalFactory.build(application=application).full_clean()

    assert codes(excinfo.value) == {"__all__": ["application_locked"]}


def test_an_attachment_is_a_document_or_spreadsheet_and_not_too_large(kk):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)
    image = ApplicationAttachment(application=draft, title="Billede", file=ContentFile(b"\x89PNG\r\n\x1a\n", name="x.pdf"))

    with pytest.raises(ValidationError) as excinfo:
        image.full_clean()

    assert codes(excinfo.value) == {"file": ["unsupported_type"]}
