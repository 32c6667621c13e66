"""The demo's Frivilligråd: Vesthimmerland's council with its statutes, the term running now with its
members and chair, an election counted and published, the next one open for votes in which the demo
user "forening" can vote for Besøgsvennerne i Farsø, the contact person; loaded once, a second run
writing nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from organisations.models import Organisation
from policies.demo.council import load_demo_council, load_demo_council_elections
from policies.models import BodyMembership, CouncilElection, ElectionStatus, VolunteerCouncil
from portal.demo import DemoWriter

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", with_users=True, stdout=io.StringIO())
    return VolunteerCouncil.objects.select_related("municipality", "body").get(municipality__slug="vesthimmerland")


def test_the_council_is_vesthimmerlands_frivilligraad_with_its_contact_person(demo):
    assert demo.body.slug == "frivilligraadet"
    assert "21. august 2007" in demo.description
    assert demo.municipality.volunteer_contact_name == "Birgitte Frost (demo)"
    statutes = demo.statutes_in_force()
    assert (statutes.seats, statutes.votes_per_organisation, statutes.term_years) == (5, 2, 2)


def test_the_term_running_now_has_five_members_and_a_chair_consulted_in_hearings(demo):
    term = demo.terms.current().get()
    members = list(term.members.select_related("organisation"))
    assert len(members) == 5
    assert [m.organisation.name for m in members if m.is_chair] == ["Seniorcaféen i Løgstør (demo)"]
    assert BodyMembership.objects.current(timezone.localdate()).filter(body=demo.body).count() == 5
    assert set(Organisation.objects.filter(on_volunteer_council=True).values_list("pk", flat=True)) == {
        m.organisation_id for m in members
    }


def test_one_election_is_published_and_the_next_is_open_for_votes(demo):
    published, voting = CouncilElection.objects.filter(term__council=demo).order_by("nominations_open_on")
    assert published.status == ElectionStatus.PUBLISHED
    assert published.candidates.filter(is_elected=True).count() == 5
    assert voting.accepting_votes()
    assert voting.receipts.count() == 3


def test_forening_can_vote_for_besoegsvennerne(client, demo):
    voting = CouncilElection.objects.get(term__council=demo, status=ElectionStatus.VOTING)
    client.force_login(get_user_model().objects.get(username="forening"))

    response = client.get(reverse("policies:election_vote", kwargs={"municipality": "vesthimmerland", "pk": voting.pk}))

    assert response.context["may_vote"]
    assert [o.name for o in response.context["organisations"]] == ["Besøgsvennerne i Farsø (demo)"]


def test_a_second_run_writes_nothing(demo):
    writer = DemoWriter()
    load_demo_council(writer)
    load_demo_council_elections(writer)

    assert not writer.changed, (writer.created, writer.updated, writer.links_added)
    assert CouncilElection.objects.count() == 2
