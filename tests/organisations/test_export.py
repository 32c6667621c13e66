"""The directory's current result downloads as CSV and XLSX, with public data only."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.organisations.factories import OrganisationFactory, PendingOrganisationFactory, organisation_with


@pytest.fixture
def directory(copenhagen, vesthimmerland):
    organisation_with(
        municipality=copenhagen,
        name="Ældre Sagen Østerbro",
        cvr="20700211",
        target_groups=["Ældre", "Pårørende"],
        contact_person="Karen Jensen",
        contact_email="karen@example.org",
        contact_consent=True,
    )
    organisation_with(
        municipality=copenhagen,
        name="Lektiecafé Nørrebro",
        kind="informal_group",
        contact_person="Hemmelig Person",
        contact_email="hemmelig@example.org",
    )
    OrganisationFactory(municipality=vesthimmerland, name="Frivilligcenter Vesthimmerland")
    PendingOrganisationFactory(municipality=copenhagen, name="Ikke godkendt endnu")


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_csv_holds_the_filtered_result(client, directory):
    response = client.get(reverse("organisations:directory_csv"), {"kommune": "koebenhavn", "side": "2"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert [row[0] for row in rows] == ["Lektiecafé Nørrebro", "Ældre Sagen Østerbro"]
    aeldre = dict(zip(header, rows[1]))
    assert aeldre[header[3]] == "20700211"
    assert "Pårørende; Ældre" in rows[1]


def test_contact_person_is_exported_only_with_consent(client, directory):
    _header, *rows = read_csv(client.get(reverse("organisations:directory_csv")))
    text = repr(rows)

    assert "Karen Jensen" in text and "karen@example.org" in text
    assert "Hemmelig Person" not in text and "hemmelig@example.org" not in text
    assert "Ikke godkendt endnu" not in text


def test_xlsx_holds_the_same_rows(client, directory):
    response = client.get(reverse("organisations:directory_xlsx"), {"maalgruppe": "aeldre"})

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == "Ældre Sagen Østerbro"


def test_directory_links_to_the_exports_with_its_filters(client, directory):
    response = client.get(reverse("organisations:directory"), {"type": "informal_group", "side": "1"})

    assert 'href="/vejviser/eksport.csv?type=informal_group"' in response.text
    assert 'href="/vejviser/eksport.xlsx?type=informal_group"' in response.text


@pytest.mark.parametrize("size", [3, 30])
def test_export_query_count_does_not_grow_with_the_rows(client, copenhagen, django_assert_max_num_queries, size):
    for number in range(size):
        organisation_with(municipality=copenhagen, name=f"Forening {number}", target_groups=["Ældre"])

    with django_assert_max_num_queries(9):
        response = client.get(reverse("organisations:directory_xlsx"))

    assert response.status_code == 200


def test_text_typed_as_a_formula_stays_text_in_both_downloads(client, copenhagen):
    # A name is typed by the public: a spreadsheet must show it, never run it (CSV injection).
    OrganisationFactory(municipality=copenhagen, name="=HYPERLINK(\"http://example.org\")", purpose="+45 frivillige")

    _header, row = read_csv(client.get(reverse("organisations:directory_csv")))
    assert row[0] == "'=HYPERLINK(\"http://example.org\")"

    sheet = load_workbook(io.BytesIO(client.get(reverse("organisations:directory_xlsx")).content)).active
    cell = sheet.cell(row=2, column=1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://example.org\")"
