"""The permission ladder for every protected debate page: anonymous → log in; a signed-in person who
may not → 403 (they see the post but may not do this) or 404 (it is beyond their reach); the moderator
of another municipality likewise; the right person → 200 (or the action's redirect)."""

import pytest

from portal import debate_services as services
from tests.portal.debate.factories import PostFactory, TopicFactory, ago


@pytest.fixture
def reply(topic, other_citizen):
    """Written a minute ago: its author may still change it."""
    return PostFactory(topic=topic, author=other_citizen, body="Et svar", created_at=ago(minutes=1))


@pytest.fixture
def pending(vesthimmerland, other_citizen):
    """A reply awaiting Vesthimmerland's approval: only its author and Vesthimmerland's moderators see it."""
    topic = TopicFactory(municipality=vesthimmerland.municipality)
    return services.reply_create(topic=topic, author=other_citizen, body="Venter")


def assert_login(response):
    assert response.status_code == 302 and response.url.startswith("/log-ind/?next=")


@pytest.mark.parametrize("url", ["/debat/nyt-emne/", "/debat/mine/", "/debat/profil/", "/debat/moderation/"])
def test_anonymous_visitors_are_sent_to_log_in(client, db, url):
    assert_login(client.get(url))


@pytest.mark.parametrize("action", ["rediger", "slet", "skjul"])
def test_anonymous_visitors_are_sent_to_log_in_for_a_post(client, reply, action):
    assert_login(client.get(f"/debat/indlaeg/{reply.pk}/{action}/"))


@pytest.mark.parametrize("action", ["godkend", "gendan"])
def test_anonymous_visitors_cannot_moderate(client, reply, action):
    assert_login(client.post(f"/debat/indlaeg/{reply.pk}/{action}/"))


def test_anyone_reads_the_list_a_topic_and_the_report_form(client, topic, reply):
    assert client.get("/debat/").status_code == 200
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert client.get(f"/debat/indlaeg/{reply.pk}/anmeld/").status_code == 200


def test_only_the_author_edits_or_deletes_a_post(client, reply, citizen, other_citizen, copenhagen):
    for someone in (citizen, copenhagen.owner):
        client.force_login(someone)
        assert client.get(f"/debat/indlaeg/{reply.pk}/rediger/").status_code == 403
        assert client.post(f"/debat/indlaeg/{reply.pk}/slet/").status_code == 403
    client.force_login(other_citizen)
    assert client.get(f"/debat/indlaeg/{reply.pk}/rediger/").status_code == 200
    assert client.get(f"/debat/indlaeg/{reply.pk}/slet/").status_code == 200


def test_a_citizen_may_not_moderate(client, reply, citizen):
    client.force_login(citizen)

    assert client.get("/debat/moderation/").status_code == 403
    assert client.get(f"/debat/indlaeg/{reply.pk}/skjul/").status_code == 403
    assert client.post(f"/debat/indlaeg/{reply.pk}/godkend/").status_code == 403


def test_a_caseworker_with_no_part_in_the_debate_may_not_moderate(client, reply, caseworker):
    client.force_login(caseworker)

    assert client.get("/debat/moderation/").status_code == 403
    assert client.get(f"/debat/indlaeg/{reply.pk}/skjul/").status_code == 403


def test_a_post_awaiting_approval_is_beyond_the_reach_of_others(client, pending, citizen, copenhagen):
    for someone in (citizen, copenhagen.owner):
        client.force_login(someone)
        assert client.get(f"/debat/indlaeg/{pending.pk}/skjul/").status_code == 404
        assert client.post(f"/debat/indlaeg/{pending.pk}/godkend/").status_code == 404
        assert client.get(f"/debat/indlaeg/{pending.pk}/anmeld/").status_code == 404
        assert client.get(pending.topic.get_absolute_url()).status_code == 200
        assert "Venter" not in client.get(pending.topic.get_absolute_url()).text


def test_the_moderator_of_another_municipality_may_not_moderate_here(client, reply, vesthimmerland):
    client.force_login(vesthimmerland.owner)

    assert client.get(f"/debat/indlaeg/{reply.pk}/skjul/").status_code == 403
    assert client.post(f"/debat/indlaeg/{reply.pk}/skjul/", {"hidden_reason": "Nej"}).status_code == 403
    reply.refresh_from_db()
    assert reply.status == "published"
    assert list(client.get("/debat/moderation/").context["pending"]) == []


def test_a_report_is_handled_by_the_moderators_of_its_municipality_only(client, reply, vesthimmerland, copenhagen):
    report = services.report_create(post=reply, reason="Reklame")

    client.force_login(vesthimmerland.owner)
    assert client.post(f"/debat/anmeldelser/{report.pk}/behold/").status_code == 403
    client.force_login(copenhagen.moderator)
    assert client.post(f"/debat/anmeldelser/{report.pk}/behold/").status_code == 302


@pytest.mark.parametrize("moderator", ["owner", "moderator"])
def test_the_policy_owner_and_the_named_moderator_moderate(client, reply, copenhagen, moderator):
    client.force_login(getattr(copenhagen, moderator))

    assert client.get("/debat/moderation/").status_code == 200
    assert client.get(f"/debat/indlaeg/{reply.pk}/skjul/").status_code == 200
    assert client.post(f"/debat/indlaeg/{reply.pk}/skjul/", {"hidden_reason": "Reklame"}).status_code == 302


def test_vesthimmerlands_moderator_approves_its_pending_post(client, pending, vesthimmerland):
    client.force_login(vesthimmerland.owner)

    assert client.post(f"/debat/indlaeg/{pending.pk}/godkend/").status_code == 302


def test_a_moderator_action_never_redirects_off_the_site(client, pending, vesthimmerland):
    client.force_login(vesthimmerland.owner)

    response = client.post(f"/debat/indlaeg/{pending.pk}/godkend/", {"next": "https://example.com/"})

    assert response.url == "/debat/moderation/"


def test_moderation_is_offered_to_moderators_only(client, topic, citizen, copenhagen):
    client.force_login(citizen)
    assert 'href="/debat/moderation/"' not in client.get("/debat/").text
    assert "Skjul" not in client.get(topic.get_absolute_url()).text
    client.force_login(copenhagen.moderator)
    assert 'href="/debat/moderation/"' in client.get("/debat/").text
