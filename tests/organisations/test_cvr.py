"""A CVR number has eight digits and passes the modulus-11 check; typing it with spaces is fine."""

import pytest
from django.core.exceptions import ValidationError

from organisations.models import validate_cvr
from tests.organisations.factories import OrganisationFactory
from tests.validation import codes, refusal

# Real CVR numbers of public bodies and well-known organisations.
VALID = {
    "64942212": "Københavns Kommune",
    "29189625": "Vesthimmerlands Kommune",
    "20700211": "Dansk Røde Kors",
    "24256790": "Novo Nordisk A/S",
}


@pytest.mark.parametrize("cvr", VALID)
def test_real_cvr_numbers_pass_the_check(cvr):
    validate_cvr(cvr)


@pytest.mark.parametrize("cvr", ["64942213", "29189626", "20700210", "12345678"])
def test_a_wrong_check_digit_is_refused(cvr):
    with pytest.raises(ValidationError) as excinfo:
        validate_cvr(cvr)
    assert excinfo.value.code == "cvr_check_digit"
    assert cvr in excinfo.value.messages[0]


@pytest.mark.parametrize("cvr", ["6494221", "649422120", "6494221X", ""])
def test_anything_but_eight_digits_is_refused(cvr):
    with pytest.raises(ValidationError) as excinfo:
        validate_cvr(cvr)
    assert excinfo.value.code == "cvr_format"


@pytest.mark.parametrize("typed", ["64 94 22 12", "DK64942212", "DK-6494-2212", "64.94.22.12"])
def test_cvr_typed_with_spaces_or_prefix_is_stored_as_digits(db, typed):
    organisation = OrganisationFactory.build(cvr=typed, municipality=OrganisationFactory().municipality)

    organisation.full_clean()

    assert organisation.cvr == "64942212"


def test_organisation_with_invalid_cvr_is_refused_on_the_field(db):
    organisation = OrganisationFactory.build(cvr="64942213", municipality=OrganisationFactory().municipality)

    assert codes(refusal(organisation)) == {"cvr": ["cvr_check_digit"]}


def test_an_organisation_needs_no_cvr_number(db):
    """Informal groups and unorganised volunteers have none (seed 003, footnote 1)."""
    organisation = OrganisationFactory.build(cvr="", municipality=OrganisationFactory().municipality)

    organisation.full_clean()
