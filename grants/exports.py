"""Downloads of the public results: the project database's rows and the results page's tables, as CSV
(the way Danish Excel opens it: UTF-8 with a byte-order mark, semicolons) and XLSX, and an
administration's annual status as XLSX. Text that a spreadsheet would run as a formula is kept text
(the plan exports' helpers)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from grants.models import GoalOutcome
from policies.exports import XLSX_TYPE, csv_text, sheet_title, xlsx_text, attachment

CHUNK = 500


def csv_response(header, rows, name):
    content = io.StringIO()
    content.write("\ufeff")
    writer = csv.writer(content, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return attachment(content.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8", name=name)


def xlsx_response(sheets, name, *, title=""):
    """``sheets``: (sheet name, header, rows) each."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for sheet_name, header, rows in sheets:
        sheet = workbook.create_sheet(sheet_title(sheet_name))
        for column, label in enumerate(header, start=1):
            cell = sheet.cell(row=1, column=column)
            xlsx_text(cell, label)
            cell.font = bold
            sheet.column_dimensions[cell.column_letter].width = 18 if column > 1 else 40
        for row_number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column)
                xlsx_text(cell, value)
                cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str) and len(value) > 40)
        sheet.freeze_panes = "A2"
    workbook.properties.title = title
    workbook.properties.creator = "Frivilligportalen"
    content = io.BytesIO()
    workbook.save(content)
    return attachment(content.getvalue(), content_type=XLSX_TYPE, name=name)


# The project database


def project_header():
    return [
        _("Year"),
        _("Municipality"),
        _("Administration"),
        _("Scheme"),
        _("Legal basis"),
        _("Organisation"),
        _("Project"),
        _("Purpose"),
        _("Amount granted (kr)"),
        _("Decision reference"),
        _("Decided on"),
        _("Goals"),
        _("Evaluated"),
        _("Evaluation"),
        _("Measured results"),
        _("Attendance"),
        _("Members"),
        _("Volunteers"),
    ]


def project_rows(queryset):
    outcomes = dict(GoalOutcome.choices)
    for application in queryset.iterator(chunk_size=CHUNK):
        decision, scheme = application.decision, application.scheme
        report = application._report()
        evaluated = report is not None and report.is_public
        results = {result.goal_id: result for result in report.goal_results.all()} if evaluated else {}
        goals = list(application.goals.all())
        yield [
            scheme.year,
            scheme.administration.municipality.name,
            scheme.administration.name,
            scheme.name,
            scheme.legal_basis.name,
            application.organisation.name,
            application.title,
            application.purpose,
            decision.amount_granted,
            decision.reference,
            decision.decided_on,
            "; ".join(f"{goal.description} ({goal.measure})" for goal in goals),
            _("yes") if evaluated else _("no"),
            report.evaluation if evaluated else "",
            "; ".join(
                f"{goal.description}: {outcomes.get(results[goal.pk].outcome, '')} {results[goal.pk].result}".strip()
                for goal in goals
                if goal.pk in results
            ),
            report.attendance if evaluated else None,
            report.members if evaluated else None,
            report.volunteers if evaluated else None,
        ]


def _stamp(stem, extension):
    return f"{stem}-{timezone.localdate():%Y-%m-%d}.{extension}"


def project_csv_response(queryset):
    return csv_response(project_header(), project_rows(queryset), _stamp("projektdatabase", "csv"))


def project_xlsx_response(queryset):
    return xlsx_response(
        [(_("Projects"), project_header(), list(project_rows(queryset)))], _stamp("projektdatabase", "xlsx"), title=_("Projects")
    )


# The results page's tables


def results_csv_response(municipality, charts):
    """Every chart's table in one file, each row led by the chart's title."""
    rows = []
    for chart in charts:
        header, table = chart.table()
        rows.append([chart.title, *header])
        rows.extend([chart.title, *row] for row in table)
        rows.append([])
    return csv_response([_("Chart"), _("Rows and values")], rows, f"resultater-{municipality.slug}.csv")


def results_xlsx_response(municipality, charts):
    sheets = [(chart.title, *chart.table()) for chart in charts]
    return xlsx_response(sheets, f"resultater-{municipality.slug}.xlsx", title=_("Results of %(municipality)s") % {"municipality": municipality})


# The annual status


def status_report_xlsx_response(report):
    administration = report.administration
    summary = [(str(label), value) for label, value in report.summary()]
    schemes = [
        [
            row.scheme.name,
            row.scheme.legal_basis.name,
            row.scheme.budget,
            row.received,
            row.granted,
            row.rejected,
            row.amount_granted,
            row.reports_approved,
            row.reports_outstanding,
            row.reports_overdue,
        ]
        for row in report.schemes
    ]
    experiences = [
        [r.application.organisation.name, r.application.title, r.application.scheme.name, r.evaluation] for r in report.experiences
    ]
    needs = [[r.application.organisation.name, r.application.title, text] for r, text in report.needs]
    needs += [
        [r.application.organisation.name, r.application.title, f"{result.goal.description}: {result.get_outcome_display()}. {result.explanation}".strip()]
        for r, result in report.unmet_goals
    ]
    sheets = [
        (_("Status"), [_("What"), _("Number")], summary),
        (
            _("Schemes"),
            [
                _("Scheme"),
                _("Legal basis"),
                _("Budget (kr)"),
                _("Applications received"),
                _("Grants"),
                _("Rejections"),
                _("Amount granted (kr)"),
                _("Reports approved"),
                _("Reports outstanding"),
                _("of which overdue"),
            ],
            schemes,
        ),
        (_("Experiences"), [_("Organisation"), _("Project"), _("Scheme"), _("Evaluation")], experiences),
        (_("Needs"), [_("Organisation"), _("Project"), _("Need")], needs),
    ]
    name = f"status-{administration.municipality.slug}-{administration.slug}-{report.year}.xlsx"
    title = _("Status %(year)s: %(administration)s") % {"year": report.year, "administration": administration}
    return xlsx_response(sheets, name, title=title)
