"""The public list of topics: filtered by municipality and policy, searched in titles, paginated, each
filter in the address; only topics everyone may read; an Atom feed of new topics, filtered alike."""

import pytest
from django.urls import reverse

from portal.models import PostStatus
from tests.portal.debate.factories import TopicFactory, ago

LIST = "/debat/"


def titles(response):
    return [topic.title for topic in response.context["topics"]]


@pytest.fixture
def topics(copenhagen, vesthimmerland):
    return {
        "unge": TopicFactory(municipality=copenhagen.municipality, title="Flere unge frivillige",
                             policy=copenhagen.policy, point=copenhagen.point, created_at=ago(days=3)),
        "tilskud": TopicFactory(municipality=copenhagen.municipality, title="Tilskud og dokumentation",
                                created_at=ago(days=2)),
        "raadet": TopicFactory(municipality=vesthimmerland.municipality, title="Hvem skal i Frivilligrådet?",
                               policy=vesthimmerland.policy, created_at=ago(days=1)),
        "venter": TopicFactory(municipality=vesthimmerland.municipality, title="Venter på godkendelse",
                               opening__status=PostStatus.PENDING, opening__published_at=None),
    }


def test_the_list_shows_the_topics_everyone_may_read_newest_activity_first(client, topics):
    response = client.get(LIST)

    assert titles(response) == ["Hvem skal i Frivilligrådet?", "Tilskud og dokumentation", "Flere unge frivillige"]


def test_filter_by_municipality(client, topics):
    assert titles(client.get(LIST, {"kommune": "vesthimmerland"})) == ["Hvem skal i Frivilligrådet?"]


def test_filter_by_policy(client, topics):
    assert titles(client.get(LIST, {"politik": "kk-2006"})) == ["Flere unge frivillige"]


def test_search_in_titles_ignores_case_and_takes_every_word(client, topics):
    assert titles(client.get(LIST, {"soeg": "UNGE frivillige"})) == ["Flere unge frivillige"]
    assert titles(client.get(LIST, {"soeg": "unge tilskud"})) == []


def test_an_unknown_filter_value_is_told_not_failed(client, topics):
    response = client.get(LIST, {"kommune": "atlantis"})

    assert response.status_code == 200
    assert response.context["filterset"].form.has_error("kommune")


def test_the_pages_keep_the_filter_in_their_addresses(client, copenhagen):
    for n in range(25):
        TopicFactory(municipality=copenhagen.municipality, title=f"Emne {n:02d}")

    first = client.get(LIST, {"kommune": "koebenhavn"})
    second = client.get(LIST, {"kommune": "koebenhavn", "side": 2})

    assert len(first.context["topics"]) == 20 and len(second.context["topics"]) == 5
    assert "?kommune=koebenhavn&amp;side=2" in first.text


def test_replies_shown_are_counted(client, topic, copenhagen):
    from tests.portal.debate.factories import PostFactory

    PostFactory(topic=topic)
    PostFactory(topic=topic, status=PostStatus.HIDDEN, hidden_reason="Reklame")

    [listed] = client.get(LIST).context["topics"]

    assert listed.reply_count == 1


def test_the_list_shows_no_more_than_a_display_name_of_anyone(client, topic, citizen):
    page = client.get(LIST).text

    assert "Bo på Nørrebro" in page and citizen.email not in page


def test_the_feed_lists_new_topics_filtered_like_the_list(client, topics):
    response = client.get(reverse("debate:topic_feed"), {"kommune": "koebenhavn"})

    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Tilskud og dokumentation" in body and "Flere unge frivillige" in body
    assert "Frivilligrådet" not in body and "Venter på godkendelse" not in body
    assert "Hvad mener I?" in body  # the opening post's text


def test_the_list_offers_the_feed_with_its_filter(client, topics):
    page = client.get(LIST, {"kommune": "koebenhavn"}).text

    assert 'type="application/atom+xml"' in page
    assert "/debat/nye.atom?kommune=koebenhavn" in page


def test_the_policy_page_leads_to_its_debate(client, topics, copenhagen):
    page = client.get(copenhagen.policy.get_absolute_url()).text

    assert '/debat/?politik=kk-2006' in page
    assert '/debat/nyt-emne/?politik=kk-2006' in page


def test_a_topic_started_from_a_point_has_it_chosen(client, citizen, copenhagen):
    client.force_login(citizen)

    form = client.get("/debat/nyt-emne/", {"punkt": copenhagen.point.pk}).context["form"]

    assert form.initial == {"about": f"punkt-{copenhagen.point.pk}", "municipality": copenhagen.municipality}
