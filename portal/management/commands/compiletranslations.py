from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile the project's .po catalogues to .mo with polib, so set-up needs no GNU gettext "
        "(Django's compilemessages requires msgfmt)."
    )

    def handle(self, *args, **options):
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalogue = polib.pofile(str(po_path))
                # Fuzzy entries are guesses: gettext never uses them, nor do we.
                catalogue.save_as_mofile(str(mo_path))
                self.stdout.write(f"{po_path} → {mo_path.name}")
