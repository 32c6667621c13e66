"""Reading a CSV or XLSX file of organisations, and turning each row into an unsaved
``Organisation`` with the vocabulary it names. The model's own rules (``full_clean``)
judge the rows; ``services.organisations_import`` saves them all or none."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from organisations.models import Organisation, OrganisationKind

# Column headings: the field names, and the Danish words a municipality's own sheet uses.
COLUMNS = {
    "name": ["navn"],
    "cvr": ["cvr-nummer", "cvr nr", "cvr-nr"],
    "kind": ["type", "art"],
    "purpose": ["formål", "formaal"],
    "target_groups": ["målgrupper", "maalgrupper", "målgruppe"],
    "fields_of_activity": ["aktivitetsområder", "områder", "felter"],
    "districts": ["bydele", "lokalområder", "bydel"],
    "address": ["adresse"],
    "postal_code": ["postnummer", "postnr"],
    "city": ["by"],
    "email": ["e-mail", "mail"],
    "phone": ["telefon", "tlf"],
    "website": ["hjemmeside", "web"],
    "contact_person": ["kontaktperson"],
    "contact_email": ["kontaktpersonens e-mail"],
    "contact_phone": ["kontaktpersonens telefon"],
    "contact_consent": ["samtykke"],
    "members_count": ["medlemmer", "antal medlemmer"],
    "volunteers_count": ["frivillige", "antal frivillige"],
    "on_volunteer_council": ["frivilligråd", "frivilligraad"],
    "is_listed": ["vises", "offentlig"],
}
HEADINGS = {alias: name for name, aliases in COLUMNS.items() for alias in [name, *aliases]}
VOCABULARY = ("target_groups", "fields_of_activity", "districts")
BOOLEANS = ("contact_consent", "on_volunteer_council", "is_listed")
NUMBERS = ("members_count", "volunteers_count")
# The kinds as a Danish sheet names them, beside the codes and the labels in the current language.
KIND_WORDS = {
    "forening": OrganisationKind.ASSOCIATION,
    "organisation": OrganisationKind.ORGANISATION,
    "uformel gruppe": OrganisationKind.INFORMAL_GROUP,
    "gruppe": OrganisationKind.INFORMAL_GROUP,
    "netværk": OrganisationKind.NETWORK,
}
TRUE, FALSE = {"ja", "yes", "1", "true", "sand", "x"}, {"nej", "no", "0", "false", "falsk", ""}


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing in it was looked at row by row."""


@dataclass
class RefusedRow:
    line: int
    name: str
    errors: list


@dataclass
class ImportReport:
    rows: int = 0
    created: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.refused

    @property
    def imported(self):
        return self.ok and not self.dry_run


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_table(file, filename):
    """``[(line, {field: text})]`` from a CSV or XLSX file with a header row."""
    if filename.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
        except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
            raise ImportFileError(_("The file is not an Excel workbook (XLSX) that can be read.")) from error
        table = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    else:
        raw = file.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Save the CSV file as UTF-8; it has letters that cannot be read.")) from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        table = [[_cell(value) for value in row] for row in csv.reader(io.StringIO(text), dialect)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    header, *body = table
    columns = [HEADINGS.get(heading.strip().lower()) for heading in header]
    unknown = [heading for heading, column in zip(header, columns) if heading and column is None]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(unknown)s. The columns are: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    if "name" not in columns:
        raise ImportFileError(_("The file needs a column “name” (or “navn”)."))
    rows = []
    for line, values in enumerate(body, start=2):
        if not any(values):
            continue  # spreadsheets end with empty rows
        rows.append((line, {column: value for column, value in zip(columns, values) if column}))
    return rows


def _kind(text):
    wanted = text.strip().lower()
    if not wanted:
        return OrganisationKind.ASSOCIATION
    if wanted in KIND_WORDS:
        return KIND_WORDS[wanted]
    for value, label in OrganisationKind.choices:
        if wanted in {value, str(label).lower()}:
            return value
    raise ValidationError(
        gettext_lazy("Unknown kind “%(kind)s”; use one of: %(kinds)s."),
        code="invalid_choice",
        params={"kind": text, "kinds": ", ".join(str(label) for _value, label in OrganisationKind.choices)},
    )


def _boolean(text, default):
    wanted = text.strip().lower()
    if text == "" and default is not None:
        return default
    if wanted in TRUE:
        return True
    if wanted in FALSE:
        return False
    raise ValidationError(gettext_lazy("Write “ja” or “nej”, not “%(value)s”."), code="invalid", params={"value": text})


def _number(text):
    if not text:
        return None
    try:
        number = int(text.replace(".", "").replace(" ", ""))
    except ValueError:
        raise ValidationError(gettext_lazy("“%(value)s” is not a whole number."), code="invalid", params={"value": text})
    return number


def _terms(text, known, label):
    names = [name.strip() for name in text.replace(",", ";").split(";") if name.strip()]
    missing = [name for name in names if name.lower() not in known]
    if missing:
        raise ValidationError(
            gettext_lazy("Not among the municipality's %(vocabulary)s: %(missing)s."),
            code="unknown_term",
            params={"vocabulary": label, "missing": ", ".join(missing)},
        )
    return [known[name.lower()] for name in names]


def build_organisation(municipality, data, vocabulary):
    """An unsaved organisation from one row, and its terms; raises ``ValidationError`` by field."""
    errors, values, terms = {}, {}, {}
    for name, text in data.items():
        try:
            if name == "kind":
                values[name] = _kind(text)
            elif name in BOOLEANS:
                values[name] = _boolean(text, Organisation._meta.get_field(name).default)
            elif name in NUMBERS:
                values[name] = _number(text)
            elif name in VOCABULARY:
                model = Organisation._meta.get_field(name).related_model
                terms[name] = _terms(text, vocabulary[name], model._meta.verbose_name_plural)
            else:
                values[name] = text
        except ValidationError as error:
            errors[name] = error
    organisation = Organisation(municipality=municipality, **values)
    try:
        organisation.full_clean()
    except ValidationError as error:
        errors = {**error.update_error_dict({}), **errors}
    if errors:
        raise ValidationError(errors)
    return organisation, terms


def error_lines(error):
    """"field: message" for every message of a refusal, with the field's own label."""
    lines = []
    for name, errors in error.message_dict.items():
        if name == "__all__":
            lines.extend(errors)
            continue
        label = Organisation._meta.get_field(name).verbose_name
        lines.extend(f"{label}: {message}" for message in errors)
    return lines
