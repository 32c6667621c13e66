"""Sundheds- og Omsorgsforvaltningen's caseworker sets up and keeps the administration's schemes in the
portal: the scheme's fields, the accounts its reports include by amount, the documents applications
attach. The rules are the model's, shown on the field; once applications are received, the terms
they were made under stay as announced; a scheme with applications is never deleted."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError

from grants.admin import ReportTierInline
from grants.models import GrantScheme, ReportTier, RequiredAttachment
from tests.grants.factories import (
    AdministrationFactory,
    ApplicationFactory,
    GrantSchemeFactory,
    LegalBasisFactory,
    MunicipalityFactory,
    ReportTierFactory,
    RequiredAttachmentFactory,
    UserFactory,
    grant,
)
from tests.grants.helpers import form_codes, formset_data, url
from tests.validation import codes


@pytest.fixture
def caseworker(client, kk):
    client.force_login(kk.caseworker)
    return client


def scheme_data(kk, tiers=(), attachments=(), initial_tiers=0, initial_attachments=0, **fields):
    """What the scheme's page sends: Copenhagen's § 79 scheme for 2008, and the rows given."""
    data = {
        "administration": kk.health.pk,
        "legal_basis": kk.section_79.pk,
        "name": "§ 79-tilskud 2008",
        "year": "2008",
        "budget": "1200000",
        "description": "Tilskud til ældreklubber.",
        "criteria": "Aktiviteter for ældre i lokalområdet.",
        "opens_on": "2007-09-01",
        "closes_on": "2007-10-31",
        "period_starts_on": "2008-01-01",
        "period_ends_on": "2008-12-31",
        "report_months_after_period": "3",
        "requires_goals": "on",
        **fields,
    }
    data.update(formset_data("krav", list(tiers), initial=initial_tiers))
    data.update(formset_data("bilag", list(attachments), initial=initial_attachments))
    return {key: value for key, value in data.items() if value is not None}


def edit_data(kk, scheme, **fields):
    """The scheme's page as sent back unchanged but for ``fields``."""
    values = {
        "name": scheme.name,
        "year": str(scheme.year),
        "budget": str(scheme.budget),
        "legal_basis": scheme.legal_basis_id,
        "opens_on": scheme.opens_on.isoformat(),
        "closes_on": scheme.closes_on.isoformat(),
        "period_starts_on": scheme.period_starts_on.isoformat(),
        "period_ends_on": scheme.period_ends_on.isoformat(),
        "requires_goals": None,
    }
    return scheme_data(kk, **{**values, **fields})


def test_a_caseworker_sets_up_a_scheme_with_its_report_tiers_and_documents(caseworker, kk):
    response = caseworker.post(
        url("scheme_create"),
        scheme_data(
            kk,
            tiers=[
                {"above_amount": "0", "name": "Regnskabsoversigt", "requires_document": "on"},
                {"above_amount": "100000", "name": "Revideret regnskab", "requires_document": "on"},
            ],
            attachments=[{"name": "Vedtægter", "description": "Foreningens gældende vedtægter."}],
        ),
    )

    scheme = GrantScheme.objects.get(name="§ 79-tilskud 2008")
    assert response.status_code == 302 and response.url == scheme.get_absolute_url()
    assert (scheme.administration, scheme.legal_basis, scheme.budget) == (kk.health, kk.section_79, 1_200_000)
    assert scheme.report_due_on == datetime.date(2009, 3, 31)
    assert [(tier.above_amount, tier.name) for tier in scheme.report_tiers.all()] == [
        (0, "Regnskabsoversigt"),
        (100_000, "Revideret regnskab"),
    ]
    assert [document.name for document in scheme.required_attachments.all()] == ["Vedtægter"]
    page = caseworker.get(scheme.get_absolute_url()).text
    assert "Revideret regnskab" in page and "Vedtægter" in page


def test_the_choices_are_the_caseworkers_administrations_and_their_municipalitys_legal_bases(caseworker, kk):
    elsewhere = LegalBasisFactory(municipality=MunicipalityFactory(name="Vesthimmerlands Kommune"), name="Serviceloven § 18")

    form = caseworker.get(url("scheme_create")).context["form"]

    assert list(form.fields["administration"].queryset) == [kk.health]
    assert list(form.fields["legal_basis"].queryset) == [kk.section_79]
    assert elsewhere not in form.fields["legal_basis"].queryset


def test_an_existing_scheme_stays_in_its_municipality(caseworker, kk):
    # The caseworker also works for Vesthimmerland: its administrations and legal bases are not offered here.
    other = AdministrationFactory(municipality=MunicipalityFactory(name="Vesthimmerlands Kommune"), name="Social og Sundhed")
    other.caseworkers.add(kk.caseworker)
    LegalBasisFactory(municipality=other.municipality, name="Serviceloven § 18")

    form = caseworker.get(url("scheme_edit", pk=kk.scheme.pk)).context["form"]

    assert list(form.fields["administration"].queryset) == [kk.health]
    assert list(form.fields["legal_basis"].queryset) == [kk.section_79]


def test_a_legal_basis_of_another_municipality_is_refused_on_the_field(caseworker, kk):
    elsewhere = LegalBasisFactory(municipality=MunicipalityFactory(name="Vesthimmerlands Kommune"), name="Serviceloven § 18")

    response = caseworker.post(url("scheme_create"), scheme_data(kk, legal_basis=elsewhere.pk))

    assert form_codes(response.context["form"]) == {"legal_basis": ["invalid_choice"]}
    assert not GrantScheme.objects.filter(name="§ 79-tilskud 2008").exists()


def granted_300_000(scheme):
    """Three clubs granted 100.000 kr. each: none past the cooperation agreement threshold."""
    for _ in range(3):
        grant(scheme=scheme, amount_requested=100_000)


def test_the_budget_cannot_be_lowered_below_what_is_granted(caseworker, kk):
    granted_300_000(kk.scheme)

    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), edit_data(kk, kk.scheme, budget="200000"))

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"budget": ["budget_below_granted"]}
    assert "Puljen har allerede bevilget 300.000 kr.; budgettet kan ikke være mindre." in response.text
    kk.scheme.refresh_from_db()
    assert kk.scheme.budget == 1_000_000


def test_the_budget_may_be_lowered_to_exactly_what_is_granted(caseworker, kk):
    granted_300_000(kk.scheme)

    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), edit_data(kk, kk.scheme, budget="300000"))

    assert response.status_code == 302
    kk.scheme.refresh_from_db()
    assert kk.scheme.budget == 300_000


def test_the_page_keeps_what_was_typed_when_a_rule_refuses_it(caseworker, kk):
    response = caseworker.post(
        url("scheme_create"),
        scheme_data(
            kk,
            name="Pulje med skrivefejl",
            closes_on="2007-08-01",
            tiers=[{"above_amount": "50000", "name": "Revisorpåtegnet regnskab", "requires_document": "on"}],
            attachments=[{"name": "Årsberetning", "description": ""}],
        ),
    )

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"closes_on": ["closes_before_opening"]}
    page = response.text
    assert 'value="Pulje med skrivefejl"' in page and 'value="2007-08-01"' in page
    assert 'value="Revisorpåtegnet regnskab"' in page and 'value="50000"' in page and 'value="Årsberetning"' in page
    assert not GrantScheme.objects.filter(name="Pulje med skrivefejl").exists()


def test_two_tiers_with_the_same_amount_are_refused(caseworker, kk):
    response = caseworker.post(
        url("scheme_create"),
        scheme_data(kk, tiers=[{"above_amount": "0", "name": "Regnskabsoversigt"}, {"above_amount": "0", "name": "Revideret regnskab"}]),
    )

    assert response.status_code == 200
    assert response.context["tiers"].non_form_errors()
    assert not GrantScheme.objects.filter(name="§ 79-tilskud 2008").exists()


def test_a_tier_is_changed_a_document_removed_and_another_added(caseworker, kk):
    tier = ReportTierFactory(scheme=kk.scheme, above_amount=0, name="Regnskabsoversigt")
    statutes = RequiredAttachmentFactory(scheme=kk.scheme, name="Vedtægter")

    data = edit_data(kk, kk.scheme)
    data.update(formset_data("krav", [{"id": tier.pk, "above_amount": "0", "name": "Underskrevet regnskab", "requires_document": "on"}], initial=1))
    data.update(
        formset_data("bilag", [{"id": statutes.pk, "name": "Vedtægter", "DELETE": "on"}, {"name": "Budget for året"}], initial=1)
    )
    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), data)

    assert response.status_code == 302
    assert list(ReportTier.objects.filter(scheme=kk.scheme).values_list("name", flat=True)) == ["Underskrevet regnskab"]
    assert list(RequiredAttachment.objects.filter(scheme=kk.scheme).values_list("name", flat=True)) == ["Budget for året"]


# Received applications fix the terms


def test_once_an_application_is_received_the_window_and_legal_basis_stay_as_announced(caseworker, kk, submitted):
    section_18 = LegalBasisFactory(municipality=kk.municipality, name="Serviceloven § 18")

    response = caseworker.post(
        url("scheme_edit", pk=kk.scheme.pk), edit_data(kk, kk.scheme, closes_on="2006-11-30", legal_basis=section_18.pk)
    )

    assert form_codes(response.context["form"]) == {"legal_basis": ["terms_fixed"], "closes_on": ["terms_fixed"]}
    assert "Puljen har modtaget ansøgninger" in response.text
    kk.scheme.refresh_from_db()
    assert (kk.scheme.closes_on, kk.scheme.legal_basis) == (datetime.date(2006, 10, 31), kk.section_79)


def test_received_applications_leave_the_rest_of_the_scheme_open_to_change(caseworker, kk, submitted):
    response = caseworker.post(
        url("scheme_edit", pk=kk.scheme.pk), edit_data(kk, kk.scheme, criteria="Også aktiviteter for pårørende.")
    )

    assert response.status_code == 302
    kk.scheme.refresh_from_db()
    assert kk.scheme.criteria == "Også aktiviteter for pårørende."


def test_drafts_alone_do_not_fix_the_window(caseworker, kk):
    ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), edit_data(kk, kk.scheme, closes_on="2006-11-30"))

    assert response.status_code == 302
    kk.scheme.refresh_from_db()
    assert kk.scheme.closes_on == datetime.date(2006, 11, 30)


@pytest.mark.parametrize(
    ("field", "value"),
    [("opens_on", datetime.date(2006, 8, 1)), ("closes_on", datetime.date(2006, 11, 30)), ("year", 2008)],
)
def test_the_model_refuses_moving_the_terms_after_receipt(kk, submitted, field, value):
    scheme = GrantScheme.objects.get(pk=kk.scheme.pk)
    setattr(scheme, field, value)

    with pytest.raises(ValidationError) as refused:
        scheme.full_clean()

    assert codes(refused.value) == {field: ["terms_fixed"]}


def test_a_withdrawn_application_was_received_too(kk, submitted):
    submitted.status = "withdrawn"
    submitted.save(update_fields=["status"])
    scheme = GrantScheme.objects.get(pk=kk.scheme.pk)
    scheme.closes_on = datetime.date(2006, 11, 30)

    with pytest.raises(ValidationError) as refused:
        scheme.full_clean()

    assert codes(refused.value) == {"closes_on": ["terms_fixed"]}


# Deleting


def test_a_scheme_no_one_has_applied_to_is_deleted_after_confirmation(caseworker, kk):
    RequiredAttachmentFactory(scheme=kk.scheme)
    page = caseworker.get(url("scheme_delete", pk=kk.scheme.pk))
    assert page.status_code == 200 and "<form" in page.text.split("<main", 1)[-1]

    response = caseworker.post(url("scheme_delete", pk=kk.scheme.pk))

    assert response.status_code == 302 and response.url == url("scheme_list")
    assert not GrantScheme.objects.filter(pk=kk.scheme.pk).exists()


def test_a_scheme_with_an_application_is_not_deleted_and_the_page_says_why(caseworker, kk):
    ApplicationFactory(scheme=kk.scheme, organisation=kk.club)  # a draft counts: it is the organisation's work

    page = caseworker.get(url("scheme_delete", pk=kk.scheme.pk))
    assert "Puljen har ansøgninger" in page.text and 'class="btn btn-danger"' not in page.text

    response = caseworker.post(url("scheme_delete", pk=kk.scheme.pk), follow=True)

    assert response.status_code == 200 and "Puljen har ansøgninger" in response.text
    assert GrantScheme.objects.filter(pk=kk.scheme.pk).exists()


# Links


def test_the_caseworker_finds_the_new_scheme_and_edit_links(caseworker, kk):
    cases = caseworker.get(url("cases")).text
    scheme_page = caseworker.get(kk.scheme.get_absolute_url()).text

    assert url("scheme_create") in cases and url("scheme_edit", pk=kk.scheme.pk) in cases
    assert url("scheme_edit", pk=kk.scheme.pk) in scheme_page


def test_the_public_and_the_policy_owner_see_no_edit_link(client, kk):
    assert url("scheme_edit", pk=kk.scheme.pk) not in client.get(kk.scheme.get_absolute_url()).text
    client.force_login(kk.owner)
    assert url("scheme_edit", pk=kk.scheme.pk) not in client.get(kk.scheme.get_absolute_url()).text


def test_a_second_scheme_of_the_same_name_and_year_is_refused_on_the_name(caseworker, kk):
    response = caseworker.post(url("scheme_create"), scheme_data(kk, name=kk.scheme.name, year="2007"))

    assert form_codes(response.context["form"]) == {"name": ["name_taken"]}


# Granted money fixes what the reports must include


def tier_row(tier, **fields):
    return {"id": tier.pk, "above_amount": str(tier.above_amount), "name": tier.name, "requires_document": "on", **fields}


@pytest.fixture
def audited(kk):
    """The scheme asks for audited accounts above 10.000 kr., and has granted a club 50.000 kr."""
    tier = ReportTierFactory(scheme=kk.scheme, above_amount=10_000, name="Revideret regnskab")
    grant(scheme=kk.scheme, amount_requested=50_000)
    return tier


def test_after_a_grant_the_report_tiers_stay_as_the_grantees_were_told(caseworker, kk, audited):
    data = edit_data(kk, kk.scheme)
    data.update(formset_data("krav", [tier_row(audited, above_amount="100000")], initial=1))

    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), data)

    assert response.status_code == 200
    (row,) = response.context["tiers"].forms
    assert form_codes(row) == {"__all__": ["report_tiers_fixed"]}
    assert "hvad en rapport skal indeholde, kan ikke længere ændres" in response.text
    assert 'value="100000"' in response.text  # what was typed is kept
    audited.refresh_from_db()
    assert audited.above_amount == 10_000


def test_after_a_grant_no_tier_is_added_or_removed(caseworker, kk, audited):
    added = edit_data(kk, kk.scheme)
    added.update(formset_data("krav", [tier_row(audited), {"above_amount": "0", "name": "Regnskabsoversigt"}], initial=1))
    removed = edit_data(kk, kk.scheme)
    removed.update(formset_data("krav", [tier_row(audited, DELETE="on")], initial=1))

    assert caseworker.post(url("scheme_edit", pk=kk.scheme.pk), added).status_code == 200
    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), removed)

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"__all__": ["report_tiers_fixed"]}
    assert list(kk.scheme.report_tiers.values_list("name", flat=True)) == ["Revideret regnskab"]


def test_after_a_grant_a_tiers_description_may_still_be_worded_better(caseworker, kk, audited):
    data = edit_data(kk, kk.scheme, budget="1100000")
    data.update(formset_data("krav", [tier_row(audited, description="Påtegnet af en registreret revisor.")], initial=1))

    response = caseworker.post(url("scheme_edit", pk=kk.scheme.pk), data)

    assert response.status_code == 302
    audited.refresh_from_db()
    assert audited.description == "Påtegnet af en registreret revisor."


def test_before_any_grant_the_tiers_change_freely(kk):
    tier = ReportTierFactory(scheme=kk.scheme, above_amount=10_000, name="Revideret regnskab")
    ApplicationFactory(scheme=kk.scheme)  # a draft grants nothing

    tier.above_amount = 20_000
    tier.full_clean()
    assert tier.deletion_refusal() is None


def test_after_a_grant_the_legal_bases_documentation_stays(kk, audited):
    kk.section_79.requires_volunteers = True
    kk.section_79.description = "Aktiviteter for ældre."

    with pytest.raises(ValidationError) as refused:
        kk.section_79.full_clean()

    assert codes(refused.value) == {"requires_volunteers": ["documentation_fixed"]}
    kk.section_79.requires_volunteers = False
    kk.section_79.full_clean()  # the description may change


def test_the_admin_offers_no_deleting_of_a_granted_schemes_tiers(rf, kk, audited):
    request = rf.get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    inline = ReportTierInline(GrantScheme, admin.site)

    assert not inline.has_delete_permission(request, kk.scheme)
    assert inline.has_delete_permission(request, GrantSchemeFactory(administration=kk.health))
