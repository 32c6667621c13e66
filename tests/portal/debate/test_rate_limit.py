"""Posting is rate-limited in the model, so every way of writing a post obeys: at most five posts in any
ten minutes, at least 30 seconds between two (the settings' defaults). The refusal says, in Danish,
when the author may post again, and the form keeps what they typed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import time_format

from portal import debate_services as services
from portal.models import Post, posting_refusal
from tests.portal.debate.factories import PostFactory

MINUTE = datetime.timedelta(minutes=1)
SECOND = datetime.timedelta(seconds=1)


def posts_at(author, topic, *moments):
    for moment in moments:
        PostFactory(topic=topic, author=author, created_at=moment)


def refusal_code(author, at):
    refusal = posting_refusal(author, at)
    return refusal.code if refusal else None


@pytest.fixture
def now():
    return timezone.now()


def test_five_posts_in_ten_minutes_are_allowed_and_a_sixth_is_not(citizen, topic, now):
    start = now - 9 * MINUTE
    posts_at(citizen, topic, *(start + n * MINUTE for n in range(4)))

    assert refusal_code(citizen, now) is None  # the fifth

    posts_at(citizen, topic, now)

    assert refusal_code(citizen, now + 40 * SECOND) == "too_many_posts"


def test_a_post_exactly_ten_minutes_old_no_longer_counts(citizen, topic, now):
    posts_at(citizen, topic, *(now + n * MINUTE for n in range(5)))

    assert refusal_code(citizen, now + 10 * MINUTE - SECOND) == "too_many_posts"
    assert refusal_code(citizen, now + 10 * MINUTE) is None


def test_thirty_seconds_must_pass_between_two_posts(citizen, topic, now):
    posts_at(citizen, topic, now)

    assert refusal_code(citizen, now + 29 * SECOND) == "too_soon"
    assert refusal_code(citizen, now + 30 * SECOND) is None


def test_the_limits_are_settings(citizen, topic, now, settings):
    settings.DEBATE_POSTS_PER_WINDOW = 2
    settings.DEBATE_MIN_SECONDS_BETWEEN_POSTS = 5
    posts_at(citizen, topic, now - 2 * MINUTE)

    assert refusal_code(citizen, now) is None

    posts_at(citizen, topic, now)

    assert refusal_code(citizen, now + 10 * SECOND) == "too_many_posts"


def test_a_deleted_post_still_counts(citizen, topic, now):
    post = PostFactory(topic=topic, author=citizen, created_at=now - 10 * SECOND)
    services.post_delete(post=post)

    assert refusal_code(citizen, now) == "too_soon"


def test_other_peoples_posts_do_not_count(citizen, other_citizen, topic, now):
    posts_at(other_citizen, topic, *(now - n * MINUTE for n in range(5)))

    assert refusal_code(citizen, now) is None


def test_the_refusal_says_when_the_author_may_post_again(citizen, topic, now):
    first = now - 8 * MINUTE
    posts_at(citizen, topic, *(first + n * MINUTE for n in range(5)))

    refusal = posting_refusal(citizen, now)

    again = time_format(timezone.localtime(first + 10 * MINUTE), "H:i:s")
    assert f"Du kan skrive igen kl. {again}" in refusal.message


def test_every_write_path_obeys_the_limit(citizen, topic, now):
    # Straight through the model, as the admin or an import would: full_clean() refuses.
    posts_at(citizen, topic, now - 10 * SECOND)
    post = Post(topic=topic, author=citizen, body="Endnu et indlæg", status="published", published_at=now)

    with pytest.raises(ValidationError) as refused:
        post.full_clean()

    assert refused.value.error_dict["body"][0].code == "too_soon"


def test_starting_a_topic_counts_as_a_post(citizen, copenhagen, topic, now):
    posts_at(citizen, topic, now - 5 * SECOND)

    with pytest.raises(ValidationError) as refused:
        services.topic_create(
            author=citizen, municipality=copenhagen.municipality, title="Nyt emne", body="Hej"
        )

    assert refused.value.error_dict["body"][0].code == "too_soon"
    assert not copenhagen.municipality.debate_topics.filter(title="Nyt emne").exists()


def test_a_refused_reply_is_explained_in_danish_and_the_text_is_kept(client, citizen, topic, now):
    posts_at(citizen, topic, *(now - n * MINUTE for n in range(1, 6)))
    client.force_login(citizen)

    response = client.post(topic.get_absolute_url(), {"body": "Mit svar, som jeg har brugt tid på."})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["body"][0].startswith("Du har skrevet 5 indlæg i de sidste 10 minutter")
    assert "Du kan skrive igen kl." in response.text
    assert "Mit svar, som jeg har brugt tid på.</textarea>" in response.text
    assert not topic.posts.filter(body__startswith="Mit svar").exists()


def test_a_refused_topic_keeps_title_and_text(client, citizen, copenhagen, topic, now):
    posts_at(citizen, topic, now - 3 * SECOND)
    client.force_login(citizen)

    response = client.post(
        "/debat/nyt-emne/",
        {"municipality": copenhagen.municipality.pk, "about": "", "title": "Mit emne", "body": "Min lange tekst"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["body"][0].startswith("Vent 30 sekunder mellem to indlæg")
    assert 'value="Mit emne"' in response.text
    assert "Min lange tekst</textarea>" in response.text
