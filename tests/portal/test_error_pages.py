"""A visitor who meets a closed door, a missing page or a failure gets the portal's own page in
Danish, with a way on; never Django's bare text."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.views.defaults import permission_denied

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_errors(settings):
    settings.DEBUG = False


def test_missing_page_answers_with_the_portals_404():
    response = Client().get("/ingen-side-her/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Siden blev ikke fundet" in page
    assert reverse("portal:home") in page


def test_forbidden_page_offers_the_dashboard_to_a_signed_in_user(rf):
    # Django's own handler, as it answers any view that raises PermissionDenied.
    request = rf.get("/politik/koebenhavn-2006/")
    request.user = UserFactory()

    response = permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    page = response.content.decode()
    assert "Adgang nægtet" in page
    assert reverse("portal:dashboard") in page


def test_forbidden_page_offers_a_citizen_to_log_in(rf):
    request = rf.get("/politik/koebenhavn-2006/")
    request.user = AnonymousUser()

    page = permission_denied(request, PermissionDenied()).content.decode()

    assert reverse("portal:login") + "?next=/politik/koebenhavn-2006/" in page


def test_server_error_page_renders_without_a_request():
    page = render_to_string("500.html")

    assert "Der gik noget galt" in page
