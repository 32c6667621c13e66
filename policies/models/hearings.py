"""Hearings (høringer): an administration consults standing bodies on a decision before it is
taken (policy point 1: "in reasonable time"), they answer before the response deadline, and the
administration writes the hearing note on how each answer was taken into account.

The deadline leaves at least the municipality's minimum hearing period after opening and falls
before the meeting that decides the matter. After opening it may be extended, never shortened,
and every extension is kept (``HearingExtension``). Responses are published no earlier than the
deadline: until then only their authors and the sending administration's caseworkers read them.
"""

import datetime
import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from policies.models.base import RemembersLoadedValues, _human_date, _today
from policies.models.municipality import Administration, BodyMembership, ConsultedBody, Municipality


class HearingStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open for responses")
    CLOSED = "closed", _("closed")
    CONCLUDED = "concluded", _("concluded")


# What the public may read: every hearing that has been opened.
PUBLISHED_HEARING_STATUSES = (HearingStatus.OPEN, HearingStatus.CLOSED, HearingStatus.CONCLUDED)


class HearingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=PUBLISHED_HEARING_STATUSES)

    def visible_to(self, user):
        """Opened hearings for everyone; drafts too for the sending administration's caseworkers and
        the municipality's policy owners. The one place that says who may read a hearing."""
        published = Q(status__in=PUBLISHED_HEARING_STATUSES)
        if not user.is_authenticated:
            return self.filter(published)
        return self.filter(published | self._sent_by(user) | self._owned_by(user))

    def managed_by(self, user):
        """Hearings the user may edit, open, extend, close and conclude: their administrations'."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(self._sent_by(user))

    def consulting(self, user, today=None):
        """Hearings that consult a body the user is a member of today."""
        if not user.is_authenticated:
            return self.none()
        memberships = BodyMembership.objects.current(today or _today()).filter(user=user)
        return self.filter(consulted_bodies__in=memberships.values("body")).distinct()

    @staticmethod
    def _sent_by(user):
        return Q(administration__in=Administration.objects.filter(caseworkers=user))

    @staticmethod
    def _owned_by(user):
        return Q(administration__municipality__in=Municipality.objects.filter(policy_owners=user))

    def open(self, today=None):
        """Open and within its period: responses are accepted (the deadline day included)."""
        today = today or _today()
        return self.filter(status=HearingStatus.OPEN, opens_on__lte=today, response_deadline__gte=today)

    def accepting_responses(self, today=None):
        return self.open(today)

    def responses_public(self, today=None):
        """Hearings whose responses everyone may read: opened, and the deadline has passed."""
        return self.published().filter(response_deadline__lt=today or _today())


def _min_deadline(opens_on, municipality):
    return opens_on + datetime.timedelta(days=municipality.minimum_hearing_period_days)


class Hearing(RemembersLoadedValues):
    """A decision put to the consulted bodies before it is taken (høring)."""

    administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        related_name="hearings",
        verbose_name=_("sending administration"),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), help_text=_("What the decision is about, in plain words."))
    case_number = models.CharField(_("case number"), max_length=50, blank=True)
    consulted_bodies = models.ManyToManyField(
        ConsultedBody, related_name="hearings", verbose_name=_("consulted bodies")
    )
    deciding_meeting_on = models.DateField(
        _("date of the deciding meeting"), help_text=_("The meeting that decides the matter.")
    )
    opens_on = models.DateField(
        _("opening date"), help_text=_("Set to the day the hearing is opened, when it is opened.")
    )
    response_deadline = models.DateField(_("response deadline"))
    status = models.CharField(_("status"), max_length=20, choices=HearingStatus, default=HearingStatus.DRAFT)
    decision_reference = models.CharField(
        _("decision reference"), max_length=100, blank=True, help_text=_("E.g. “BR 754/05”.")
    )
    hearing_note = models.TextField(
        _("hearing note"),
        blank=True,
        help_text=_("The høringsnotat: what the hearing showed and how the responses were taken into account."),
    )
    notified_at = models.DateTimeField(
        _("members and subscribers e-mailed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the hearing opened and its e-mails went out, so that they go out once."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = HearingQuerySet.as_manager()

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response_deadline__lt=F("deciding_meeting_on")), name="hearing_deadline_before_meeting"
            ),
            # The minimum period is the municipality's setting, which a row cannot read: clean() says it.
            models.CheckConstraint(
                condition=Q(response_deadline__gt=F("opens_on")), name="hearing_deadline_after_opening"
            ),
            models.CheckConstraint(
                condition=~Q(status=HearingStatus.CONCLUDED) | GreaterThan(Length(Trim("decision_reference")), 0),
                name="concluded_hearing_has_decision",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:hearing_detail", kwargs={"pk": self.pk})

    def is_published(self):
        """Twin of ``HearingQuerySet.published``."""
        return self.status in PUBLISHED_HEARING_STATUSES

    def is_open(self, today=None):
        """Twin of ``HearingQuerySet.open``."""
        today = today or _today()
        return self.status == HearingStatus.OPEN and self.opens_on <= today <= self.response_deadline

    def accepting_responses(self, today=None):
        """Twin of ``HearingQuerySet.accepting_responses``."""
        return self.is_open(today)

    def responses_public(self, today=None):
        """Twin of ``HearingQuerySet.responses_public``."""
        return self.is_published() and self.response_deadline < (today or _today())

    def deadline_passed(self, today=None):
        return self.response_deadline < (today or _today())

    @property
    def is_opened(self):
        """Whether the hearing, as stored, has been opened (and so its deadline may only grow)."""
        return self.stored_value("status") not in (None, HearingStatus.DRAFT)

    def hearing_list(self):
        """The memberships of the consulted bodies on the opening date: who was consulted, then."""
        return (
            BodyMembership.objects.current(self.opens_on)
            .filter(body__in=self.consulted_bodies.all())
            .select_related("body", "user")
            .order_by("body__name", "on_behalf_of", "user__name")
        )

    def clean(self):
        errors = {}
        municipality = self.administration.municipality if self.administration_id else None
        # The minimum period is the municipality's setting when the hearing opens. Once open, the
        # deadline is a stored date that only an extension moves, and only later: a policy owner who
        # lowers the setting shortens no open hearing, and one who raises it does not make the open
        # hearings' deadlines (already checked when they opened) refuse their extension or closing.
        if self.opens_on and self.response_deadline and municipality and not self.is_opened:
            earliest = _min_deadline(self.opens_on, municipality)
            if self.response_deadline < earliest:
                errors["response_deadline"] = ValidationError(
                    _(
                        "The response deadline must leave at least %(days)s days after the hearing opens on "
                        "%(opens)s, so it can be %(earliest)s at the earliest."
                    )
                    % {
                        "days": municipality.minimum_hearing_period_days,
                        "opens": _human_date(self.opens_on),
                        "earliest": _human_date(earliest),
                    },
                    code="period_too_short",
                )
        if self.response_deadline and self.deciding_meeting_on and self.response_deadline >= self.deciding_meeting_on:
            errors.setdefault(
                "response_deadline",
                ValidationError(
                    _(
                        "The response deadline (%(deadline)s) must fall before the meeting that decides the "
                        "matter (%(meeting)s)."
                    )
                    % {
                        "deadline": _human_date(self.response_deadline),
                        "meeting": _human_date(self.deciding_meeting_on),
                    },
                    code="deadline_not_before_meeting",
                ),
            )
        stored_deadline = self.stored_value("response_deadline")
        if self.is_opened and self.response_deadline and self.response_deadline < stored_deadline:
            errors["response_deadline"] = ValidationError(
                _("A response deadline can be extended but never shortened once the hearing is open: it is %(date)s.")
                % {"date": _human_date(stored_deadline)},
                code="deadline_shortened",
            )
        if self.status == HearingStatus.CONCLUDED and not self.decision_reference.strip():
            errors["decision_reference"] = ValidationError(
                _("A concluded hearing needs the reference of the decision that was taken."),
                code="required_when_concluded",
            )
        if errors:
            raise ValidationError(errors)


class HearingExtension(models.Model):
    """One extension of a hearing's response deadline: every one is kept, with reason, who and when."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("hearing")
    )
    previous_deadline = models.DateField(_("previous deadline"))
    new_deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("extended by")
    )
    extended_at = models.DateTimeField(_("extended at"), auto_now_add=True)

    class Meta:
        verbose_name = _("extension of the deadline")
        verbose_name_plural = _("extensions of the deadline")
        ordering = ["hearing", "extended_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_deadline__gt=F("previous_deadline")), name="extension_moves_deadline_later"
            ),
            models.CheckConstraint(condition=GreaterThan(Length(Trim("reason")), 0), name="extension_has_reason"),
        ]

    def __str__(self):
        return f"{_human_date(self.previous_deadline)} → {_human_date(self.new_deadline)}"

    def clean(self):
        errors = {}
        if self.previous_deadline and self.new_deadline and self.new_deadline <= self.previous_deadline:
            errors["new_deadline"] = ValidationError(
                _("The new deadline must fall after the current one (%(date)s): a deadline is never shortened.")
                % {"date": _human_date(self.previous_deadline)},
                code="not_later",
            )
        if not (self.reason or "").strip():
            errors["reason"] = ValidationError(_("Say why the deadline is extended."), code="reason_required")
        if errors:
            raise ValidationError(errors)


# Documents: what the portal accepts, recognised by content, not by name.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def document_kind(file):
    """"pdf", "docx" or "odt" by the file's content, or None for anything else."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and archive.read("mimetype").strip() == DOCUMENT_TYPES["odt"].encode():
                    return "odt"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        finally:
            file.seek(0)
    return None


def validate_hearing_document(file):
    limit = settings.HEARING_DOCUMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; a document may be at most %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if document_kind(file) is None:
        raise ValidationError(
            _("Only PDF, Word (DOCX) and OpenDocument text (ODT) files can be attached; this file is none of them."),
            code="unsupported_type",
        )


class StoredDocument:
    """What a hearing's and a meeting's documents share: the type recognised by content when saved,
    and a safe name for the download. A mixin for models with ``title``, ``file`` and ``kind``."""

    @property
    def content_type(self):
        return DOCUMENT_TYPES[self.kind]

    def download_name(self):
        """A safe file name for the download: the title's letters, with the type's extension."""
        from django.utils.text import get_valid_filename

        stem = get_valid_filename(self.title)[:80] or "dokument"
        return f"{stem}.{self.kind}"

    def recognise_kind(self):
        """Set ``kind`` from the file's content; True if it was not set before."""
        if self.file and not self.kind:
            self.kind = document_kind(self.file) or ""
            return True
        return False


def hearing_document_path(document, filename):
    # The stored name is ours; the uploader's name is kept apart and only ever sent as a header.
    return f"hearings/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


class HearingDocument(StoredDocument, models.Model):
    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="documents", verbose_name=_("hearing")
    )
    title = models.CharField(_("document title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to=hearing_document_path,
        validators=[validate_hearing_document],
        help_text=_("PDF, DOCX or ODT."),
    )
    original_name = models.CharField(_("file name"), max_length=255, editable=False)
    kind = models.CharField(_("file type"), max_length=10, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["hearing", "uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:hearing_document", kwargs={"pk": self.hearing_id, "document": self.pk})

    def save(self, *args, **kwargs):
        if self.recognise_kind():
            self.original_name = PurePath(self.file.name).name[:255]
        super().save(*args, **kwargs)


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class HearingResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ResponseStatus.SUBMITTED)

    def readable_by(self, user, today=None):
        """Responses ``user`` may read: submitted ones of hearings whose deadline has passed; before
        that, only their own and, for the sending administration's caseworkers, every submitted one.
        The one place that says who reads a response."""
        public = Q(status=ResponseStatus.SUBMITTED, hearing__in=Hearing.objects.responses_public(today))
        if not user.is_authenticated:
            return self.filter(public)
        sent = Q(status=ResponseStatus.SUBMITTED, hearing__in=Hearing.objects.managed_by(user))
        return self.filter(public | sent | Q(author=user))


class HearingResponse(RemembersLoadedValues):
    """A body member's answer to a hearing (høringssvar), on behalf of their organisation."""

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="responses", verbose_name=_("hearing")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hearing_responses", verbose_name=_("author")
    )
    body = models.ForeignKey(
        ConsultedBody, on_delete=models.PROTECT, related_name="hearing_responses", verbose_name=_("consulted body")
    )
    on_behalf_of = models.CharField(_("on behalf of"), max_length=200, blank=True)
    text = models.TextField(_("response"))
    status = models.CharField(_("status"), max_length=20, choices=ResponseStatus, default=ResponseStatus.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    consideration = models.TextField(
        _("how the response was taken into account"),
        blank=True,
        help_text=_("Part of the hearing note, written by the administration after the deadline."),
    )

    objects = HearingResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("hearing response")
        verbose_name_plural = _("hearing responses")
        ordering = ["hearing", "body__name", "on_behalf_of", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["hearing", "author"], name="one_response_per_member"),
            models.CheckConstraint(
                condition=~Q(status=ResponseStatus.SUBMITTED) | Q(submitted_at__isnull=False),
                name="submitted_response_has_time",
            ),
        ]

    def __str__(self):
        return str(self.on_behalf_of or self.author)

    def _changed(self, *names):
        return self._state.adding or any(getattr(self, name) != self.stored_value(name) for name in names)

    def clean(self, today=None):
        today = today or _today()
        errors = {}
        if not self.hearing_id:
            return
        hearing = self.hearing
        if self._changed("text", "status") and not hearing.accepting_responses(today):
            if hearing.deadline_passed(today):
                message = _(
                    "The response deadline was %(date)s, so the response can no longer be saved or submitted. "
                    "Your text is kept below so that you can copy it."
                ) % {"date": _human_date(hearing.response_deadline)}
            else:
                message = _("The hearing is not open for responses.")
            errors["text"] = ValidationError(message, code="not_accepting")
        if self.status == ResponseStatus.SUBMITTED and not self.text.strip():
            errors.setdefault("text", ValidationError(_("Write the response before submitting it."), code="empty"))
        if self.author_id and self.body_id and self._changed("text", "status", "body_id"):
            member = (
                BodyMembership.objects.current(today)
                .filter(user_id=self.author_id, body_id=self.body_id, body__in=hearing.consulted_bodies.all())
                .exists()
            )
            if not member:
                errors["body"] = ValidationError(
                    _("Only current members of a body consulted in this hearing can answer it."),
                    code="not_a_member",
                )
        if self._changed("consideration") and self.consideration and not hearing.deadline_passed(today):
            errors["consideration"] = ValidationError(
                _("The hearing note is written after the response deadline (%(date)s).")
                % {"date": _human_date(hearing.response_deadline)},
                code="note_before_deadline",
            )
        if errors:
            raise ValidationError(errors)


class HearingSubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def for_hearing(self, hearing):
        return self.confirmed().filter(administrations=hearing.administration_id)


class HearingSubscription(models.Model):
    """Someone who asked to be e-mailed when a chosen administration opens a hearing. Nothing is
    sent until they confirm through the signed link mailed to them."""

    email = models.EmailField(_("e-mail address"), unique=True)
    administrations = models.ManyToManyField(
        Administration, related_name="hearing_subscriptions", verbose_name=_("administrations")
    )
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = HearingSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("hearing subscription")
        verbose_name_plural = _("hearing subscriptions")
        ordering = ["email"]

    def __str__(self):
        return self.email

    def is_confirmed(self):
        """Twin of ``HearingSubscriptionQuerySet.confirmed``."""
        return self.confirmed_at is not None
