"""An author changes their post for a short while (15 minutes by default) and may delete it at any
time; a deleted post shows as such in the thread, without its text."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal import debate_services as services
from portal.models import Post, PostStatus
from tests.portal.debate.factories import PostFactory, TopicFactory, ago


def test_the_author_changes_a_fresh_post(client, topic, citizen):
    reply = PostFactory(topic=topic, author=citizen, created_at=ago(minutes=14))
    client.force_login(citizen)

    response = client.post(f"/debat/indlaeg/{reply.pk}/rediger/", {"body": "Rettet tekst"})

    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Rettet tekst" and reply.edited_at is not None
    assert "redigeret" in client.get(topic.get_absolute_url()).text


def test_the_opening_post_changes_the_topics_title_too(client, topic, citizen):
    topic.posts.filter(is_opening=True).update(created_at=ago(minutes=1))
    opening = topic.posts.get(is_opening=True)
    client.force_login(citizen)

    client.post(f"/debat/indlaeg/{opening.pk}/rediger/", {"title": "Bedre titel", "body": opening.body})

    topic.refresh_from_db()
    assert topic.title == "Bedre titel"


def test_after_the_window_a_change_is_refused_and_the_text_kept(client, topic, citizen):
    reply = PostFactory(topic=topic, author=citizen, created_at=ago(minutes=16))
    client.force_login(citizen)

    assert client.get(f"/debat/indlaeg/{reply.pk}/rediger/").status_code == 302
    response = client.post(f"/debat/indlaeg/{reply.pk}/rediger/", {"body": "For sent rettet"})

    assert response.status_code == 200
    assert response.context["form"].has_error("body", "edit_window_passed")
    assert "For sent rettet</textarea>" in response.text


def test_the_window_closes_after_exactly_fifteen_minutes(topic, citizen):
    reply = PostFactory(topic=topic, author=citizen)
    moment = reply.created_at + datetime.timedelta(minutes=15)

    assert reply.may_be_edited(moment)
    assert not reply.may_be_edited(moment + datetime.timedelta(seconds=1))


def test_a_title_alone_cannot_be_changed_after_the_window(topic, citizen):
    opening = topic.posts.get(is_opening=True)  # written a day ago

    with pytest.raises(ValidationError) as refused:
        services.post_update(post=opening, body=opening.body, title="Ny titel")

    assert refused.value.error_dict["body"][0].code == "edit_window_passed"
    topic.refresh_from_db()
    assert topic.title == "Flere unge frivillige"


def test_the_author_deletes_a_post_and_the_thread_says_so(client, topic, citizen):
    reply = PostFactory(topic=topic, author=citizen, body="Noget jeg fortryder", created_at=ago(days=3))
    client.force_login(citizen)

    assert client.get(f"/debat/indlaeg/{reply.pk}/slet/").status_code == 200
    client.post(f"/debat/indlaeg/{reply.pk}/slet/")

    reply.refresh_from_db()
    assert reply.is_deleted and reply.body == ""
    client.logout()
    page = client.get(topic.get_absolute_url()).text
    assert "Indlægget blev slettet af forfatteren." in page
    assert "Noget jeg fortryder" not in page


def test_a_deleted_opening_post_leaves_the_topic_and_the_replies(client, topic, citizen, other_citizen):
    PostFactory(topic=topic, author=other_citizen, body="Et svar, der stadig giver mening")

    services.post_delete(post=topic.posts.get(is_opening=True))

    page = client.get(topic.get_absolute_url()).text
    assert topic.title in page
    assert "Et svar, der stadig giver mening" in page
    assert "Indlægget blev slettet af forfatteren." in page


def test_a_deleted_post_cannot_be_changed(topic, citizen):
    reply = PostFactory(topic=topic, author=citizen)
    services.post_delete(post=reply)
    reply = Post.objects.get(pk=reply.pk)

    with pytest.raises(ValidationError) as refused:
        services.post_update(post=reply, body="Tilbage igen")

    assert refused.value.error_dict["body"][0].code == "post_deleted"


def test_a_deleted_post_awaiting_approval_leaves_the_queue(citizen, vesthimmerland):
    topic = TopicFactory(municipality=vesthimmerland.municipality)
    reply = services.reply_create(topic=topic, author=citizen, body="Ups")
    services.post_delete(post=reply)

    assert not Post.objects.awaiting_approval().filter(pk=reply.pk).exists()
    with pytest.raises(ValidationError):
        services.post_approve(post=reply, moderator=vesthimmerland.owner)
    assert Post.objects.get(pk=reply.pk).status == PostStatus.PENDING
