"""The council's own rules: its body is the municipality's, its statutes hold together and stay as
they were once a term follows them, its terms never overlap, and a term's seats, one per
organisation, with one chair."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from policies.models import CouncilMember, CouncilStatutes, CouncilTerm, VolunteerCouncil
from tests import factories

from .conftest import rep


def codes(error, field):
    return [e.code for e in error.value.error_dict[field]]


def test_the_council_speaks_through_a_body_of_its_own_municipality(council):
    elsewhere = factories.ConsultedBodyFactory(name="Kontaktudvalget")
    council.body = elsewhere

    with pytest.raises(ValidationError) as error:
        council.full_clean()

    assert codes(error, "body") == ["body_elsewhere"]


def test_a_municipality_has_one_council(council):
    with pytest.raises(ValidationError) as error:
        VolunteerCouncil(municipality=council.municipality, body=factories.ConsultedBodyFactory(
            municipality=council.municipality)).full_clean()

    assert "municipality" in error.value.error_dict


def test_an_organisation_has_no_more_votes_than_there_are_seats(council):
    statutes = CouncilStatutes(council=council, adopted_on=datetime.date(2010, 1, 1), seats=3, votes_per_organisation=4)

    with pytest.raises(ValidationError) as error:
        statutes.full_clean()

    assert codes(error, "votes_per_organisation") == ["more_votes_than_seats"]


def test_the_database_refuses_more_votes_than_seats(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilStatutes.objects.create(council=council, adopted_on=datetime.date(2010, 1, 1), seats=3, votes_per_organisation=4)


def test_two_statutes_cannot_take_effect_on_the_same_day(council, statutes):
    with pytest.raises(ValidationError) as error:
        CouncilStatutes(council=council, adopted_on=statutes.adopted_on, seats=7).full_clean()

    assert codes(error, "adopted_on") == ["same_day"]


def test_the_statutes_in_force_are_the_last_adopted_by_then(council, statutes):
    later = CouncilStatutes.objects.create(council=council, adopted_on=datetime.date(2012, 1, 1), seats=7)

    assert council.statutes_in_force(datetime.date(2011, 12, 31)) == statutes
    assert council.statutes_in_force(datetime.date(2012, 1, 1)) == later
    assert council.statutes_in_force(datetime.date(2007, 4, 30)) is None


def test_statutes_a_term_follows_keep_their_rules(council, statutes):
    CouncilTerm.objects.create(council=council, statutes=statutes, starts_on=datetime.date(2008, 1, 1),
                               ends_on=datetime.date(2009, 12, 31))
    statutes.refresh_from_db()
    statutes.seats = 7

    with pytest.raises(ValidationError) as error:
        statutes.full_clean()

    assert codes(error, "__all__") == ["statutes_in_use"]


def test_statutes_no_term_follows_yet_can_be_corrected(statutes):
    statutes.refresh_from_db()
    statutes.seats = 7

    statutes.full_clean()


def term(council, statutes, starts, ends):
    return CouncilTerm(council=council, statutes=statutes, starts_on=starts, ends_on=ends)


def test_a_term_ends_after_it_starts(council, statutes):
    with pytest.raises(ValidationError) as error:
        term(council, statutes, datetime.date(2008, 1, 1), datetime.date(2008, 1, 1)).full_clean()

    assert codes(error, "ends_on") == ["ends_before_start"]


def test_terms_never_overlap_not_even_by_a_day(council, statutes):
    term(council, statutes, datetime.date(2008, 1, 1), datetime.date(2009, 12, 31)).save()

    with pytest.raises(ValidationError) as error:
        term(council, statutes, datetime.date(2009, 12, 31), datetime.date(2011, 12, 31)).full_clean()

    assert codes(error, "starts_on") == ["overlap"]
    term(council, statutes, datetime.date(2010, 1, 1), datetime.date(2011, 12, 31)).full_clean()


def test_another_councils_terms_do_not_count(council, statutes):
    term(council, statutes, datetime.date(2008, 1, 1), datetime.date(2009, 12, 31)).save()
    other = VolunteerCouncil.objects.create(municipality=factories.MunicipalityFactory(), body=factories.ConsultedBodyFactory())
    other_statutes = CouncilStatutes.objects.create(council=other, adopted_on=datetime.date(2007, 1, 1), seats=3)

    term(other, other_statutes, datetime.date(2008, 1, 1), datetime.date(2009, 12, 31)).full_clean()


def test_a_term_follows_its_own_councils_statutes(council):
    other = VolunteerCouncil.objects.create(municipality=factories.MunicipalityFactory(), body=factories.ConsultedBodyFactory())
    foreign = CouncilStatutes.objects.create(council=other, adopted_on=datetime.date(2007, 1, 1), seats=3)

    with pytest.raises(ValidationError) as error:
        term(council, foreign, datetime.date(2008, 1, 1), datetime.date(2009, 12, 31)).full_clean()

    assert codes(error, "statutes") == ["statutes_elsewhere"]


@pytest.fixture
def running_term(council, statutes):
    return CouncilTerm.objects.create(council=council, statutes=statutes, starts_on=datetime.date(2008, 1, 1),
                                      ends_on=datetime.date(2009, 12, 31))


def seat(term, organisation, **values):
    return CouncilMember(term=term, organisation=organisation, user=rep(organisation), **values)


def test_a_term_has_no_more_members_than_seats(running_term, organisations):
    names = list(organisations)
    for name in names[:5]:
        seat(running_term, organisations[name]).save()

    with pytest.raises(ValidationError) as error:
        seat(running_term, organisations[names[5]]).full_clean()

    assert codes(error, "__all__") == ["no_seat_left"]


def test_an_organisation_holds_one_seat(running_term, organisations):
    seat(running_term, organisations["Seniorcaféen"]).save()

    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilMember.objects.create(term=running_term, organisation=organisations["Seniorcaféen"],
                                     user=factories.UserFactory())


def test_only_the_municipalitys_organisations_sit_on_its_council(running_term):
    outsider = factories.OrganisationFactory()
    outsider.representatives.add(factories.UserFactory())

    with pytest.raises(ValidationError) as error:
        seat(running_term, outsider).full_clean()

    assert codes(error, "organisation") == ["organisation_elsewhere"]


def test_a_term_has_one_chair(running_term, organisations):
    seat(running_term, organisations["Seniorcaféen"], is_chair=True).save()

    with pytest.raises(IntegrityError), transaction.atomic():
        seat(running_term, organisations["Lektiehjælpen"], is_chair=True).save()
