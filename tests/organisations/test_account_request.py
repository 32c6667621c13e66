"""An organisation asks to be listed; the municipality's policy owner approves (or rejects);
the representative then logs in and keeps the profile current, visible at once."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from organisations.models import Organisation, OrganisationStatus
from tests.organisations.factories import OrganisationFactory, PendingOrganisationFactory, UserFactory

REQUEST = reverse("organisations:request_account")


@pytest.fixture
def request_data(copenhagen):
    return {
        "municipality": copenhagen.pk,
        "name": "Lektiecafé Nørrebro",
        "cvr": "",
        "kind": "informal_group",
        "purpose": "Lektiehjælp for børn og unge.",
        "email": "lektiecafe@example.org",
        "phone": "",
        "website": "lektiecafe.example.org",
        "person_name": "Amira Hassan",
        "person_email": "Amira@Example.org",
        "password1": "Lektier-hver-tirsdag-17",
        "password2": "Lektier-hver-tirsdag-17",
    }


def test_request_creates_a_pending_organisation_and_a_closed_account(client, request_data, policy_owner):
    policy_owner.email = "ejer@kk.dk"
    policy_owner.save()

    response = client.post(REQUEST, request_data)

    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:request_received")
    organisation = Organisation.objects.get(name="Lektiecafé Nørrebro")
    assert organisation.status == OrganisationStatus.PENDING
    assert not organisation.is_listed_publicly
    assert organisation.website == "https://lektiecafe.example.org"
    user = organisation.representatives.get()
    assert (user.username, user.email, user.is_active) == ("amira@example.org", "amira@example.org", False)
    assert mail.outbox[0].to == ["ejer@kk.dk"]
    assert "Lektiecafé Nørrebro" in mail.outbox[0].subject


def test_pending_organisation_is_not_in_the_directory(client, request_data):
    client.post(REQUEST, request_data)

    assert "Lektiecafé Nørrebro" not in client.get(reverse("organisations:directory")).text


def test_bad_input_is_reported_by_field_and_nothing_typed_is_lost(client, request_data):
    request_data.update(cvr="64942213", password2="noget-andet", person_email="ikke en adresse")

    response = client.post(REQUEST, request_data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"cvr", "password2", "person_email"}
    assert 'value="Lektiecafé Nørrebro"' in response.text
    assert "Lektiehjælp for børn og unge." in response.text
    assert not Organisation.objects.exists()
    assert not get_user_model().objects.filter(username="amira@example.org").exists()


def test_an_existing_e_mail_must_log_in_first(client, request_data):
    UserFactory(username="amira", email="amira@example.org")

    response = client.post(REQUEST, request_data)

    assert "person_email" in response.context["form"].errors


def test_a_duplicate_name_in_the_municipality_is_refused(client, request_data, copenhagen):
    OrganisationFactory(municipality=copenhagen, name="Lektiecafé Nørrebro")

    response = client.post(REQUEST, request_data)

    assert response.status_code == 200
    assert response.context["form"].errors["__all__"]
    assert "alert-danger" in response.text


def test_a_signed_in_user_asks_as_themselves(client, request_data):
    user = UserFactory()
    client.force_login(user)
    for name in ("person_name", "person_email", "password1", "password2"):
        del request_data[name]

    response = client.post(REQUEST, request_data)

    assert response.status_code == 302
    assert list(Organisation.objects.get(name="Lektiecafé Nørrebro").representatives.all()) == [user]


def test_policy_owner_approves_and_the_representative_can_log_in_and_edit(client, request_data, policy_owner):
    client.post(REQUEST, request_data)
    organisation = Organisation.objects.get(name="Lektiecafé Nørrebro")
    assert not client.login(username="amira@example.org", password="Lektier-hver-tirsdag-17")

    client.force_login(policy_owner)
    assert "Lektiecafé Nørrebro" in client.get(reverse("organisations:manage")).text
    response = client.post(reverse("organisations:approve", kwargs={"pk": organisation.pk}))
    assert response.status_code == 302

    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.APPROVED and organisation.approved_at
    assert organisation.is_listed_publicly
    assert mail.outbox[-1].to == ["amira@example.org"]

    client.logout()
    assert client.login(username="amira@example.org", password="Lektier-hver-tirsdag-17")
    edit = reverse("organisations:edit", kwargs={"municipality": "koebenhavn", "slug": organisation.slug})
    data = {**{k: v for k, v in request_data.items() if k in ("name", "kind", "purpose", "email")}, "is_listed": "on"}
    data["purpose"] = "Lektiehjælp hver tirsdag og torsdag."
    assert client.post(edit, data).status_code == 302
    assert "Lektiehjælp hver tirsdag og torsdag." in client.get(reverse("organisations:directory")).text


def test_policy_owner_rejects_with_a_reason(client, policy_owner, copenhagen):
    organisation = PendingOrganisationFactory(municipality=copenhagen)
    client.force_login(policy_owner)
    url = reverse("organisations:reject", kwargs={"pk": organisation.pk})

    blank = client.post(url, {"reason": ""})
    assert blank.status_code == 200 and "reason" in blank.context["form"].errors

    client.post(url, {"reason": "Ikke en frivillig organisation."})
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.REJECTED
    assert organisation.rejection_reason == "Ikke en frivillig organisation."


def test_approving_needs_post(client, policy_owner, copenhagen):
    organisation = PendingOrganisationFactory(municipality=copenhagen)
    client.force_login(policy_owner)

    assert client.get(reverse("organisations:approve", kwargs={"pk": organisation.pk})).status_code == 405


def test_the_municipality_hides_a_listing_with_a_reason_and_shows_it_again(client, policy_owner, copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, name="Foreningen Fremad")
    client.force_login(policy_owner)

    client.post(reverse("organisations:hide", kwargs={"pk": organisation.pk}), {"reason": "Ophørt i 2024."})
    organisation.refresh_from_db()
    assert organisation.hidden_reason == "Ophørt i 2024."
    listed = client.get(reverse("organisations:directory")).context["organisations"]
    assert organisation not in listed

    client.post(reverse("organisations:show", kwargs={"pk": organisation.pk}))
    organisation.refresh_from_db()
    assert organisation.is_listed_publicly


def test_the_municipality_invites_an_organisation(client, policy_owner, copenhagen):
    client.force_login(policy_owner)

    response = client.post(
        reverse("organisations:invite"),
        {"municipality": copenhagen.pk, "name": "Frivilligt Forum", "email": "Forum@Example.org", "person_name": "Ole"},
    )

    organisation = Organisation.objects.get(name="Frivilligt Forum")
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.is_listed_publicly
    user = organisation.representatives.get()
    assert not user.has_usable_password()
    link = next(line for line in mail.outbox[0].body.split() if "/invitation/" in line)

    client.logout()
    path = link[link.index("/vejviser/"):]
    response = client.post(path, {"new_password1": "Forum-mødes-hver-maaned", "new_password2": "Forum-mødes-hver-maaned"})
    assert response.status_code == 302
    assert client.login(username="forum@example.org", password="Forum-mødes-hver-maaned")
    assert client.post(path, {"new_password1": "x", "new_password2": "x"}).status_code == 404  # used once


def test_an_invalid_invitation_link_says_so(client, db):
    response = client.get(reverse("organisations:accept_invitation", kwargs={"uidb64": "MQ", "token": "bad-token"}))

    assert response.status_code == 200
    assert response.context["valid_link"] is False
