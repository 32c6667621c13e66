"""A long thread is read a page of replies at a time, oldest first; a post's own address (in the
e-mails, the moderation queue, one's own posts) leads to the page it stands on."""

import datetime

import pytest

from portal.debate_views import TopicDetailView
from portal.models import PostStatus
from tests.portal.debate.factories import PostFactory, TopicFactory, ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(copenhagen, monkeypatch):
    """A topic with seven shown replies, three to a page, and one hidden reply among them."""
    monkeypatch.setattr(TopicDetailView, "replies_per_page", 3)
    topic = TopicFactory(municipality=copenhagen.municipality, title="Frivillighuset på Nørrebro", created_at=ago(days=2))
    replies = [
        PostFactory(topic=topic, body=f"Svar {n}", created_at=ago(hours=10) + datetime.timedelta(minutes=n))
        for n in range(1, 8)
    ]
    replies[1].status, replies[1].hidden_reason = PostStatus.HIDDEN, "Reklame"
    replies[1].save()
    return topic, replies


def test_the_replies_come_a_page_at_a_time_oldest_first(client, thread):
    topic, replies = thread

    first = client.get(topic.get_absolute_url())
    third = client.get(topic.get_absolute_url(), {"side": 3})

    assert [entry.post for entry in first.context["replies"]] == replies[:3]
    assert "7 svar" in first.text and "Svar 1–3" in first.text
    assert 'href="?side=2" rel="next"' in first.text
    assert [entry.post for entry in third.context["replies"]] == replies[6:]
    # The topic's opening post stands on every page.
    assert third.context["opening"].post.is_opening
    assert "Hvad mener I?" in third.text


def test_a_page_past_the_last_shows_the_last(client, thread):
    topic, replies = thread

    response = client.get(topic.get_absolute_url(), {"side": 99})

    assert [entry.post for entry in response.context["replies"]] == replies[6:]


def test_a_posts_address_leads_to_its_page(client, thread):
    topic, replies = thread

    assert client.get(replies[0].get_absolute_url()).url == f"{topic.get_absolute_url()}#indlaeg-{replies[0].pk}"
    assert client.get(replies[4].get_absolute_url()).url == f"{topic.get_absolute_url()}?side=2#indlaeg-{replies[4].pk}"
    assert client.get(replies[6].get_absolute_url()).url == f"{topic.get_absolute_url()}?side=3#indlaeg-{replies[6].pk}"
    opening = topic.posts.get(is_opening=True)
    assert client.get(opening.get_absolute_url()).url == f"{topic.get_absolute_url()}#indlaeg-{opening.pk}"


def test_replies_awaiting_approval_count_only_for_those_who_see_them(client, copenhagen, thread):
    """Pages are counted from what the reader sees: a reply awaiting approval moves the moderator's
    pages, not the public's."""
    topic, replies = thread
    pending = PostFactory(topic=topic, status=PostStatus.PENDING, published_at=None, created_at=ago(hours=11))

    assert client.get(replies[2].get_absolute_url()).url.startswith(f"{topic.get_absolute_url()}#")
    assert client.get(pending.get_absolute_url()).status_code == 404
    client.force_login(copenhagen.moderator)
    assert client.get(replies[2].get_absolute_url()).url.startswith(f"{topic.get_absolute_url()}?side=2#")
