"""Who sees which organisation: the public the listed ones; representatives and the
municipality's policy owners also the rest of theirs."""

import pytest
from django.contrib.auth.models import AnonymousUser

from organisations.models import Organisation, OrganisationStatus
from tests.organisations.factories import OrganisationFactory, PendingOrganisationFactory, UserFactory


@pytest.fixture
def organisations(copenhagen, vesthimmerland):
    return {
        "listed": OrganisationFactory(municipality=copenhagen, name="Listed"),
        "unlisted": OrganisationFactory(municipality=copenhagen, name="Unlisted", is_listed=False),
        "hidden": OrganisationFactory(municipality=copenhagen, name="Hidden", hidden_reason="Ophørt i 2024."),
        "pending": PendingOrganisationFactory(municipality=copenhagen, name="Pending"),
        "elsewhere": PendingOrganisationFactory(municipality=vesthimmerland, name="Elsewhere"),
    }


def names(queryset):
    return set(queryset.values_list("name", flat=True))


def test_listed_means_approved_listed_and_not_hidden(organisations):
    assert names(Organisation.objects.listed()) == {"Listed"}
    assert [o.name for o in organisations.values() if o.is_listed_publicly] == ["Listed"]


def test_anonymous_sees_only_listed(organisations):
    assert names(Organisation.objects.visible_to(AnonymousUser())) == {"Listed"}


def test_representative_sees_own_unlisted_and_pending(organisations):
    user = UserFactory()
    organisations["pending"].representatives.add(user)
    organisations["hidden"].representatives.add(user)

    assert names(Organisation.objects.visible_to(user)) == {"Listed", "Pending", "Hidden"}


def test_policy_owner_sees_every_organisation_of_their_municipality(organisations, policy_owner):
    assert names(Organisation.objects.visible_to(policy_owner)) == {
        "Listed",
        "Unlisted",
        "Hidden",
        "Pending",
    }
    assert names(Organisation.objects.managed_by(policy_owner)) == names(Organisation.objects.visible_to(policy_owner))


def test_staff_see_and_manage_all(organisations):
    staff = UserFactory(is_staff=True)

    assert names(Organisation.objects.visible_to(staff)) == {o.name for o in organisations.values()}
    assert names(Organisation.objects.managed_by(staff)) == {o.name for o in organisations.values()}


def test_representative_edits_own_organisation_once_approved(organisations):
    user = UserFactory()
    organisations["listed"].representatives.add(user)
    organisations["pending"].representatives.add(user)

    assert names(Organisation.objects.editable_by(user)) == {"Listed"}
    assert names(Organisation.objects.editable_by(AnonymousUser())) == set()


def test_approval_status_is_part_of_being_listed(organisations):
    organisation = organisations["pending"]
    organisation.status = OrganisationStatus.APPROVED
    organisation.save()

    assert organisation.is_listed_publicly
    assert "Pending" in names(Organisation.objects.listed())
