"""Every text the interface shows has its Danish and its English translation.

The source strings are English. ``make messages`` extracts them into
``locale/{da,en}/LC_MESSAGES/django.po`` (the English catalogue is made from the
source; the Danish one is translated by hand) and compiles the ``.mo`` files.
These tests run ``make messages`` on a copy of the project and compare, so a
string added without updating the catalogues fails here, not in front of a user.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.tools import require

ROOT = Path(settings.BASE_DIR)
LOCALES = ("da", "en")
REGENERATE = "run `make messages`"
# Never copied for the extraction: not the project's source (and large).
NOT_SOURCE = (
    ".git", ".venv", "node_modules", "staticfiles", "media", "__pycache__", ".pytest_cache", "test-results",
    "*.egg-info", "*.sqlite3", "*.mo",
)


class DanishTextMissing(AssertionError):
    """A string has no Danish text yet: the translation itself, not the catalogue, is missing."""


def catalogue(locale):
    path = ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: {REGENERATE}"
    return polib.pofile(str(path))


def key(entry):
    return entry.msgctxt, entry.msgid, entry.msgid_plural


def describe(entries, limit=40):
    lines = [f"  {entry.msgid!r}" + (f" ({entry.occurrences[0][0]})" if entry.occurrences else "") for entry in entries]
    if len(lines) > limit:
        lines = [*lines[:limit], f"  … and {len(lines) - limit} more"]
    return "\n".join(lines)


def untranslated(entries):
    """Entries without text: an empty msgstr, or any empty plural form."""
    return [
        entry
        for entry in entries
        if (entry.msgid_plural and not all(entry.msgstr_plural.values()))
        or (not entry.msgid_plural and not entry.msgstr)
    ]


def current(po):
    return [entry for entry in po if not entry.obsolete and entry.msgid]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues ``make messages`` makes from today's source, in a copy of the project."""
    require(shutil.which("make"), "make", "install make")
    for tool in ("xgettext", "msgmerge", "msgen"):
        require(shutil.which(tool), f"GNU gettext ({tool})", "apt-get install gettext")
    copy = tmp_path_factory.mktemp("messages") / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_SOURCE), symlinks=True)
    completed = subprocess.run(
        ["make", "--no-print-directory", "-C", str(copy), "messages", f"BIN={Path(sys.executable).parent}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, f"make messages failed:\n{completed.stdout}\n{completed.stderr}"
    return {locale: polib.pofile(str(copy / "locale" / locale / "LC_MESSAGES" / "django.po")) for locale in LOCALES}


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_holds_every_string_of_the_source(extracted, locale):
    in_source = {key(entry): entry for entry in current(extracted[locale])}
    in_catalogue = {key(entry): entry for entry in current(catalogue(locale))}

    missing = [entry for k, entry in in_source.items() if k not in in_catalogue]
    gone = [entry for k, entry in in_catalogue.items() if k not in in_source]

    assert not missing, f"Strings of the source missing from the {locale} catalogue ({REGENERATE}):\n{describe(missing)}"
    assert not gone, f"Strings of the {locale} catalogue no longer in the source ({REGENERATE}):\n{describe(gone)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_fuzzy_entries(locale):
    fuzzy = [entry for entry in current(catalogue(locale)) if "fuzzy" in entry.flags]

    assert not fuzzy, (
        f"Fuzzy entries in the {locale} catalogue (gettext's guesses, never shown): check the text and remove "
        f"the fuzzy flag:\n{describe(fuzzy)}"
    )


def test_every_string_has_its_english_text():
    missing = untranslated(current(catalogue("en")))

    assert not missing, f"Strings without English text ({REGENERATE}, which copies the source):\n{describe(missing)}"


def test_every_string_has_its_danish_text():
    missing = untranslated(current(catalogue("da")))

    if missing:
        raise DanishTextMissing(
            f"{len(missing)} strings have no Danish text in locale/da/LC_MESSAGES/django.po:\n{describe(missing)}"
        )


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_is_current(locale):
    po = catalogue(locale)
    mo_path = ROOT / "locale" / locale / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), f"{mo_path.relative_to(ROOT)} is missing: run `make setup` (manage.py compiletranslations)"

    def texts(entries):
        return {key(entry): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))) for entry in entries if entry.msgid}

    compiled = texts(polib.mofile(str(mo_path)))
    written = texts(entry for entry in po.translated_entries() if not entry.obsolete)

    differing = sorted((k for k in compiled.keys() | written.keys() if compiled.get(k) != written.get(k)), key=str)
    assert not differing, (
        f"{mo_path.relative_to(ROOT)} does not hold what django.po says: recompile it (delete it and run "
        "`make setup`, or `make messages`). Differing: " + ", ".join(repr(k[1]) for k in differing[:20])
    )
