"""The dashboard: a signed-in user's deadlines, soonest first, the overdue ones marked in words."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from policies.models import PlanStatus
from tests import factories
from tests.portal.conftest import PLANS_DUE

pytestmark = pytest.mark.usefixtures("english", "fast_passwords")

DASHBOARD = reverse("portal:dashboard")


@pytest.fixture
def december_1(today):
    return today(datetime.date(2006, 12, 1))


def deadlines_shown(response):
    return [row["deadline"].title for row in response.context["rows"]]


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response.url == f"{reverse('portal:login')}?next={DASHBOARD}"


def test_signing_in_leads_to_the_dashboard(client, copenhagen):
    response = client.post(reverse("portal:login"), {"username": "sof", "password": "kodeord-til-test"})

    assert response.status_code == 302
    assert settings.LOGIN_REDIRECT_URL == "portal:dashboard"
    assert response.url == DASHBOARD


def test_a_caseworker_sees_only_their_own_deadlines(client, copenhagen, vesthimmerland, december_1):
    client.force_login(copenhagen.health_worker)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert deadlines_shown(response) == [
        "Process plan of Sundheds- og Omsorgsforvaltningen",
        "Implementation plan of Sundheds- og Omsorgsforvaltningen",
    ]
    assert "Beskæftigelses- og Integrationsforvaltningen" not in response.text
    assert "Vesthimmerland" not in response.text


def test_the_policy_owner_sees_the_whole_municipality(client, copenhagen, vesthimmerland, december_1):
    client.force_login(copenhagen.owner)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert len(deadlines_shown(response)) == 5
    assert "Revision of Københavns Kommunes frivillighedspolitik 2006" in response.text
    assert "Vesthimmerland" not in response.text


def test_someone_with_no_role_is_told_why_the_list_is_empty(client, copenhagen, december_1):
    client.force_login(copenhagen.citizen)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "No deadline concerns you right now." in response.text


def test_an_overdue_deadline_is_marked_in_words_and_with_an_icon_not_colour_alone(client, copenhagen, december_1):
    client.force_login(copenhagen.health_worker)

    response = client.get(DASHBOARD)

    process_plan_row, plan_row = response.text.split("<tbody>")[1].split("</tr>")[:2]
    assert 'class="deadline-overdue"' in process_plan_row
    assert '<span aria-hidden="true">⚠ </span>Overdue' in process_plan_row
    assert "1 deadline has passed." in response.text
    assert "Overdue" not in plan_row
    assert "in 14 days" in plan_row


def test_a_deadline_due_today_is_not_overdue(client, copenhagen, today):
    today(PLANS_DUE)
    client.force_login(copenhagen.health_worker)

    response = client.get(DASHBOARD)

    plan_row = response.text.split("Implementation plan of Sundheds- og Omsorgsforvaltningen")[1].split("</tr>")[0]
    assert "Due today" in plan_row and "Overdue" not in plan_row


def test_each_deadline_links_to_its_object(client, copenhagen, december_1):
    client.force_login(copenhagen.health_worker)

    response = client.get(DASHBOARD)

    assert f'href="{copenhagen.health_plan.get_absolute_url()}"' in response.text
    assert f'href="{copenhagen.policy.get_absolute_url()}"' in response.text


def test_the_deadlines_table_is_described_for_screen_readers(client, copenhagen, december_1):
    client.force_login(copenhagen.owner)

    html = client.get(DASHBOARD).text

    assert "<caption>" in html
    assert html.count('<th scope="col">') == 4
    assert html.count('<th scope="row"') == 5
    assert html.index("<h1>") < html.index('<h2 id="deadlines-heading">') < html.index('<h2 id="calendar-heading">')


def test_the_menu_offers_the_dashboard_to_signed_in_users_only(client, copenhagen):
    assert f'href="{DASHBOARD}"' not in client.get(reverse("portal:home")).text

    client.force_login(copenhagen.citizen)

    assert f'href="{DASHBOARD}"' in client.get(reverse("portal:home")).text
    assert f'href="{DASHBOARD}" aria-current="page"' in client.get(DASHBOARD).text


def build_municipality(size):
    """A policy owner over ``size`` administrations, half with a submitted plan, half without one."""
    policy = factories.VolunteerPolicyFactory(process_plan_due_on=datetime.date(2006, 5, 15))
    owner = factories.UserFactory()
    policy.municipality.policy_owners.add(owner)
    for n in range(size):
        plan = factories.ImplementationPlanFactory(policy=policy, status=PlanStatus.SUBMITTED if n % 2 else "draft")
        plan.administration.caseworkers.add(owner)
        factories.FollowUpFactory(plan=plan, due_on=datetime.date(2007, 12, 15))
        policy.administrations.add(factories.AdministrationFactory(municipality=policy.municipality))
    return owner


@pytest.mark.parametrize("size", [2, 10])
def test_the_dashboard_runs_a_fixed_number_of_queries(client, db, today, django_assert_max_num_queries, size):
    today(datetime.date(2007, 12, 1))
    owner = build_municipality(size)
    client.force_login(owner)

    # One query per deadline provider (the hearings, booking requests, dialogue meetings, grant
    # reports and council elections included), two for what awaits the policy owner as a
    # moderator of the debate, and one for the municipalities they keep, with their councils.
    with django_assert_max_num_queries(20):
        response = client.get(DASHBOARD)

    assert len(response.context["rows"]) >= 3 * size
