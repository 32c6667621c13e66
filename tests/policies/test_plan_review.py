"""The policy owner reviews a submitted plan: adopts it with the committee's decision reference and
date, or returns it with a comment, which opens it for the caseworkers again."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from policies import services
from policies.models import PlanStatus
from tests import factories
from tests.policies.helpers import point
from tests.validation import codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def eva(signed_in, owner):
    return signed_in(owner)


def test_the_owner_sees_both_choices_for_a_submitted_plan(eva, submitted_plan, plan_url):
    response = eva.get(plan_url("plan_review"))

    assert response.status_code == 200
    assert plan_url("plan_adopt") in response.text and plan_url("plan_return") in response.text


def test_the_owner_adopts_with_the_decision_reference_and_date(eva, submitted_plan, plan_url):
    response = eva.post(plan_url("plan_adopt"), {"decision_reference": "SOU 337/2006", "adopted_on": "2006-11-23"})

    assert response.status_code == 302
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == PlanStatus.ADOPTED
    assert submitted_plan.decision_reference == "SOU 337/2006"
    assert submitted_plan.adopted_on == datetime.date(2006, 11, 23)


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"decision_reference": "", "adopted_on": "2006-11-23"}, "decision_reference", "required"),
        ({"decision_reference": "SOU 337/2006", "adopted_on": ""}, "adopted_on", "required"),
        ({"decision_reference": "SOU 337/2006", "adopted_on": "2005-12-14"}, "adopted_on", "adopted_before_policy"),
        ({"decision_reference": "SOU 337/2006", "adopted_on": "2999-01-01"}, "adopted_on", "adopted_in_future"),
    ],
    ids=["no reference", "no date", "before the policy", "in the future"],
)
def test_adoption_needs_a_reference_and_a_plausible_date(eva, submitted_plan, plan_url, data, field, code):
    response = eva.post(plan_url("plan_adopt"), data)

    assert response.status_code == 200
    assert [e.code for e in response.context["adopt_form"].errors.as_data()[field]] == [code]
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == PlanStatus.SUBMITTED


def test_the_policy_owners_day_after_the_policy_is_a_valid_adoption(submitted_plan):
    # The policy was adopted on 15 December 2005: the plan may be adopted from that day.
    services.plan_adopt(plan=submitted_plan, decision_reference="SOU 1/05", adopted_on=datetime.date(2005, 12, 15))

    submitted_plan.refresh_from_db()
    assert submitted_plan.adopted_on == datetime.date(2005, 12, 15)


def test_the_owner_returns_the_plan_with_a_comment(eva, submitted_plan, plan_url):
    response = eva.post(plan_url("plan_return"), {"return_comment": "Punkt 3 mangler et mål."})

    assert response.status_code == 302
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == PlanStatus.RETURNED
    assert submitted_plan.return_comment == "Punkt 3 mangler et mål."


def test_a_return_needs_a_comment(eva, submitted_plan, plan_url):
    response = eva.post(plan_url("plan_return"), {"return_comment": "  "})

    assert response.status_code == 200
    assert response.context["return_form"].errors["return_comment"]
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == PlanStatus.SUBMITTED


def test_the_model_asks_a_returned_plan_for_its_comment(submitted_plan):
    submitted_plan.status = PlanStatus.RETURNED

    with pytest.raises(ValidationError) as refused:
        submitted_plan.full_clean()

    assert codes(refused.value) == {"return_comment": ["required_when_returned"]}


def test_a_returned_plan_opens_for_the_caseworkers_again(eva, client, caseworker, submitted_plan, plan_url):
    eva.post(plan_url("plan_return"), {"return_comment": "Punkt 3 mangler et mål."})
    client.force_login(caseworker)

    editor = client.get(plan_url("plan_edit"))
    assert "Punkt 3 mangler et mål." in editor.text
    action = submitted_plan.actions.get(point__number=3)
    client.post(plan_url("action_update", pk=action.pk),
                {"version": action.version, "text": "Målet er 200 frivillige.", "status": "planned"})
    client.post(plan_url("plan_submit"))

    submitted_plan.refresh_from_db()
    assert submitted_plan.actions.get(point__number=3).text == "Målet er 200 frivillige."
    assert submitted_plan.status == PlanStatus.SUBMITTED


@pytest.mark.parametrize("status", [PlanStatus.DRAFT, PlanStatus.RETURNED])
def test_only_a_submitted_plan_is_adopted_or_returned(answered_plan, status):
    answered_plan.status, answered_plan.return_comment = status, "Ret punkt 1."
    answered_plan.save()

    adopted_on = datetime.date(2006, 5, 1)
    for review in (
        lambda: services.plan_adopt(plan=answered_plan, decision_reference="X 1/06", adopted_on=adopted_on),
        lambda: services.plan_return(plan=answered_plan, comment="Igen."),
    ):
        with pytest.raises(ValidationError) as refused:
            review()
        assert refused.value.code == "not_submitted"


def test_a_draft_plan_shows_the_owner_nothing_to_review(eva, plan, plan_url):
    response = eva.get(plan_url("plan_review"))

    assert response.status_code == 200
    assert plan_url("plan_adopt") not in response.text


def test_a_caseworker_who_is_not_policy_owner_cannot_adopt(client, caseworker, submitted_plan, plan_url):
    client.force_login(caseworker)

    response = client.post(plan_url("plan_adopt"), {"decision_reference": "SOU 1/07", "adopted_on": "2007-01-10"})

    assert response.status_code == 403
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == PlanStatus.SUBMITTED


def test_the_policy_owner_who_is_not_caseworker_cannot_edit(client, owner, plan, plan_url):
    action = factories.ActionFactory(plan=plan, point=point(plan, 1), text="Uændret.")
    client.force_login(owner)

    response = client.post(plan_url("action_update", pk=action.pk), {"version": 1, "text": "Ændret.", "status": "done"})

    assert response.status_code == 403
    action.refresh_from_db()
    assert action.text == "Uændret."


@pytest.mark.parametrize("size", [1, 6])
def test_the_review_page_runs_a_fixed_number_of_queries(eva, policy, plan_url, django_assert_max_num_queries, size):
    plan = factories.ImplementationPlanFactory(policy=policy)
    for each_point in policy.points.all():
        for _ in range(size):
            factories.ActionFactory(plan=plan, point=each_point)
    plan.status = PlanStatus.SUBMITTED
    plan.save()

    with django_assert_max_num_queries(6):
        assert eva.get(plan_url("plan_review", of=plan)).status_code == 200
