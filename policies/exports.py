"""A plan as a spreadsheet (XLSX) or CSV file: the two columns of the source documents, the point
on the left and the administration's actions on the right, one row per action.

Each row repeats its point's number and title, so the rows can be sorted and filtered. A point
that does not apply has one row with the reason; a point not answered yet has one row with the
point alone.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What a spreadsheet program reads as a formula when a text cell begins with it (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def columns():
    """The header, with a width (in characters) for the spreadsheet."""
    return [
        (pgettext("plan export column", "Point no."), 8),
        (pgettext("plan export column", "Point"), 28),
        (pgettext("plan export column", "Text of the point"), 60),
        (pgettext("plan export column", "Action"), 60),
        (pgettext("plan export column", "Responsible unit"), 22),
        (pgettext("plan export column", "Status"), 14),
        (pgettext("plan export column", "Target"), 22),
        (pgettext("plan export column", "To be done by"), 14),
        (pgettext("plan export column", "Why the point does not apply"), 40),
    ]


def export_rows(plan):
    """The plan's rows in the order of the document: points by number, actions by position.
    Reads ``plan.policy.points``, ``plan.actions`` and ``plan.exemptions`` through ``.all()``, so a
    plan fetched with those prefetched costs no further query."""
    actions_by_point, exemption_by_point = {}, {}
    for action in sorted(plan.actions.all(), key=lambda action: (action.position, action.pk)):
        actions_by_point.setdefault(action.point_id, []).append(action)
    for exemption in plan.exemptions.all():
        exemption_by_point[exemption.point_id] = exemption
    rows = []
    for point in sorted(plan.policy.points.all(), key=lambda point: point.number):
        left = [point.number, point.title, point.text]
        if point.pk in exemption_by_point:
            rows.append([*left, "", "", "", "", None, exemption_by_point[point.pk].reason])
        elif point.pk in actions_by_point:
            for action in actions_by_point[point.pk]:
                rows.append(
                    [
                        *left,
                        action.text,
                        action.responsible_unit,
                        action.get_status_display(),
                        action.target,
                        action.due_on,
                        "",
                    ]
                )
        else:
            rows.append([*left, "", "", "", "", None, ""])
    return rows


def plan_facts(plan):
    """What heads the document: the plan's references, label beside value."""
    facts = [
        (_("Policy"), plan.policy.title),
        (_("Administration"), str(plan.administration)),
        (_("Title"), plan.title),
        (_("Status"), plan.get_status_display()),
        (_("Plans due"), plan.due_on),
        (_("Decision reference"), plan.decision_reference),
        (_("Adopted on"), plan.adopted_on),
        (_("Case number"), plan.case_number),
        (_("Document number"), plan.document_number),
        (_("Document date"), plan.dated_on),
        (_("Caseworker"), plan.caseworker_initials),
        (_("Exported"), timezone.localtime().replace(microsecond=0, tzinfo=None)),
    ]
    return [(label, value) for label, value in facts if value not in ("", None)]


def filename(plan, extension):
    # Slugs are ASCII letters, digits and hyphens: safe in any header and on any file system.
    return f"{plan.policy.slug}-{plan.administration.slug}.{extension}"


def attachment(content, *, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# XLSX


def xlsx_text(cell, value):
    """Write ``value`` into ``cell`` so that text stays text (openpyxl would take "=…" for a formula)."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value
        if hasattr(value, "year"):
            cell.number_format = "DD-MM-YYYY" if not hasattr(value, "hour") else "DD-MM-YYYY HH:MM"


def sheet_title(text):
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    return "".join(character for character in text if character not in "[]:*?/\\")[:31]


def plan_xlsx(plan):
    """The plan as an Excel workbook: the points and actions, then a sheet with its references."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Plan"))
    header = columns()
    bold = Font(bold=True)
    for index, (label, width) in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=index)
        xlsx_text(cell, label)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDE3EA")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    for row_number, row in enumerate(export_rows(plan), start=2):
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=index)
            xlsx_text(cell, value)
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # Printed from Excel: landscape, as wide as the page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"

    about = workbook.create_sheet(sheet_title(_("About the plan")))
    for row_number, (label, value) in enumerate(plan_facts(plan), start=1):
        xlsx_text(about.cell(row=row_number, column=1), label)
        about.cell(row=row_number, column=1).font = bold
        xlsx_text(about.cell(row=row_number, column=2), value)
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 70

    workbook.properties.title = str(plan)
    workbook.properties.creator = "Frivilligportalen"
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def plan_xlsx_response(plan):
    return attachment(plan_xlsx(plan), content_type=XLSX_TYPE, name=filename(plan, "xlsx"))


# CSV


def csv_text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    value = str(value)
    # A leading apostrophe keeps a spreadsheet program from running text as a formula (OWASP).
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def plan_csv(plan):
    """The plan as CSV the way Danish Excel opens it: UTF-8 with a byte-order mark, semicolons
    between fields (the comma is the decimal sign), dates as YYYY-MM-DD."""
    content = io.StringIO()
    content.write("\ufeff")
    writer = csv.writer(content, delimiter=";", lineterminator="\r\n")
    writer.writerow([label for label, _width in columns()])
    for row in export_rows(plan):
        writer.writerow([csv_text(value) for value in row])
    return content.getvalue().encode("utf-8")


def plan_csv_response(plan):
    return attachment(plan_csv(plan), content_type="text/csv; charset=utf-8", name=filename(plan, "csv"))
