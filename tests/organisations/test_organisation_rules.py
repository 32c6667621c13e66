"""The rules of an organisation's profile, enforced by full_clean() and the database."""

import pytest
from django.db import IntegrityError, transaction

from organisations.models import Organisation, OrganisationStatus
from tests.organisations.factories import OrganisationFactory, TargetGroupFactory
from tests.validation import codes, refusal


def test_consent_is_dated_when_given_and_cleared_when_withdrawn(db):
    organisation = OrganisationFactory(contact_person="Karen Jensen")
    assert organisation.contact_consent_at is None

    organisation.contact_consent = True
    organisation.save()
    assert organisation.contact_consent_at is not None

    organisation.contact_consent = False
    organisation.save(update_fields=["contact_consent"])
    organisation.refresh_from_db()
    assert organisation.contact_consent_at is None


def test_public_contact_only_with_consent(db):
    organisation = OrganisationFactory(contact_person="Karen Jensen", contact_email="karen@example.org")
    assert organisation.public_contact is None

    organisation.contact_consent = True
    assert organisation.public_contact == {"name": "Karen Jensen", "email": "karen@example.org", "phone": ""}


def test_consent_needs_a_contact_person(db):
    organisation = OrganisationFactory(contact_consent=False)
    organisation.contact_consent = True

    assert codes(refusal(organisation)) == {"contact_person": ["consent_without_person"]}


def test_contact_details_need_a_contact_person(db):
    organisation = OrganisationFactory()
    organisation.contact_phone = "33 66 33 66"

    assert codes(refusal(organisation)) == {"contact_person": ["details_without_person"]}


def test_rejection_needs_a_reason(db):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    organisation.status = OrganisationStatus.REJECTED

    assert codes(refusal(organisation)) == {"rejection_reason": ["reason_required"]}


def test_database_refuses_rejection_without_reason(db):
    organisation = OrganisationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(status=OrganisationStatus.REJECTED)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("postal_code", "220", "postal_code"),
        ("postal_code", "22O0", "postal_code"),
        ("phone", "ring til Karen", "phone"),
        ("email", "karen(at)example.org", "invalid"),
        ("website", "www", "invalid"),
    ],
)
def test_address_and_contact_fields_are_checked(db, field, value, code):
    organisation = OrganisationFactory()
    setattr(organisation, field, value)

    assert codes(refusal(organisation)) == {field: [code]}


@pytest.mark.parametrize("phone", ["33663366", "33 66 33 66", "+45 33 66 33 66", "+45 3366-3366"])
def test_danish_phone_numbers_are_accepted(db, phone):
    organisation = OrganisationFactory(phone=phone)

    organisation.full_clean()


def test_slug_is_made_from_the_name_with_danish_letters_spelt_out(db):
    organisation = OrganisationFactory(name="Ældre Sagen Østerbro", slug="")

    assert organisation.slug == "aeldre-sagen-oesterbro"


def test_two_organisations_of_a_municipality_cannot_share_a_name(db):
    first = OrganisationFactory(name="Frivilligt Forum")
    second = OrganisationFactory.build(municipality=first.municipality, name="Frivilligt Forum", slug="")

    assert "__all__" in codes(refusal(second))


def test_the_same_name_is_fine_in_another_municipality(db):
    OrganisationFactory(name="Ældre Sagen")
    other = OrganisationFactory.build(name="Ældre Sagen", municipality=OrganisationFactory().municipality)

    other.full_clean()


def test_vocabulary_terms_get_a_slug_per_municipality(db):
    term = TargetGroupFactory(name="Ældre")
    same_name_elsewhere = TargetGroupFactory(name="Ældre")

    assert term.slug == same_name_elsewhere.slug == "aeldre"
    assert term.municipality != same_name_elsewhere.municipality
