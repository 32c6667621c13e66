"""The municipality opens an election: nominations for the next term, under the statutes in force,
one election at a time, over before the term begins."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from policies import council_services as services
from policies.models import CouncilStatutes, ElectionStatus

from .conftest import day, url

JANUARY_2027 = datetime.date(2027, 1, 1)


def open_election(council, **values):
    values = {
        "starts_on": datetime.date(2027, 2, 1), "nominations_open_on": JANUARY_2027,
        "nominations_close_on": datetime.date(2027, 1, 14), "today": JANUARY_2027, **values,
    }
    return services.election_open(council=council, **values)


def test_an_election_elects_a_term_of_the_length_the_statutes_set(council, statutes):
    election = open_election(council)

    assert election.status == ElectionStatus.NOMINATION
    assert (election.term.starts_on, election.term.ends_on) == (datetime.date(2027, 2, 1), datetime.date(2029, 1, 31))
    assert election.term.statutes == statutes
    assert election.accepting_nominations(datetime.date(2027, 1, 14))
    assert not election.accepting_nominations(datetime.date(2027, 1, 15))


def test_the_term_may_end_on_a_day_of_its_own(council):
    election = open_election(council, ends_on=datetime.date(2028, 12, 31))

    assert election.term.ends_on == datetime.date(2028, 12, 31)


def test_the_election_follows_the_statutes_in_force_when_nominations_open(council, statutes):
    newer = CouncilStatutes.objects.create(council=council, adopted_on=datetime.date(2026, 12, 1), seats=7, term_years=4)

    election = open_election(council)

    assert election.statutes == newer
    assert election.term.ends_on == datetime.date(2031, 1, 31)


def test_a_council_without_statutes_cannot_open_an_election(council, statutes):
    statutes.delete()

    with pytest.raises(ValidationError) as error:
        open_election(council)

    assert error.value.error_dict["nominations_open_on"][0].code == "no_statutes"


def test_nominations_cannot_open_in_the_past(council):
    with pytest.raises(ValidationError) as error:
        open_election(council, today=datetime.date(2027, 1, 2))

    assert error.value.error_dict["nominations_open_on"][0].code == "in_past"


def test_nominations_close_on_or_after_the_day_they_open(council):
    with pytest.raises(ValidationError) as error:
        open_election(council, nominations_close_on=datetime.date(2026, 12, 31))

    assert error.value.error_dict["nominations_close_on"][0].code == "closes_before_opening"


def test_the_election_is_over_before_its_term_starts(council):
    with pytest.raises(ValidationError) as error:
        open_election(council, starts_on=datetime.date(2027, 1, 14))

    assert error.value.error_dict["nominations_close_on"][0].code == "after_term_start"


def test_one_election_at_a_time(council):
    open_election(council)

    with pytest.raises(ValidationError) as error:
        open_election(council, starts_on=datetime.date(2029, 2, 1))

    assert error.value.error_dict["__all__"][0].code == "election_in_progress"


def test_the_new_term_cannot_overlap_the_last(council, build):
    running = build("published")

    with pytest.raises(ValidationError) as error:
        services.election_open(
            council=council, starts_on=running.term.ends_on, nominations_open_on=day(0), nominations_close_on=day(10)
        )

    assert error.value.error_dict["starts_on"][0].code == "overlap"


def test_the_policy_owner_opens_nominations_in_the_browser(client, council, owner):
    client.force_login(owner)
    page = client.get(url("election_open", municipality="vesthimmerland"))
    assert page.status_code == 200

    response = client.post(
        url("election_open", municipality="vesthimmerland"),
        {"starts_on": day(90), "ends_on": "", "nominations_open_on": day(0), "nominations_close_on": day(21)},
        follow=True,
    )

    election = council.terms.get().election
    assert response.redirect_chain[-1][0] == election.get_absolute_url()
    assert election.accepting_nominations()
    assert (election.term.starts_on, election.nominations_close_on) == (day(90), day(21))
    assert "Opstillingen er åben. Organisationerne kan opstille deres kandidater." in response.text


def test_a_refusal_is_shown_on_the_field_with_the_input_kept(client, council, owner):
    client.force_login(owner)

    response = client.post(
        url("election_open", municipality="vesthimmerland"),
        {"starts_on": day(10), "nominations_open_on": day(0), "nominations_close_on": day(21)},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["nominations_close_on"] == [
        f"Valget skal være slut, før den valgperiode, det vælger til, begynder ({date_format(day(10), 'j. F Y')})."
    ]
    assert response.context["form"]["starts_on"].value() == str(day(10))
    assert not council.terms.exists()
