"""The directory's current result as a table: CSV and XLSX downloads, public data only."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from policies.exports import csv_text, xlsx_text

# Rows fetched per round trip; prefetching works per chunk, so the query count stays
# proportional to the size of the export divided by this, not to the rows.
CHUNK = 500


def _columns():
    return [
        (_("Name"), lambda o: o.name),
        (_("Kind"), lambda o: o.get_kind_display()),
        (_("Municipality"), lambda o: o.municipality.name),
        (_("CVR number"), lambda o: o.cvr),
        (_("Purpose"), lambda o: o.purpose),
        (_("Target groups"), lambda o: "; ".join(t.name for t in o.target_groups.all())),
        (_("Fields of activity"), lambda o: "; ".join(t.name for t in o.fields_of_activity.all())),
        (_("Districts"), lambda o: "; ".join(t.name for t in o.districts.all())),
        (_("Street address"), lambda o: o.address),
        (_("Postal code"), lambda o: o.postal_code),
        (_("Town"), lambda o: o.city),
        (_("E-mail"), lambda o: o.email),
        (_("Phone"), lambda o: o.phone),
        (_("Website"), lambda o: o.website),
        # Personal data, only with the contact person's consent.
        (_("Contact person"), lambda o: (o.public_contact or {}).get("name", "")),
        (_("Contact person's e-mail"), lambda o: (o.public_contact or {}).get("email", "")),
        (_("Contact person's phone"), lambda o: (o.public_contact or {}).get("phone", "")),
        (_("Members"), lambda o: o.members_count),
        (_("Volunteers"), lambda o: o.volunteers_count),
        (_("Sits on the volunteer council"), lambda o: _("yes") if o.on_volunteer_council else _("no")),
        (_("Last updated"), lambda o: timezone.localtime(o.updated_at).strftime("%Y-%m-%d %H:%M")),
    ]


def rows(queryset):
    """The header, then one row per organisation."""
    columns = _columns()
    yield [header for header, _value in columns]
    for organisation in queryset.iterator(chunk_size=CHUNK):
        yield [value(organisation) for _header, value in columns]


def _filename(extension):
    return f"vejviser-{timezone.localdate():%Y-%m-%d}.{extension}"


class _Echo:
    def write(self, value):
        return value


def csv_response(queryset):
    writer = csv.writer(_Echo())

    def lines():
        # A byte-order mark, so that spreadsheet programs read the Danish letters right.
        yield "\ufeff"
        for row in rows(queryset):
            yield writer.writerow([csv_text(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def _text_cell(sheet, value):
    # Names and purposes are typed by the public: text stays text, never a formula.
    cell = WriteOnlyCell(sheet)
    xlsx_text(cell, value)
    return cell


def xlsx_response(queryset):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Directory"))
    for row in rows(queryset):
        sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
