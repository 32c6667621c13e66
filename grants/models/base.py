"""What the grant models share: amounts in kroner, the roles that reach a grant, and attached files."""

import uuid
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from policies.models import DOCUMENT_TYPES, document_kind


def today():
    return timezone.localdate()


def kroner(amount):
    """An amount as the municipality writes it: “100.000 kr.” (grouped by the active language)."""
    return _("%(amount)s kr.") % {"amount": number_format(amount or 0, force_grouping=True)}


# Roles, said once: the querysets of every grant model build on these conditions.


def caseworker_of(user, path):
    """``path`` leads to an administration whose caseworkers include ``user``."""
    from policies.models import Administration

    return Q(**{f"{path}__in": Administration.objects.filter(caseworkers=user)})


def policy_owner_of(user, path):
    """``path`` leads to a municipality whose policy owners include ``user``."""
    from policies.models import Municipality

    return Q(**{f"{path}__in": Municipality.objects.filter(policy_owners=user)})


def representative_of(user, path):
    """``path`` leads to an organisation ``user`` represents."""
    from organisations.models import Organisation

    return Q(**{f"{path}__in": Organisation.representatives.through.objects.filter(user=user).values("organisation_id")})


# Attachments: an application's documents and a report's accounts. Budgets and accounts are often
# spreadsheets, so besides the hearings' document types (PDF, DOCX, ODT) XLSX and ODS are taken.
ATTACHMENT_TYPES = {
    **DOCUMENT_TYPES,
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


def attachment_kind(file):
    """The file's type by its content (never by its name): one of ``ATTACHMENT_TYPES``, or None."""
    kind = document_kind(file)
    if kind is not None:
        return kind
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if head != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names and archive.read("mimetype").strip() == ATTACHMENT_TYPES["ods"].encode():
                return "ods"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        file.seek(0)
    return None


def validate_attachment(file):
    if file.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; an attachment may be at most %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(ATTACHMENT_MAX_BYTES)},
            code="too_large",
        )
    if attachment_kind(file) is None:
        raise ValidationError(
            _("Only PDF, Word (DOCX), OpenDocument (ODT, ODS) and Excel (XLSX) files can be attached; this file is none of them."),
            code="unsupported_type",
        )


def attachment_path(instance, filename):
    # The stored name is ours; the uploader's name is kept apart and only ever sent as a header.
    return f"grants/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


def download_name(title, kind):
    """A safe file name for a download: the title's letters, with the type's extension."""
    from django.core.exceptions import SuspiciousFileOperation
    from django.utils.text import get_valid_filename

    try:
        stem = get_valid_filename(title)[:80]
    except SuspiciousFileOperation:  # a title of only dots or signs
        stem = ""
    return f"{stem or 'bilag'}.{kind}"
