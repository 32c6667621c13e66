"""A representative downloads everything held about their organisation and asks for
deletion; the municipality carries the deletion out or declines it with a note."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from organisations.models import Activity, DeletionRequest, DeletionRequestStatus, Organisation
from tests.organisations.factories import ActivityFactory, UserFactory, organisation_with


@pytest.fixture
def organisation(copenhagen):
    organisation = organisation_with(
        municipality=copenhagen,
        name="Ældre Sagen Østerbro",
        slug="aeldre-sagen-oesterbro",
        cvr="20700211",
        contact_person="Karen Jensen",
        contact_email="karen@example.org",
        target_groups=["Ældre"],
    )
    organisation.representatives.add(UserFactory(username="karen", name="Karen Jensen", email="karen@example.org"))
    ActivityFactory(organisation=organisation, title="Besøgsvenner mødes")
    return organisation


@pytest.fixture
def representative(client, organisation):
    client.force_login(organisation.representatives.get())
    return client


def url(name, organisation):
    return reverse(f"organisations:{name}", kwargs={"municipality": "koebenhavn", "slug": organisation.slug})


def test_download_holds_profile_representatives_and_activities(representative, organisation):
    response = representative.get(url("data_json", organisation))

    assert response["Content-Disposition"] == 'attachment; filename="aeldre-sagen-oesterbro.json"'
    data = json.loads(response.content)
    assert data["name"] == "Ældre Sagen Østerbro"
    assert data["cvr"] == "20700211"
    assert data["contact_person"] == "Karen Jensen"
    assert data["target_groups"] == ["Ældre"]
    assert data["representatives"] == [{"name": "Karen Jensen", "username": "karen", "email": "karen@example.org"}]
    assert [activity["title"] for activity in data["activities"]] == ["Besøgsvenner mødes"]


def test_deletion_request_is_recorded_and_the_policy_owner_told(representative, organisation, policy_owner):
    policy_owner.email = "ejer@kk.dk"
    policy_owner.save()

    response = representative.post(url("request_deletion", organisation), {"reason": "Foreningen er nedlagt."})

    assert response.status_code == 302
    request = DeletionRequest.objects.get()
    assert (request.organisation, request.status, request.reason) == (organisation, "open", "Foreningen er nedlagt.")
    assert mail.outbox[0].to == ["ejer@kk.dk"]
    assert "allerede" not in representative.get(url("data", organisation)).text  # the page now shows the open request
    assert representative.get(url("data", organisation)).context["open_requests"].count() == 1


def test_carrying_out_deletes_the_organisation_and_keeps_the_record(client, organisation, policy_owner):
    request = DeletionRequest.objects.create(
        municipality=organisation.municipality, organisation=organisation, organisation_name=organisation.name
    )
    client.force_login(policy_owner)

    response = client.post(
        reverse("organisations:deletion_decision", kwargs={"pk": request.pk}), {"decision": "carried_out", "note": ""}
    )

    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not Activity.objects.exists()
    request.refresh_from_db()
    assert (request.status, request.organisation, request.organisation_name) == (
        DeletionRequestStatus.CARRIED_OUT,
        None,
        "Ældre Sagen Østerbro",
    )
    assert request.handled_by == policy_owner and request.handled_at
    assert mail.outbox[-1].to == ["karen@example.org"]


def test_declining_needs_a_note(client, organisation, policy_owner):
    request = DeletionRequest.objects.create(
        municipality=organisation.municipality, organisation=organisation, organisation_name=organisation.name
    )
    client.force_login(policy_owner)
    decision = reverse("organisations:deletion_decision", kwargs={"pk": request.pk})

    response = client.post(decision, {"decision": "declined", "note": ""})
    assert response.status_code == 200 and "note" in response.context["form"].errors

    client.post(decision, {"decision": "declined", "note": "Tilskudssagen fra 2024 skal gemmes i fem år."})
    request.refresh_from_db()
    assert request.status == DeletionRequestStatus.DECLINED
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert client.get(decision).status_code == 404  # handled requests are closed
