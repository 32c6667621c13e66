"""The meeting pages run a fixed number of queries however many meetings, sign-ups, documents,
organisations present and follow-up actions there are."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from policies.models import Meeting, MeetingDocument
from tests import factories
from tests.policies.meetings.factories import MeetingActionFactory, MeetingFactory, MeetingSignupFactory, at

from .conftest import url

pytestmark = pytest.mark.django_db


def fill(meeting, size, policy):
    points = list(policy.points.all())
    for n in range(size):
        MeetingSignupFactory(meeting=meeting, participants=1)
        MeetingSignupFactory(meeting=meeting, citizen=True)
        MeetingDocument.objects.create(meeting=meeting, title=f"Bilag {n}", file=SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4"), kind="pdf")
        MeetingActionFactory(meeting=meeting, point=points[n % len(points)])
        meeting.organisations_present.add(factories.OrganisationFactory(municipality=meeting.municipality))


@pytest.fixture
def held(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=at(-3), ends_at=at(-3, 21), signup_deadline=None, attendance_count=99, minutes="Referat.", minutes_approved_at=at(-1)
    )
    return meeting


@pytest.mark.parametrize("size", [1, 8])
def test_the_list(client, administration, people, django_assert_max_num_queries, size):
    for _ in range(size):
        meeting = MeetingFactory(organising_administration=administration)
        MeetingSignupFactory(meeting=meeting)
        MeetingFactory(organising_body=factories.ConsultedBodyFactory(municipality=administration.municipality), organising_administration=None)
    client.force_login(people["caseworker"])

    with django_assert_max_num_queries(11):
        response = client.get(url("meeting_list"))

    assert len(response.context["meetings"]) == 2 * size


@pytest.mark.parametrize("size", [1, 8])
@pytest.mark.parametrize("role", ["anonymous", "representative", "caseworker"])
def test_a_meetings_page(client, held, policy, people, django_assert_max_num_queries, size, role):
    fill(held, size, policy)
    if people[role]:
        client.force_login(people[role])

    with django_assert_max_num_queries(14):
        response = client.get(held.get_absolute_url())

    assert response.content.decode().count('point-text">Vejviseren udbygges') == size


@pytest.mark.parametrize("size", [1, 8])
def test_the_sign_ups(client, meeting, policy, people, django_assert_max_num_queries, size):
    fill(meeting, size, policy)
    client.force_login(people["caseworker"])

    with django_assert_max_num_queries(10):
        response = client.get(url("meeting_signups", pk=meeting.pk))

    assert len(response.context["rows"]) == 2 * size


@pytest.mark.parametrize("size", [1, 8])
def test_the_feed(client, administration, django_assert_max_num_queries, size):
    for _ in range(size):
        MeetingFactory(organising_administration=administration)
        MeetingFactory(organising_body=factories.ConsultedBodyFactory(municipality=administration.municipality), organising_administration=None)

    with django_assert_max_num_queries(3):
        client.get(url("meeting_calendar"))


@pytest.mark.parametrize("size", [1, 8])
def test_the_policy_page_with_follow_up_actions(client, held, policy, django_assert_max_num_queries, size):
    fill(held, size, policy)

    with django_assert_max_num_queries(9):
        response = client.get(policy.get_absolute_url())

    assert response.content.decode().count("Vejviseren udbygges") == size


@pytest.mark.parametrize("size", [1, 8])
def test_the_overview_with_the_dialogue_record(client, policy, administration, django_assert_max_num_queries, size):
    for year in range(2010, 2010 + size):
        MeetingFactory(organising_administration=administration, starts_at=at(-365 * (2026 - year)), ends_at=at(-365 * (2026 - year), 21), signup_deadline=None)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("policies:policy_overview", kwargs={"slug": policy.slug}))

    assert response.context["dialogue_years"]
