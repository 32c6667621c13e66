"""The count and the results: the seats go to the most votes, a tie for the last seat is settled by
a recorded lot, the results are published by the municipality, and the elected take their seats for
the term as members of the council's body, consulted in its hearings."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError

from policies import council_services as services
from policies.models import BodyMembership, CouncilMember, ElectionStatus, Hearing, HearingStatus
from tests import factories

from .conftest import day, rep, url

# Five seats, two votes each: Seniorcaféen 3, Lektiehjælpen 2, Kulturvennerne 2, Familienetværket 1,
# Idrætsvennerne 1, Besøgsvennerne 1: three candidates tied for the fourth and fifth seats.
TIED = {
    "Seniorcaféen": ["Seniorcaféen", "Lektiehjælpen"],
    "Lektiehjælpen": ["Lektiehjælpen", "Seniorcaféen"],
    "Kulturvennerne": ["Kulturvennerne", "Seniorcaféen"],
    "Familienetværket": ["Kulturvennerne", "Familienetværket"],
    "Idrætsvennerne": ["Idrætsvennerne"],
    "Besøgsvennerne": ["Besøgsvennerne"],
}


def places(election):
    return [
        (c.organisation.name, c.votes, c.rank, c.lot_position, c.is_elected)
        for c in election.candidates.select_related("organisation").in_result_order()
    ]


def test_the_count_waits_for_voting_to_close(build):
    election = build("voting")

    with pytest.raises(ValidationError) as error:
        services.election_count(election=election)

    assert error.value.code == "voting_open"


def test_the_seats_go_to_the_most_votes_and_a_tie_for_the_last_seat_is_drawn_by_lot(build):
    election = build("closed", votes=TIED)

    services.election_count(election=election, rng=random.Random(7))

    election.refresh_from_db()
    assert election.status == ElectionStatus.COUNTED and election.counted_at is not None
    result = places(election)
    assert result[:3] == [
        ("Seniorcaféen", 3, 1, None, True), ("Kulturvennerne", 2, 2, None, True), ("Lektiehjælpen", 2, 2, None, True)
    ]
    drawn = result[3:]
    assert sorted(name for name, *_ in drawn) == ["Besøgsvennerne", "Familienetværket", "Idrætsvennerne"]
    assert [(votes, rank, lot, elected) for _, votes, rank, lot, elected in drawn] == [
        (1, 4, 1, True), (1, 5, 2, True), (1, 6, 3, False)
    ]
    assert sum(c.is_elected for c in election.candidates.all()) == 5


def test_the_lot_decides_who_is_elected_not_the_order_of_the_names(build):
    election = build("closed", votes=TIED)
    candidates = list(election.candidates.approved().select_related("organisation"))

    last_elected = {
        next(c.organisation.name for c, rank, _lot, _elected in election.tally(candidates, rng=random.Random(seed)) if rank == 5)
        for seed in range(20)
    }

    assert len(last_elected) > 1


def test_a_tie_within_the_seats_needs_no_lot(build):
    votes = {name: [name] for name in ("Seniorcaféen", "Lektiehjælpen", "Kulturvennerne")}
    election = build("closed", candidates=["Seniorcaféen", "Lektiehjælpen", "Kulturvennerne", "Idrætsvennerne"], votes=votes)

    services.election_count(election=election)

    assert places(election) == [
        ("Kulturvennerne", 1, 1, None, True), ("Lektiehjælpen", 1, 1, None, True), ("Seniorcaféen", 1, 1, None, True),
        ("Idrætsvennerne", 0, 4, None, True),
    ]


def test_the_results_are_the_municipalitys_to_check_until_published(client, build, owner):
    election = build("counted", votes=TIED)

    public = client.get(election.get_absolute_url())
    client.force_login(owner)
    preview = client.get(election.get_absolute_url())

    assert public.context["results"] == []
    assert len(preview.context["results"]) == 6 and preview.context["may_publish"]


def test_publishing_seats_the_elected_in_the_councils_body_for_the_term(build, council):
    election = build("counted", votes=TIED)

    services.election_publish(election=election)

    term = election.term
    members = list(CouncilMember.objects.filter(term=term).select_related("organisation", "membership"))
    assert len(members) == 5
    for member in members:
        assert member.candidate.is_elected and member.user == member.candidate.user
        membership = member.membership
        assert (membership.body, membership.user, membership.on_behalf_of) == (
            council.body, member.user, member.organisation.name
        )
        assert (membership.starts_on, membership.ends_on) == (term.starts_on, term.ends_on)
    assert not BodyMembership.objects.current(day(0)).filter(body=council.body).exists()
    assert BodyMembership.objects.current(term.starts_on).filter(body=council.body).count() == 5


def test_the_elected_are_consulted_in_the_councils_hearings(build, council, municipality):
    election = build("published", votes=TIED)
    term = election.term
    hearing = Hearing.objects.create(
        administration=factories.AdministrationFactory(municipality=municipality), title="Tilskudsregler",
        summary="…", opens_on=term.starts_on, response_deadline=term.starts_on + datetime.timedelta(days=30),
        deciding_meeting_on=term.starts_on + datetime.timedelta(days=40), status=HearingStatus.OPEN,
    )
    hearing.consulted_bodies.add(council.body)
    member = election.candidates.filter(is_elected=True).first().user

    assert sorted(m.on_behalf_of for m in hearing.hearing_list()) == sorted(
        election.candidates.filter(is_elected=True).values_list("organisation__name", flat=True)
    )
    assert list(Hearing.objects.consulting(member, term.starts_on)) == [hearing]


def test_published_late_the_seats_count_from_the_day_they_are_taken(build, council):
    election = build("counted", votes=TIED, term_starts=1)
    taken_on = day(3)

    services.election_publish(election=election, today=taken_on)

    memberships = BodyMembership.objects.filter(body=council.body)
    assert {m.starts_on for m in memberships} == {taken_on}


def test_seats_are_taken_once(build):
    election = build("published", votes=TIED)

    with pytest.raises(ValidationError) as error:
        services.election_publish(election=election)

    assert error.value.code == "wrong_stage"
    assert CouncilMember.objects.count() == 5


def test_the_directory_says_who_sits_on_the_council_as_terms_come_and_go(build, council, organisations):
    election = build("published", votes=TIED)
    term = election.term
    elected = set(election.candidates.filter(is_elected=True).values_list("organisation__name", flat=True))

    def flagged():
        return {o.name for o in type(organisations["Seniorcaféen"]).objects.filter(on_volunteer_council=True)}

    assert flagged() == set()
    services.council_seats_sync(council=council, today=term.starts_on)
    assert flagged() == elected
    services.council_seats_sync(council=council, today=term.ends_on + datetime.timedelta(days=1))
    assert flagged() == set()


def test_the_sync_command_marks_todays_seats(build, council, organisations):
    from io import StringIO

    from django.core.management import call_command

    election = build("published", votes=TIED, term_starts=1)
    type(election.term).objects.filter(pk=election.term.pk).update(starts_on=day(0))
    out = StringIO()

    call_command("sync_council_seats", stdout=out)

    assert type(organisations["Seniorcaféen"]).objects.filter(on_volunteer_council=True).count() == 5
    assert "5" in out.getvalue()


def test_the_policy_owner_records_the_chair_the_council_chose(build, organisations, owner, client):
    election = build("published", votes=TIED)
    term = election.term
    chair = term.members.get(organisation=organisations["Seniorcaféen"])
    client.force_login(owner)

    client.post(url("council_chair", municipality="vesthimmerland", term=term.pk), {f"formand-{term.pk}-member": chair.pk})
    assert list(term.members.filter(is_chair=True)) == [chair]

    successor = term.members.get(organisation=organisations["Kulturvennerne"])
    services.council_chair_set(term=term, member=successor)
    assert list(term.members.filter(is_chair=True)) == [successor]


def test_the_chair_is_one_of_the_terms_own_members(build, organisations, council):
    election = build("published", votes=TIED)
    stranger = CouncilMember(term=election.term, organisation=organisations["Seniorcaféen"], user=rep(organisations["Seniorcaféen"]))
    other_term = type(election.term).objects.create(
        council=council, statutes=election.statutes, starts_on=election.term.ends_on + datetime.timedelta(days=1),
        ends_on=election.term.ends_on + datetime.timedelta(days=700),
    )

    with pytest.raises(ValidationError) as error:
        services.council_chair_set(term=other_term, member=stranger)

    assert error.value.code == "not_a_member"
