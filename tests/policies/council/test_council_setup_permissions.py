"""Setting up the council, its appointed terms and founding members, and a member's leaving are the
municipality's policy owners' alone: the pages are theirs, so anyone else signed in gets a 404 (a
POST to an elected term's members, which no one may appoint to, a 403)."""

import pytest

from policies import council_services as services
from tests import factories
from tests.policies.helpers import is_login_redirect

from .conftest import day, rep, url

ROLES = ["anonymous", "citizen", "representative", "caseworker", "other_owner", "owner"]
KEEPS_IT = {**dict.fromkeys(ROLES, 404), "anonymous": "login", "owner": "ok"}


def outcome(response):
    if is_login_redirect(response):
        return "login"
    return "ok" if response.status_code in (200, 302) else response.status_code


@pytest.fixture
def people(municipality, citizen, organisations, owner, other_owner):
    caseworker = factories.UserFactory(username="sagsbehandler")
    factories.AdministrationFactory(municipality=municipality).caseworkers.add(caseworker)
    return {
        "anonymous": None, "citizen": citizen, "representative": rep(organisations["Besøgsvennerne"]),
        "caseworker": caseworker, "other_owner": other_owner, "owner": owner,
    }


def log_in(client, people, role):
    if people[role]:
        client.force_login(people[role])


@pytest.mark.parametrize("role", ROLES)
def test_only_the_policy_owner_sets_up_the_council(client, municipality, people, role):
    log_in(client, people, role)
    address = url("council_create", municipality="vesthimmerland")

    assert outcome(client.get(address)) == KEEPS_IT[role]
    assert outcome(client.post(address, {"name": "Frivilligrådet"})) == KEEPS_IT[role]
    assert municipality_has_council(municipality) == (role == "owner")


@pytest.mark.parametrize("role", ROLES)
def test_the_council_list_offers_the_set_up_to_the_policy_owner_alone(client, municipality, people, role):
    log_in(client, people, role)

    page = client.get(url("council_list")).text

    assert ("Opret frivilligrådet i Vesthimmerlands Kommune" in page) == (role == "owner")


def municipality_has_council(municipality):
    return hasattr(type(municipality).objects.get(pk=municipality.pk), "volunteer_council")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_policy_owner_keeps_the_terms_and_members(client, council, statutes, organisations, people, role):
    term = services.term_appoint(council=council, starts_on=day(-10), ends_on=day(700))
    member = services.member_appoint(term=term, organisation=organisations["Seniorcaféen"],
                                     person=rep(organisations["Seniorcaféen"]))
    kulturvennerne = organisations["Kulturvennerne"]
    log_in(client, people, role)

    pages = {
        "council_term_appoint": url("council_term_appoint", municipality="vesthimmerland"),
        "council_members": url("council_members", municipality="vesthimmerland", term=term.pk),
    }
    for name, address in pages.items():
        assert outcome(client.get(address)) == KEEPS_IT[role], name
    posted = client.post(pages["council_members"], {"member": f"{kulturvennerne.pk}-{rep(kulturvennerne).pk}"})
    left = client.post(url("council_member_leave", municipality="vesthimmerland", member=member.pk),
                       {f"udtraeder-{member.pk}-left_on": day(30).isoformat()})

    assert outcome(posted) == outcome(left) == KEEPS_IT[role]
    assert term.members.count() == (2 if role == "owner" else 1)
    member.refresh_from_db()
    assert member.left_on == (day(30) if role == "owner" else None)


def test_no_one_appoints_members_to_an_elected_term(client, build, organisations, owner):
    term = build("nomination").term
    seniors = organisations["Seniorcaféen"]
    client.force_login(owner)

    response = client.post(url("council_members", municipality="vesthimmerland", term=term.pk),
                           {"member": f"{seniors.pk}-{rep(seniors).pk}"})

    assert response.status_code == 403


def test_another_municipalitys_term_is_not_found_under_this_one(client, council, statutes, owner):
    other = factories.MunicipalityFactory(slug="andetsted")
    other.policy_owners.add(owner)
    body = factories.ConsultedBodyFactory(municipality=other)
    other_council = services.council_create(municipality=other, body=body)
    other_council.statutes.create(adopted_on=day(-100), seats=3)
    term = services.term_appoint(council=other_council, starts_on=day(0))
    client.force_login(owner)

    response = client.get(url("council_members", municipality="vesthimmerland", term=term.pk))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_council_page_shows_the_management_links_to_the_policy_owner_only(client, council, statutes, people, role):
    term = services.term_appoint(council=council, starts_on=day(-10), ends_on=day(700))
    log_in(client, people, role)

    page = client.get(url("council_detail", municipality="vesthimmerland")).content.decode()

    shown = url("council_term_appoint", municipality="vesthimmerland") in page
    assert shown == (role == "owner")
    assert (url("council_members", municipality="vesthimmerland", term=term.pk) in page) == (role == "owner")
