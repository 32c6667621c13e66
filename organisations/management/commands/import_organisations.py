"""``manage.py import_organisations FILE --municipality SLUG``: all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from organisations import services
from organisations.imports import ImportFileError, read_table
from policies.models import Municipality


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Import organisations from a CSV or XLSX file into a municipality's directory. Every row is checked "
            "by the same rules as the forms; if any row is refused, nothing is imported and every refusal is listed."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The CSV or XLSX file, with a header row."))
        parser.add_argument("--municipality", required=True, help=_("The municipality's short name, e.g. koebenhavn."))
        parser.add_argument("--dry-run", action="store_true", help=_("Check every row and import nothing."))

    def handle(self, *args, file, municipality, dry_run=False, **options):
        try:
            municipality = Municipality.objects.get(slug=municipality)
        except Municipality.DoesNotExist:
            raise CommandError(_("No municipality has the short name %(slug)s.") % {"slug": municipality}) from None
        path = Path(file)
        try:
            with path.open("rb") as handle:
                rows = read_table(handle, path.name)
        except OSError as error:
            raise CommandError(str(error)) from None
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        report = services.organisations_import(municipality=municipality, rows=rows, dry_run=dry_run)
        for refused in report.refused:
            self.stderr.write(_("Line %(line)s (%(name)s):") % {"line": refused.line, "name": refused.name or "–"})
            for error in refused.errors:
                self.stderr.write(f"  {error}")
        if not report.ok:
            raise CommandError(
                _("%(refused)s of %(rows)s rows were refused; nothing was imported.")
                % {"refused": len(report.refused), "rows": report.rows}
            )
        if dry_run:
            self.stdout.write(_("All %(rows)s rows can be imported (dry run: nothing was saved).") % {"rows": report.rows})
        else:
            self.stdout.write(
                self.style.SUCCESS(_("Imported %(count)s organisations into %(municipality)s.") % {
                    "count": len(report.created), "municipality": municipality,
                })
            )
