"""Small assertions for rule tests: what ``full_clean()`` refuses, and why."""

import pytest
from django.core.exceptions import ValidationError


def refusal(instance):
    """Run ``full_clean()`` expecting a refusal, and return the ``ValidationError``."""
    with pytest.raises(ValidationError) as excinfo:
        instance.full_clean()
    return excinfo.value


def codes(error):
    """The error codes of a refusal, by field: ``{"status": ["unanswered_points"]}``."""
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}
