"""A caseworker answers each point of the plan in the browser: adds, edits, reorders and removes
actions, or states why a point does not apply, and saves the plan's details; all as a draft."""

import datetime

import pytest

from policies.models import Action, ActionStatus, PlanStatus, PointExemption
from tests import factories
from tests.policies.helpers import form_errors, point

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise(signed_in, caseworker):
    return signed_in(caseworker)


def texts_under(plan, number):
    return list(plan.actions.filter(point__number=number).order_by("position", "pk").values_list("text", flat=True))


def test_the_editor_lists_every_point_with_its_actions_and_exemptions(lise, plan, plan_url):
    factories.ActionFactory(plan=plan, point=point(plan, 1), text="Årlig konference.")
    factories.PointExemptionFactory(plan=plan, point=point(plan, 2), reason="Ingen tilskud her.")

    response = lise.get(plan_url("plan_edit"))

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["point"].number for row in rows] == [1, 2, 3]
    assert [action.text for action in rows[0]["actions"]] == ["Årlig konference."]
    assert rows[1]["exemption"].reason == "Ingen tilskud her."
    assert [p.number for p in response.context["unanswered"]] == [3]
    assert "Årlig konference." in response.text and "Ingen tilskud her." in response.text


def test_caseworker_adds_an_action_under_a_point(lise, plan, plan_url):
    response = lise.post(
        plan_url("action_create", number=2),
        {"text": "Et fælles webbaseret kalendersystem.", "responsible_unit": "Sekretariatet",
         "status": ActionStatus.IN_PROGRESS, "target": "Kalenderen er i brug", "due_on": "2007-06-30"},
    )

    assert response.status_code == 302
    assert response.url == plan_url("plan_edit") + "#punkt-2"
    action = plan.actions.get()
    assert (action.point.number, action.text, action.responsible_unit, action.status, action.target, action.due_on) == (
        2, "Et fælles webbaseret kalendersystem.", "Sekretariatet", ActionStatus.IN_PROGRESS,
        "Kalenderen er i brug", datetime.date(2007, 6, 30),
    )
    assert plan.status == PlanStatus.DRAFT


def test_new_actions_go_to_the_end_of_the_points_list(lise, plan, plan_url):
    for text in ("Første.", "Anden.", "Tredje."):
        lise.post(plan_url("action_create", number=1), {"text": text, "status": "planned"})

    assert texts_under(plan, 1) == ["Første.", "Anden.", "Tredje."]


def test_an_action_needs_its_text(lise, plan, plan_url):
    response = lise.post(plan_url("action_create", number=1), {"text": "", "status": "planned"})

    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not plan.actions.exists()


def test_an_action_cannot_be_added_to_a_point_that_does_not_apply(lise, plan, plan_url):
    factories.PointExemptionFactory(plan=plan, point=point(plan, 1))

    response = lise.post(plan_url("action_create", number=1), {"text": "Årlig konference.", "status": "planned"})

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["point_exempted"]
    assert not plan.actions.exists()


def test_a_point_the_policy_lacks_is_404(lise, plan_url):
    assert lise.get(plan_url("action_create", number=99)).status_code == 404


def test_caseworker_edits_an_action(lise, plan, plan_url):
    action = factories.ActionFactory(plan=plan, point=point(plan, 1), text="Gammel tekst.")

    page = lise.get(plan_url("action_update", pk=action.pk))
    assert page.context["form"]["text"].value() == "Gammel tekst."
    response = lise.post(
        plan_url("action_update", pk=action.pk),
        {"version": action.version, "text": "Ny tekst.", "status": ActionStatus.DONE,
         "responsible_unit": "Direktionen"},
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.status) == ("Ny tekst.", ActionStatus.DONE)


def test_caseworker_moves_an_action_up_and_down(lise, plan, plan_url):
    first, second, third = (
        factories.ActionFactory(plan=plan, point=point(plan, 1), text=text) for text in ("A.", "B.", "C.")
    )

    lise.post(plan_url("action_move", pk=third.pk, direction="op"))
    assert texts_under(plan, 1) == ["A.", "C.", "B."]

    lise.post(plan_url("action_move", pk=first.pk, direction="ned"))
    assert texts_under(plan, 1) == ["C.", "A.", "B."]


def test_moving_the_first_action_up_changes_nothing(lise, plan, plan_url):
    first = factories.ActionFactory(plan=plan, point=point(plan, 1), text="A.", position=1)
    factories.ActionFactory(plan=plan, point=point(plan, 1), text="B.", position=2)

    response = lise.post(plan_url("action_move", pk=first.pk, direction="op"))

    assert response.status_code == 302
    assert texts_under(plan, 1) == ["A.", "B."]


def test_moving_keeps_the_actions_of_other_points_in_place(lise, plan, plan_url):
    moved = factories.ActionFactory(plan=plan, point=point(plan, 1), text="A.")
    factories.ActionFactory(plan=plan, point=point(plan, 1), text="B.")
    factories.ActionFactory(plan=plan, point=point(plan, 2), text="X.")

    lise.post(plan_url("action_move", pk=moved.pk, direction="ned"))

    assert texts_under(plan, 1) == ["B.", "A."]
    assert texts_under(plan, 2) == ["X."]


def test_caseworker_removes_an_action_after_confirming(lise, plan, plan_url):
    action = factories.ActionFactory(plan=plan, point=point(plan, 1), text="Overflødig.")

    confirm = lise.get(plan_url("action_delete", pk=action.pk))
    assert "Overflødig." in confirm.text
    assert plan.actions.exists()
    response = lise.post(plan_url("action_delete", pk=action.pk), {"version": action.version})

    assert response.status_code == 302
    assert not plan.actions.exists()


def test_caseworker_marks_a_point_as_not_applicable_with_a_reason(lise, plan, plan_url):
    response = lise.post(plan_url("exemption_create", number=3), {"reason": "Forvaltningen giver ingen tilskud."})

    assert response.status_code == 302
    exemption = plan.exemptions.get()
    assert (exemption.point.number, exemption.reason) == (3, "Forvaltningen giver ingen tilskud.")


def test_not_applicable_needs_a_reason(lise, plan, plan_url):
    response = lise.post(plan_url("exemption_create", number=3), {"reason": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not plan.exemptions.exists()


def test_a_point_with_actions_cannot_be_marked_not_applicable(lise, plan, plan_url):
    factories.ActionFactory(plan=plan, point=point(plan, 3))

    response = lise.post(plan_url("exemption_create", number=3), {"reason": "Gælder ikke os."})

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["point_has_actions"]


def test_a_point_marked_twice_is_refused_on_the_form(lise, plan, plan_url):
    # Two tabs: the point was marked in one while the other still offered the form.
    factories.PointExemptionFactory(plan=plan, point=point(plan, 3))

    response = lise.post(plan_url("exemption_create", number=3), {"reason": "Igen."})

    assert response.status_code == 200
    assert form_errors(response)
    assert plan.exemptions.count() == 1


def test_caseworker_edits_the_reason_and_undoes_not_applicable(lise, plan, plan_url):
    exemption = factories.PointExemptionFactory(plan=plan, point=point(plan, 3), reason="Gammel begrundelse.")

    lise.post(plan_url("exemption_update", pk=exemption.pk), {"version": exemption.version, "reason": "Ny."})
    exemption.refresh_from_db()
    assert exemption.reason == "Ny."

    response = lise.post(plan_url("exemption_delete", pk=exemption.pk), {"version": exemption.version})

    assert response.status_code == 302
    assert not PointExemption.objects.filter(plan=plan).exists()
    # The point is open again: an action may now be added to it.
    lise.post(plan_url("action_create", number=3), {"text": "Nu gælder punktet.", "status": "planned"})
    assert texts_under(plan, 3) == ["Nu gælder punktet."]


def test_caseworker_saves_the_plans_details_as_a_draft(lise, plan, plan_url):
    response = lise.post(
        plan_url("plan_update"),
        {"version": plan.version, "title": "Operationalisering af frivillighedspolitikken",
         "case_number": "313186", "document_number": "1928117", "caseworker_initials": "LP/THU",
         "dated_on": "2006-10-13", "follow_up_cadence_months": "12"},
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.case_number, plan.document_number, plan.dated_on, plan.follow_up_cadence_months) == (
        "Operationalisering af frivillighedspolitikken", "313186", "1928117", datetime.date(2006, 10, 13), 12,
    )
    assert plan.status == PlanStatus.DRAFT


def test_the_plans_details_obey_the_models_rules(lise, plan, plan_url):
    # The policy follows up every 24 months; 18 does not divide it.
    response = lise.post(plan_url("plan_update"), {"version": plan.version, "follow_up_cadence_months": "18"})

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["follow_up_cadence_months"]] == [
        "cadence_off_policy"
    ]


def test_every_save_is_recorded_with_the_caseworker(lise, caseworker, plan, plan_url):
    lise.post(plan_url("action_create", number=1), {"text": "Årlig konference.", "status": "planned"})

    action = Action.objects.get()
    assert action.history.get().history_user == caseworker


def test_the_plan_page_offers_the_editor_to_its_caseworkers_only(client, caseworker, owner, other_caseworker,
                                                                  submitted_plan, plan_url):
    edit_link = f'href="{plan_url("plan_edit")}"'

    for user, offered in [(None, False), (other_caseworker, False), (owner, False), (caseworker, True)]:
        if user:
            client.force_login(user)
        assert (edit_link in client.get(submitted_plan.get_absolute_url()).text) is offered, user


@pytest.mark.parametrize("size", [1, 6])
def test_the_editor_runs_a_fixed_number_of_queries(lise, plan, plan_url, django_assert_max_num_queries, size):
    for number in range(4, 4 + size):
        factories.PolicyPointFactory(policy=plan.policy, number=number)
    for each_point in plan.policy.points.all():
        for _ in range(size):
            factories.ActionFactory(plan=plan, point=each_point)
    for due_on in [datetime.date(2007, 12, 15), datetime.date(2009, 12, 15)][:size]:
        factories.FollowUpFactory(plan=plan, due_on=due_on)
    exempted = factories.PolicyPointFactory(policy=plan.policy, number=99)
    exemption = factories.PointExemptionFactory(plan=plan, point=exempted)
    for _ in range(size):  # more plans in the user's lists
        other = factories.ImplementationPlanFactory(policy=plan.policy)
        other.administration.caseworkers.add(*plan.administration.caseworkers.all())
    action = plan.actions.first()
    pages = [
        plan_url("plan_edit"),
        plan_url("plan_update"),
        plan_url("action_create", number=1),
        plan_url("action_update", pk=action.pk),
        plan_url("action_delete", pk=action.pk),
        plan_url("exemption_create", number=2),
        plan_url("exemption_update", pk=exemption.pk),
        plan.get_absolute_url(),
        "/politik/mine-planer/",
    ]

    for url in pages:
        with django_assert_max_num_queries(10):
            assert lise.get(url).status_code == 200, url
