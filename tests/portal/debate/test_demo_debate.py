"""The demo's debate: topics and replies for Copenhagen and Vesthimmerland, one post reported and one
hidden with its reason, a post awaiting Vesthimmerland's approval; loaded again, nothing changes."""

import io

import pytest
from django.core.management import call_command

from policies.models import Municipality
from portal.models import Post, PostStatus, Report, Topic


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())


def test_both_municipalities_have_topics_with_replies(demo):
    for slug in ("koebenhavn", "vesthimmerland"):
        topics = Topic.objects.public().filter(municipality__slug=slug)
        assert topics.exists()
        assert Post.objects.shown().filter(topic__in=topics, is_opening=False).exists()


def test_vesthimmerland_approves_posts_first(demo):
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")

    assert vesthimmerland.debate_moderation == Municipality.DebateModeration.BEFORE
    assert Post.objects.awaiting_approval().filter(topic__municipality=vesthimmerland).count() == 1


def test_one_post_is_reported_and_waits_for_copenhagens_moderators(demo):
    report = Report.objects.open().get()

    assert report.post.topic.municipality.slug == "koebenhavn"
    assert report.post.is_shown and report.reason


def test_one_post_is_hidden_with_the_reason_its_author_reads(demo):
    hidden = Post.objects.get(status=PostStatus.HIDDEN)

    assert hidden.topic.municipality.slug == "vesthimmerland"
    assert hidden.author.username == "borger"
    assert "helbred" in hidden.hidden_reason


def test_the_topics_are_about_the_policies_points(demo):
    about = set(Topic.objects.filter(point__isnull=False).values_list("point__policy__municipality__slug", flat=True))

    assert about == {"koebenhavn", "vesthimmerland"}


def test_every_author_has_a_display_name_and_may_post(demo):
    for post in Post.objects.select_related("author"):
        assert post.author.display_name and post.author.has_confirmed_email


def test_loading_again_changes_nothing(demo):
    out = io.StringIO()
    call_command("load_demo", stdout=out)

    assert "Intet ændret" in out.getvalue()
