"""The policy owner adopts new statutes in the browser, starting from those in force; a refusal is
shown on its field with the input kept."""

import datetime

from policies.models import CouncilStatutes, Eligibility

from .conftest import day, url

STATUTES = url("council_statutes", municipality="vesthimmerland")


def values(**changes):
    return {
        "adopted_on": day(0), "decision_reference": "Socialudvalget 01.02.2027", "seats": 7,
        "votes_per_organisation": 3, "who_may_vote": Eligibility.APPROVED, "who_may_stand": Eligibility.LISTED,
        "term_years": 4, "text": "§ 1. Rådet har syv medlemmer.", **changes,
    }


def test_the_form_starts_from_the_statutes_in_force(client, owner, statutes):
    client.force_login(owner)

    form = client.get(STATUTES).context["form"]

    assert (form["seats"].value(), form["votes_per_organisation"].value(), form["adopted_on"].value()) == (5, 2, day(0))


def test_new_statutes_are_adopted_and_govern_from_their_day(client, owner, council):
    client.force_login(owner)

    response = client.post(STATUTES, values())

    assert response.status_code == 302
    assert council.statutes_in_force(day(0)).seats == 7
    assert council.statutes_in_force(day(-1)).seats == 5


def test_more_votes_than_seats_are_refused_on_the_field(client, owner, council):
    client.force_login(owner)

    response = client.post(STATUTES, values(seats=2, votes_per_organisation=3))

    assert response.status_code == 200
    assert response.context["form"].errors["votes_per_organisation"] == [
        "En organisation kan ikke have flere stemmer, end der er pladser (2)."
    ]
    assert response.context["form"]["text"].value() == "§ 1. Rådet har syv medlemmer."
    assert CouncilStatutes.objects.count() == 1


def test_two_statutes_on_one_day_are_refused_on_the_date(client, owner, statutes):
    client.force_login(owner)

    response = client.post(STATUTES, values(adopted_on=datetime.date(2007, 5, 1)))

    assert response.context["form"].errors["adopted_on"] == ["Rådet har allerede vedtægter, der gælder fra 1. maj 2007."]
