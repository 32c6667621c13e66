"""Who may open and post each page of the plan editor, the review and the follow-ups.

Every address is walked as anonymous, a signed-in citizen with no role, a caseworker of another
administration, the municipality's policy owner and the plan's own caseworker. Anonymous users
are sent to log in; a plan the user may not read does not exist for them (404); a plan they may
read but not change answers 403.
"""

import pytest

from policies.models import ImplementationPlan, PlanStatus
from tests import factories
from tests.policies.helpers import is_login_redirect, point

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "other_caseworker", "owner", "caseworker"]
OK = "ok"
LOGIN = "login"


@pytest.fixture
def people(caseworker, owner, other_caseworker, citizen):
    return {"anonymous": None, "citizen": citizen, "other_caseworker": other_caseworker, "owner": owner,
            "caseworker": caseworker}


@pytest.fixture
def furnished(plan):
    """A draft plan with an action under point 1, point 2 not applicable, and a draft follow-up."""
    action = factories.ActionFactory(plan=plan, point=point(plan, 1))
    exemption = factories.PointExemptionFactory(plan=plan, point=point(plan, 2))
    follow_up = factories.FollowUpFactory(plan=plan)
    return {"action": action, "exemption": exemption, "follow_up": follow_up}


def editor_requests(objects):
    """(method, url name, address arguments, form data) for every caseworker page."""
    action, exemption, follow_up = objects["action"], objects["exemption"], objects["follow_up"]
    status = {f"status_{action.pk}": "in_progress", f"note_{action.pk}": ""}
    return [
        ("get", "plan_edit", {}, None),
        ("get", "plan_update", {}, None),
        ("post", "plan_update", {}, {"version": 1, "title": "Ny titel"}),
        ("get", "action_create", {"number": 1}, None),
        ("post", "action_create", {"number": 1}, {"text": "Årlig konference.", "status": "planned"}),
        ("get", "action_update", {"pk": action.pk}, None),
        ("post", "action_update", {"pk": action.pk}, {"version": 1, "text": "Ændret.", "status": "done"}),
        ("get", "action_delete", {"pk": action.pk}, None),
        ("post", "action_delete", {"pk": action.pk}, {"version": 1}),
        ("post", "action_move", {"pk": action.pk, "direction": "ned"}, {}),
        ("post", "action_move", {"pk": action.pk, "direction": "op"}, {}),
        ("get", "exemption_create", {"number": 3}, None),
        ("post", "exemption_create", {"number": 3}, {"reason": "Forvaltningen giver ingen tilskud."}),
        ("get", "exemption_update", {"pk": exemption.pk}, None),
        ("post", "exemption_update", {"pk": exemption.pk}, {"version": 1, "reason": "Ny begrundelse."}),
        ("post", "exemption_delete", {"pk": exemption.pk}, {"version": 1}),
        ("post", "plan_submit", {}, {}),
        ("get", "follow_up_create", {}, None),
        ("post", "follow_up_create", {}, {"due_on": "2009-12-15", "report": "", **status}),
        ("get", "follow_up_update", {"pk": follow_up.pk}, None),
        ("post", "follow_up_update", {"pk": follow_up.pk}, {"version": 1, "due_on": "2007-12-15", **status}),
    ]


def outcome(response):
    if is_login_redirect(response):
        return LOGIN
    if response.status_code in (200, 302):
        return OK
    return response.status_code


def walk(client, people, role, method, url, data):
    if people[role] is not None:
        client.force_login(people[role])
    return outcome(getattr(client, method)(url, data) if method == "post" else client.get(url))


# A draft plan: its caseworkers write it; the policy owner reads it; nobody else knows it exists.
DRAFT_EDITOR = {"anonymous": LOGIN, "citizen": 404, "other_caseworker": 404, "owner": 403, "caseworker": OK}


@pytest.mark.parametrize("role", ROLES)
def test_every_editor_page_of_a_draft_plan_answers_each_role(client, people, furnished, plan_url, role):
    for method, name, kwargs, data in editor_requests(furnished):
        url = plan_url(name, **kwargs)
        assert walk(client, people, role, method, url, data) == DRAFT_EDITOR[role], (method, name)


# A published plan: everyone may read it, only its caseworkers may change it.
PUBLISHED_EDITOR = {"anonymous": LOGIN, "citizen": 403, "other_caseworker": 403, "owner": 403, "caseworker": OK}


@pytest.mark.parametrize("role", ROLES)
def test_every_editor_page_of_a_published_plan_answers_each_role(client, people, plan, furnished, plan_url, role):
    plan.status = PlanStatus.SUBMITTED
    factories.ActionFactory(plan=plan, point=point(plan, 3))
    plan.save()
    for method, name, kwargs, data in editor_requests(furnished):
        url = plan_url(name, of=plan, **kwargs)
        assert walk(client, people, role, method, url, data) == PUBLISHED_EDITOR[role], (method, name)


def review_requests():
    return [
        ("get", "plan_review", {}, None),
        ("post", "plan_adopt", {}, {"decision_reference": "SOU 1/2007", "adopted_on": "2007-01-10"}),
        ("post", "plan_return", {}, {"return_comment": "Punkt 3 mangler et mål."}),
    ]


# Only the policy owner reviews; the caseworkers may read the plan but not adopt it.
SUBMITTED_REVIEW = {"anonymous": LOGIN, "citizen": 403, "other_caseworker": 403, "owner": OK, "caseworker": 403}
DRAFT_REVIEW = {"anonymous": LOGIN, "citizen": 404, "other_caseworker": 404, "owner": OK, "caseworker": 403}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("submitted", [True, False], ids=["submitted", "draft"])
def test_every_review_page_answers_each_role(client, people, answered_plan, plan_url, role, submitted):
    expected = SUBMITTED_REVIEW if submitted else DRAFT_REVIEW
    for method, name, kwargs, data in review_requests():
        if submitted:
            ImplementationPlan.objects.filter(pk=answered_plan.pk).update(status=PlanStatus.SUBMITTED)
        assert walk(client, people, role, method, plan_url(name, **kwargs), data) == expected[role], (method, name)


HISTORY = {
    "draft": {"anonymous": LOGIN, "citizen": 404, "other_caseworker": 404, "owner": OK, "caseworker": OK},
    "submitted": {"anonymous": LOGIN, "citizen": 403, "other_caseworker": 403, "owner": OK, "caseworker": OK},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", ["draft", "submitted"])
def test_the_history_answers_each_role(client, people, answered_plan, plan_url, role, status):
    ImplementationPlan.objects.filter(pk=answered_plan.pk).update(status=status)

    assert walk(client, people, role, "get", plan_url("plan_history"), None) == HISTORY[status][role]


def test_a_plan_of_another_municipality_does_not_exist_for_a_policy_owner(client, plan, plan_url):
    stranger = factories.UserFactory()
    factories.MunicipalityFactory().policy_owners.add(stranger)
    client.force_login(stranger)

    for name in ("plan_edit", "plan_review", "plan_history"):
        assert client.get(plan_url(name)).status_code == 404, name


def test_an_address_that_mixes_plans_is_404(client, caseworker, other_caseworker, furnished, plan_url):
    # Bo's plan in the address, Lise's action in it: Bo may not reach Lise's action that way.
    other_plan = ImplementationPlan.objects.get(administration__caseworkers=other_caseworker)
    client.force_login(other_caseworker)

    assert client.get(plan_url("action_update", of=other_plan, pk=furnished["action"].pk)).status_code == 404
    assert client.post(plan_url("action_delete", of=other_plan, pk=furnished["action"].pk),
                       {"version": 1}).status_code == 404
    assert client.get(plan_url("follow_up_update", of=other_plan, pk=furnished["follow_up"].pk)).status_code == 404


def test_get_is_not_allowed_where_only_a_post_makes_sense(client, caseworker, furnished, plan_url):
    client.force_login(caseworker)

    for name, kwargs in [
        ("plan_submit", {}),
        ("plan_adopt", {}),
        ("plan_return", {}),
        ("action_move", {"pk": furnished["action"].pk, "direction": "op"}),
        ("exemption_delete", {"pk": furnished["exemption"].pk}),
    ]:
        assert client.get(plan_url(name, **kwargs)).status_code == 405, name


# My plans, and starting a plan that is owed


def test_my_plans_needs_a_login(client):
    assert is_login_redirect(client.get("/politik/mine-planer/"))


@pytest.mark.parametrize("role", ROLES[1:])
def test_my_plans_opens_for_everyone_signed_in(client, people, role):
    client.force_login(people[role])

    assert client.get("/politik/mine-planer/").status_code == 200


START = {"anonymous": LOGIN, "citizen": 404, "other_caseworker": 404, "owner": 404, "caseworker": OK}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_administrations_caseworkers_start_its_plan(client, people, plan_url, role):
    plan = ImplementationPlan.objects.get(administration__caseworkers=people["caseworker"])
    url = plan_url("plan_start")
    plan.delete()

    assert walk(client, people, role, "post", url, {}) == START[role]
