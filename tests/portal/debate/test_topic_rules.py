"""What a topic may be about, and the rules the database states again for posts and reports."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from policies.models import PolicyStatus
from portal import debate_services as services
from portal.models import Post, PostStatus, Report, Topic
from tests.portal.debate.factories import PolicyPointFactory, PostFactory, ReportFactory, VolunteerPolicyFactory


def codes(error, field):
    return [item.code for item in error.value.error_dict[field]]


def start(author, municipality, **values):
    return services.topic_create(author=author, municipality=municipality, title="Emne", body="Tekst", **values)


def test_a_topic_may_be_about_a_point_of_the_municipalitys_policy(citizen, copenhagen):
    topic = start(citizen, copenhagen.municipality, point=copenhagen.point)

    assert (topic.policy, topic.point, topic.about) == (copenhagen.policy, copenhagen.point, copenhagen.point)


def test_the_policy_of_another_municipality_is_refused(citizen, copenhagen, vesthimmerland):
    with pytest.raises(ValidationError) as refused:
        start(citizen, copenhagen.municipality, policy=vesthimmerland.policy)

    assert codes(refused, "policy") == ["policy_of_another_municipality"]


def test_a_point_of_another_policy_is_refused(citizen, copenhagen):
    other_point = PolicyPointFactory(policy=VolunteerPolicyFactory(municipality=copenhagen.municipality))

    with pytest.raises(ValidationError) as refused:
        start(citizen, copenhagen.municipality, policy=copenhagen.policy, point=other_point)

    assert codes(refused, "point") == ["point_of_another_policy"]


def test_a_draft_policy_is_refused(citizen, copenhagen):
    draft = VolunteerPolicyFactory(municipality=copenhagen.municipality, status=PolicyStatus.DRAFT)

    with pytest.raises(ValidationError) as refused:
        start(citizen, copenhagen.municipality, policy=draft)

    assert codes(refused, "policy") == ["draft_policy"]


def test_title_and_text_are_required_and_both_refusals_are_told_at_once(citizen, copenhagen):
    with pytest.raises(ValidationError) as refused:
        services.topic_create(author=citizen, municipality=copenhagen.municipality, title="  ", body=" ")

    assert "title" in refused.value.error_dict
    assert codes(refused, "body") == ["required"]
    assert not Topic.objects.exists()


def test_a_topic_has_one_opening_post(topic):
    with pytest.raises(IntegrityError), transaction.atomic():
        PostFactory(topic=topic, author=topic.author, is_opening=True)


def test_the_database_refuses_a_hidden_post_without_a_reason(topic):
    with pytest.raises(IntegrityError, match="hidden_post_has_reason"), transaction.atomic():
        PostFactory(topic=topic, status=PostStatus.HIDDEN, hidden_reason=" ")


def test_the_database_refuses_a_deleted_post_that_keeps_its_text(topic):
    post = PostFactory(topic=topic)

    with pytest.raises(IntegrityError, match="deleted_post_has_no_text"), transaction.atomic():
        Post.objects.filter(pk=post.pk).update(deleted_at=post.created_at)


def test_the_database_refuses_a_handled_report_without_an_outcome(topic):
    report = ReportFactory(post=PostFactory(topic=topic))

    with pytest.raises(IntegrityError, match="handled_report_has_outcome"), transaction.atomic():
        Report.objects.filter(pk=report.pk).update(handled_at=report.created_at)


def test_a_display_name_is_unique_whatever_the_case(citizen, other_citizen):
    other_citizen.display_name = "BO PÅ NØRREBRO"

    with pytest.raises(ValidationError) as refused:
        other_citizen.full_clean()

    assert codes(refused, "display_name") == ["display_name_taken"]


def test_the_database_refuses_a_display_name_twice(citizen, other_citizen):
    with pytest.raises(IntegrityError, match="display_name_unique_ignoring_case"), transaction.atomic():
        type(citizen).objects.filter(pk=other_citizen.pk).update(display_name="bo på nørrebro")


def test_a_display_name_cannot_be_an_email_address(other_citizen):
    other_citizen.display_name = "anne@example.org"

    with pytest.raises(ValidationError) as refused:
        other_citizen.full_clean()

    assert codes(refused, "display_name") == ["display_name_email"]
