"""The permission ladder for every protected page: anonymous → log in; the wrong person →
404 (another organisation's representative, another municipality's policy owner) or 403
(no role at all for the municipality's pages); the right person → 200."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.organisations.factories import (
    ActivityFactory,
    DeletionRequestFactory,
    OrganisationFactory,
    PendingOrganisationFactory,
    UserFactory,
)


@pytest.fixture
def own(copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, name="Egen forening", slug="egen")
    organisation.representatives.add(UserFactory(username="egen"))
    return organisation


@pytest.fixture
def other(copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, name="Anden forening", slug="anden")
    organisation.representatives.add(UserFactory(username="anden"))
    return organisation


@pytest.fixture
def activity(own):
    return ActivityFactory(organisation=own)


def organisation_urls(organisation, activity):
    kwargs = {"municipality": organisation.municipality.slug, "slug": organisation.slug}
    return {
        "edit": reverse("organisations:edit", kwargs=kwargs),
        "data": reverse("organisations:data", kwargs=kwargs),
        "data_json": reverse("organisations:data_json", kwargs=kwargs),
        "activity_create": reverse("organisations:activity_create", kwargs=kwargs),
        "activity_edit": reverse("organisations:activity_edit", kwargs={"pk": activity.pk}),
        "activity_delete": reverse("organisations:activity_delete", kwargs={"pk": activity.pk}),
    }


REPRESENTATIVE_PAGES = ["edit", "data", "data_json", "activity_create", "activity_edit", "activity_delete"]


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("page", REPRESENTATIVE_PAGES)
def test_representative_pages_send_anonymous_visitors_to_log_in(client, own, activity, page):
    assert_login_redirect(client.get(organisation_urls(own, activity)[page]))


@pytest.mark.parametrize("page", REPRESENTATIVE_PAGES)
def test_another_organisations_representative_gets_404(client, own, other, activity, page):
    client.force_login(other.representatives.get())

    assert client.get(organisation_urls(own, activity)[page]).status_code == 404


@pytest.mark.parametrize("page", REPRESENTATIVE_PAGES)
def test_the_policy_owner_does_not_edit_for_the_organisation(client, own, activity, policy_owner, page):
    client.force_login(policy_owner)

    assert client.get(organisation_urls(own, activity)[page]).status_code == 404


@pytest.mark.parametrize("page", REPRESENTATIVE_PAGES)
def test_own_representative_gets_the_page(client, own, activity, page):
    client.force_login(own.representatives.get())

    assert client.get(organisation_urls(own, activity)[page]).status_code == 200


@pytest.mark.parametrize("page", REPRESENTATIVE_PAGES)
def test_a_pending_organisations_representative_cannot_edit_yet(client, copenhagen, page):
    pending = PendingOrganisationFactory(municipality=copenhagen)
    user = UserFactory()
    pending.representatives.add(user)
    client.force_login(user)

    assert client.get(organisation_urls(pending, ActivityFactory(organisation=pending))[page]).status_code == 404


def test_deletion_request_post_ladder(client, own, other):
    url = reverse("organisations:request_deletion", kwargs={"municipality": "koebenhavn", "slug": own.slug})

    assert_login_redirect(client.post(url, {"reason": ""}))
    client.force_login(other.representatives.get())
    assert client.post(url, {"reason": ""}).status_code == 404
    client.force_login(own.representatives.get())
    assert client.post(url, {"reason": ""}).status_code == 302


@pytest.fixture
def managed(copenhagen):
    pending = PendingOrganisationFactory(municipality=copenhagen)
    return {"pending": pending, "deletion": DeletionRequestFactory(organisation=OrganisationFactory(municipality=copenhagen))}


def manager_urls(managed):
    pk = managed["pending"].pk
    return {
        "manage": reverse("organisations:manage"),
        "invite": reverse("organisations:invite"),
        "import": reverse("organisations:import"),
        "reject": reverse("organisations:reject", kwargs={"pk": pk}),
        "hide": reverse("organisations:hide", kwargs={"pk": pk}),
        "deletion_decision": reverse("organisations:deletion_decision", kwargs={"pk": managed["deletion"].pk}),
    }


MANAGER_PAGES = ["manage", "invite", "import", "reject", "hide", "deletion_decision"]
MANAGER_OBJECT_PAGES = ["reject", "hide", "deletion_decision"]


@pytest.mark.parametrize("page", MANAGER_PAGES)
def test_municipality_pages_send_anonymous_visitors_to_log_in(client, managed, page):
    assert_login_redirect(client.get(manager_urls(managed)[page]))


@pytest.mark.parametrize("page", MANAGER_PAGES)
def test_municipality_pages_refuse_a_representative(client, managed, own, page):
    client.force_login(own.representatives.get())

    assert client.get(manager_urls(managed)[page]).status_code == 403


@pytest.mark.parametrize("page", MANAGER_OBJECT_PAGES)
def test_another_municipalitys_policy_owner_gets_404(client, managed, vesthimmerland, page):
    owner = UserFactory()
    vesthimmerland.policy_owners.add(owner)
    client.force_login(owner)

    assert client.get(manager_urls(managed)[page]).status_code == 404


@pytest.mark.parametrize("action", ["approve", "show"])
def test_post_actions_of_another_municipality_are_404(client, managed, vesthimmerland, action):
    owner = UserFactory()
    vesthimmerland.policy_owners.add(owner)
    client.force_login(owner)

    assert client.post(reverse(f"organisations:{action}", kwargs={"pk": managed["pending"].pk})).status_code == 404


@pytest.mark.parametrize("page", MANAGER_PAGES)
def test_the_policy_owner_gets_the_municipality_pages(client, managed, policy_owner, page):
    client.force_login(policy_owner)

    assert client.get(manager_urls(managed)[page]).status_code == 200


@pytest.mark.parametrize("page", MANAGER_PAGES)
def test_staff_get_the_municipality_pages(client, managed, page):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(manager_urls(managed)[page]).status_code == 200


def test_my_organisations_ladder(client, own):
    url = reverse("organisations:mine")

    assert_login_redirect(client.get(url))
    client.force_login(own.representatives.get())
    response = client.get(url)
    assert response.status_code == 200
    assert "Egen forening" in response.text
