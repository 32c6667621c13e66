"""Where the municipality moderates afterwards (Copenhagen), a post is shown at once; a moderator hides
it with a reason and may restore it."""

import pytest
from django.core.exceptions import ValidationError

from portal import debate_services as services
from portal.models import PostStatus, Topic


def test_a_reply_is_shown_at_once_to_everyone(client, topic, other_citizen):
    client.force_login(other_citizen)

    response = client.post(topic.get_absolute_url(), {"body": "Godt spørgsmål, jeg er enig."}, follow=True)

    reply = topic.posts.get(is_opening=False)
    assert reply.status == PostStatus.PUBLISHED and reply.published_at is not None
    assert "Dit indlæg vises nu." in response.text
    client.logout()
    assert "Godt spørgsmål, jeg er enig." in client.get(topic.get_absolute_url()).text


def test_a_new_topic_is_listed_at_once(client, citizen, copenhagen):
    client.force_login(citizen)

    response = client.post(
        "/debat/nyt-emne/",
        {"municipality": copenhagen.municipality.pk, "about": f"punkt-{copenhagen.point.pk}",
         "title": "Frivillige på biblioteket", "body": "Hvem vil være med?"},
    )

    topic = Topic.objects.get(title="Frivillige på biblioteket")
    assert response.url == topic.get_absolute_url()
    assert (topic.policy, topic.point) == (copenhagen.policy, copenhagen.point)
    client.logout()
    assert "Frivillige på biblioteket" in client.get("/debat/").text


def test_a_moderator_hides_a_post_and_then_restores_it(client, topic, copenhagen, mailoutbox):
    reply = services.reply_create(topic=topic, author=copenhagen.moderator, body="Køb billige ure her!")
    client.force_login(copenhagen.owner)

    response = client.post(
        f"/debat/indlaeg/{reply.pk}/skjul/", {"hidden_reason": "Reklame hører ikke hjemme i debatten."}
    )

    assert response.status_code == 302
    reply.refresh_from_db()
    assert (reply.status, reply.hidden_reason, reply.moderated_by) == (
        PostStatus.HIDDEN, "Reklame hører ikke hjemme i debatten.", copenhagen.owner,
    )
    client.logout()
    assert "Køb billige ure her!" not in client.get(topic.get_absolute_url()).text
    client.force_login(copenhagen.owner)

    client.post(f"/debat/indlaeg/{reply.pk}/gendan/")

    reply.refresh_from_db()
    assert (reply.status, reply.hidden_reason) == (PostStatus.PUBLISHED, "")
    assert [message.subject for message in mailoutbox] == [
        f"En moderator har skjult dit indlæg i “{topic.title}”",
        f"Dit indlæg i “{topic.title}” vises igen",
    ]


def test_a_hidden_post_needs_a_reason(client, topic, copenhagen):
    reply = services.reply_create(topic=topic, author=copenhagen.moderator, body="Noget")
    client.force_login(copenhagen.owner)

    response = client.post(f"/debat/indlaeg/{reply.pk}/skjul/", {"hidden_reason": "  "})

    assert response.status_code == 200
    assert response.context["form"].has_error("hidden_reason")
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED


def test_only_a_hidden_post_is_restored(topic, copenhagen):
    reply = services.reply_create(topic=topic, author=copenhagen.moderator, body="Noget")

    with pytest.raises(ValidationError) as refused:
        services.post_restore(post=reply, moderator=copenhagen.owner)

    assert refused.value.error_dict["status"][0].code == "not_hidden"


def test_hiding_the_opening_post_takes_the_topic_out_of_the_list(client, topic, copenhagen):
    services.post_hide(post=topic.posts.get(is_opening=True), moderator=copenhagen.moderator, reason="Krænkende titel")

    assert topic.title not in client.get("/debat/").text
    assert client.get(topic.get_absolute_url()).status_code == 404
