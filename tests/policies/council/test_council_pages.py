"""The public pages: the council with its members, chair and term, the municipality's contact
person for voluntary work (also on the policy's page), each election with its stage and its
published results; each in a fixed number of queries however many members and candidates."""


import pytest

from organisations.models import OrganisationStatus
from policies import council_services as services
from tests import factories

from .conftest import at, day, rep, url


@pytest.fixture
def contact(municipality):
    municipality.volunteer_contact_name = "Birgitte Frost"
    municipality.volunteer_contact_title = "Frivilligkoordinator"
    municipality.volunteer_contact_email = "frivillig@example.org"
    municipality.volunteer_contact_phone = "12 34 56 78"
    municipality.save()
    return municipality


@pytest.fixture
def sitting(build, organisations):
    """The term running now, with its five members and Seniorcaféen's representative as chair."""
    election = build("published", votes={"Seniorcaféen": ["Seniorcaféen", "Kulturvennerne"]}, term_starts=1)
    term = election.term
    type(term).objects.filter(pk=term.pk).update(starts_on=day(0))
    services.council_chair_set(term=term, member=term.members.get(organisation=organisations["Seniorcaféen"]))
    return election


def test_the_council_page_shows_the_members_the_chair_the_term_and_the_contact_person(client, sitting, contact, council):
    response = client.get(url("council_detail", municipality="vesthimmerland"))

    assert response.status_code == 200
    assert response.context["current_term"] == sitting.term
    page = response.text
    assert "Formand: Repræsentant for Seniorcaféen, Seniorcaféen." in page
    for member in sitting.term.members.select_related("user", "organisation"):
        assert str(member.user) in page and member.organisation.name in page
    assert "Birgitte Frost" in page and 'href="mailto:frivillig@example.org"' in page and 'href="tel:12345678"' in page
    assert "Kontaktperson for det frivillige arbejde" in page
    assert "<dd class=\"col-sm-8\">5</dd>" in page


def test_the_policy_page_names_the_contact_person_and_links_the_council(client, council, contact):
    policy = factories.VolunteerPolicyFactory(municipality=council.municipality, slug="vesthimmerland-2007")
    policy.consulted_bodies.add(council.body)

    page = client.get(policy.get_absolute_url()).text

    assert f'href="{council.get_absolute_url()}">Frivilligrådet</a>' in page
    assert "Birgitte Frost" in page


def test_the_menu_leads_to_the_councils(client, council):
    page = client.get(url("council_list")).text

    assert f'href="{url("council_list")}" aria-current="page"' in page
    assert f'href="{council.get_absolute_url()}"' in page


def test_a_council_without_a_running_term_says_so(client, council):
    response = client.get(url("council_detail", municipality="vesthimmerland"))

    assert response.context["current_term"] is None
    assert "Rådet har ingen valgperiode i gang i dag." in response.text


def test_a_published_election_shows_its_results_and_the_tie_rule(client, build):
    election = build("published", votes={"Seniorcaféen": ["Seniorcaféen", "Kulturvennerne"]})

    response = client.get(election.get_absolute_url())

    assert [c.organisation.name for c in response.context["results"]][:2] == ["Kulturvennerne", "Seniorcaféen"]
    assert "Valgt</strong>" in response.text and "Ikke valgt" in response.text
    assert "trækker portalen lod" in response.text


def test_the_candidates_not_yet_approved_are_shown_to_their_own_and_the_municipality_only(client, build, organisations, owner):
    election = build("nomination", candidates=["Seniorcaféen"])
    name = str(rep(organisations["Seniorcaféen"]))

    assert name not in client.get(election.get_absolute_url()).text
    client.force_login(rep(organisations["Seniorcaféen"]))
    assert name in client.get(election.get_absolute_url()).text
    client.force_login(owner)
    assert name in client.get(election.get_absolute_url()).text


def grow(council, municipality, organisations, owner, size):
    """An election in its vote with ``size`` more candidates, and ``size`` more organisations that voted."""
    election = council.terms.get().election
    for n in range(size):
        organisation = factories.OrganisationFactory(municipality=municipality, status=OrganisationStatus.APPROVED)
        person = factories.UserFactory()
        organisation.representatives.add(person)
        election.candidates.create(
            organisation=organisation, user=person, status="approved", consented_at=at(day(-20)),
        )
        election.receipts.create(organisation=organisation, cast_by=person)
    return election


@pytest.mark.parametrize("size", [1, 12])
def test_the_pages_run_a_fixed_number_of_queries(client, build, council, municipality, organisations, owner,
                                                 django_assert_max_num_queries, size):
    election = build("voting", votes={"Seniorcaféen": ["Seniorcaféen"]})
    grow(council, municipality, organisations, owner, size)
    seniors = organisations["Seniorcaféen"]

    pages = [url("council_list"), url("council_detail", municipality="vesthimmerland"), election.get_absolute_url()]
    for address in pages:
        with django_assert_max_num_queries(10):
            assert client.get(address).status_code == 200
    client.force_login(owner)
    for address in pages:
        with django_assert_max_num_queries(14):
            assert client.get(address).status_code == 200
    client.force_login(rep(seniors))
    for address in [url("election_vote", election), url("election_nominate", election), election.get_absolute_url()]:
        with django_assert_max_num_queries(14):
            assert client.get(address).status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_the_council_page_of_a_full_council_runs_a_fixed_number_of_queries(client, council, organisations, owner,
                                                                          django_assert_max_num_queries, size, build):
    for n in range(size):
        election = build("published", votes={"Seniorcaféen": ["Seniorcaféen"]}, term_starts=60 + 800 * (size - n))
        # Each earlier election is over, so the next one may open.
        assert election.results_published()
    client.force_login(owner)

    with django_assert_max_num_queries(14):
        response = client.get(url("council_detail", municipality="vesthimmerland"))

    assert len(response.context["elections"]) == size
