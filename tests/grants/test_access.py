"""Who reaches what, the ladder for every protected page: anonymous → log in; another role → 403 or
404; another administration or organisation → 404; allowed → 200. The public pages are open to all."""

import pytest
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import reverse

from tests.grants.factories import ApplicationFactory, OrganisationFactory, UserFactory, grant
from tests.grants.helpers import url


@pytest.fixture
def people(kk):
    stranger_org = OrganisationFactory(municipality=kk.municipality, name="En anden forening")
    stranger = UserFactory(username="anden")
    stranger_org.representatives.add(stranger)
    other_owner = UserFactory(username="vhm")
    OrganisationFactory().municipality.policy_owners.add(other_owner)
    return {
        "representative": kk.representative,
        "caseworker": kk.caseworker,
        "owner": kk.owner,
        "other administration": kk.other_caseworker,
        "other organisation": stranger,
        "other municipality": other_owner,
    }


def status_for(client, user, address, method="get"):
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    return getattr(client, method)(address).status_code


def assert_ladder(client, people, address, expected, method="get"):
    client.logout()
    response = getattr(client, method)(address)
    assert response.status_code == 302 and response.url.startswith(reverse("portal:login") + f"?{REDIRECT_FIELD_NAME}=")
    found = {role: status_for(client, user, address, method) for role, user in people.items()}
    assert found == expected


READ = {
    "representative": 200,
    "caseworker": 200,
    "owner": 200,
    "other administration": 404,
    "other organisation": 404,
    "other municipality": 404,
}


def test_an_application_is_read_by_its_organisation_its_caseworkers_and_the_policy_owner(client, people, submitted):
    assert_ladder(client, people, submitted.get_absolute_url(), READ)


def test_only_its_organisation_edits_a_draft(client, people, kk):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)

    assert_ladder(client, people, url("application_edit", pk=draft.pk), {**READ, "caseworker": 403, "owner": 403})


def test_only_the_schemes_caseworkers_decide(client, people, submitted):
    assert_ladder(client, people, url("application_decide", pk=submitted.pk), {**READ, "representative": 403, "owner": 403})


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("application_assess", 200),  # sent empty: the form is shown again with its errors
        ("report_accept", 302),  # no report yet: back to the application with why
        ("report_return", 200),
    ],
)
def test_only_the_schemes_caseworkers_assess_and_approve_reports(client, people, submitted, name, allowed):
    expected = {**READ, "representative": 403, "caseworker": allowed, "owner": 403}

    assert_ladder(client, people, url(name, pk=submitted.pk), expected, method="post")


def test_only_its_organisation_writes_the_report(client, people, submitted):
    grant(submitted)

    assert_ladder(client, people, url("report_edit", pk=submitted.pk), {**READ, "caseworker": 403, "owner": 403})


@pytest.mark.parametrize("name", ["application_submit", "application_withdraw", "application_delete"])
def test_only_its_organisation_submits_withdraws_and_deletes(client, people, kk, name):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)
    others = {role: user for role, user in people.items() if role != "representative"}

    client.logout()
    assert client.post(url(name, pk=draft.pk)).url.startswith(reverse("portal:login"))
    found = {role: status_for(client, user, url(name, pk=draft.pk), "post") for role, user in others.items()}

    assert found == {"caseworker": 403, "owner": 403, "other administration": 404, "other organisation": 404, "other municipality": 404}


def test_the_cases_are_for_caseworkers_and_policy_owners(client, people, kk):
    expected = {
        "representative": 403,
        "caseworker": 200,
        "owner": 200,
        "other administration": 403,  # its administration runs no scheme
        "other organisation": 403,
        "other municipality": 403,
    }
    assert_ladder(client, people, url("cases"), expected)


def test_the_other_administrations_cases_show_once_it_runs_a_scheme(client, people, kk, submitted):
    from tests.grants.factories import GrantSchemeFactory

    GrantSchemeFactory(administration=kk.employment)
    client.force_login(kk.other_caseworker)

    page = client.get(url("cases"))

    assert page.status_code == 200 and submitted not in page.context["awaiting_decision"]


def test_cooperation_agreements_are_registered_by_caseworkers(client, people):
    expected = {
        "representative": 403,
        "caseworker": 200,
        "owner": 403,
        "other administration": 200,
        "other organisation": 403,
        "other municipality": 403,
    }
    assert_ladder(client, people, url("agreement_create"), expected)


def test_the_documents_follow_the_application(client, people, kk):
    from django.core.files.base import ContentFile

    from grants.models import ApplicationAttachment

    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)
    attachment = ApplicationAttachment.objects.create(
        application=draft, title="Vedtægter", file=ContentFile(b"%PDF-1.4\n", name="v.pdf"), kind="pdf"
    )

    assert_ladder(client, people, attachment.get_absolute_url(), READ)


def test_a_rejection_is_not_public_but_a_grant_is(client, kk, submitted):
    from grants import services

    services.application_decide(application=submitted, decided_by=kk.caseworker, outcome="rejected", reason="Nej.", reference="SOU 1")
    assert client.get(submitted.get_public_url()).status_code == 404

    granted = grant(scheme=kk.scheme, organisation=kk.club, title="Bevilget")
    assert client.get(granted.get_public_url()).status_code == 200


@pytest.mark.parametrize("name", ["scheme_list", "project_list", "results_index"])
def test_the_public_pages_are_open_to_everyone(client, kk, name):
    assert client.get(url(name)).status_code == 200


# The schemes and legal bases the municipality keeps

KEEPS_SCHEMES = {
    "representative": 403,
    "caseworker": 200,
    "owner": 403,  # a policy owner who is no caseworker: the caseworkers keep the schemes
    "other administration": 404,
    "other organisation": 403,
    "other municipality": 403,
}


@pytest.mark.parametrize("name", ["scheme_edit", "scheme_delete"])
def test_only_the_schemes_caseworkers_edit_and_delete_it(client, people, kk, name):
    assert_ladder(client, people, url(name, pk=kk.scheme.pk), KEEPS_SCHEMES)


def test_every_caseworker_may_set_up_a_scheme_of_their_own_administration(client, people):
    assert_ladder(client, people, url("scheme_create"), {**KEEPS_SCHEMES, "other administration": 200})


def test_another_administrations_caseworker_changes_and_deletes_nothing(client, kk):
    client.force_login(kk.other_caseworker)

    changed = client.post(url("scheme_edit", pk=kk.scheme.pk), {"name": "Overtaget", "budget": "1"})
    deleted = client.post(url("scheme_delete", pk=kk.scheme.pk))

    assert (changed.status_code, deleted.status_code) == (404, 404)
    kk.scheme.refresh_from_db()
    assert kk.scheme.name == "§ 79-tilskud 2007"


def test_a_scheme_is_not_set_up_for_an_administration_the_caseworker_does_not_work_for(client, kk):
    client.force_login(kk.other_caseworker)

    response = client.post(url("scheme_create"), {"administration": kk.health.pk, "name": "Ny pulje"})

    assert response.status_code == 200 and "administration" in response.context["form"].errors


KEEPS_LEGAL_BASES = {
    "representative": 403,
    "caseworker": 403,
    "owner": 200,
    "other administration": 403,
    "other organisation": 403,
    "other municipality": 404,
}


def test_the_legal_bases_are_kept_by_the_municipalitys_policy_owners(client, people):
    assert_ladder(client, people, url("legal_bases"), {**KEEPS_LEGAL_BASES, "other municipality": 200})
    assert_ladder(client, people, url("legal_basis_create"), {**KEEPS_LEGAL_BASES, "other municipality": 200})


@pytest.mark.parametrize("name", ["legal_basis_edit", "legal_basis_delete"])
def test_only_the_municipalitys_policy_owners_edit_and_delete_its_legal_bases(client, people, kk, name):
    assert_ladder(client, people, url(name, pk=kk.section_79.pk), KEEPS_LEGAL_BASES)


def test_another_municipalitys_policy_owner_neither_sees_nor_changes_the_legal_bases(client, people, kk):
    client.force_login(people["other municipality"])

    listed = client.get(url("legal_bases")).context["legal_bases"]
    changed = client.post(url("legal_basis_edit", pk=kk.section_79.pk), {"name": "Overtaget"})

    assert kk.section_79 not in listed and changed.status_code == 404
    kk.section_79.refresh_from_db()
    assert kk.section_79.name == "Serviceloven § 79"
