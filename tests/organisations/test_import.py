"""Importing organisations from CSV or XLSX: every row judged by the model's rules, every
refusal reported with its line and reason, and nothing imported unless every row passes."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from organisations import services
from organisations.imports import ImportFileError, read_table
from organisations.models import Organisation
from tests.organisations.factories import DistrictFactory, OrganisationFactory, TargetGroupFactory

GOOD_CSV = """navn;cvr;type;formål;målgrupper;bydele;postnummer;by;frivillige;frivilligråd
Ældre Sagen Østerbro;20700211;forening;Besøgsvenner;Ældre;Østerbro;2100;København Ø;42;ja
Lektiecafé Nørrebro;;informal_group;Lektiehjælp;Børn og unge;Nørrebro;2200;København N;;nej
"""

BAD_CSV = """navn;cvr;type;målgrupper;postnummer;frivillige;e-mail
Ældre Sagen Østerbro;20700211;forening;Ældre;2100;42;
Forkert CVR;64942213;forening;;2100;;
;;;;;;
Ukendt målgruppe;;forening;Katte;2100;;
Forkert postnummer;;klub;;21OO;mange;ikke-en-adresse
Ældre Sagen Østerbro;;forening;;;;
"""


@pytest.fixture
def vocabulary(copenhagen):
    for name in ("Ældre", "Børn og unge"):
        TargetGroupFactory(municipality=copenhagen, name=name)
    for name in ("Østerbro", "Nørrebro"):
        DistrictFactory(municipality=copenhagen, name=name)


def rows_of(text, filename="organisationer.csv"):
    return read_table(io.BytesIO(text.encode("utf-8")), filename)


def test_a_good_file_is_imported_with_its_vocabulary(copenhagen, vocabulary):
    report = services.organisations_import(municipality=copenhagen, rows=rows_of(GOOD_CSV))

    assert report.ok and report.imported
    assert report.created == ["Ældre Sagen Østerbro", "Lektiecafé Nørrebro"]
    aeldre = Organisation.objects.get(name="Ældre Sagen Østerbro")
    assert (aeldre.cvr, aeldre.kind, aeldre.volunteers_count, aeldre.on_volunteer_council) == (
        "20700211", "association", 42, True,
    )  # fmt: skip
    assert [t.name for t in aeldre.target_groups.all()] == ["Ældre"]
    assert [d.name for d in aeldre.districts.all()] == ["Østerbro"]
    assert aeldre.is_listed_publicly
    lektie = Organisation.objects.get(name="Lektiecafé Nørrebro")
    assert (lektie.kind, lektie.volunteers_count) == ("informal_group", None)


def test_one_bad_row_means_nothing_is_imported_and_every_refusal_is_reported(copenhagen, vocabulary):
    report = services.organisations_import(municipality=copenhagen, rows=rows_of(BAD_CSV))

    assert not report.ok and not report.imported
    assert not Organisation.objects.exists()
    assert report.rows == 5  # the empty line is skipped
    refused = {row.line: row for row in report.refused}
    assert sorted(refused) == [3, 5, 6, 7]
    assert any("CVR" in error for error in refused[3].errors)
    assert any("Katte" in error for error in refused[5].errors)
    assert len(refused[6].errors) == 4  # kind, postal code, volunteers and e-mail, each with its reason
    assert any("klub" in error for error in refused[6].errors)
    assert any("mange" in error for error in refused[6].errors)
    assert refused[7].name == "Ældre Sagen Østerbro"  # the same name twice in the file


def test_a_name_already_in_the_directory_is_refused(copenhagen, vocabulary):
    OrganisationFactory(municipality=copenhagen, name="Lektiecafé Nørrebro")

    report = services.organisations_import(municipality=copenhagen, rows=rows_of(GOOD_CSV))

    assert [row.line for row in report.refused] == [3]
    assert Organisation.objects.count() == 1


def test_a_dry_run_checks_every_row_and_saves_nothing(copenhagen, vocabulary):
    report = services.organisations_import(municipality=copenhagen, rows=rows_of(GOOD_CSV), dry_run=True)

    assert report.ok and not report.imported
    assert not Organisation.objects.exists()


def test_xlsx_is_read_like_csv(copenhagen, vocabulary):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "cvr", "postal_code", "members_count", "target_groups"])
    sheet.append(["Ældre Sagen Østerbro", 20700211, 2100, 120.0, "Ældre; Børn og unge"])
    sheet.append([None, None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)

    report = services.organisations_import(municipality=copenhagen, rows=read_table(buffer, "liste.xlsx"))

    assert report.imported
    organisation = Organisation.objects.get()
    assert (organisation.cvr, organisation.postal_code, organisation.members_count) == ("20700211", "2100", 120)
    assert organisation.target_groups.count() == 2


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        ("navn,farve\nA,blå\n", "a.csv", "farve"),
        ("cvr\n20700211\n", "a.csv", "name"),
        ("", "a.csv", ""),
        ("ikke et regneark", "a.xlsx", "XLSX"),
    ],
)
def test_an_unreadable_file_is_refused_as_a_whole(content, filename, message):
    with pytest.raises(ImportFileError) as excinfo:
        read_table(io.BytesIO(content.encode()), filename)

    assert message in str(excinfo.value)


def test_a_csv_that_is_not_utf8_is_refused():
    with pytest.raises(ImportFileError):
        read_table(io.BytesIO("navn\nÆldre Sagen\n".encode("cp1252")), "a.csv")


def test_command_imports_a_good_file(tmp_path, copenhagen, vocabulary):
    path = tmp_path / "organisationer.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    out = io.StringIO()

    call_command("import_organisations", str(path), municipality="koebenhavn", stdout=out)

    assert Organisation.objects.count() == 2
    assert "2" in out.getvalue()


def test_command_fails_on_a_bad_file_and_lists_the_refusals(tmp_path, copenhagen, vocabulary):
    path = tmp_path / "organisationer.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_organisations", str(path), municipality="koebenhavn", stderr=err)

    assert not Organisation.objects.exists()
    assert "Katte" in err.getvalue() and "64942213" in err.getvalue()


def test_command_refuses_an_unknown_municipality(tmp_path, db):
    path = tmp_path / "organisationer.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")

    with pytest.raises(CommandError):
        call_command("import_organisations", str(path), municipality="findes-ikke")


def upload(text, name="organisationer.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_import_page_reports_refused_rows(client, copenhagen, vocabulary, policy_owner):
    client.force_login(policy_owner)

    response = client.post(reverse("organisations:import"), {"municipality": copenhagen.pk, "file": upload(BAD_CSV)})

    assert response.status_code == 200
    assert not Organisation.objects.exists()
    report = response.context["report"]
    assert [row.line for row in report.refused] == [3, 5, 6, 7]
    assert "<caption>" in response.text and "Katte" in response.text


def test_import_page_imports_a_good_file(client, copenhagen, vocabulary, policy_owner):
    client.force_login(policy_owner)

    response = client.post(reverse("organisations:import"), {"municipality": copenhagen.pk, "file": upload(GOOD_CSV)})

    assert response.context["report"].imported
    assert Organisation.objects.count() == 2


def test_import_page_offers_only_the_owners_municipalities(client, copenhagen, vesthimmerland, policy_owner):
    client.force_login(policy_owner)

    response = client.post(reverse("organisations:import"), {"municipality": vesthimmerland.pk, "file": upload(GOOD_CSV)})

    assert "municipality" in response.context["form"].errors
    assert not Organisation.objects.exists()


def test_an_unreadable_upload_is_reported_on_the_file_field(client, copenhagen, policy_owner):
    client.force_login(policy_owner)

    response = client.post(
        reverse("organisations:import"), {"municipality": copenhagen.pk, "file": upload("x", "liste.xlsx")}
    )

    assert "file" in response.context["form"].errors
