"""A private calendar address: the dashboard's deadlines in the user's own calendar program,
without signing in; renewing the address ends the old one."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from portal.models import CalendarFeed

pytestmark = pytest.mark.usefixtures("english", "fast_passwords")

DASHBOARD = reverse("portal:dashboard")
ISSUE = reverse("portal:calendar_feed_issue")


@pytest.fixture
def december_1(today):
    return today(datetime.date(2006, 12, 1))


@pytest.fixture
def caseworker_client(client, copenhagen):
    client.force_login(copenhagen.health_worker)
    return client


def feed_url(client):
    return client.get(DASHBOARD).context["feed"].get_absolute_url()


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_dashboard_offers_to_make_a_calendar_address(caseworker_client):
    response = caseworker_client.get(DASHBOARD)

    assert response.context["feed"] is None
    assert "Make a calendar address" in response.text
    assert CalendarFeed.objects.count() == 0  # looking at the dashboard writes nothing


def test_a_made_address_is_shown_on_the_dashboard(caseworker_client, copenhagen):
    response = caseworker_client.post(ISSUE, follow=True)

    feed = CalendarFeed.objects.get(user=copenhagen.health_worker)
    assert len(feed.token) >= 40
    assert f'value="http://testserver/kalender/{feed.token}.ics"' in response.text
    assert f'href="webcal://testserver/kalender/{feed.token}.ics"' in response.text
    assert "Renew the address" in response.text


def test_the_feed_lists_the_same_deadlines_as_all_day_events(caseworker_client, copenhagen, december_1):
    caseworker_client.post(ISSUE)
    url = feed_url(caseworker_client)
    caseworker_client.logout()

    response = caseworker_client.get(url)  # a calendar program: not signed in

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response)
    plan_key = f"plan:{copenhagen.policy.pk}:{copenhagen.health.pk}:2006-12-15"
    assert set(found) == {
        f"process_plan:{copenhagen.policy.pk}:{copenhagen.health.pk}:2006-05-15@frivilligportalen",
        f"{plan_key}@frivilligportalen",
    }
    plan = found[f"{plan_key}@frivilligportalen"]
    assert plan.decoded("dtstart") == datetime.date(2006, 12, 15)
    assert plan.decoded("dtend") == datetime.date(2006, 12, 16)
    assert str(plan["summary"]) == "Implementation plan of Sundheds- og Omsorgsforvaltningen"
    assert str(plan["url"]) == "http://testserver" + copenhagen.health_plan.get_absolute_url()
    process_plan = found[f"process_plan:{copenhagen.policy.pk}:{copenhagen.health.pk}:2006-05-15@frivilligportalen"]
    assert str(process_plan["summary"]) == "Overdue: Process plan of Sundheds- og Omsorgsforvaltningen"


def test_a_calendar_program_may_ask_with_head_first(caseworker_client):
    caseworker_client.post(ISSUE)

    assert caseworker_client.head(feed_url(caseworker_client)).status_code == 200


def test_the_events_keep_their_identity_from_one_refresh_to_the_next(caseworker_client, december_1):
    caseworker_client.post(ISSUE)
    url = feed_url(caseworker_client)

    assert set(events(caseworker_client.get(url))) == set(events(caseworker_client.get(url)))


def test_renewing_the_address_ends_the_old_one(caseworker_client):
    caseworker_client.post(ISSUE)
    old_url = feed_url(caseworker_client)

    response = caseworker_client.post(ISSUE, follow=True)

    new_url = feed_url(caseworker_client)
    assert new_url != old_url
    assert "The old address no longer works." in response.text
    assert caseworker_client.get(old_url).status_code == 404
    assert caseworker_client.get(new_url).status_code == 200


def test_an_unknown_address_is_404(client, db):
    assert client.get(reverse("portal:calendar_feed", kwargs={"token": "gaet-ikke-noeglen"})).status_code == 404


def test_a_deactivated_users_address_stops_working(caseworker_client, copenhagen):
    caseworker_client.post(ISSUE)
    url = feed_url(caseworker_client)
    copenhagen.health_worker.is_active = False
    copenhagen.health_worker.save()

    assert caseworker_client.get(url).status_code == 404


def test_making_an_address_needs_a_signed_in_user_and_a_post(client, copenhagen):
    assert client.post(ISSUE).status_code == 302  # to log in
    assert CalendarFeed.objects.count() == 0

    client.force_login(copenhagen.health_worker)

    assert client.get(ISSUE).status_code == 405


def test_a_user_with_no_role_gets_an_empty_calendar(client, copenhagen):
    client.force_login(copenhagen.citizen)
    client.post(ISSUE)

    response = client.get(feed_url(client))

    assert response.status_code == 200
    assert events(response) == {}
