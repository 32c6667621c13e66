"""The lock on a submitted plan holds in the Django admin too: its actions cannot be changed there
either. The plan's own fields stay open to a superuser (to correct a case number, or to return the
plan), so a submitted plan can still be saved in the admin."""

import datetime

import pytest
from django.urls import reverse

from policies.models import PlanStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    superuser = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    return client


def change_form_data(response):
    """What the admin's change form would send back unchanged: the plan and every inline."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = value
    return data


def test_the_admin_saves_a_submitted_plan_unchanged(admin_client, submitted_plan):
    url = reverse("admin:policies_implementationplan_change", args=[submitted_plan.pk])
    data = change_form_data(admin_client.get(url))

    response = admin_client.post(url, data)

    assert response.status_code == 302


def test_the_admin_returns_a_submitted_plan(admin_client, submitted_plan):
    url = reverse("admin:policies_implementationplan_change", args=[submitted_plan.pk])
    data = change_form_data(admin_client.get(url))
    data.update(status=PlanStatus.RETURNED, return_comment="Punkt 3 mangler et mål.")

    assert admin_client.post(url, data).status_code == 302
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == PlanStatus.RETURNED


def test_the_admin_cannot_change_an_action_of_a_submitted_plan(admin_client, submitted_plan):
    url = reverse("admin:policies_implementationplan_change", args=[submitted_plan.pk])
    data = change_form_data(admin_client.get(url))
    data["actions-0-text"] = "Ændret i administrationen."

    response = admin_client.post(url, data)

    assert response.status_code == 200
    errors = [e.code for form in response.context["inline_admin_formsets"][0].formset.forms
              for e in form.non_field_errors().as_data()]
    assert errors == ["plan_locked"]
    assert "Ændret i administrationen." not in submitted_plan.actions.values_list("text", flat=True)


def test_the_admin_shows_a_follow_ups_action_statuses_and_keeps_them_locked(admin_client, plan):
    from policies import services
    from policies.models import ActionStatus

    action = factories.ActionFactory(plan=plan, point=plan.policy.points.first(), text="Årlig konference.")
    follow_up = services.follow_up_create(
        plan=plan, due_on=datetime.date(2007, 12, 15), report="Status.", submit=True,
        statuses={action: (ActionStatus.DONE, "Holdt i november.")},
    )
    url = reverse("admin:policies_followup_change", args=[follow_up.pk])
    response = admin_client.get(url)
    assert "Holdt i november." in response.text

    data = change_form_data(response)
    data["action_reports-0-status"] = ActionStatus.DROPPED
    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert follow_up.action_reports.get().status == ActionStatus.DONE
