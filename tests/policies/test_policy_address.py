"""A policy's short name becomes its address, /politik/<short name>/, beside the portal's fixed
pages there; a short name that one of them already answers is refused, or the policy could never
be reached."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import VolunteerPolicyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["hoeringer", "mine-planer"])
def test_a_short_name_taken_by_the_portals_pages_is_refused(slug):
    policy = VolunteerPolicyFactory.build(slug=slug, municipality=VolunteerPolicyFactory().municipality)

    with pytest.raises(ValidationError) as refused:
        policy.full_clean()

    assert [error.code for error in refused.value.error_dict["slug"]] == ["reserved_slug"]


def test_an_ordinary_short_name_is_accepted():
    policy = VolunteerPolicyFactory(slug="aarhus-2024")

    policy.full_clean()
