"""The rule "at least one dialogue meeting a year" (Vesthimmerland, seed 004), a setting of the
municipality: a year without enough shows on the policy owner's dashboard (this year's due on
31 December, last year's overdue) and, year by year, on the policy's overview page."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from policies.models import MeetingKind, MeetingStatus, dialogue_record
from portal.deadlines import deadlines_for
from tests.policies.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

JUNE_2024 = datetime.date(2024, 6, 1)


@pytest.fixture
def today(monkeypatch):
    def set_today(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day

    return set_today


def held_in(administration, year, **values):
    starts = timezone.make_aware(datetime.datetime(year, 9, 15, 19))
    return MeetingFactory(
        organising_administration=administration, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        signup_deadline=None, **values,
    )


def dialogue_deadlines(user, day=JUNE_2024):
    return [(d.title, d.due_on, d.is_overdue) for d in deadlines_for(user, day) if d.kind == "dialogue_meetings"]


def test_a_year_with_none_shows_on_the_policy_owners_dashboard(policy, people):
    assert dialogue_deadlines(people["owner"]) == [
        ("Dialogmøder 2023: 0 af 1 holdt", datetime.date(2023, 12, 31), True),
        ("Dialogmøder 2024: 0 af 1 holdt eller planlagt", datetime.date(2024, 12, 31), False),
    ]


def test_a_year_with_one_shows_nothing(policy, people, administration):
    held_in(administration, 2023)
    held_in(administration, 2024)

    assert dialogue_deadlines(people["owner"]) == []


def test_a_meeting_planned_for_later_in_the_year_keeps_the_year(policy, people, administration):
    held_in(administration, 2023)
    planned = held_in(administration, 2024)

    assert planned.starts_at.date() > JUNE_2024
    assert dialogue_deadlines(people["owner"]) == []


@pytest.mark.parametrize(
    "values",
    [{"status": MeetingStatus.CANCELLED, "cancellation_reason": "Aflyst"}, {"status": MeetingStatus.DRAFT}, {"kind": MeetingKind.CONFERENCE}],
    ids=["cancelled", "draft", "conference"],
)
def test_only_a_published_dialogue_meeting_counts(policy, people, administration, values):
    held_in(administration, 2023)
    held_in(administration, 2024, **values)

    assert [title for title, _due, _late in dialogue_deadlines(people["owner"])] == ["Dialogmøder 2024: 0 af 1 holdt eller planlagt"]


def test_two_a_year_asks_for_two(policy, people, administration, municipality):
    municipality.dialogue_meetings_per_year = 2
    municipality.save()
    held_in(administration, 2023)
    held_in(administration, 2023)
    held_in(administration, 2024)

    assert dialogue_deadlines(people["owner"]) == [("Dialogmøder 2024: 1 af 2 holdt eller planlagt", datetime.date(2024, 12, 31), False)]


def test_no_rule_no_notice(policy, people, municipality):
    municipality.dialogue_meetings_per_year = 0
    municipality.save()

    assert dialogue_deadlines(people["owner"]) == []


def test_the_year_of_adoption_is_not_held_to_the_rule(policy, people):
    policy.adopted_on = datetime.date(2023, 12, 11)
    policy.save()

    assert [title for title, _due, _late in dialogue_deadlines(people["owner"])] == ["Dialogmøder 2024: 0 af 1 holdt eller planlagt"]


@pytest.mark.parametrize("role", ["caseworker", "member", "representative", "other_owner"])
def test_the_rule_concerns_the_policy_owners_only(policy, people, role):
    assert dialogue_deadlines(people[role]) == []


def test_the_notice_leads_to_the_years_dialogue_meetings(client, policy, people, today):
    today(JUNE_2024)
    client.force_login(people["owner"])

    page = client.get(reverse("portal:dashboard")).content.decode()

    assert "Dialogmøder 2023: 0 af 1 holdt" in page
    assert 'href="/politik/moeder/?kommune=vesthimmerland&amp;type=dialogue&amp;aar=2023"' in page


def test_the_owners_are_reminded_before_the_year_ends(policy, people, mailoutbox, settings):
    settings.REMINDER_DAYS_BEFORE = [14]
    call_command("send_reminders", "--today", "2024-12-17", stdout=io.StringIO(), stderr=io.StringIO())

    assert [(message.to, "Dialogmøder 2024" in message.subject) for message in mailoutbox] == [([people["owner"].email], True)]


# The overview page


def test_the_overview_lists_each_year_since_adoption_newest_first(policy, administration):
    held_in(administration, 2022)

    record = dialogue_record(policy, today=JUNE_2024)

    assert [year.year for year in record] == list(range(2024, 2007, -1))
    assert [(year.year, year.held, year.missed) for year in record[:3]] == [(2024, 0, False), (2023, 0, True), (2022, 1, False)]


def test_the_overview_page_shows_a_year_without_and_a_year_with_one(client, policy, administration, today):
    today(JUNE_2024)
    held_in(administration, 2022)

    page = client.get(reverse("policies:policy_overview", kwargs={"slug": policy.slug})).content.decode()

    section = page.split('id="dialogmoeder"')[1]
    row_2023 = section.split(">2023</a>")[1].split("</tr>")[0]
    row_2022 = section.split(">2022</a>")[1].split("</tr>")[0]
    row_2024 = section.split(">2024</a>")[1].split("</tr>")[0]
    assert "0 af 1" in row_2023 and "Ikke holdt" in row_2023
    assert "1 af 1" in row_2022 and "Holdt" in row_2022 and "Ikke holdt" not in row_2022
    assert "Mangler stadig inden 31. december 2024" in row_2024
    assert "15 år nåede ikke de dialogmøder, politikken kræver." in section


def test_the_overview_of_a_municipality_without_the_rule_has_no_such_section(client, policy, municipality):
    municipality.dialogue_meetings_per_year = 0
    municipality.save()

    page = client.get(reverse("policies:policy_overview", kwargs={"slug": policy.slug})).content.decode()

    assert 'id="dialogmoeder"' not in page
