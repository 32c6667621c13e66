"""A citizen reads the news: the list with its filters and feed, each item's page, the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from policies.models import PlanStatus
from portal.models import NewsKind
from tests.portal.news.conftest import moment, news

LIST = reverse("portal:news_list")
FEED = reverse("portal:news_feed")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_public_list_shows_published_items_newest_first(client, items):
    text = page(client, LIST)
    assert text.index("Planen er klar") < text.index("Pressemeddelelse om frivilligheden")
    assert "Udkast om status" not in text and "Nyt i morgen" not in text


def test_the_writers_see_their_drafts_and_waiting_items_marked(client, copenhagen, items):
    client.force_login(copenhagen.health_worker)
    text = page(client, LIST)
    assert "Udkast om status" in text and "Nyt i morgen" in text
    assert "kladde" in text and "endnu ikke udgivet" in text
    assert reverse("portal:news_create", kwargs={"municipality": "koebenhavn"}) in text


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("type=press_release", "Pressemeddelelse om frivilligheden", "Planen er klar"),
        ("q=planen+klar", "Planen er klar", "Pressemeddelelse om frivilligheden"),
        ("kommune=vesthimmerland", "Vesthimmerland har valgt", "Planen er klar"),
        ("aar=2007", "Vesthimmerland har valgt", "Planen er klar"),
    ],
)
def test_the_list_and_its_feed_honour_each_filter(client, items, vesthimmerland, query, shown, hidden):
    news(
        vesthimmerland.policy.municipality,
        title="Vesthimmerland har valgt Frivilligråd",
        published_at=timezone.make_aware(datetime.datetime(2007, 9, 1, 10)),
    )
    for url in (f"{LIST}?{query}", f"{FEED}?{query}"):
        text = page(client, url)
        assert shown in text and hidden not in text, url


def test_the_feed_is_atom_and_leaves_out_what_is_not_published(client, items):
    response = client.get(FEED)
    assert response["Content-Type"].startswith("application/atom+xml")
    text = response.content.decode()
    assert "Planen er klar" in text and "Pressemeddelelse" in text
    assert "Udkast om status" not in text and "Nyt i morgen" not in text


def test_a_writer_does_not_see_drafts_in_the_feed(client, copenhagen, items):
    client.force_login(copenhagen.owner)
    assert "Udkast om status" not in page(client, FEED)


def test_an_items_page_shows_its_text_contact_and_what_it_concerns(client, copenhagen, items, hearing):
    plan = copenhagen.health_plan
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    press = items["press"]
    press.plans.add(plan)
    press.hearings.add(hearing)
    text = page(client, press.get_absolute_url())
    assert "<p>Første afsnit.</p>" in text and "<p>Andet afsnit.</p>" in text
    assert "Frivilligkonsulenten" in text and 'href="tel:33663366"' in text
    assert plan.get_absolute_url() in text and hearing.get_absolute_url() in text


def test_an_items_page_leads_on_to_the_grant_scheme_and_the_meeting(client, copenhagen, items):
    from tests.grants.factories import GrantSchemeFactory
    from tests.policies.meetings.factories import MeetingFactory

    scheme = GrantSchemeFactory(administration=copenhagen.health, name="§ 79-tilskud 2027")
    meeting = MeetingFactory(organising_administration=copenhagen.health, title="Årets dialogmøde")
    item = items["published"]
    item.schemes.add(scheme)
    item.meetings.add(meeting)
    text = page(client, item.get_absolute_url())
    assert scheme.get_absolute_url() in text and "§ 79-tilskud 2027" in text
    assert meeting.get_absolute_url() in text and "Årets dialogmøde" in text


def test_a_plan_no_longer_public_is_left_out_of_the_items_page(client, copenhagen, items):
    plan = copenhagen.health_plan
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    items["published"].plans.add(plan)
    plan.status = PlanStatus.RETURNED
    plan.save()
    assert plan.get_absolute_url() not in page(client, items["published"].get_absolute_url())


def test_a_draft_is_not_found_by_the_public(client, items):
    assert client.get(items["draft"].get_absolute_url()).status_code == 404
    assert client.get(items["waiting"].get_absolute_url()).status_code == 404


def test_the_home_page_shows_the_latest_news(client, items):
    text = page(client, reverse("portal:home"))
    assert "Seneste nyt" in text and items["published"].get_absolute_url() in text
    assert "Udkast om status" not in text


def test_the_list_runs_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries):
    municipality = copenhagen.policy.municipality
    for number in range(30):
        news(municipality, title=f"Nyhed {number}", administration=copenhagen.health, published_at=moment(-number - 1),
             kind=NewsKind.NEWS)
    client.force_login(copenhagen.owner)
    with django_assert_max_num_queries(12):
        text = page(client, LIST)
    assert "Nyhed 0" in text and "30 nyheder" in text
