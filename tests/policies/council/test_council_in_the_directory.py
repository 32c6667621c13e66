"""The directory's "sits on the volunteer council" follows the council's seats where the municipality
keeps its council in the portal: not a tick box there, so it is never typed twice."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from organisations.forms import OrganisationProfileForm
from organisations.models import Organisation
from tests import factories


def test_the_profile_form_leaves_the_council_to_the_council(organisations, council):
    form = OrganisationProfileForm(instance=organisations["Seniorcaféen"])

    assert "on_volunteer_council" not in form.fields


def test_a_municipality_without_a_council_in_the_portal_keeps_the_tick_box(db):
    form = OrganisationProfileForm(instance=factories.OrganisationFactory())

    assert "on_volunteer_council" in form.fields


@pytest.mark.parametrize("with_council, read_only", [(True, True), (False, False)])
def test_the_admin_shows_it_read_only_where_the_council_says_it(db, council, organisations, with_council, read_only):
    organisation = organisations["Seniorcaféen"] if with_council else factories.OrganisationFactory()
    request = RequestFactory().get("/")

    fields = site._registry[Organisation].get_readonly_fields(request, organisation)

    assert ("on_volunteer_council" in fields) is read_only
