"""Two caseworkers edit the same plan at the same time: the second save of the same thing is
refused with who changed what since the page was opened, and what was typed stays in the form.
Nothing anybody saved is ever overwritten unseen."""

import threading

import pytest
from django.db import connection, connections

from policies import services
from policies.models import Action, FollowUp, PointExemption
from tests import factories
from tests.policies.helpers import form_errors, messages_of, point

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise(browser_of, caseworker):
    return browser_of(caseworker)


@pytest.fixture
def ole(browser_of, second_caseworker):
    return browser_of(second_caseworker)


@pytest.fixture
def action(plan):
    return factories.ActionFactory(
        plan=plan, point=point(plan, 1), text="Der afholdes en årlig konference.", responsible_unit="Direktionen"
    )


def opened_version(browser, url):
    """Open the form, as a person does, and return the version it carries."""
    return browser.get(url).context["form"]["version"].value()


def action_data(version, text, **more):
    return {"version": version, "text": text, "status": "planned", "responsible_unit": "Direktionen", **more}


def test_the_second_save_of_an_action_is_refused_naming_who_changed_what(lise, ole, plan_url, action):
    url = plan_url("action_update", pk=action.pk)
    lise_opened, ole_opened = opened_version(lise, url), opened_version(ole, url)

    assert lise.post(url, action_data(lise_opened, "Der afholdes to konferencer om året.")).status_code == 302
    response = ole.post(url, action_data(ole_opened, "Konferencen flyttes til foråret."))

    assert response.status_code == 200
    refusal = form_errors(response)
    assert "Lise Larsen" in refusal
    assert "Der afholdes en årlig konference." in refusal  # the text before ...
    assert "Der afholdes to konferencer om året." in refusal  # ... and after Lise's change
    # Ole's text stays in the form, and Lise's change stands.
    assert response.context["form"]["text"].value() == "Konferencen flyttes til foråret."
    assert "Konferencen flyttes til foråret." in response.text
    action.refresh_from_db()
    assert action.text == "Der afholdes to konferencer om året."


def test_after_reading_the_refusal_saving_again_keeps_the_second_text(lise, ole, plan_url, action):
    url = plan_url("action_update", pk=action.pk)
    lise_opened, ole_opened = opened_version(lise, url), opened_version(ole, url)
    lise.post(url, action_data(lise_opened, "Lises tekst."))

    refused = ole.post(url, action_data(ole_opened, "Oles tekst."))
    # The form now carries the version Ole has seen the changes of.
    again = ole.post(url, action_data(refused.context["form"]["version"].value(), "Oles tekst."))

    assert again.status_code == 302
    action.refresh_from_db()
    assert action.text == "Oles tekst."


def test_a_change_of_place_is_no_conflict(lise, ole, plan, plan_url, action):
    factories.ActionFactory(plan=plan, point=point(plan, 1), text="Anden indsats.")
    url = plan_url("action_update", pk=action.pk)
    ole_opened = opened_version(ole, url)

    lise.post(plan_url("action_move", pk=action.pk, direction="ned"))
    response = ole.post(url, action_data(ole_opened, "Oles tekst."))

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.position) == ("Oles tekst.", 2)


def test_the_second_save_of_the_plans_details_is_refused(lise, ole, plan, plan_url):
    url = plan_url("plan_update")
    lise_opened, ole_opened = opened_version(lise, url), opened_version(ole, url)

    lise.post(url, {"version": lise_opened, "title": "Lises titel", "case_number": "298463"})
    response = ole.post(url, {"version": ole_opened, "title": "Oles titel", "case_number": ""})

    refusal = form_errors(response)
    assert "Lise Larsen" in refusal and "Lises titel" in refusal and "298463" in refusal
    assert response.context["form"]["title"].value() == "Oles titel"
    plan.refresh_from_db()
    assert (plan.title, plan.case_number) == ("Lises titel", "298463")


def test_the_second_save_of_a_reason_is_refused(lise, ole, plan, plan_url):
    exemption = factories.PointExemptionFactory(plan=plan, point=point(plan, 3), reason="Første begrundelse.")
    url = plan_url("exemption_update", pk=exemption.pk)
    lise_opened, ole_opened = opened_version(lise, url), opened_version(ole, url)

    lise.post(url, {"version": lise_opened, "reason": "Lises begrundelse."})
    response = ole.post(url, {"version": ole_opened, "reason": "Oles begrundelse."})

    assert "Lise Larsen" in form_errors(response) and "Lises begrundelse." in form_errors(response)
    assert response.context["form"]["reason"].value() == "Oles begrundelse."
    exemption.refresh_from_db()
    assert exemption.reason == "Lises begrundelse."


def test_an_action_removed_meanwhile_keeps_the_typed_text_for_a_new_action(lise, ole, plan, plan_url, action):
    url = plan_url("action_update", pk=action.pk)
    ole_opened = opened_version(ole, url)
    lise.post(plan_url("action_delete", pk=action.pk), {"version": action.version})

    response = ole.post(url, action_data(ole_opened, "Oles tekst."))

    assert response.status_code == 200
    assert "Lise Larsen" in form_errors(response)
    assert response.context["form"]["text"].value() == "Oles tekst."
    # Saving the kept text adds it as a new action under the same point.
    assert response.context["form_action"] == plan_url("action_create", number=1)
    ole.post(response.context["form_action"], action_data(ole_opened, "Oles tekst."))
    assert list(Action.objects.values_list("point__number", "text")) == [(1, "Oles tekst.")]


def test_removing_an_action_changed_meanwhile_is_refused(lise, ole, plan_url, action):
    url = plan_url("action_delete", pk=action.pk)
    ole_opened = ole.get(url).context["form"]["version"].value()
    lise.post(plan_url("action_update", pk=action.pk), action_data(action.version, "Lises nye tekst."))

    response = ole.post(url, {"version": ole_opened})

    assert response.status_code == 200
    assert "Lise Larsen" in response.context["conflict"].message
    assert "Lises nye tekst." in response.text
    assert Action.objects.filter(pk=action.pk).exists()
    # Having seen the new text, Ole may still remove it.
    ole.post(url, {"version": response.context["form"]["version"].value()})
    assert not Action.objects.filter(pk=action.pk).exists()


def test_undoing_a_reason_changed_meanwhile_is_refused(lise, ole, plan, plan_url):
    exemption = factories.PointExemptionFactory(plan=plan, point=point(plan, 3), reason="Første.")
    opened = exemption.version
    lise.post(plan_url("exemption_update", pk=exemption.pk), {"version": opened, "reason": "Lises begrundelse."})

    response = ole.post(plan_url("exemption_delete", pk=exemption.pk), {"version": opened}, follow=True)

    assert any("Lise Larsen" in message for message in messages_of(response))
    assert PointExemption.objects.filter(pk=exemption.pk).exists()


def test_the_second_save_of_a_follow_up_is_refused(lise, ole, plan, plan_url, action):
    follow_up = factories.FollowUpFactory(plan=plan)
    url = plan_url("follow_up_update", pk=follow_up.pk)
    lise_opened, ole_opened = opened_version(lise, url), opened_version(ole, url)
    data = {"due_on": "2007-12-15", f"status_{action.pk}": "in_progress", f"note_{action.pk}": ""}

    lise.post(url, {**data, "version": lise_opened, "report": "Lises rapport.", "number_of_volunteers": "212"})
    response = ole.post(url, {**data, "version": ole_opened, "report": "Oles rapport."})

    refusal = form_errors(response)
    assert "Lise Larsen" in refusal and "Lises rapport." in refusal and "212" in refusal
    assert response.context["form"]["report"].value() == "Oles rapport."
    follow_up.refresh_from_db()
    assert (follow_up.report, follow_up.number_of_volunteers) == ("Lises rapport.", 212)


def test_the_service_compares_versions_in_the_database(plan, action):
    # Two saves that both started from the same version: only the first gets through.
    opened = action.version
    services.action_update(action=action, version=opened, changes={"text": "Først."})

    with pytest.raises(services.EditConflict) as refused:
        services.action_update(action=action, version=opened, changes={"text": "Bagefter."})

    assert refused.value.current.text == "Først."
    assert Action.objects.get(pk=action.pk).text == "Først."


def test_every_save_raises_the_version_also_outside_the_editor(plan):
    follow_up = factories.FollowUpFactory(plan=plan)
    opened = follow_up.version

    FollowUp.objects.get(pk=follow_up.pk).save()  # e.g. the admin

    assert FollowUp.objects.get(pk=follow_up.pk).version == opened + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks across connections (PostgreSQL)")
def test_two_saves_at_the_same_moment_let_exactly_one_through(plan):
    action = factories.ActionFactory(plan=plan, point=point(plan, 1), text="Udgangspunkt.")
    opened = action.version
    start, outcomes = threading.Barrier(2), []

    def save(text):
        try:
            start.wait()
            services.action_update(action=Action.objects.get(pk=action.pk), version=opened, changes={"text": text})
            outcomes.append("saved")
        except services.EditConflict:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(text,)) for text in ("Lises.", "Oles.")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused", "saved"]
    assert Action.objects.get(pk=action.pk).version == opened + 1
