"""An election's closing dates on the dashboard, in the calendar feed and in reminders: the
representatives of the organisations that may still nominate or vote, the candidates who have not
agreed yet, and the policy owner until they take the next step."""

import pytest
from django.urls import reverse

from policies import council_services as services
from policies.council_deadlines import CouncilElectionDeadlines
from portal.deadlines import deadlines_for, responsible_for
from tests import factories

from .conftest import at, day, rep

provider = CouncilElectionDeadlines()


def titles(user):
    return [(d.title, d.due_on, d.is_overdue) for d in deadlines_for(user, day(0)) if d.kind == "council_election"]


def test_nominations_closing_concern_the_organisations_without_a_candidate(build, organisations):
    election = build("nomination", candidates=["Seniorcaféen"])

    assert titles(rep(organisations["Lektiehjælpen"])) == [("Frivilligrådet: fristen for opstilling", day(10), False)]
    assert titles(rep(organisations["Seniorcaféen"])) == []
    assert deadlines_for(rep(organisations["Lektiehjælpen"]), day(0))[0].url == election.get_absolute_url()


def test_a_candidate_who_has_not_agreed_is_reminded_to(build, organisations):
    election = build("nomination", candidates=[])
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory()
    seniors.representatives.add(colleague)
    services.candidate_nominate(election=election, organisation=seniors, person=colleague, nominated_by=rep(seniors),
                                now=at(day(0)))

    assert titles(colleague) == [("Frivilligrådet: fristen for opstilling", day(10), False)]
    assert titles(rep(seniors)) == []  # Seniorcaféen has its candidate: it is the colleague's turn


def test_voting_closing_concerns_the_organisations_that_have_not_voted(build, organisations):
    build("voting", votes={"Seniorcaféen": ["Seniorcaféen"]})

    assert titles(rep(organisations["Lektiehjælpen"])) == [("Frivilligrådet: afstemningen lukker", day(5), False)]
    assert titles(rep(organisations["Seniorcaféen"])) == []


def test_an_organisation_the_statutes_leave_out_is_not_asked(build, organisations):
    build("voting")
    homework = organisations["Lektiehjælpen"]
    type(homework).objects.filter(pk=homework.pk).update(is_listed=False)

    assert titles(rep(homework)) == []


def test_the_policy_owner_sees_each_step_overdue_until_taken(build, owner, other_owner):
    election = build("closed")

    assert titles(owner) == [("Frivilligrådet: afstemningen lukker", day(-1), True)]
    services.election_count(election=election)
    assert titles(owner) == [("Frivilligrådet: offentliggør resultatet", day(-1), True)]
    services.election_publish(election=election)
    assert titles(owner) == []
    assert titles(other_owner) == []


def test_reminders_go_to_those_who_still_owe_their_vote_and_to_the_policy_owner(build, organisations, owner):
    build("voting", votes={"Seniorcaféen": ["Seniorcaféen"]})

    reminded = {user.username for user, deadline in responsible_for(day(0), due_from=day(5), due_until=day(5))
                if deadline.kind == "council_election"}

    assert reminded == {"vhm", *(name.lower() for name in organisations if name != "Seniorcaféen")}


def test_the_dashboard_asks_one_query_of_the_provider_however_many_elections(build, organisations,
                                                                           django_assert_num_queries):
    build("voting")
    user = rep(organisations["Lektiehjælpen"])

    with django_assert_num_queries(1):
        found = provider.for_user(user, day(0))

    assert len(found) == 1


@pytest.mark.parametrize("stage, candidates", [("nomination", []), ("voting", ["Seniorcaféen"])])
def test_the_dashboard_shows_the_election(client, build, organisations, stage, candidates):
    election = build(stage, candidates=candidates)
    client.force_login(rep(organisations["Besøgsvennerne"]))

    page = client.get(reverse("portal:dashboard")).text

    assert f'href="{election.get_absolute_url()}"' in page
    assert "Valg til frivilligråd" in page
