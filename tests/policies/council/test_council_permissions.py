"""Every council address walked as each role: a citizen and anyone signed in read the council and its
elections; a representative of one of the municipality's organisations nominates and votes; only the
municipality's policy owner keeps the statutes, opens elections and the vote, decides the
candidates, counts, publishes and records the chair; a policy owner of another municipality is
nobody here."""

import pytest

from tests import factories
from tests.policies.helpers import is_login_redirect

from .conftest import rep, url

ROLES = ["anonymous", "citizen", "representative", "other_representative", "owner", "other_owner"]
OK, LOGIN = "ok", "login"


def outcome(response):
    if is_login_redirect(response):
        return LOGIN
    return OK if response.status_code in (200, 302) else response.status_code


@pytest.fixture
def people(citizen, organisations, owner, other_owner):
    elsewhere = factories.OrganisationFactory(name="Københavnsk forening")
    elsewhere.representatives.add(factories.UserFactory(username="andenrep"))
    return {
        "anonymous": None, "citizen": citizen, "representative": rep(organisations["Besøgsvennerne"]),
        "other_representative": rep(elsewhere), "owner": owner, "other_owner": other_owner,
    }


EVERYONE = dict.fromkeys(ROLES, OK)
REPRESENTATIVES = {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN, "representative": OK}
RUNS_IT = {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN, "owner": OK}
KEEPS_IT = {**dict.fromkeys(ROLES, 404), "anonymous": LOGIN, "owner": OK}


def requests(election, candidate):
    council = {"municipality": "vesthimmerland"}
    return {
        "council_list": ("get", url("council_list"), EVERYONE),
        "council_detail": ("get", url("council_detail", **council), EVERYONE),
        "council_statutes": ("get", url("council_statutes", **council), KEEPS_IT),
        "election_open": ("get", url("election_open", **council), KEEPS_IT),
        "election_detail": ("get", url("election_detail", election), EVERYONE),
        "election_nominate": ("get", url("election_nominate", election), REPRESENTATIVES),
        "election_vote": ("get", url("election_vote", election), REPRESENTATIVES),
        "candidate_consent": ("post", url("candidate_consent", election, candidate=candidate.pk), REPRESENTATIVES),
        "candidate_withdraw": ("post", url("candidate_withdraw", election, candidate=candidate.pk), REPRESENTATIVES),
        "candidate_approve": ("post", url("candidate_approve", election, candidate=candidate.pk), RUNS_IT),
        "candidate_reject": ("post", url("candidate_reject", election, candidate=candidate.pk), RUNS_IT),
        "election_open_voting": ("post", url("election_open_voting", election), RUNS_IT),
        "election_count": ("post", url("election_count", election), RUNS_IT),
        "election_publish": ("post", url("election_publish", election), RUNS_IT),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("stage", ["nomination", "voting"])
def test_every_council_address_answers_each_role(client, build, people, role, stage):
    election = build(stage, candidates=["Besøgsvennerne", "Seniorcaféen"])
    candidate = election.candidates.get(organisation__name="Besøgsvennerne")
    if people[role]:
        client.force_login(people[role])
    for name, (method, address, expected) in requests(election, candidate).items():
        response = client.post(address, {}) if method == "post" else client.get(address)
        assert outcome(response) == expected[role], (name, role)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_policy_owner_records_the_chair(client, build, people, role):
    term = build("published", votes={"Seniorcaféen": ["Seniorcaféen"]}).term
    if people[role]:
        client.force_login(people[role])

    response = client.post(url("council_chair", municipality="vesthimmerland", term=term.pk), {})

    assert outcome(response) == KEEPS_IT[role]


def test_an_election_is_found_under_its_own_municipality_only(client, build, other_owner):
    election = build("voting")
    factories.MunicipalityFactory(slug="aalborg")

    response = client.get(url("election_detail", municipality="aalborg", pk=election.pk))

    assert response.status_code == 404


def test_the_actions_take_post_only(client, build, owner):
    election = build("voting")
    client.force_login(owner)

    for name in ("election_open_voting", "election_count", "election_publish"):
        assert client.get(url(name, election)).status_code == 405, name
