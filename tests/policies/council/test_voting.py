"""Voting: the municipality opens the vote once nominations have closed and every candidate is
decided; each organisation the statutes let vote casts its votes once, through a representative,
while voting is open; every refusal says why."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from organisations.models import OrganisationStatus
from policies import council_services as services
from policies.models import ElectionStatus, VoteReceipt
from tests import factories
from tests.policies.helpers import messages_of

from .conftest import ORGANISATIONS, at, day, rep, url

OPENS, CLOSES = datetime.date(2027, 1, 20), datetime.date(2027, 1, 31)


@pytest.fixture
def nominated(council, organisations, owner):
    """Nominations 1–14 January 2027, every organisation's candidate approved."""
    election = services.election_open(
        council=council, starts_on=datetime.date(2027, 3, 1), nominations_open_on=datetime.date(2027, 1, 1),
        nominations_close_on=datetime.date(2027, 1, 14), today=datetime.date(2027, 1, 1),
    )
    for organisation in organisations.values():
        candidate = services.candidate_nominate(
            election=election, organisation=organisation, person=rep(organisation), nominated_by=rep(organisation),
            now=at(datetime.date(2027, 1, 5)),
        )
        services.candidate_approve(candidate=candidate, user=owner)
    return election


@pytest.fixture
def election(nominated):
    return services.election_open_voting(
        election=nominated, opens_on=OPENS, closes_on=CLOSES, today=datetime.date(2027, 1, 15)
    )


def candidates(election, *names):
    by_name = {c.organisation.name: c for c in election.candidates.select_related("organisation")}
    return [by_name[name] for name in names]


def vote(election, organisation, names=("Seniorcaféen",), *, user=None, when=datetime.date(2027, 1, 25)):
    return services.vote_cast(
        election=election, organisation=organisation, user=user or rep(organisation),
        candidates=candidates(election, *names), now=at(when),
    )


def refusal(call):
    with pytest.raises(ValidationError) as error:
        call()
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


# Opening the vote


def test_voting_opens_after_nominations_close(nominated):
    with pytest.raises(ValidationError) as error:
        services.election_open_voting(election=nominated, opens_on=OPENS, closes_on=CLOSES, today=datetime.date(2027, 1, 14))

    assert error.value.code == "nominations_open"


def test_every_candidate_is_decided_before_voting_opens(council, organisations):
    election = services.election_open(
        council=council, starts_on=datetime.date(2027, 3, 1), nominations_open_on=datetime.date(2027, 1, 1),
        nominations_close_on=datetime.date(2027, 1, 14), today=datetime.date(2027, 1, 1),
    )
    seniors = organisations["Seniorcaféen"]
    services.candidate_nominate(election=election, organisation=seniors, person=rep(seniors), nominated_by=rep(seniors),
                                now=at(datetime.date(2027, 1, 5)))

    with pytest.raises(ValidationError) as error:
        services.election_open_voting(election=election, opens_on=OPENS, closes_on=CLOSES, today=datetime.date(2027, 1, 15))

    assert error.value.code == "undecided_candidates"
    assert "Repræsentant for Seniorcaféen" in error.value.messages[0]


def test_there_is_a_vote_only_with_an_approved_candidate(council):
    election = services.election_open(
        council=council, starts_on=datetime.date(2027, 3, 1), nominations_open_on=datetime.date(2027, 1, 1),
        nominations_close_on=datetime.date(2027, 1, 14), today=datetime.date(2027, 1, 1),
    )

    with pytest.raises(ValidationError) as error:
        services.election_open_voting(election=election, opens_on=OPENS, closes_on=CLOSES, today=datetime.date(2027, 1, 15))

    assert error.value.code == "no_candidates"


def test_voting_closes_before_the_term_starts(nominated):
    assert refusal(lambda: services.election_open_voting(
        election=nominated, opens_on=OPENS, closes_on=datetime.date(2027, 3, 1), today=datetime.date(2027, 1, 15)
    )) == {"voting_closes_on": ["after_term_start"]}


def test_voting_closes_on_or_after_it_opens(nominated):
    assert refusal(lambda: services.election_open_voting(
        election=nominated, opens_on=OPENS, closes_on=OPENS - datetime.timedelta(days=1), today=datetime.date(2027, 1, 15)
    )) == {"voting_closes_on": ["closes_before_opening"]}


def test_once_voting_has_opened_the_candidates_stay(election, organisations, owner):
    candidate = candidates(election, "Seniorcaféen")[0]

    with pytest.raises(ValidationError) as error:
        services.candidate_reject(candidate=candidate, user=owner, reason="For sent.")

    assert error.value.code == "wrong_stage"


# Casting the votes


def test_an_organisation_votes_for_as_many_candidates_as_it_has_votes(election, organisations):
    receipt = vote(election, organisations["Seniorcaféen"], ("Seniorcaféen", "Lektiehjælpen"))

    assert (receipt.organisation, receipt.cast_by) == (organisations["Seniorcaféen"], rep(organisations["Seniorcaféen"]))
    tallies = dict(election.candidates.values_list("organisation__name", "votes"))
    assert tallies == {**dict.fromkeys(ORGANISATIONS, 0), "Seniorcaféen": 1, "Lektiehjælpen": 1}


def test_a_second_vote_is_refused_and_says_when_and_by_whom(election, organisations):
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory(name="Kollega")
    seniors.representatives.add(colleague)
    vote(election, seniors)

    with pytest.raises(ValidationError) as error:
        vote(election, seniors, ("Lektiehjælpen",), user=colleague)

    assert error.value.error_dict["organisation"][0].code == "already_voted"
    assert "25. januar 2027" in error.value.messages[0]
    assert "Repræsentant for Seniorcaféen" in error.value.messages[0]
    assert dict(election.candidates.values_list("organisation__name", "votes"))["Lektiehjælpen"] == 0


def test_votes_are_taken_from_the_first_day_to_the_last(election, organisations):
    vote(election, organisations["Seniorcaféen"], when=OPENS)
    vote(election, organisations["Lektiehjælpen"], when=CLOSES)

    assert refusal(lambda: vote(election, organisations["Kulturvennerne"], when=CLOSES + datetime.timedelta(days=1))) == {
        "__all__": ["voting_closed"]
    }
    assert refusal(lambda: vote(election, organisations["Kulturvennerne"], when=OPENS - datetime.timedelta(days=1))) == {
        "__all__": ["voting_closed"]
    }


def test_a_vote_after_the_count_is_refused(election, organisations):
    services.election_count(election=election, today=CLOSES + datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        vote(election, organisations["Kulturvennerne"])

    assert error.value.error_dict["__all__"][0].code == "voting_closed"
    assert error.value.messages == ["Afstemningen er lukket, og stemmerne er talt op."]


def test_more_choices_than_votes_are_refused(election, organisations):
    assert refusal(lambda: vote(election, organisations["Seniorcaféen"], ("Seniorcaféen", "Lektiehjælpen", "Kulturvennerne"))) == {
        "candidates": ["too_many_choices"]
    }
    assert not VoteReceipt.objects.exists()


def test_a_ballot_names_at_least_one_candidate(election, organisations):
    assert refusal(lambda: vote(election, organisations["Seniorcaféen"], ())) == {"candidates": ["no_choice"]}


def test_a_candidate_has_one_vote_from_an_organisation(election, organisations):
    seniors = candidates(election, "Seniorcaféen")[0]

    assert refusal(lambda: services.vote_cast(
        election=election, organisation=organisations["Lektiehjælpen"], user=rep(organisations["Lektiehjælpen"]),
        candidates=[seniors, seniors], now=at(datetime.date(2027, 1, 25)),
    )) == {"candidates": ["same_candidate_twice"]}


def test_only_the_approved_candidates_of_this_election_can_be_chosen(election, organisations, build):
    other = factories.OrganisationFactory(municipality=election.council.municipality, status=OrganisationStatus.APPROVED)
    from policies.models import Candidate

    stranger = Candidate(election=election, organisation=other, user=factories.UserFactory(), status="proposed")
    stranger.save()

    assert refusal(lambda: services.vote_cast(
        election=election, organisation=organisations["Lektiehjælpen"], user=rep(organisations["Lektiehjælpen"]),
        candidates=[stranger], now=at(datetime.date(2027, 1, 25)),
    )) == {"candidates": ["not_a_candidate"]}


@pytest.mark.parametrize("change", [{"status": OrganisationStatus.PENDING}, {"is_listed": False}])
def test_an_organisation_the_statutes_leave_out_cannot_vote(election, organisations, change):
    seniors = organisations["Seniorcaféen"]
    type(seniors).objects.filter(pk=seniors.pk).update(**change)
    seniors.refresh_from_db()

    assert refusal(lambda: vote(election, seniors)) == {"organisation": ["not_eligible"]}


def test_another_municipalitys_organisation_cannot_vote(election):
    outsider = factories.OrganisationFactory(status=OrganisationStatus.APPROVED)
    outsider.representatives.add(factories.UserFactory())

    with pytest.raises(ValidationError) as error:
        vote(election, outsider)

    assert error.value.error_dict["organisation"][0].code == "not_eligible"
    assert "hører til en anden kommune" in error.value.messages[0]


def test_only_a_representative_casts_the_organisations_votes(election, organisations):
    assert refusal(lambda: vote(election, organisations["Seniorcaféen"], user=rep(organisations["Lektiehjælpen"]))) == {
        "organisation": ["not_a_representative"]
    }


# In the browser


def test_a_representative_votes_on_the_ballot_page(client, build, organisations):
    election = build("voting")
    seniors = organisations["Seniorcaféen"]
    chosen = candidates(election, "Kulturvennerne", "Lektiehjælpen")
    client.force_login(rep(seniors))

    page = client.get(url("election_vote", election))
    response = client.post(
        url("election_vote", election),
        {"organisation": seniors.pk, "candidates": [c.pk for c in chosen]},
        follow=True,
    )

    assert page.status_code == 200 and page.context["may_vote"]
    assert VoteReceipt.objects.filter(election=election, organisation=seniors).exists()
    assert messages_of(response) == [
        "Stemmerne fra Seniorcaféen er afgivet. Afstemningen er hemmelig: portalen registrerer, at organisationen har "
        "stemt, ikke på hvem."
    ]
    assert "Seniorcaféen har stemt" in response.text


def test_too_many_choices_are_refused_on_the_field_and_kept(client, build, organisations):
    election = build("voting")
    seniors = organisations["Seniorcaféen"]
    chosen = [c.pk for c in candidates(election, "Kulturvennerne", "Lektiehjælpen", "Idrætsvennerne")]
    client.force_login(rep(seniors))

    response = client.post(url("election_vote", election), {"organisation": seniors.pk, "candidates": chosen})

    assert response.status_code == 200
    assert response.context["form"].errors["candidates"] == [
        "Du har valgt 3 kandidater, men hver organisation har 2 stemmer (én pr. kandidat)."
    ]
    assert sorted(int(pk) for pk in response.context["form"]["candidates"].value()) == sorted(chosen)
    assert not VoteReceipt.objects.exists()


def test_a_vote_sent_after_the_close_is_refused_with_the_reason(client, build, organisations):
    election = build("closed")
    seniors = organisations["Seniorcaféen"]
    chosen = candidates(election, "Kulturvennerne")
    client.force_login(rep(seniors))

    page = client.get(url("election_vote", election))
    response = client.post(url("election_vote", election), {"organisation": seniors.pk, "candidates": [chosen[0].pk]})

    assert 'name="candidates"' not in page.text
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        f"Afstemningen lukkede den {date_format(day(-1), 'j. F Y')}, så stemmerne kan ikke længere afgives."
    ]


def test_the_municipality_opens_the_vote_on_the_election_page(client, build, owner):
    election = build("nominated")
    client.force_login(owner)

    page = client.get(election.get_absolute_url())
    empty = client.post(url("election_open_voting", election), {"voting_opens_on": "", "voting_closes_on": ""})
    client.post(url("election_open_voting", election), {"voting_opens_on": day(1), "voting_closes_on": day(14)})

    assert page.context["may_open_voting"]
    assert empty.status_code == 200 and empty.context["open_voting_form"].errors["voting_opens_on"]
    election.refresh_from_db()
    assert (election.status, election.voting_opens_on, election.voting_closes_on) == (ElectionStatus.VOTING, day(1), day(14))


def test_the_ballot_page_says_why_an_organisation_may_not_vote(client, build, organisations):
    election = build("voting")
    homework = organisations["Lektiehjælpen"]
    type(homework).objects.filter(pk=homework.pk).update(is_listed=False)
    client.force_login(rep(homework))

    response = client.get(url("election_vote", election))

    assert not response.context["may_vote"]
    assert (
        "Lektiehjælpen kan ikke stemme ved dette valg: vedtægterne kræver, at organisationen står i den offentlige "
        "vejviser, og det gør den ikke." in response.text
    )
