"""A municipality sets up its volunteer council in the portal: the council with its consulted body,
a first term the municipality appoints, its founding members within the statutes' seats, each
consulted in the body's hearings like an elected member, and a member who leaves mid-term."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from organisations.models import Organisation
from policies import council_services as services
from policies.models import BodyMembership, CouncilMember, CouncilStatutes, Hearing, HearingStatus, VolunteerCouncil
from tests import factories
from tests.policies.helpers import messages_of

from .conftest import day, rep, url

START = datetime.date(2008, 1, 1)


def codes(error, field="__all__"):
    return [e.code for e in error.value.error_dict[field]]


@pytest.fixture
def appointed(council, statutes):
    """A two-year term that began a month ago, its members appointed by the municipality."""
    return services.term_appoint(council=council, starts_on=day(-30), ends_on=day(700))


def appoint(term, organisation, **kwargs):
    return services.member_appoint(term=term, organisation=organisation, person=rep(organisation), **kwargs)


# Setting up the council


def test_a_municipality_without_a_council_sets_it_up_with_a_new_body(municipality):
    council = services.council_create(municipality=municipality, body_name="Frivilligrådet", description="Rådet.")

    assert (council.municipality, council.body.municipality, council.body.name) == (municipality, municipality, "Frivilligrådet")
    assert council.body.slug == "frivilligradet"


def test_the_council_may_speak_through_a_body_the_municipality_consults(municipality):
    body = factories.ConsultedBodyFactory(municipality=municipality, name="Frivilligrådet")

    council = services.council_create(municipality=municipality, body=body)

    assert council.body == body


def test_a_municipality_has_one_council(council, municipality):
    with pytest.raises(ValidationError) as error:
        services.council_create(municipality=municipality, body_name="Et råd til")

    assert error.value.code == "council_exists"


def test_a_new_body_takes_a_name_the_municipality_does_not_use(municipality):
    factories.ConsultedBodyFactory(municipality=municipality, name="Frivilligrådet", slug="frivilligraadet")

    with pytest.raises(ValidationError) as error:
        services.council_create(municipality=municipality, body_name="frivilligrådet")

    assert codes(error, "name") == ["name_taken"]
    assert not VolunteerCouncil.objects.exists()


def test_the_council_cannot_speak_through_another_municipalitys_body(municipality):
    with pytest.raises(ValidationError) as error:
        services.council_create(municipality=municipality, body=factories.ConsultedBodyFactory())

    assert codes(error, "body") == ["body_elsewhere"]


# The appointed term


def test_an_appointed_term_follows_the_statutes_in_force_on_its_first_day(council, statutes):
    later = CouncilStatutes.objects.create(council=council, adopted_on=datetime.date(2009, 1, 1), seats=7)

    first = services.term_appoint(council=council, starts_on=START, today=START)
    second = services.term_appoint(council=council, starts_on=datetime.date(2010, 1, 1), today=START)

    assert (first.statutes, first.ends_on) == (statutes, datetime.date(2009, 12, 31))
    assert second.statutes == later


def test_a_term_needs_statutes(municipality):
    council = services.council_create(municipality=municipality, body_name="Frivilligrådet")

    with pytest.raises(ValidationError) as error:
        services.term_appoint(council=council, starts_on=START, today=START)

    assert codes(error, "starts_on") == ["no_statutes"]


def test_an_appointed_term_does_not_overlap_another(council, statutes):
    services.term_appoint(council=council, starts_on=START, today=START)

    with pytest.raises(ValidationError) as error:
        services.term_appoint(council=council, starts_on=datetime.date(2009, 6, 1), today=START)

    assert codes(error, "starts_on") == ["overlap"]


def test_a_term_that_would_be_over_is_refused(council, statutes):
    with pytest.raises(ValidationError) as error:
        services.term_appoint(council=council, starts_on=START, today=datetime.date(2010, 1, 1))

    assert codes(error, "ends_on") == ["term_over"]


# Founding members


def test_a_founding_member_is_consulted_in_the_councils_body_like_an_elected_one(appointed, organisations, council):
    member = appoint(appointed, organisations["Seniorcaféen"])

    membership = BodyMembership.objects.get(body=council.body, user=rep(organisations["Seniorcaféen"]))
    assert member.membership == membership
    assert (membership.on_behalf_of, membership.starts_on, membership.ends_on) == ("Seniorcaféen", day(0), appointed.ends_on)
    assert Organisation.objects.get(pk=organisations["Seniorcaféen"].pk).on_volunteer_council


def test_a_term_appoints_no_more_members_than_seats(appointed, organisations):
    names = list(organisations)
    for name in names[:5]:
        appoint(appointed, organisations[name])

    with pytest.raises(ValidationError) as error:
        appoint(appointed, organisations[names[5]])

    assert codes(error) == ["no_seat_left"]
    assert appointed.members.count() == 5


def test_a_founding_member_sits_for_an_organisation_of_the_municipality(appointed):
    outsider = factories.OrganisationFactory(status="approved")
    outsider.representatives.add(factories.UserFactory())

    with pytest.raises(ValidationError) as error:
        appoint(appointed, outsider)

    assert codes(error, "organisation") == ["organisation_elsewhere"]


def test_a_founding_member_is_one_of_the_organisations_representatives(appointed, organisations):
    with pytest.raises(ValidationError) as error:
        services.member_appoint(term=appointed, organisation=organisations["Seniorcaféen"], person=factories.UserFactory())

    assert codes(error, "user") == ["not_a_representative"]


def test_an_elected_term_takes_no_appointed_member(build, organisations):
    election = build("nomination")

    with pytest.raises(ValidationError) as error:
        appoint(election.term, organisations["Seniorcaféen"])

    assert codes(error) == ["term_elected"]


def test_the_chair_of_the_founding_members_is_recorded_with_the_chair_action(client, appointed, organisations, owner):
    appoint(appointed, organisations["Seniorcaféen"])
    chair = appoint(appointed, organisations["Kulturvennerne"])
    client.force_login(owner)

    client.post(url("council_chair", municipality="vesthimmerland", term=appointed.pk), {f"formand-{appointed.pk}-member": chair.pk})

    assert list(appointed.members.filter(is_chair=True)) == [chair]


# Leaving mid-term


@pytest.fixture
def hearing_of(council):
    administration = factories.AdministrationFactory(municipality=council.municipality)

    def open_hearing(opens_on):
        hearing = Hearing.objects.create(
            administration=administration, title=f"Høring {opens_on}", summary="Om tilskud.", opens_on=opens_on,
            response_deadline=opens_on + datetime.timedelta(days=30), deciding_meeting_on=opens_on + datetime.timedelta(days=40),
            status=HearingStatus.OPEN,
        )
        hearing.consulted_bodies.add(council.body)
        return hearing

    return open_hearing


def test_a_member_who_leaves_is_not_consulted_in_hearings_opened_afterwards(appointed, organisations, hearing_of):
    member = appoint(appointed, organisations["Seniorcaféen"])
    before = hearing_of(day(5))

    services.member_leave(member=member, left_on=day(10))
    after = hearing_of(day(11))

    member.refresh_from_db()
    assert (member.left_on, member.membership.ends_on) == (day(10), day(10))
    assert member.user in {membership.user for membership in before.hearing_list()}
    assert member.user not in {membership.user for membership in after.hearing_list()}


def test_a_member_who_has_left_no_longer_sits_on_the_council(appointed, organisations):
    member = appoint(appointed, organisations["Seniorcaféen"])

    services.member_leave(member=member, left_on=day(0), today=day(0))
    services.council_seats_sync(council=appointed.council, today=day(1))

    assert member not in CouncilMember.objects.current(day(1))
    assert not Organisation.objects.get(pk=organisations["Seniorcaféen"].pk).on_volunteer_council


def test_the_last_day_falls_within_the_seat_and_the_term(appointed, organisations):
    member = appoint(appointed, organisations["Seniorcaféen"])

    with pytest.raises(ValidationError) as early:
        services.member_leave(member=member, left_on=day(-1), today=day(0))
    with pytest.raises(ValidationError) as late:
        services.member_leave(member=member, left_on=appointed.ends_on + datetime.timedelta(days=1))

    assert codes(early, "left_on") == ["left_before_seat"]
    assert codes(late, "left_on") == ["left_after_term"]


def test_a_last_day_in_the_past_does_not_undo_a_hearing_that_consulted_the_member(appointed, organisations, hearing_of):
    member = appoint(appointed, organisations["Seniorcaféen"], today=day(-20))
    hearing_of(day(-5))

    with pytest.raises(ValidationError) as error:
        services.member_leave(member=member, left_on=day(-10), today=day(0))
    services.member_leave(member=member, left_on=day(-5), today=day(0))

    assert codes(error, "left_on") == ["consulted_since"]


def test_a_member_who_left_frees_the_seat_for_another_of_the_organisation(appointed, organisations):
    names = list(organisations)
    members = [appoint(appointed, organisations[name]) for name in names[:5]]
    services.member_leave(member=members[0], left_on=day(0), today=day(0))
    successor = factories.UserFactory(username="efterfoelger")
    organisations[names[0]].representatives.add(successor)

    replacement = services.member_appoint(term=appointed, organisation=organisations[names[0]], person=successor, today=day(1))

    assert replacement.membership.starts_on == day(1)
    assert CouncilMember.objects.current(day(1)).filter(term=appointed).count() == 5


def test_a_member_who_has_left_cannot_be_the_chair(appointed, organisations):
    member = appoint(appointed, organisations["Seniorcaféen"], today=day(-20))
    services.member_leave(member=member, left_on=day(-1), today=day(0))
    member.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        services.council_chair_set(term=appointed, member=member)

    assert error.value.code == "has_left"


# The pages


def test_the_policy_owner_sets_up_the_council_and_is_led_to_its_statutes(client, municipality, owner):
    client.force_login(owner)

    response = client.post(url("council_create", municipality="vesthimmerland"), {"name": "Frivilligrådet", "description": "Rådet."})

    assert response.status_code == 302
    assert response.url == url("council_statutes", municipality="vesthimmerland")
    assert VolunteerCouncil.objects.get(municipality=municipality).body.name == "Frivilligrådet"


def test_the_set_up_form_asks_for_a_body_and_keeps_what_was_typed(client, municipality, owner):
    client.force_login(owner)

    response = client.post(url("council_create", municipality="vesthimmerland"), {"name": "", "description": "Mit udkast"})

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["name"]] == ["required"]
    assert "Mit udkast" in response.content.decode()


def test_a_municipality_with_a_council_is_sent_to_it(client, council, owner):
    client.force_login(owner)

    response = client.get(url("council_create", municipality="vesthimmerland"), follow=True)

    assert response.redirect_chain[-1][0] == council.get_absolute_url()
    assert any("allerede" in message for message in messages_of(response))


def test_the_policy_owner_starts_a_term_and_records_its_members(client, council, statutes, organisations, owner):
    client.force_login(owner)

    response = client.post(url("council_term_appoint", municipality="vesthimmerland"), {"starts_on": day(0).isoformat()})
    term = council.terms.get()
    assert response.url == url("council_members", municipality="vesthimmerland", term=term.pk)

    seniors = organisations["Seniorcaféen"]
    client.post(response.url, {"member": f"{seniors.pk}-{rep(seniors).pk}"})

    assert [(m.organisation, m.user) for m in term.members.all()] == [(seniors, rep(seniors))]


def test_a_seat_refused_by_the_rules_is_told_on_the_form(client, appointed, organisations, owner):
    names = list(organisations)
    for name in names[:5]:
        appoint(appointed, organisations[name])
    last = organisations[names[5]]
    client.force_login(owner)

    # As when another policy owner took the last seat while this one had the page open.
    response = client.post(url("council_members", municipality="vesthimmerland", term=appointed.pk),
                           {"member": f"{last.pk}-{rep(last).pk}"})

    assert response.status_code == 200
    assert [e.code for e in response.context["appoint_form"].errors.as_data()["__all__"]] == ["no_seat_left"]
    assert appointed.members.count() == 5


def test_a_leave_date_outside_the_term_is_refused_next_to_the_field_keeping_the_date(client, appointed, organisations, owner):
    member = appoint(appointed, organisations["Seniorcaféen"])
    client.force_login(owner)
    typed = (appointed.ends_on + datetime.timedelta(days=1)).isoformat()

    response = client.post(url("council_member_leave", municipality="vesthimmerland", member=member.pk),
                           {f"udtraeder-{member.pk}-left_on": typed})

    form = response.context["members"][0].leave_form
    assert [e.code for e in form.errors.as_data()["left_on"]] == ["left_after_term"]
    assert f'value="{typed}"' in response.content.decode()


def test_the_public_page_shows_the_founding_members_and_the_contact_person(client, appointed, organisations, municipality):
    municipality.volunteer_contact_name = "Birgitte Frost"
    municipality.volunteer_contact_email = "frivillig@example.org"
    municipality.save()
    chair = appoint(appointed, organisations["Seniorcaféen"])
    appoint(appointed, organisations["Kulturvennerne"])
    services.council_chair_set(term=appointed, member=chair)

    page = client.get(url("council_detail", municipality="vesthimmerland")).content.decode()

    assert "Repræsentant for Seniorcaféen" in page and "Repræsentant for Kulturvennerne" in page
    assert "Formand: Repræsentant for Seniorcaféen" in page
    assert "Birgitte Frost" in page and "frivillig@example.org" in page
    # The management links are the policy owner's.
    assert url("council_members", municipality="vesthimmerland", term=appointed.pk) not in page
    assert url("council_term_appoint", municipality="vesthimmerland") not in page


def test_the_public_page_shows_who_has_left(client, appointed, organisations):
    member = appoint(appointed, organisations["Seniorcaféen"], today=day(-20))
    services.member_leave(member=member, left_on=day(-1), today=day(0))

    page = client.get(url("council_detail", municipality="vesthimmerland")).content.decode()

    assert "Udtrådt af rådet" in page


@pytest.mark.parametrize("count", [2, 5])
def test_the_members_page_runs_a_fixed_number_of_queries(client, appointed, organisations, owner, django_assert_max_num_queries, count):
    for name in list(organisations)[:count]:
        appoint(appointed, organisations[name])
    client.force_login(owner)

    with django_assert_max_num_queries(9):
        response = client.get(url("council_members", municipality="vesthimmerland", term=appointed.pk))

    assert len(response.context["members"]) == count
