"""Reloading the demo (``make run`` does, every time) keeps what was done to the plans in the
portal: moved or edited actions, returns and submissions. A submitted plan refuses changes, so a
reload that rewrote its actions would stop the demo from starting."""

import datetime
import io

import pytest
from django.core.management import call_command

from policies import services
from policies.models import ImplementationPlan, PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def sof_plan(settings):
    settings.DEBUG = False  # the plans only; no demo users needed
    call_command("load_demo", stdout=io.StringIO())
    return ImplementationPlan.objects.get(decision_reference="SOU 337/2006")


def texts(plan):
    return list(plan.actions.order_by("point__number", "position", "pk").values_list("text", flat=True))


def test_a_reload_keeps_a_plan_returned_changed_and_submitted_again(sof_plan):
    services.plan_return(plan=sof_plan, comment="Punkt 1 skal have et mål.")
    first = sof_plan.actions.order_by("point__number", "position").first()
    services.action_move(action=first, up=False)
    first.refresh_from_db()
    services.action_update(action=first, version=first.version, changes={"text": "Med et mål."})
    services.plan_submit(plan=sof_plan)
    before = texts(sof_plan)

    call_command("load_demo", stdout=io.StringIO())

    assert texts(sof_plan) == before
    sof_plan.refresh_from_db()
    assert sof_plan.status == PlanStatus.SUBMITTED


def test_a_reload_keeps_an_adoption(sof_plan):
    services.plan_adopt(plan=sof_plan, decision_reference="SOU 337/2006", adopted_on=datetime.date(2006, 11, 23))

    call_command("load_demo", stdout=io.StringIO())

    sof_plan.refresh_from_db()
    assert (sof_plan.status, sof_plan.adopted_on) == (PlanStatus.ADOPTED, datetime.date(2006, 11, 23))
