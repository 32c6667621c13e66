"""Copenhagen's policy owner keeps the legal bases its grants are given under: lists, adds and changes
them, and deletes one only when no scheme is given under it; the page says why, never a server error."""

import pytest
from django.core.exceptions import ValidationError

from grants import services
from grants.models import LegalBasis
from tests.grants.factories import LegalBasisFactory, MunicipalityFactory
from tests.grants.helpers import form_codes, url


@pytest.fixture
def owner(client, kk):
    client.force_login(kk.owner)
    return client


def test_the_policy_owner_lists_the_municipalitys_legal_bases_with_their_schemes(owner, kk):
    LegalBasisFactory(municipality=MunicipalityFactory(name="Vesthimmerlands Kommune"), name="Serviceloven § 18")

    page = owner.get(url("legal_bases"))

    assert [(basis.name, basis.scheme_count) for basis in page.context["legal_bases"]] == [("Serviceloven § 79", 1)]
    assert url("legal_basis_edit", pk=kk.section_79.pk) in page.text


def test_the_policy_owner_adds_a_legal_basis(owner, kk):
    form = owner.get(url("legal_basis_create")).context["form"]
    assert list(form.fields["municipality"].queryset) == [kk.municipality]

    response = owner.post(
        url("legal_basis_create"),
        {"municipality": kk.municipality.pk, "name": "Serviceloven § 18", "requires_volunteers": "on"},
    )

    assert response.status_code == 302
    basis = LegalBasis.objects.get(municipality=kk.municipality, name="Serviceloven § 18")
    assert basis.required_documentation() == ["volunteers"]


def test_a_legal_basis_of_another_municipality_is_not_added(owner, kk):
    elsewhere = MunicipalityFactory(name="Vesthimmerlands Kommune")

    response = owner.post(url("legal_basis_create"), {"municipality": elsewhere.pk, "name": "Serviceloven § 18"})

    assert form_codes(response.context["form"]) == {"municipality": ["invalid_choice"]}
    assert not LegalBasis.objects.filter(municipality=elsewhere).exists()


def test_a_name_the_municipality_already_uses_is_refused_and_the_typed_text_kept(owner, kk):
    response = owner.post(
        url("legal_basis_create"),
        {"municipality": kk.municipality.pk, "name": "Serviceloven § 79", "description": "Endnu en gang"},
    )

    assert response.status_code == 200
    assert form_codes(response.context["form"]) == {"name": ["name_taken"]}
    assert "Endnu en gang" in response.text


def test_the_policy_owner_changes_what_the_reports_document(owner, kk):
    response = owner.post(
        url("legal_basis_edit", pk=kk.section_79.pk),
        {"name": "Serviceloven § 79", "requires_attendance": "on", "documentation_note": "Fremmøde pr. gang."},
    )

    assert response.status_code == 302
    kk.section_79.refresh_from_db()
    assert kk.section_79.required_documentation() == ["attendance"]
    assert kk.section_79.documentation_note == "Fremmøde pr. gang."


def test_an_unused_legal_basis_is_deleted_after_confirmation(owner, kk):
    unused = LegalBasisFactory(municipality=kk.municipality, name="Folkeoplysningsloven")
    assert 'class="btn btn-danger"' in owner.get(url("legal_basis_delete", pk=unused.pk)).text

    response = owner.post(url("legal_basis_delete", pk=unused.pk))

    assert response.status_code == 302 and response.url == url("legal_bases")
    assert not LegalBasis.objects.filter(pk=unused.pk).exists()


def test_a_legal_basis_in_use_is_not_deleted_and_the_page_says_why(owner, kk):
    page = owner.get(url("legal_basis_delete", pk=kk.section_79.pk))
    assert "Der gives tilskud efter dette lovgrundlag" in page.text and kk.scheme.name in page.text
    assert 'class="btn btn-danger"' not in page.text

    response = owner.post(url("legal_basis_delete", pk=kk.section_79.pk), follow=True)

    assert response.status_code == 200 and "Der gives tilskud efter dette lovgrundlag" in response.text
    assert LegalBasis.objects.filter(pk=kk.section_79.pk).exists()


def test_the_service_refuses_deleting_a_legal_basis_in_use(kk):
    with pytest.raises(ValidationError) as refused:
        services.legal_basis_delete(legal_basis=kk.section_79)

    assert refused.value.code == "legal_basis_in_use"
    assert LegalBasis.objects.filter(pk=kk.section_79.pk).exists()


def test_the_policy_owner_finds_the_legal_bases(owner, kk):
    assert url("legal_bases") in owner.get(url("cases")).text
    assert url("legal_bases") in owner.get(url("scheme_list")).text


def test_renaming_to_a_name_the_municipality_uses_is_refused_on_the_form(owner, kk):
    LegalBasisFactory(municipality=kk.municipality, name="Folkeoplysningsloven")

    response = owner.post(url("legal_basis_edit", pk=kk.section_79.pk), {"name": "Folkeoplysningsloven"})

    assert form_codes(response.context["form"]) == {"name": ["name_taken"]}
    kk.section_79.refresh_from_db()
    assert kk.section_79.name == "Serviceloven § 79"
