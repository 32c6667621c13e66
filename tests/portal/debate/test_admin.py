"""The municipality names its debate moderators in the admin, on its own page; the admin lists topics,
posts and reports, and a report is handled in the moderation queue, not there."""

import pytest
from django.core.exceptions import ValidationError

from portal.models import DebateModerator
from tests.portal.debate.factories import PostFactory, ReportFactory, UserFactory


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


def test_the_municipality_page_names_its_debate_moderators(client, superuser, copenhagen):
    client.force_login(superuser)

    page = client.get(f"/admin/policies/municipality/{copenhagen.municipality.pk}/change/")

    assert page.status_code == 200
    assert "debatmoderatorer (ud over de politikansvarlige)" in page.text.lower()
    assert "debate_moderators-0-user" in page.text  # the named moderator, in the inline


def test_a_moderator_is_named_once(copenhagen):
    duplicate = DebateModerator(municipality=copenhagen.municipality, user=copenhagen.moderator)

    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_the_admin_lists_topics_posts_and_reports(client, superuser, topic):
    report = ReportFactory(post=PostFactory(topic=topic))
    client.force_login(superuser)

    for url in ("/admin/portal/topic/", "/admin/portal/post/", "/admin/portal/report/",
                f"/admin/portal/topic/{topic.pk}/change/", f"/admin/portal/report/{report.pk}/change/"):
        assert client.get(url).status_code == 200, url
