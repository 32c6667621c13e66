"""Fields, validators and helpers the organisation models share."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from organisations import search

# The weights of the modulus-11 check on the eight digits of a CVR number.
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def validate_cvr(value):
    """A CVR number has eight digits whose weighted sum is divisible by 11."""
    if not re.fullmatch(r"[0-9]{8}", value or ""):
        raise ValidationError(_("A CVR number has exactly eight digits."), code="cvr_format")
    if sum(int(digit) * weight for digit, weight in zip(value, CVR_WEIGHTS)) % 11:
        raise ValidationError(
            _("%(value)s is not a valid CVR number: the check digit does not match. Check for a typing error."),
            code="cvr_check_digit",
            params={"value": value},
        )


class CVRField(models.CharField):
    """A CVR number, stored as its eight digits however it was typed ("DK-64 94 22 12")."""

    default_validators = [validate_cvr]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return re.sub(r"^DK|[\s.-]", "", value.strip().upper())


validate_postal_code = RegexValidator(
    r"^[0-9]{4}$", _("A Danish postal code has four digits."), code="postal_code"
)
validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$",
    _("Write the phone number with digits, e.g. “33 66 33 66” or “+45 33 66 33 66”."),
    code="phone",
)


def unique_slug(model, value, **scope):
    """A slug for ``value`` not yet taken within ``scope``: "frivilligt-forum", "frivilligt-forum-2" …"""
    base = slugify(search.fold(value))[:90] or "x"
    slug, number = base, 1
    while model._default_manager.filter(slug=slug, **scope).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
