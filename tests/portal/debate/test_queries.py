"""The list and the topic page run a fixed number of queries whatever the number of topics and posts."""

import pytest

from portal.models import PostStatus
from tests.portal.debate.factories import ParticipantFactory, PostFactory, ReportFactory, TopicFactory


def fill(municipality, size):
    for n in range(size):
        topic = TopicFactory(municipality=municipality)
        PostFactory(topic=topic)
    topic = TopicFactory(municipality=municipality)
    for n in range(size):
        post = PostFactory(topic=topic, author=ParticipantFactory())
        PostFactory(topic=topic, status=PostStatus.HIDDEN, hidden_reason="Reklame")
        PostFactory(topic=topic, status=PostStatus.PENDING, published_at=None)
        ReportFactory(post=post)
    return topic


@pytest.mark.parametrize("size", [2, 12])
def test_the_list_runs_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries, size):
    fill(copenhagen.municipality, size)

    with django_assert_max_num_queries(5):  # filter choices (2), moderator check, count, page
        response = client.get("/debat/", {"kommune": "koebenhavn"})

    assert len(response.context["topics"]) == min(size + 1, 20)


@pytest.mark.parametrize("viewer", [None, "citizen", "moderator"])
@pytest.mark.parametrize("size", [2, 12])
def test_the_topic_page_runs_a_fixed_number_of_queries(
    client, copenhagen, citizen, django_assert_max_num_queries, size, viewer
):
    topic = fill(copenhagen.municipality, size)
    if viewer:
        client.force_login(citizen if viewer == "citizen" else copenhagen.moderator)

    # The session and user, the topic, whether the viewer moderates, the opening post, and the
    # replies' count and page.
    with django_assert_max_num_queries(8):
        response = client.get(topic.get_absolute_url())

    assert len(response.context["replies"]) >= 2 * size


@pytest.mark.parametrize("size", [2, 12])
def test_the_moderation_queue_runs_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries, size):
    fill(copenhagen.municipality, size)
    client.force_login(copenhagen.moderator)

    with django_assert_max_num_queries(7):
        response = client.get("/debat/moderation/")

    assert len(response.context["reported"]) == size
