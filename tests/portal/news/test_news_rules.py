"""The rules of a news item, as ``full_clean()`` and the database state them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from policies.models import HearingStatus, PlanStatus
from portal.models import NewsItem, NewsKind
from tests import factories
from tests.portal.news.conftest import moment, news


def codes(error):
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


def test_a_press_release_names_a_contact_who_can_be_reached(copenhagen):
    item = NewsItem(
        municipality=copenhagen.policy.municipality, kind=NewsKind.PRESS_RELEASE, title="Ny pulje", summary="…", body="…"
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert codes(error) == {"contact_name": ["contact_required"], "contact_phone": ["contact_unreachable"]}

    item.contact_name = "Frivilligkonsulenten"
    item.contact_email = "frivillig@kk.example.dk"
    item.full_clean()


def test_the_database_refuses_a_press_release_without_a_contact(copenhagen):
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsItem.objects.create(
            municipality=copenhagen.policy.municipality, kind=NewsKind.PRESS_RELEASE, title="Ny pulje", slug="ny-pulje",
            summary="…", body="…",
        )


def test_ordinary_news_needs_no_contact(copenhagen):
    news(copenhagen.policy.municipality, title="Nyt fra forvaltningen")


def test_the_sender_is_an_administration_of_the_items_municipality(copenhagen, vesthimmerland):
    item = NewsItem(
        municipality=copenhagen.policy.municipality,
        administration=vesthimmerland.plan.administration,
        title="Forkert afsender",
        summary="…",
        body="…",
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert codes(error) == {"administration": ["administration_elsewhere"]}


def test_the_address_is_made_from_the_headline_with_danish_letters_folded(copenhagen):
    municipality = copenhagen.policy.municipality
    first = news(municipality, title="Årets frivillige på Østerbro")
    second = news(municipality, title="Årets frivillige på Østerbro")
    assert first.slug == "aarets-frivillige-paa-oesterbro"
    assert second.slug == "aarets-frivillige-paa-oesterbro-2"
    assert first.get_absolute_url() == "/nyheder/koebenhavn/aarets-frivillige-paa-oesterbro/"


def test_an_item_is_published_from_its_moment_on(items):
    published = NewsItem.objects.published()
    assert set(published) == {items["published"], items["press"]}
    assert [item.is_published() for item in (items["published"], items["draft"], items["waiting"])] == [True, False, False]
    later = moment(2)
    assert items["waiting"] in NewsItem.objects.published(later)
    assert items["waiting"].is_published(later)


def test_links_go_to_published_plans_and_opened_hearings_of_the_same_municipality(copenhagen, vesthimmerland, hearing):
    item = news(copenhagen.policy.municipality, title="Om planen")
    plan = copenhagen.health_plan  # a draft
    with pytest.raises(ValidationError) as error:
        item.validate_links(plans=[plan, vesthimmerland.plan], hearings=[])
    assert codes(error) == {"plans": ["plan_not_linkable"]}
    assert str(vesthimmerland.plan) in error.value.message_dict["plans"][0]

    plan.status = PlanStatus.SUBMITTED
    plan.save()
    item.validate_links(plans=[plan], hearings=[hearing])

    hearing.status = HearingStatus.DRAFT
    hearing.save()
    with pytest.raises(ValidationError) as error:
        item.validate_links(plans=[], hearings=[hearing])
    assert codes(error) == {"hearings": ["hearing_not_linkable"]}


def test_another_municipalitys_hearing_cannot_be_linked(copenhagen, vesthimmerland, hearing):
    item = news(vesthimmerland.policy.municipality, title="Om høringen")
    with pytest.raises(ValidationError) as error:
        item.validate_links(plans=[], hearings=[hearing])
    assert codes(error) == {"hearings": ["hearing_not_linkable"]}


def test_drafts_and_waiting_items_are_read_only_by_their_writers(copenhagen, items):
    other_caseworker = factories.UserFactory()
    factories.AdministrationFactory(municipality=copenhagen.policy.municipality).caseworkers.add(other_caseworker)
    for user, expected in [
        (copenhagen.citizen, {"published", "press"}),
        (other_caseworker, {"published", "press"}),
        (copenhagen.health_worker, {"published", "press", "draft", "waiting"}),
        (copenhagen.owner, {"published", "press", "draft", "waiting"}),
    ]:
        visible = set(NewsItem.objects.visible_to(user))
        assert visible == {items[name] for name in expected}, user


def test_a_caseworker_edits_their_administrations_items_and_the_policy_owner_all(copenhagen, items):
    assert set(NewsItem.objects.editable_by(copenhagen.health_worker)) == {items[n] for n in ("published", "draft", "waiting")}
    assert set(NewsItem.objects.editable_by(copenhagen.owner)) == set(items.values())
    assert not NewsItem.objects.editable_by(copenhagen.employment_worker).exists()
    assert not NewsItem.objects.editable_by(copenhagen.citizen).exists()


def test_a_grant_round_links_its_municipalitys_schemes_only(copenhagen, vesthimmerland):
    from tests.grants.factories import GrantSchemeFactory

    item = news(copenhagen.policy.municipality, title="Ny ansøgningsrunde")
    own = GrantSchemeFactory(administration=copenhagen.health)
    other = GrantSchemeFactory(administration=vesthimmerland.plan.administration)
    item.validate_links(schemes=[own])
    with pytest.raises(ValidationError) as error:
        item.validate_links(schemes=[own, other])
    assert codes(error) == {"schemes": ["scheme_not_linkable"]}
    assert other.name in error.value.message_dict["schemes"][0] and own.name not in error.value.message_dict["schemes"][0]


def test_a_meeting_is_linked_once_it_is_published(copenhagen):
    from policies.models import MeetingStatus
    from tests.policies.meetings.factories import MeetingFactory

    item = news(copenhagen.policy.municipality, title="Dialogmøde")
    meeting = MeetingFactory(organising_administration=copenhagen.health, status=MeetingStatus.DRAFT)
    with pytest.raises(ValidationError) as error:
        item.validate_links(meetings=[meeting])
    assert codes(error) == {"meetings": ["meeting_not_linkable"]}
    meeting.status = MeetingStatus.PUBLISHED
    meeting.save()
    item.validate_links(meetings=[meeting])
