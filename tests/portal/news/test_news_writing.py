"""The municipality's writers publish news: who may write, edit and delete, and what the form
refuses. The ladder: anonymous → log-in, another role → 403, out of reach → 404, allowed → 200."""

import pytest
from django.urls import reverse

from policies.models import PlanStatus
from portal.models import NewsItem, NewsKind
from tests import factories

CREATE = reverse("portal:news_create", kwargs={"municipality": "koebenhavn"})


def edit_url(item):
    return reverse("portal:news_update", kwargs={"municipality": item.municipality.slug, "slug": item.slug})


def delete_url(item):
    return reverse("portal:news_delete", kwargs={"municipality": item.municipality.slug, "slug": item.slug})


def status(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_the_ladder_for_writing_news(client, copenhagen, vesthimmerland):
    assert status(client, None, CREATE) == 302
    assert status(client, copenhagen.citizen, CREATE) == 403
    assert status(client, vesthimmerland.owner, CREATE) == 403
    assert status(client, vesthimmerland.caseworker, CREATE) == 403
    assert status(client, copenhagen.health_worker, CREATE) == 200
    assert status(client, copenhagen.owner, CREATE) == 200
    assert status(client, copenhagen.owner, reverse("portal:news_create", kwargs={"municipality": "ingen"})) == 404


@pytest.mark.parametrize("address", [edit_url, delete_url])
def test_the_ladder_for_changing_an_item(client, copenhagen, vesthimmerland, items, address):
    published, draft = address(items["published"]), address(items["draft"])
    assert status(client, None, published) == 302
    assert status(client, copenhagen.citizen, published) == 403
    assert status(client, copenhagen.citizen, draft) == 404
    assert status(client, copenhagen.employment_worker, published) == 403  # another administration's item
    assert status(client, copenhagen.employment_worker, draft) == 404
    assert status(client, vesthimmerland.owner, published) == 403
    assert status(client, copenhagen.health_worker, published) == 200
    assert status(client, copenhagen.health_worker, draft) == 200
    assert status(client, copenhagen.owner, draft) == 200
    # The municipality's own press release is the policy owner's alone.
    assert status(client, copenhagen.health_worker, address(items["press"])) == 403
    assert status(client, copenhagen.owner, address(items["press"])) == 200


def form_data(**values):
    return {
        "kind": NewsKind.NEWS,
        "administration": "",
        "title": "Årets frivillige",
        "summary": "Tre foreninger får prisen.",
        "body": "Første afsnit.\n\nAndet afsnit.",
        "published_at": "2026-01-05T09:30",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        **values,
    }


def test_a_caseworker_publishes_news_from_their_administration_about_its_plan(client, copenhagen):
    plan = copenhagen.health_plan
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    client.force_login(copenhagen.health_worker)
    response = client.post(CREATE, form_data(administration=copenhagen.health.pk, plans=[plan.pk]), follow=True)
    item = NewsItem.objects.get()
    assert response.redirect_chain[-1][0] == item.get_absolute_url()
    assert item.administration == copenhagen.health and item.created_by == copenhagen.health_worker
    assert list(item.plans.all()) == [plan]
    assert item.is_published()
    assert "Udgivet." in response.content.decode()


def test_a_caseworker_cannot_send_from_another_administration_or_for_the_whole_municipality(client, copenhagen):
    client.force_login(copenhagen.health_worker)
    for sender in (copenhagen.employment.pk, ""):
        response = client.post(CREATE, form_data(administration=sender))
        assert response.status_code == 200
        assert "administration" in response.context["form"].errors
    assert not NewsItem.objects.exists()


def test_the_policy_owner_sends_for_the_municipality_as_a_whole(client, copenhagen):
    client.force_login(copenhagen.owner)
    client.post(CREATE, form_data())
    assert NewsItem.objects.get().administration is None


def test_a_refused_press_release_keeps_what_was_typed_and_says_why_in_danish(client, copenhagen):
    client.force_login(copenhagen.owner)
    response = client.post(CREATE, form_data(kind=NewsKind.PRESS_RELEASE, title="Ny pulje åbner"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "En pressemeddelelse" in errors["contact_name"][0]
    assert "contact_phone" in errors
    text = response.content.decode()
    assert 'value="Ny pulje åbner"' in text and "Tre foreninger får prisen." in text
    assert not NewsItem.objects.exists()


def test_a_draft_plan_is_not_offered_and_cannot_be_posted(client, copenhagen):
    client.force_login(copenhagen.owner)
    draft = copenhagen.health_plan
    response = client.post(CREATE, form_data(plans=[draft.pk]))
    assert "plans" in response.context["form"].errors
    assert not NewsItem.objects.exists()


def test_an_item_is_withdrawn_to_a_draft_and_deleted(client, copenhagen, items):
    item = items["published"]
    client.force_login(copenhagen.health_worker)
    client.post(edit_url(item), form_data(administration=copenhagen.health.pk, title=item.title, published_at=""))
    item.refresh_from_db()
    assert item.published_at is None
    assert client.get(item.get_absolute_url()).status_code == 200  # still the writer's
    client.logout()
    assert client.get(item.get_absolute_url()).status_code == 404

    client.force_login(copenhagen.health_worker)
    response = client.post(delete_url(item))
    assert response.status_code == 302 and not NewsItem.objects.filter(pk=item.pk).exists()


def test_the_admin_checks_the_links_too(client, copenhagen, vesthimmerland, items):
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    item = items["published"]
    url = reverse("admin:portal_newsitem_change", args=[item.pk])
    response = client.post(
        url,
        {
            **form_data(administration=copenhagen.health.pk, title=item.title),
            "municipality": item.municipality.pk,
            "slug": item.slug,
            "published_at_0": "2026-01-05",
            "published_at_1": "09:30",
            "plans": [vesthimmerland.plan.pk],
            "created_by": "",
        },
    )
    assert response.status_code == 200
    assert "plans" in response.context["adminform"].form.errors
