"""Where the municipality approves posts first (Vesthimmerland), a post is shown once a moderator has
approved it; until then its author sees it, with its state, and so do the moderators, no one else."""

import pytest
from django.core.exceptions import ValidationError

from portal import debate_services as services
from portal.models import PostStatus, Topic
from tests.portal.debate.factories import TopicFactory


@pytest.fixture
def pending_topic(citizen, vesthimmerland):
    return services.topic_create(
        author=citizen, municipality=vesthimmerland.municipality, title="Hvem sidder i Frivilligrådet?",
        body="Jeg vil gerne vide, hvem der sidder i rådet.",
    )


def test_a_new_topic_waits_for_approval(client, pending_topic):
    opening = pending_topic.posts.get()

    assert opening.status == PostStatus.PENDING and opening.published_at is None
    assert not Topic.objects.public().filter(pk=pending_topic.pk).exists()
    assert "Hvem sidder i Frivilligrådet?" not in client.get("/debat/").text
    assert client.get(pending_topic.get_absolute_url()).status_code == 404


def test_its_author_sees_it_and_that_it_awaits_approval(client, citizen, pending_topic):
    client.force_login(citizen)

    page = client.get(pending_topic.get_absolute_url()).text
    mine = client.get("/debat/mine/").text

    assert "Jeg vil gerne vide, hvem der sidder i rådet." in page
    assert "Afventer godkendelse" in page
    assert "Hvem sidder i Frivilligrådet?" in mine and "Afventer godkendelse" in mine


def test_another_citizen_does_not_see_it(client, other_citizen, pending_topic):
    client.force_login(other_citizen)

    assert client.get(pending_topic.get_absolute_url()).status_code == 404


def test_the_moderator_finds_it_in_the_queue_and_approves_it(client, vesthimmerland, pending_topic):
    client.force_login(vesthimmerland.owner)
    opening = pending_topic.posts.get()

    queue = client.get("/debat/moderation/")
    assert list(queue.context["pending"]) == [opening]

    client.post(f"/debat/indlaeg/{opening.pk}/godkend/")

    opening.refresh_from_db()
    assert (opening.status, opening.moderated_by) == (PostStatus.PUBLISHED, vesthimmerland.owner)
    client.logout()
    assert "Hvem sidder i Frivilligrådet?" in client.get("/debat/").text


def test_a_reply_waits_and_is_not_shown_to_others(client, citizen, other_citizen, vesthimmerland):
    topic = TopicFactory(municipality=vesthimmerland.municipality)
    client.force_login(citizen)

    response = client.post(topic.get_absolute_url(), {"body": "Mit svar"}, follow=True)

    assert "vises, når en moderator har godkendt det" in response.text
    assert topic.posts.get(body="Mit svar").status == PostStatus.PENDING
    client.force_login(other_citizen)
    assert "Mit svar" not in client.get(topic.get_absolute_url()).text


def test_a_moderators_own_post_is_shown_at_once(vesthimmerland):
    topic = TopicFactory(municipality=vesthimmerland.municipality)

    reply = services.reply_create(topic=topic, author=vesthimmerland.owner, body="Tak for spørgsmålet.")

    assert reply.status == PostStatus.PUBLISHED


def test_a_topic_awaiting_approval_takes_no_replies(pending_topic, vesthimmerland):
    with pytest.raises(ValidationError) as refused:
        services.reply_create(topic=pending_topic, author=vesthimmerland.owner, body="Svar")

    assert refused.value.error_dict["topic"][0].code == "topic_not_public"


def test_a_changed_post_waits_for_approval_again(citizen, vesthimmerland):
    topic = TopicFactory(municipality=vesthimmerland.municipality)
    reply = services.reply_create(topic=topic, author=citizen, body="Første udgave")
    services.post_approve(post=reply, moderator=vesthimmerland.owner)

    services.post_update(post=reply, body="Anden udgave")

    reply.refresh_from_db()
    assert (reply.status, reply.body) == (PostStatus.PENDING, "Anden udgave")


def test_only_a_post_awaiting_approval_is_approved(topic, copenhagen):
    with pytest.raises(ValidationError) as refused:
        services.post_approve(post=topic.posts.get(), moderator=copenhagen.owner)

    assert refused.value.error_dict["status"][0].code == "not_pending"


def test_where_posts_are_moderated_afterwards_nothing_waits(client, citizen, copenhagen):
    topic = services.topic_create(author=citizen, municipality=copenhagen.municipality, title="Emne", body="Tekst")

    assert topic.posts.get().status == PostStatus.PUBLISHED
