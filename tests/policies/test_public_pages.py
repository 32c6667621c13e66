"""A citizen reads the policy, each administration's plan and the overview, without signing in."""

import datetime

import pytest
from django.urls import reverse

from policies.models import PlanStatus, PolicyStatus
from tests import factories


def build_policy_with_plans(administrations=3, points=9):
    policy = factories.VolunteerPolicyFactory(adopted_on=datetime.date(2005, 12, 15))
    point_list = [factories.PolicyPointFactory(policy=policy, number=n) for n in range(1, points + 1)]
    for _ in range(administrations):
        plan = factories.ImplementationPlanFactory(policy=policy, status=PlanStatus.SUBMITTED)
        for point in point_list[:-1]:
            factories.ActionFactory(plan=plan, point=point)
        factories.PointExemptionFactory(plan=plan, point=point_list[-1])
    return policy


@pytest.fixture
def anonymous(client):
    return client


@pytest.fixture
def submitted_plan(plan):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    return plan


def test_home_lists_published_policies_not_drafts(db, anonymous):
    published = factories.VolunteerPolicyFactory(title="Frivillighedspolitik 2006")
    factories.VolunteerPolicyFactory(title="Udkast til ny politik", status=PolicyStatus.DRAFT, adopted_on=None)

    response = anonymous.get(reverse("portal:home"))

    assert response.status_code == 200
    assert published.title in response.text
    assert "Udkast til ny politik" not in response.text


def test_policy_page_shows_points_decision_and_deadlines(policy, anonymous):
    response = anonymous.get(policy.get_absolute_url())

    assert response.status_code == 200
    assert "BR 754/05" in response.text
    for point in policy.points.all():
        assert point.text in response.text
    assert "15. december 2006" in response.text  # plans due a year after adoption


def test_draft_policy_is_not_public(db, anonymous):
    draft = factories.VolunteerPolicyFactory(status=PolicyStatus.DRAFT, adopted_on=None, decision_reference="")

    assert anonymous.get(draft.get_absolute_url()).status_code == 404


def test_policy_past_revision_shows_as_due_for_revision(db, anonymous):
    policy = factories.VolunteerPolicyFactory(adopted_on=datetime.date(2005, 12, 15))

    response = anonymous.get(policy.get_absolute_url())

    assert policy.revision_due_on == datetime.date(2009, 12, 15)
    assert "revision" in response.text.lower() or "revideres" in response.text.lower()
    assert 'class="badge text-bg-warning"' in response.text


def test_plan_page_shows_each_point_beside_its_actions(submitted_plan, anonymous):
    plan = submitted_plan
    first, second, third = plan.policy.points.all()
    factories.ActionFactory(plan=plan, point=first, text="Der afholdes en årlig konference.")
    factories.PointExemptionFactory(plan=plan, point=second, reason="Forvaltningen giver ingen tilskud.")

    response = anonymous.get(plan.get_absolute_url())

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["point"] for row in rows] == [first, second, third]
    assert rows[0]["actions"][0].text == "Der afholdes en årlig konference."
    assert rows[1]["exemption"].reason == "Forvaltningen giver ingen tilskud."
    assert rows[2]["actions"] == [] and rows[2]["exemption"] is None


def test_plan_of_unknown_administration_is_404(policy, anonymous):
    url = reverse("policies:plan_detail", kwargs={"slug": policy.slug, "administration": "findes-ikke"})

    assert anonymous.get(url).status_code == 404


def test_overview_marks_answered_exempt_and_open_points(submitted_plan, anonymous):
    plan = submitted_plan
    first, second, _third = plan.policy.points.all()
    factories.ActionFactory(plan=plan, point=first)
    factories.PointExemptionFactory(plan=plan, point=second)

    response = anonymous.get(reverse("policies:policy_overview", kwargs={"slug": plan.policy.slug}))

    (row,) = response.context["rows"]
    assert [cell["state"] for cell in row["cells"]] == ["answered", "exempt", "open"]


def test_overview_shows_late_plans_and_missing_plans(db, anonymous):
    policy = factories.VolunteerPolicyFactory(adopted_on=datetime.date(2005, 12, 15))
    late = factories.ImplementationPlanFactory(policy=policy)
    on_time = factories.ImplementationPlanFactory(policy=policy, status=PlanStatus.SUBMITTED)
    missing = factories.AdministrationFactory(municipality=policy.municipality)
    policy.administrations.add(missing)

    response = anonymous.get(reverse("policies:policy_overview", kwargs={"slug": policy.slug}))

    late_by_administration = {row["administration"]: row["late"] for row in response.context["rows"]}
    assert late_by_administration == {late.administration: True, on_time.administration: False, missing: True}


@pytest.mark.parametrize("size", [1, 6])
def test_public_pages_run_a_fixed_number_of_queries(db, client, django_assert_max_num_queries, size):
    policy = build_policy_with_plans(administrations=size, points=3 + size)
    plan = policy.plans.first()
    urls = [
        reverse("portal:home"),
        policy.get_absolute_url(),
        reverse("policies:policy_overview", kwargs={"slug": policy.slug}),
        plan.get_absolute_url(),
    ]
    for _ in range(size):
        factories.VolunteerPolicyFactory(municipality=policy.municipality)

    for url in urls:
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200


def test_draft_plan_is_shown_only_to_its_caseworkers_and_the_policy_owner(plan, client):
    caseworker, owner, other = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    plan.administration.caseworkers.add(caseworker)
    plan.policy.municipality.policy_owners.add(owner)

    assert client.get(plan.get_absolute_url()).status_code == 404
    for user, expected in [(other, 404), (caseworker, 200), (owner, 200)]:
        client.force_login(user)
        assert client.get(plan.get_absolute_url()).status_code == expected, user
