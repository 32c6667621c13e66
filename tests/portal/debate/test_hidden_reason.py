"""A hidden post stays in the thread as hidden, without its text; the reason is its author's to read
(with the post, on their list of posts, and in an e-mail), and no one else's but the moderators'."""

import pytest
from django.core.exceptions import ValidationError

from portal import debate_services as services
from tests.portal.debate.factories import PostFactory

REASON = "Indlægget nævner en navngiven persons helbred."
TEXT = "Min nabo Jens har været syg hele foråret."


@pytest.fixture
def hidden(topic, citizen, copenhagen, mailoutbox):
    reply = PostFactory(topic=topic, author=citizen, body=TEXT)
    services.post_hide(post=reply, moderator=copenhagen.moderator, reason=REASON)
    return reply


def test_everyone_sees_that_a_post_was_hidden_but_not_its_text_or_reason(client, topic, hidden):
    page = client.get(topic.get_absolute_url()).text

    assert "Indlægget blev skjult af en moderator." in page
    assert TEXT not in page
    assert REASON not in page


def test_another_citizen_reads_neither_text_nor_reason(client, topic, hidden, other_citizen):
    client.force_login(other_citizen)

    page = client.get(topic.get_absolute_url()).text

    assert TEXT not in page and REASON not in page


def test_the_author_reads_their_text_and_the_reason(client, topic, hidden, citizen):
    client.force_login(citizen)

    page = client.get(topic.get_absolute_url()).text
    mine = client.get("/debat/mine/").text

    assert TEXT in page and REASON in page
    assert "Skjult af en moderator" in page
    assert REASON in mine


def test_the_author_is_told_the_reason_by_email(hidden, mailoutbox, citizen):
    message = mailoutbox[-1]

    assert message.to == [citizen.email]
    assert REASON in message.body
    assert hidden.get_absolute_url() in message.body


def test_the_moderators_read_the_reason_in_the_queue(client, hidden, copenhagen):
    client.force_login(copenhagen.owner)

    page = client.get("/debat/moderation/").text

    assert REASON in page


def test_a_hidden_post_can_no_longer_be_changed_by_its_author(hidden):
    with pytest.raises(ValidationError) as refused:
        services.post_update(post=hidden, body="Ny tekst")

    assert refused.value.error_dict["body"][0].code == "post_hidden"
