"""Factories for the debate: participants with a display name and a confirmed e-mail address, topics
and posts. ``PostFactory`` writes straight to the database, past the rate limit, so that a test can
put earlier posts at the times it needs; the tests of writing go through ``debate_services``."""

import datetime

import factory
from django.utils import timezone

from portal.models import DebateModerator, Post, PostStatus, Report, Topic
from tests.factories import MunicipalityFactory, PolicyPointFactory, UserFactory, VolunteerPolicyFactory

__all__ = [
    "DebateModeratorFactory",
    "MunicipalityFactory",
    "ParticipantFactory",
    "PolicyPointFactory",
    "PostFactory",
    "ReportFactory",
    "TopicFactory",
    "UserFactory",
    "VolunteerPolicyFactory",
    "ago",
]


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


class ParticipantFactory(UserFactory):
    """Someone who signed up and confirmed their address: they may post."""

    display_name = factory.Sequence(lambda n: f"Deltager {n}")
    confirmed_email = factory.LazyAttribute(lambda user: user.email)


class DebateModeratorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DebateModerator

    municipality = factory.SubFactory(MunicipalityFactory)
    user = factory.SubFactory(ParticipantFactory)


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic with its opening post, shown (a municipality that moderates afterwards)."""

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Emne {n}")
    author = factory.SubFactory(ParticipantFactory)
    created_at = factory.LazyFunction(lambda: ago(days=1))

    @factory.post_generation
    def opening(topic, create, extracted, **kwargs):
        if create:
            values = {"status": PostStatus.PUBLISHED, "body": "Hvad mener I?", **kwargs}
            PostFactory(topic=topic, author=topic.author, is_opening=True, created_at=topic.created_at, **values)


class PostFactory(factory.django.DjangoModelFactory):
    """A reply, shown, written an hour ago."""

    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(ParticipantFactory)
    body = factory.Sequence(lambda n: f"Indlæg nummer {n}.")
    status = PostStatus.PUBLISHED
    created_at = factory.LazyFunction(lambda: ago(hours=1))
    published_at = factory.LazyAttribute(lambda post: post.created_at if post.status == PostStatus.PUBLISHED else None)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    post = factory.SubFactory(PostFactory)
    reason = "Indlægget er reklame."
