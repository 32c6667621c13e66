"""A caseworker submits the plan once every point is answered; from then on it is locked: every
edit is refused, in the browser and in the model, until the policy owner returns it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from policies import services
from policies.models import Action, ActionStatusReport, FollowUpStatus, PlanStatus, PointExemption
from tests import factories
from tests.policies.helpers import messages_of, numbers_in, point
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise(signed_in, caseworker):
    return signed_in(caseworker)


def test_submit_names_every_unanswered_point(lise, plan, plan_url):
    factories.ActionFactory(plan=plan, point=point(plan, 2))

    response = lise.post(plan_url("plan_submit"), follow=True)

    (message,) = messages_of(response)
    assert numbers_in(message) == ["1", "3"]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    # The editor lists the same points, by number and title, linking to each.
    assert [p.number for p in response.context["unanswered"]] == [1, 3]
    assert 'href="#punkt-1"' in response.text and 'href="#punkt-3"' in response.text


def test_a_point_that_does_not_apply_counts_as_answered(lise, plan, plan_url):
    factories.ActionFactory(plan=plan, point=point(plan, 1))
    factories.ActionFactory(plan=plan, point=point(plan, 2))
    factories.PointExemptionFactory(plan=plan, point=point(plan, 3))

    lise.post(plan_url("plan_submit"))

    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_submitting_publishes_the_plan_and_records_when(lise, client, answered_plan, plan_url):
    response = lise.post(plan_url("plan_submit"))

    assert response.status_code == 302
    answered_plan.refresh_from_db()
    assert answered_plan.status == PlanStatus.SUBMITTED
    assert answered_plan.submitted_at is not None
    client.logout()
    assert client.get(answered_plan.get_absolute_url()).status_code == 200


def test_the_service_refuses_through_the_model_rule(plan):
    with pytest.raises(ValidationError) as refused:
        services.plan_submit(plan=plan)

    assert codes(refused.value) == {"status": ["unanswered_points"]}


def test_a_submitted_plan_cannot_be_submitted_again(submitted_plan):
    with pytest.raises(ValidationError) as refused:
        services.plan_submit(plan=submitted_plan)

    assert refused.value.code == "plan_locked"


# Locked after submission: the browser


def test_the_editor_of_a_submitted_plan_offers_no_edits(lise, submitted_plan, plan_url):
    response = lise.get(plan_url("plan_edit"))

    assert response.status_code == 200
    action = submitted_plan.actions.first()
    assert plan_url("action_update", pk=action.pk) not in response.text
    assert plan_url("action_create", number=1) not in response.text
    assert plan_url("plan_submit") not in response.text


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("plan_update", None),
        ("action_create", "point"),
        ("action_update", "action"),
        ("action_delete", "action"),
        ("exemption_create", "point"),
    ],
)
def test_the_edit_pages_of_a_submitted_plan_send_back_to_the_editor(lise, submitted_plan, plan_url, name, target):
    kwargs = {"point": {"number": 1}, "action": {"pk": submitted_plan.actions.first().pk}, None: {}}[target]

    response = lise.get(plan_url(name, **kwargs), follow=True)

    assert response.redirect_chain[-1][0] == plan_url("plan_edit")
    assert messages_of(response)


def test_every_edit_of_a_submitted_plan_is_refused(lise, submitted_plan, plan_url):
    plan = submitted_plan
    action = plan.actions.order_by("pk").first()
    before = list(plan.actions.order_by("pk").values_list("text", "position"))
    version = plan.version

    posts = [
        (plan_url("plan_update"), {"version": version, "title": "Ny titel"}),
        (plan_url("action_create", number=1), {"text": "Ny indsats.", "status": "planned"}),
        (plan_url("action_update", pk=action.pk), {"version": action.version, "text": "Ændret.", "status": "done"}),
        (plan_url("action_delete", pk=action.pk), {"version": action.version}),
        (plan_url("action_move", pk=action.pk, direction="ned"), {}),
        (plan_url("exemption_create", number=1), {"reason": "Gælder ikke."}),
    ]
    for url, data in posts:
        response = lise.post(url, data)
        if response.status_code == 200:  # a form: refused on the form, the typed text kept
            assert "plan_locked" in [e.code for e in response.context["form"].non_field_errors().as_data()], url
            assert all(str(response.context["form"][name].value()) == str(value) for name, value in data.items()), url
        else:  # a button: refused with a message
            assert response.status_code == 302, url

    plan.refresh_from_db()
    assert plan.title == ""
    assert list(plan.actions.order_by("pk").values_list("text", "position")) == before
    assert not plan.exemptions.exists()


def test_an_exemption_of_a_submitted_plan_cannot_be_undone(lise, plan, plan_url):
    factories.ActionFactory(plan=plan, point=point(plan, 1))
    factories.ActionFactory(plan=plan, point=point(plan, 2))
    exemption = factories.PointExemptionFactory(plan=plan, point=point(plan, 3))
    services.plan_submit(plan=plan)

    response = lise.post(plan_url("exemption_delete", pk=exemption.pk), {"version": exemption.version}, follow=True)

    assert messages_of(response)
    assert PointExemption.objects.filter(pk=exemption.pk).exists()


# Locked after submission: the model, for every other write path (the admin, imports)


def test_the_model_refuses_a_changed_action_of_a_submitted_plan(submitted_plan):
    action = Action.objects.filter(plan=submitted_plan).first()
    action.text = "Ændret i smug."

    assert codes(refusal(action)) == {"__all__": ["plan_locked"]}


def test_the_model_refuses_a_new_action_or_exemption_on_a_submitted_plan(submitted_plan):
    assert codes(refusal(Action(plan=submitted_plan, point=point(submitted_plan, 1), text="Ny."))) == {
        "__all__": ["plan_locked"]
    }
    exemption = PointExemption(plan=submitted_plan, point=point(submitted_plan, 1), reason="Gælder ikke.")
    assert "plan_locked" in codes(refusal(exemption))["__all__"]


def test_an_unchanged_action_of_a_submitted_plan_still_validates(submitted_plan):
    # So that the admin can save the plan's other fields with its actions inline.
    Action.objects.filter(plan=submitted_plan).first().full_clean()


def test_line_breaks_a_browser_sends_back_are_no_change(plan):
    # A browser returns a textarea's line breaks as CRLF: the admin's inline form does.
    factories.ActionFactory(plan=plan, point=point(plan, 1), text="Dialogfora om:\n- § 79-midler")
    for number in (2, 3):
        factories.ActionFactory(plan=plan, point=point(plan, number))
    services.plan_submit(plan=plan)
    action = Action.objects.get(plan=plan, point__number=1)

    action.text = "Dialogfora om:\r\n- § 79-midler"

    action.full_clean()


def test_an_adopted_plan_is_locked_for_good(submitted_plan):
    services.plan_adopt(plan=submitted_plan, decision_reference="SOU 337/2006", adopted_on=datetime.date(2006, 11, 23))
    action = Action.objects.filter(plan=submitted_plan).first()

    with pytest.raises(ValidationError) as refused:
        services.action_update(action=action, version=action.version, changes={"text": "Ændret."})
    assert refused.value.code == "plan_locked"
    with pytest.raises(ValidationError):
        services.plan_return(plan=submitted_plan, comment="For sent.")


def test_an_action_a_submitted_follow_up_reports_on_cannot_be_removed(plan):
    action = factories.ActionFactory(plan=plan, point=point(plan, 1))
    follow_up = factories.FollowUpFactory(plan=plan, status=FollowUpStatus.SUBMITTED, report="Status.")
    ActionStatusReport.objects.create(follow_up=follow_up, action=action, status="done")

    with pytest.raises(ValidationError) as refused:
        services.action_delete(action=action, version=action.version)

    assert refused.value.code == "reported_in_follow_up"
    assert Action.objects.filter(pk=action.pk).exists()


def test_removing_an_action_takes_its_status_in_a_draft_follow_up_with_it(plan):
    action = factories.ActionFactory(plan=plan, point=point(plan, 1))
    follow_up = factories.FollowUpFactory(plan=plan)
    ActionStatusReport.objects.create(follow_up=follow_up, action=action, status="planned")

    services.action_delete(action=action, version=action.version)

    assert not ActionStatusReport.objects.exists()
