"""Vesthimmerland's Frivilligråd for the tests: statutes with five seats and two votes per
organisation, for organisations listed in the directory; six organisations, each with a
representative; the municipality's policy owner; a policy owner of another municipality; a citizen.

The rule tests give the services their days (``today``, ``now``) explicitly; the page tests build
elections around the real today (``build``), since pages read the clock themselves."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import OrganisationStatus
from policies import council_services as services
from policies.models import CouncilStatutes, Eligibility, VolunteerCouncil
from tests import factories
from tests.organisations.postgresql import postgresql  # noqa: F401  (a fixture for the PostgreSQL tests)

ORGANISATIONS = ["Seniorcaféen", "Lektiehjælpen", "Kulturvennerne", "Familienetværket", "Idrætsvennerne", "Besøgsvennerne"]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def day(offset):
    """A day counted from today."""
    return timezone.localdate() + datetime.timedelta(days=offset)


def at(date, hour=12):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


@pytest.fixture
def municipality(db):
    return factories.MunicipalityFactory(name="Vesthimmerlands Kommune", slug="vesthimmerland")


@pytest.fixture
def council(municipality):
    body = factories.ConsultedBodyFactory(municipality=municipality, name="Frivilligrådet", slug="frivilligraadet")
    council = VolunteerCouncil.objects.create(municipality=municipality, body=body, description="Rådet for de frivillige.")
    CouncilStatutes.objects.create(
        council=council, adopted_on=datetime.date(2007, 5, 1), seats=5, votes_per_organisation=2,
        who_may_vote=Eligibility.LISTED, who_may_stand=Eligibility.LISTED, term_years=2,
    )
    return council


@pytest.fixture
def statutes(council):
    return council.statutes.get()


@pytest.fixture
def organisations(municipality):
    """Six approved, listed organisations, each with one representative (named after it)."""
    found = {}
    for name in ORGANISATIONS:
        organisation = factories.OrganisationFactory(municipality=municipality, name=name, status=OrganisationStatus.APPROVED)
        organisation.representatives.add(factories.UserFactory(username=name.lower(), name=f"Repræsentant for {name}"))
        found[name] = organisation
    return found


def rep(organisation):
    return organisation.representatives.order_by("pk").first()


@pytest.fixture
def owner(municipality):
    user = factories.UserFactory(username="vhm", name="Politikejer")
    municipality.policy_owners.add(user)
    return user


@pytest.fixture
def other_owner(db):
    user = factories.UserFactory(username="ejer", name="Anden politikejer")
    factories.MunicipalityFactory(name="Københavns Kommune", slug="koebenhavn").policy_owners.add(user)
    return user


@pytest.fixture
def citizen(db):
    return factories.UserFactory(username="borger", name="Birgit Borger")


@pytest.fixture
def build(council, organisations, owner):
    """``build(stage, ...)``: an election around today at ``stage``: "nomination" (open from five days
    ago for ten more days), "nominated" (closed yesterday, the candidates approved), "voting" (open
    from two days ago for five more), "closed" (voting closed yesterday), "counted", "published".
    ``candidates``: the organisations that put up their representative (all six by default);
    ``votes``: {voter: [candidates]} cast while voting is open."""

    def build_election(stage, *, candidates=ORGANISATIONS, votes=None, term_starts=60):
        voting_closes = {"voting": 5}.get(stage, -1)
        voting_opens = voting_closes - 7
        nominations_close = -1 if stage == "nominated" else 10 if stage == "nomination" else voting_opens - 1
        nominations_open = nominations_close - 15
        election = services.election_open(
            council=council, starts_on=day(term_starts), nominations_open_on=day(nominations_open),
            nominations_close_on=day(nominations_close), today=day(nominations_open),
        )
        for name in candidates:
            person = rep(organisations[name])
            candidate = services.candidate_nominate(
                election=election, organisation=organisations[name], person=person, nominated_by=person,
                statement=f"{name} stiller op.", now=at(day(nominations_open)),
            )
            if stage != "nomination":
                services.candidate_approve(candidate=candidate, user=owner, now=at(day(nominations_open)))
        if stage in ("nomination", "nominated"):
            return election
        services.election_open_voting(
            election=election, opens_on=day(voting_opens), closes_on=day(voting_closes), today=day(nominations_close + 1)
        )
        approved = {c.organisation.name: c for c in election.candidates.select_related("organisation")}
        for voter, chosen in (votes or {}).items():
            services.vote_cast(
                election=election, organisation=organisations[voter], user=rep(organisations[voter]),
                candidates=[approved[name] for name in chosen], now=at(day(voting_opens)),
            )
        if stage in ("counted", "published"):
            services.election_count(election=election)
        if stage == "published":
            services.election_publish(election=election)
        election.refresh_from_db()
        return election

    return build_election


def url(name, election=None, **kwargs):
    if election is not None:
        kwargs = {"municipality": election.council.municipality.slug, "pk": election.pk, **kwargs}
    return reverse(f"policies:{name}", kwargs=kwargs)
