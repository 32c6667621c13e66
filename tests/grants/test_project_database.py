"""The public project database (seed 003: “Denne evaluering og de målte effekter af indsatserne skal
fremgå af den kommende projektdatabase”): every funded project, searchable and filterable by year,
scheme, administration, field and district, each filter in the address; CSV and XLSX of the rows."""

import io

import pytest
from openpyxl import load_workbook

from grants import services
from grants.models import Report, ReportStatus
from tests import factories as shared
from tests.grants.factories import GoalFactory, GrantSchemeFactory, SubmittedApplicationFactory, grant
from tests.grants.helpers import url
from tests.organisations.factories import DistrictFactory, FieldOfActivityFactory


@pytest.fixture
def projects(kk):
    """Two funded projects in two administrations, years, fields and districts; one rejected, one undecided."""
    exercise = FieldOfActivityFactory(municipality=kk.municipality, name="Motion og idræt")
    homework = FieldOfActivityFactory(municipality=kk.municipality, name="Lektiehjælp")
    oesterbro = DistrictFactory(municipality=kk.municipality, name="Østerbro")
    vesterbro = DistrictFactory(municipality=kk.municipality, name="Vesterbro")
    kk.club.fields_of_activity.add(exercise)
    kk.club.districts.add(oesterbro)
    motion = grant(scheme=kk.scheme, organisation=kk.club, title="Seniormotion", purpose="Motion for ældre.")
    GoalFactory(application=motion, description="Ugentlig motion")
    integration = GrantSchemeFactory(administration=kk.employment, name="§ 18-puljen 2008", year=2008)
    lektie = grant(scheme=integration, title="Lektiecafé", purpose="Lektiehjælp til børn.")
    lektie.organisation.fields_of_activity.add(homework)
    lektie.organisation.districts.add(vesterbro)
    rejected = SubmittedApplicationFactory(scheme=kk.scheme, title="Banko")
    services.application_decide(application=rejected, decided_by=kk.caseworker, outcome="rejected", reason="Nej.", reference="X")
    SubmittedApplicationFactory(scheme=kk.scheme, title="Afventer")
    return {"motion": motion, "lektie": lektie, "integration": integration, "exercise": exercise, "vesterbro": vesterbro}


def titles(client, query=""):
    return [project.title for project in client.get(url("project_list") + query).context["projects"]]


def test_only_funded_projects_are_listed(client, projects):
    assert titles(client) == ["Lektiecafé", "Seniormotion"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?aar=2007", ["Seniormotion"]),
        ("?aar=2008", ["Lektiecafé"]),
        ("?forvaltning={employment}", ["Lektiecafé"]),
        ("?pulje={scheme}", ["Seniormotion"]),
        ("?kommune=koebenhavn&felt=motion-og-idraet", ["Seniormotion"]),
        ("?kommune=koebenhavn&bydel=vesterbro", ["Lektiecafé"]),
        ("?q=ældre", ["Seniormotion"]),
        ("?q=lektie", ["Lektiecafé"]),
    ],
)
def test_each_filter_has_its_address(client, kk, projects, query, expected):
    assert titles(client, query.format(employment=kk.employment.pk, scheme=kk.scheme.pk)) == expected


def test_the_evaluation_is_searchable_once_approved(client, projects):
    Report.objects.create(
        application=projects["motion"], status=ReportStatus.ACCEPTED, submitted_at=projects["motion"].submitted_at, evaluation="Fællesskab i vinterhalvåret."
    )

    assert titles(client, "?q=vinterhalvåret") == ["Seniormotion"]


def test_the_project_page_shows_goals_and_the_evaluation_only_once_approved(client, projects):
    motion = projects["motion"]
    report = Report.objects.create(application=motion, status=ReportStatus.SUBMITTED, submitted_at=motion.submitted_at, evaluation="Hemmeligt udkast.")

    page = client.get(motion.get_public_url())
    assert page.status_code == 200 and "Ugentlig motion" in page.text and "Hemmeligt udkast." not in page.text

    Report.objects.filter(pk=report.pk).update(status=ReportStatus.ACCEPTED)
    assert "Hemmeligt udkast." in client.get(motion.get_public_url()).text


def test_the_downloads_hold_the_filtered_rows(client, projects):
    csv = client.get(url("project_csv") + "?aar=2007")
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and "Seniormotion" in lines[1] and "Lektiecafé" not in csv.content.decode()

    xlsx = client.get(url("project_xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sorted(row[6] for row in sheet.iter_rows(min_row=2, values_only=True)) == ["Lektiecafé", "Seniormotion"]


def test_text_that_a_spreadsheet_would_run_stays_text(client, kk):
    grant(scheme=kk.scheme, title="=HYPERLINK(\"x\")")

    assert "'=HYPERLINK" in client.get(url("project_csv")).content.decode("utf-8-sig")


def test_the_organisation_page_shows_its_grants_not_its_rejections(client, kk, projects):
    services.application_decide(
        application=SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, title="Afvist banko"),
        decided_by=kk.caseworker,
        outcome="rejected",
        reason="Nej.",
        reference="X",
    )

    page = client.get(kk.club.get_absolute_url())

    assert list(page.context["grants"]) == [projects["motion"]]
    assert projects["motion"].get_public_url() in page.text and "Afvist banko" not in page.text


def test_the_scheme_list_filters_by_municipality_year_and_open_window(client, kk, today):
    import datetime

    GrantSchemeFactory(administration=kk.employment, name="§ 18-puljen 2008", year=2008, opens_on=datetime.date(2007, 9, 1), closes_on=datetime.date(2007, 10, 15))
    shared.MunicipalityFactory(name="Vesthimmerlands Kommune", slug="vesthimmerland")
    today(datetime.date(2006, 10, 1))

    def names(query):
        return [scheme.name for scheme in client.get(url("scheme_list") + query).context["schemes"]]

    assert names("?aar=2008") == ["§ 18-puljen 2008"]
    assert names("?aabne=on") == ["§ 79-tilskud 2007"]
    assert names("?kommune=koebenhavn") == ["§ 18-puljen 2008", "§ 79-tilskud 2007"]
    assert names("?kommune=vesthimmerland") == []
