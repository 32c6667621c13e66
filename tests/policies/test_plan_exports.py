"""A plan downloads as a spreadsheet or CSV with the document's two columns: each point beside
the administration's actions, or the reason it does not apply; a draft only for its readers."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from policies.models import ActionStatus, PlanStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """The source language, so that the tests hold before and after the Danish catalogue."""
    settings.LANGUAGE_CODE = "en"

HEADER = [
    "Point no.",
    "Point",
    "Text of the point",
    "Action",
    "Responsible unit",
    "Status",
    "Target",
    "To be done by",
    "Why the point does not apply",
]


@pytest.fixture
def published_plan(plan):
    """Sundheds- og Omsorgsforvaltningen's plan (002): point 1 with two actions, point 2 not
    applicable, point 3 not answered (so still a draft, published here for the test's sake)."""
    first, second, _third = plan.policy.points.all()
    first.title, first.text = "Dialog", "At sikre dialogen mellem den frivillige og offentlige indsats."
    first.save()
    factories.ActionFactory(
        plan=plan,
        point=first,
        text="Forvaltningen deltager i Kontaktudvalgets møder.",
        responsible_unit="Direktionen",
        status=ActionStatus.IN_PROGRESS,
        target="4 møder om året",
        due_on=datetime.date(2007, 6, 30),
        position=1,
    )
    factories.ActionFactory(
        plan=plan, point=first, text="Der afholdes en årlig konference.", responsible_unit="", position=2
    )
    factories.PointExemptionFactory(plan=plan, point=second, reason="Forvaltningen giver ingen tilskud.")
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    return plan


def export_url(plan, kind):
    return reverse(
        f"policies:plan_export_{kind}", kwargs={"slug": plan.policy.slug, "administration": plan.administration.slug}
    )


def test_the_spreadsheet_has_each_point_beside_its_actions(client, published_plan):
    plan = published_plan

    response = client.get(export_url(plan, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Plan"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert rows[1] == (
        1,
        "Dialog",
        "At sikre dialogen mellem den frivillige og offentlige indsats.",
        "Forvaltningen deltager i Kontaktudvalgets møder.",
        "Direktionen",
        "in progress",
        "4 møder om året",
        datetime.datetime(2007, 6, 30),
        None,
    )
    assert rows[2][:4] == (1, "Dialog", rows[1][2], "Der afholdes en årlig konference.")
    assert rows[3][0] == 2 and rows[3][3] is None and rows[3][8] == "Forvaltningen giver ingen tilskud."
    assert rows[4][:2] == (3, "Punkt 3") and all(value is None for value in rows[4][3:])
    assert len(rows) == 5


def test_the_spreadsheet_carries_the_plans_references(client, published_plan):
    published_plan.decision_reference = "SOU 337/2006"
    published_plan.case_number = "2006-12345"
    published_plan.save()

    response = client.get(export_url(published_plan, "xlsx"))

    about = dict(openpyxl.load_workbook(io.BytesIO(response.content))["About the plan"].iter_rows(values_only=True))
    assert about["Decision reference"] == "SOU 337/2006"
    assert about["Case number"] == "2006-12345"
    assert about["Administration"] == str(published_plan.administration)
    assert about["Status"] == "submitted"


def test_the_csv_has_the_same_rows(client, published_plan):
    response = client.get(export_url(published_plan, "csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so that Excel reads the Danish letters right
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == HEADER
    assert rows[1] == [
        "1",
        "Dialog",
        "At sikre dialogen mellem den frivillige og offentlige indsats.",
        "Forvaltningen deltager i Kontaktudvalgets møder.",
        "Direktionen",
        "in progress",
        "4 møder om året",
        "2007-06-30",
        "",
    ]
    assert rows[3][0] == "2" and rows[3][8] == "Forvaltningen giver ingen tilskud."
    assert len(rows) == 5


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_file_is_named_after_the_policy_and_administration(client, published_plan, kind):
    plan = published_plan

    response = client.get(export_url(plan, kind))

    name = f"{plan.policy.slug}-{plan.administration.slug}.{kind}"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


def test_text_that_looks_like_a_formula_stays_text(client, published_plan):
    point = published_plan.policy.points.get(number=3)
    published_plan.status = PlanStatus.DRAFT
    published_plan.save()
    factories.ActionFactory(plan=published_plan, point=point, text='=HYPERLINK("http://example.com","Klik")')
    published_plan.status = PlanStatus.SUBMITTED
    published_plan.save()

    workbook = openpyxl.load_workbook(io.BytesIO(client.get(export_url(published_plan, "xlsx")).content))
    csv_text = client.get(export_url(published_plan, "csv")).content.decode("utf-8-sig")

    cell = workbook["Plan"]["D5"]
    assert cell.value == '=HYPERLINK("http://example.com","Klik")' and cell.data_type == "s"
    assert "'=HYPERLINK" in csv_text


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_draft_plan_is_not_exported_to_the_public(client, plan, kind):
    assert client.get(export_url(plan, kind)).status_code == 404


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_draft_plan_is_exported_to_its_caseworkers_and_the_policy_owner_only(client, plan, kind):
    caseworker, owner, other = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    plan.administration.caseworkers.add(caseworker)
    plan.policy.municipality.policy_owners.add(owner)
    other_administration = factories.ImplementationPlanFactory(policy=plan.policy).administration
    other_administration.caseworkers.add(other)

    for user, expected in [(other, 404), (caseworker, 200), (owner, 200)]:
        client.force_login(user)
        assert client.get(export_url(plan, kind)).status_code == expected, user


def test_the_plan_page_offers_both_downloads(client, published_plan):
    html = client.get(published_plan.get_absolute_url()).text

    assert f'href="{export_url(published_plan, "xlsx")}"' in html
    assert f'href="{export_url(published_plan, "csv")}"' in html


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_export_runs_a_fixed_number_of_queries(client, published_plan, kind, django_assert_max_num_queries):
    for number in range(4, 12):
        point = factories.PolicyPointFactory(policy=published_plan.policy, number=number)
        published_plan.status = PlanStatus.DRAFT
        published_plan.save()
        factories.ActionFactory(plan=published_plan, point=point)
        published_plan.status = PlanStatus.SUBMITTED
        published_plan.save()

    with django_assert_max_num_queries(8):
        assert client.get(export_url(published_plan, kind)).status_code == 200
