"""A caseworker writes the plan's follow-up in the browser: picks its date on the cadence, reports
where each action stands, gives the figures and the report, saves a draft and submits it. The
public reads submitted follow-ups beside the plan; a submitted follow-up stays as submitted."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from policies import services
from policies.models import ActionStatus, ActionStatusReport, FollowUp, FollowUpStatus, PlanStatus
from tests import factories
from tests.policies.helpers import point
from tests.validation import codes, refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise(signed_in, caseworker):
    return signed_in(caseworker)


@pytest.fixture
def actions(plan):
    return [
        factories.ActionFactory(plan=plan, point=point(plan, 1), text="Årlig konference."),
        factories.ActionFactory(plan=plan, point=point(plan, 2), text="Fælles kalender."),
    ]


def offered_dates(response):
    return [value for value, _label in response.context["form"].fields["due_on"].choices]


def statuses(actions, *values):
    data = {}
    for action, (status, note) in zip(actions, values):
        data[f"status_{action.pk}"], data[f"note_{action.pk}"] = status, note
    return data


def test_the_dates_offered_are_on_the_policys_cadence(lise, plan, plan_url):
    # Adopted 15 December 2005, followed up every second year.
    response = lise.get(plan_url("follow_up_create"))

    assert offered_dates(response)[:3] == ["2007-12-15", "2009-12-15", "2011-12-15"]


def test_a_plan_reporting_yearly_is_offered_every_year(lise, plan, plan_url):
    plan.follow_up_cadence_months = 12
    plan.save()

    response = lise.get(plan_url("follow_up_create"))

    assert offered_dates(response)[:3] == ["2006-12-15", "2007-12-15", "2008-12-15"]


def test_a_date_with_a_follow_up_is_not_offered_again(lise, plan, plan_url):
    factories.FollowUpFactory(plan=plan, due_on=datetime.date(2007, 12, 15))

    assert offered_dates(lise.get(plan_url("follow_up_create")))[0] == "2009-12-15"


def test_the_dates_run_one_period_ahead_of_today(lise, plan, plan_url):
    last = datetime.date.fromisoformat(offered_dates(lise.get(plan_url("follow_up_create")))[-1])

    assert datetime.date.today() < last <= datetime.date.today() + datetime.timedelta(days=2 * 366)


def test_a_date_off_the_cadence_is_refused(lise, plan, plan_url, actions):
    response = lise.post(plan_url("follow_up_create"), {"due_on": "2008-01-01", **statuses(actions)})

    assert response.status_code == 200
    assert response.context["form"].errors["due_on"]
    assert not FollowUp.objects.exists()


def test_without_a_cadence_there_is_nothing_to_follow_up(lise, plan, plan_url):
    plan.policy.follow_up_cadence_months = None
    plan.policy.save()

    response = lise.get(plan_url("follow_up_create"))

    assert response.status_code == 200
    assert offered_dates(response) == []
    assert "<textarea" not in response.text


def test_caseworker_saves_a_draft_with_the_status_of_each_action(lise, plan, plan_url, actions):
    response = lise.post(
        plan_url("follow_up_create"),
        {"due_on": "2007-12-15", "number_of_volunteers": "212", "number_of_organisations": "14",
         "report": "Første udkast.",
         **statuses(actions, (ActionStatus.DONE, "Holdt 3. maj."), (ActionStatus.IN_PROGRESS, ""))},
    )

    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.due_on, follow_up.status, follow_up.number_of_volunteers, follow_up.number_of_organisations) == (
        datetime.date(2007, 12, 15), FollowUpStatus.DRAFT, 212, 14,
    )
    assert [(r.action.text, r.status, r.note) for r in follow_up.action_reports.order_by("action__point__number")] == [
        ("Årlig konference.", ActionStatus.DONE, "Holdt 3. maj."),
        ("Fælles kalender.", ActionStatus.IN_PROGRESS, ""),
    ]


def test_the_draft_reopens_with_what_was_saved(lise, plan, plan_url, actions):
    follow_up = services.follow_up_create(
        plan=plan, due_on=datetime.date(2007, 12, 15), report="Udkast.",
        statuses={actions[0]: (ActionStatus.DONE, "Holdt."), actions[1]: (ActionStatus.DROPPED, "Opgivet.")},
    )

    form = lise.get(plan_url("follow_up_update", pk=follow_up.pk)).context["form"]

    assert form["due_on"].value() == "2007-12-15"
    assert form["report"].value() == "Udkast."
    assert form[f"status_{actions[1].pk}"].value() == ActionStatus.DROPPED
    assert form[f"note_{actions[0].pk}"].value() == "Holdt."


def test_submitting_needs_the_report_and_keeps_what_was_typed(lise, plan, plan_url, actions):
    response = lise.post(
        plan_url("follow_up_create"),
        {"due_on": "2007-12-15", "number_of_volunteers": "212", "report": " ", "submit": "",
         **statuses(actions, (ActionStatus.DONE, "Holdt."), (ActionStatus.PLANNED, ""))},
    )

    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["report"]] == ["report_required"]
    assert response.context["form"]["number_of_volunteers"].value() == "212"
    assert not FollowUp.objects.exists()


def test_caseworker_submits_the_follow_up_and_the_public_reads_it(lise, client, plan, plan_url, actions):
    plan.status = PlanStatus.SUBMITTED
    actions.append(factories.ActionFactory(plan=plan, point=point(plan, 3)))
    plan.save()
    lise.post(
        plan_url("follow_up_create"),
        {"due_on": "2007-12-15", "number_of_volunteers": "212", "report": "Status 2007: 212 frivillige.", "submit": "",
         **statuses(actions, (ActionStatus.DONE, "Holdt 3. maj."), (ActionStatus.PLANNED, ""), ("planned", ""))},
    )

    follow_up = FollowUp.objects.get()
    assert follow_up.status == FollowUpStatus.SUBMITTED and follow_up.submitted_at is not None
    client.logout()
    page = client.get(plan.get_absolute_url())
    assert "Status 2007: 212 frivillige." in page.text
    assert "Holdt 3. maj." in page.text
    assert f'id="opfoelgning-{follow_up.pk}"' in page.text


def test_a_draft_follow_up_is_not_public(client, plan, actions):
    plan.status = PlanStatus.SUBMITTED
    factories.ActionFactory(plan=plan, point=point(plan, 3))
    plan.save()
    factories.FollowUpFactory(plan=plan, report="Hemmeligt udkast.")

    assert "Hemmeligt udkast." not in client.get(plan.get_absolute_url()).text


def test_follow_ups_are_written_also_while_the_plan_is_locked(lise, submitted_plan, plan_url):
    every_action = submitted_plan.actions.all()

    response = lise.post(
        plan_url("follow_up_create"), {"due_on": "2007-12-15", **statuses(every_action, *[("done", "")] * 3)}
    )

    assert response.status_code == 302
    assert FollowUp.objects.filter(plan=submitted_plan).exists()


# A submitted follow-up is locked


@pytest.fixture
def submitted_follow_up(plan, actions):
    return services.follow_up_create(
        plan=plan, due_on=datetime.date(2007, 12, 15), report="Status.", submit=True,
        statuses={action: (ActionStatus.DONE, "") for action in actions},
    )


def test_a_submitted_follow_up_does_not_open_for_editing(lise, plan_url, submitted_follow_up):
    response = lise.get(plan_url("follow_up_update", pk=submitted_follow_up.pk))

    assert response.status_code == 302


def test_a_submitted_follow_up_refuses_a_posted_change(lise, plan_url, submitted_follow_up, actions):
    response = lise.post(
        plan_url("follow_up_update", pk=submitted_follow_up.pk),
        {"version": submitted_follow_up.version, "due_on": "2007-12-15", "report": "Ændret.",
         **statuses(actions, ("planned", ""), ("planned", ""))},
    )

    assert response.status_code == 200
    assert "follow_up_locked" in [e.code for e in response.context["form"].non_field_errors().as_data()]
    submitted_follow_up.refresh_from_db()
    assert submitted_follow_up.report == "Status."


def test_the_model_refuses_changes_to_a_submitted_follow_up_and_its_statuses(submitted_follow_up):
    follow_up = FollowUp.objects.get(pk=submitted_follow_up.pk)
    follow_up.report = "Ændret i smug."
    assert codes(refusal(follow_up)) == {"__all__": ["follow_up_locked"]}

    report = ActionStatusReport.objects.filter(follow_up=follow_up).first()
    report.status = ActionStatus.DROPPED
    assert codes(refusal(report)) == {"__all__": ["follow_up_locked"]}

    with pytest.raises(ValidationError):
        services.follow_up_submit(follow_up=follow_up)


def test_a_status_is_reported_only_for_an_action_of_the_same_plan(plan, actions):
    follow_up = factories.FollowUpFactory(plan=plan)
    stranger = factories.ActionFactory()

    error = refusal(ActionStatusReport(follow_up=follow_up, action=stranger, status=ActionStatus.DONE))

    assert codes(error) == {"action": ["action_of_other_plan"]}


def test_an_action_has_one_status_per_follow_up(plan, actions):
    follow_up = factories.FollowUpFactory(plan=plan)
    ActionStatusReport.objects.create(follow_up=follow_up, action=actions[0], status=ActionStatus.DONE)

    error = refusal(ActionStatusReport(follow_up=follow_up, action=actions[0], status=ActionStatus.PLANNED))

    assert codes(error) == {"__all__": ["unique_together"]}


@pytest.mark.parametrize("size", [1, 6])
def test_the_follow_up_pages_run_a_fixed_number_of_queries(lise, client, plan, plan_url, django_assert_max_num_queries,
                                                            size):
    plan.follow_up_cadence_months = 12
    for number in (1, 2, 3):
        for _ in range(size):
            factories.ActionFactory(plan=plan, point=point(plan, number))
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    statuses_ = {action: (ActionStatus.DONE, "Note.") for action in plan.actions.all()}
    for year in range(2006, 2006 + size):
        services.follow_up_create(plan=plan, due_on=datetime.date(year, 12, 15), report="Status.", statuses=statuses_,
                                  submit=True)
    draft = services.follow_up_create(plan=plan, due_on=datetime.date(2006 + size, 12, 15), statuses=statuses_)

    for url in (plan_url("follow_up_create"), plan_url("follow_up_update", pk=draft.pk), plan_url("plan_edit")):
        with django_assert_max_num_queries(10):
            assert lise.get(url).status_code == 200, url
    client.logout()
    with django_assert_max_num_queries(8):
        assert client.get(plan.get_absolute_url()).status_code == 200


def test_a_plan_is_removed_with_its_follow_ups_and_their_statuses(plan, submitted_follow_up):
    # An action a follow-up reports on is kept while the plan is; with the plan, all goes.
    plan.delete()

    assert not ActionStatusReport.objects.exists()
