"""Caseworkers and the policy owner read who changed what in a plan, and when: the plan's details,
its actions, the points that do not apply and the follow-ups, each with the old and new value."""

import pytest

from policies import history
from policies.models import ActionStatus
from tests import factories
from tests.policies.helpers import point

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise(browser_of, caseworker):
    return browser_of(caseworker)


def test_an_edited_action_shows_who_changed_it_from_what_to_what(lise, owner, browser_of, plan, plan_url):
    lise.post(plan_url("action_create", number=1), {"text": "Årlig konference.", "status": "planned"})
    action = plan.actions.get()
    lise.post(
        plan_url("action_update", pk=action.pk),
        {"version": action.version, "text": "To konferencer om året.", "status": "in_progress"},
    )

    response = browser_of(owner).get(plan_url("plan_history"))

    assert response.status_code == 200
    changed, added, plan_created = response.context["entries"]
    assert (changed.who, changed.kind, added.who, added.kind) == ("Lise Larsen", "~", "Lise Larsen", "+")
    assert [(c.field, c.old, c.new) for c in changed.changes] == [
        ("text", "Årlig konference.", "To konferencer om året."),
        ("status", ActionStatus.PLANNED.label, ActionStatus.IN_PROGRESS.label),
    ]
    assert "Årlig konference." in response.text and "To konferencer om året." in response.text


def test_the_history_covers_the_plan_its_answers_and_its_follow_ups(lise, plan, plan_url):
    lise.post(plan_url("plan_update"), {"version": plan.version, "title": "Operationalisering"})
    lise.post(plan_url("action_create", number=1), {"text": "Årlig konference.", "status": "planned"})
    lise.post(plan_url("exemption_create", number=2), {"reason": "Ingen tilskud."})
    action = plan.actions.get()
    lise.post(plan_url("follow_up_create"), {"due_on": "2007-12-15", "report": "Status 2007.",
                                             f"status_{action.pk}": "done", f"note_{action.pk}": "Holdt i maj."})
    lise.post(plan_url("action_delete", pk=action.pk), {"version": action.version})

    entries = lise.get(plan_url("plan_history")).context["entries"]

    subjects = [entry.subject for entry in entries]
    assert any("Årlig konference." in subject for subject in subjects)  # the action, even once removed
    assert entries[0].kind == "-"  # newest first: the removal
    values = [change.new for entry in entries for change in entry.changes]
    for typed in ("Operationalisering", "Ingen tilskud.", "Status 2007.", "Holdt i maj."):
        assert typed in values, typed


def test_a_save_that_changed_nothing_visible_is_left_out(plan):
    follow_up = factories.FollowUpFactory(plan=plan)
    follow_up.save()  # raises only the version

    entries = [entry for entry in history.plan_history(plan) if "2007" in entry.subject]

    assert [entry.kind for entry in entries] == ["+"]


def test_a_move_shows_as_a_change_of_position(lise, plan, plan_url):
    first = factories.ActionFactory(plan=plan, point=point(plan, 1), text="A.")
    factories.ActionFactory(plan=plan, point=point(plan, 1), text="B.")

    lise.post(plan_url("action_move", pk=first.pk, direction="ned"))

    moved = [e for e in history.plan_history(plan) if e.kind == "~" and "A." in e.subject]
    assert [(c.field, c.new) for entry in moved for c in entry.changes] == [("position", "2")]


@pytest.mark.parametrize("size", [1, 5])
def test_the_history_runs_a_fixed_number_of_queries(lise, plan, plan_url, django_assert_max_num_queries, size):
    for number in (1, 2, 3):
        for _ in range(size):
            action = factories.ActionFactory(plan=plan, point=point(plan, number))
            action.text = "Ændret."
            action.save()
    for year in range(2007, 2007 + 2 * size, 2):
        factories.FollowUpFactory(plan=plan, due_on=f"{year}-12-15")

    with django_assert_max_num_queries(12):
        assert lise.get(plan_url("plan_history")).status_code == 200
