"""Applications for grants: what an organisation asks for and why, its goals for the money, its
budget and documents, and the caseworker's assessment.

An application is a draft until its organisation submits it; it is received only inside the
scheme's window (first and last day included) and only when it has what the scheme and its legal
basis ask for, and nothing more is required (policy point 7: “At de kommunale tilskud gives, så de
frivillige foreningers selvbestemmelse ikke anfægtes”). Once submitted its content is locked.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from grants.models.base import (
    ATTACHMENT_TYPES,
    attachment_kind,
    attachment_path,
    caseworker_of,
    download_name,
    kroner,
    policy_owner_of,
    representative_of,
    today,
    validate_attachment,
)
from grants.models.schemes import GrantScheme, RequiredAttachment
from policies.models import RemembersLoadedValues


def _human_date(value):
    return date_format(value, "j. F Y")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ApplicationQuerySet(models.QuerySet):
    # Who reaches an application, said once.

    def visible_to(self, user):
        """Its organisation's representatives, the scheme's caseworkers and the municipality's policy
        owners (and staff). Everyone else reads only what is public (``granted``)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(
            representative_of(user, "organisation")
            | caseworker_of(user, "scheme__administration")
            | policy_owner_of(user, "scheme__administration__municipality")
        )

    def of_representative(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(representative_of(user, "organisation"))

    def handled_by(self, user):
        """Applications ``user`` assesses and decides, and whose reports they accept: the caseworkers
        of the scheme's administration."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(caseworker_of(user, "scheme__administration"))

    def with_permissions(self, user):
        """Annotate ``user_represents`` (``of_representative``) and ``user_handles`` (``handled_by``), so
        that a view can tell 403 from 200 without another query."""
        if not user.is_authenticated:
            return self.annotate(user_represents=Value(False), user_handles=Value(False))
        return self.annotate(
            user_represents=Case(When(representative_of(user, "organisation"), then=Value(True)), default=Value(False)),
            user_handles=Case(When(caseworker_of(user, "scheme__administration"), then=Value(True)), default=Value(False)),
        )

    # States

    def drafts(self):
        return self.filter(status=ApplicationStatus.DRAFT)

    def awaiting_decision(self):
        return self.filter(status=ApplicationStatus.SUBMITTED, decision__isnull=True)

    def granted(self):
        """Applications granted money: the funded projects, public with their decision."""
        from grants.models.decisions import DecisionOutcome

        return self.filter(decision__outcome=DecisionOutcome.GRANTED)

    def report_outstanding(self):
        """Granted, and the report not submitted: none yet, a draft, or sent back for more."""
        from grants.models.reports import OUTSTANDING_REPORT_STATUSES

        return self.granted().filter(Q(report__isnull=True) | Q(report__status__in=OUTSTANDING_REPORT_STATUSES))

    def report_overdue(self, on=None):
        """Twin of ``Application.is_report_overdue``: outstanding after its due date."""
        return self.report_outstanding().filter(decision__report_due_on__lt=on or today())

    def report_unapproved(self, on=None):
        """What ``refuses_while_report_outstanding`` refuses an organisation for: a grant whose report is
        overdue, or submitted or sent back and not yet approved."""
        from grants.models.reports import ReportStatus

        in_assessment = Q(report__status__in=[ReportStatus.SUBMITTED, ReportStatus.RETURNED])
        return self.granted().filter(Q(pk__in=self.model.objects.report_overdue(on).values("pk")) | in_assessment)

    def for_listing(self):
        return self.select_related(
            "scheme__administration__municipality", "scheme__legal_basis", "organisation__municipality", "decision", "report"
        )


class Application(RemembersLoadedValues):
    scheme = models.ForeignKey(
        GrantScheme, on_delete=models.PROTECT, related_name="applications", verbose_name=_("grant scheme")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="grant_applications",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("project title"), max_length=200, help_text=_("A short name for what you apply for."))
    purpose = models.TextField(_("purpose"), help_text=_("What the money is for, and for whom."))
    amount_requested = models.PositiveIntegerField(_("amount requested (kr)"), validators=[MinValueValidator(1)])
    status = models.CharField(_("status"), max_length=20, choices=ApplicationStatus, default=ApplicationStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("received at"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_requested__gte=1), name="application_amount_positive"),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="submitted_application_is_dated",
            ),
        ]
        indexes = [models.Index(fields=["scheme", "status"], name="application_scheme_status")]

    def __str__(self):
        return f"{self.title} ({self.organisation})" if self.organisation_id else self.title

    def get_absolute_url(self):
        return reverse("grants:application_detail", kwargs={"pk": self.pk})

    def get_public_url(self):
        return reverse("grants:project_detail", kwargs={"pk": self.pk})

    # States, beside their QuerySet twins.

    @property
    def is_draft(self):
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_locked(self):
        """Submitted or withdrawn as stored: its content refuses changes."""
        return self.stored_value("status") not in (None, ApplicationStatus.DRAFT)

    def _decision(self):
        try:
            return self.decision
        except models.ObjectDoesNotExist:
            return None

    def _report(self):
        try:
            return self.report
        except models.ObjectDoesNotExist:
            return None

    @property
    def is_granted(self):
        """Twin of ``ApplicationQuerySet.granted``."""
        decision = self._decision()
        return decision is not None and decision.is_granted

    @property
    def is_awaiting_decision(self):
        return self.status == ApplicationStatus.SUBMITTED and self._decision() is None

    def state(self):
        """What the applicant reads: draft, received, granted, rejected or withdrawn (code, label)."""
        decision = self._decision()
        if decision is not None:
            return decision.outcome, decision.get_outcome_display()
        if self.status == ApplicationStatus.SUBMITTED:
            return "received", _("received, awaiting decision")
        return self.status, self.get_status_display()

    def is_report_outstanding(self):
        """Twin of ``ApplicationQuerySet.report_outstanding``."""
        from grants.models.reports import OUTSTANDING_REPORT_STATUSES

        report = self._report()
        return self.is_granted and (report is None or report.status in OUTSTANDING_REPORT_STATUSES)

    def is_report_overdue(self, on=None):
        """Twin of ``ApplicationQuerySet.report_overdue``."""
        return self.is_report_outstanding() and self.decision.report_due_on < (on or today())

    def report_due_on(self):
        decision = self._decision()
        return decision.report_due_on if decision is not None else None

    def goals_with_results(self, report):
        """(goal, its result in ``report`` or None) for each goal, from the prefetched goals and results."""
        results = {result.goal_id: result for result in report.goal_results.all()} if report else {}
        return [(goal, results.get(goal.pk)) for goal in self.goals.all()]

    def budget_total(self):
        return sum(line.amount or 0 for line in self.budget_lines.all())

    def check_open(self):
        """Raise the refusal every change of a submitted application's content meets."""
        if self.is_locked:
            raise ValidationError(
                _("The application has been submitted and can no longer be changed."), code="application_locked"
            )

    # Rules

    def clean(self):
        errors = {}
        if not (self.scheme_id and self.organisation_id):
            return
        scheme, organisation = self.scheme, self.organisation
        if organisation.municipality_id != scheme.administration.municipality_id:
            errors["organisation"] = ValidationError(
                _("%(organisation)s belongs to another municipality than the scheme."),
                code="other_municipality",
                params={"organisation": organisation},
            )
        if self.amount_requested and self.amount_requested > scheme.budget:
            errors["amount_requested"] = ValidationError(
                _("The scheme's whole budget is %(budget)s; an application cannot ask for more."),
                code="above_budget",
                params={"budget": kroner(scheme.budget)},
            )
        if self._state.adding and self.status == ApplicationStatus.DRAFT:
            started = timezone.localdate(self.created_at)
            if not scheme.takes_drafts(started):
                errors["scheme"] = ValidationError(
                    _("The scheme closed for applications on %(date)s."),
                    code="scheme_closed",
                    params={"date": _human_date(scheme.closes_on)},
                )
        if self.status == ApplicationStatus.SUBMITTED and self.stored_value("status") != ApplicationStatus.SUBMITTED:
            problems = self.submission_problems()
            if problems:
                errors["status"] = problems
        if errors:
            raise ValidationError(errors)

    def submission_problems(self):
        """Why the application cannot be received on the day it is submitted, each with its code:
        the window, what the scheme requires, and the organisation's outstanding reports."""
        from organisations.models import OrganisationStatus

        scheme = self.scheme
        received_on = timezone.localdate(self.submitted_at) if self.submitted_at else today()
        problems = []
        if self.organisation.status != OrganisationStatus.APPROVED:
            problems.append(
                ValidationError(
                    _("Only an organisation the municipality has approved can apply."), code="organisation_not_approved"
                )
            )
        if received_on < scheme.opens_on:
            problems.append(
                ValidationError(
                    _("The scheme receives applications from %(date)s."),
                    code="window_not_open",
                    params={"date": _human_date(scheme.opens_on)},
                )
            )
        elif received_on > scheme.closes_on:
            problems.append(
                ValidationError(
                    _("The application deadline was %(date)s; applications are no longer received."),
                    code="window_closed",
                    params={"date": _human_date(scheme.closes_on)},
                )
            )
        if not self.pk:
            return problems  # the goals, budget and documents are added to a saved draft
        goals = list(self.goals.all())
        if scheme.requires_goals and not goals:
            problems.append(
                ValidationError(
                    _("The scheme asks for at least one measurable goal for the use of the money."), code="goals_required"
                )
            )
        lines = list(self.budget_lines.all())
        if scheme.requires_budget and not lines:
            problems.append(ValidationError(_("The scheme asks for a budget."), code="budget_required"))
        total = sum(line.amount for line in lines)
        if lines and self.amount_requested and total < self.amount_requested:
            problems.append(
                ValidationError(
                    _("The budget comes to %(total)s, less than the %(requested)s requested."),
                    code="budget_below_request",
                    params={"total": kroner(total), "requested": kroner(self.amount_requested)},
                )
            )
        attached = {attachment.requirement_id for attachment in self.attachments.all()}
        missing = [required for required in scheme.required_attachments.all() if required.pk not in attached]
        if missing:
            problems.append(
                ValidationError(
                    ngettext(
                        "The scheme asks for this document, which is not attached: %(names)s.",
                        "The scheme asks for these documents, which are not attached: %(names)s.",
                        len(missing),
                    ),
                    code="attachment_missing",
                    params={"names": ", ".join(str(required) for required in missing)},
                )
            )
        if scheme.refuses_while_report_outstanding:
            problems.extend(self.outstanding_report_problems(received_on))
        return problems

    def outstanding_report_problems(self, on):
        """The earlier grants of the organisation whose reports keep it from applying, each named."""
        from grants.models.reports import ReportStatus

        earlier = (
            Application.objects.report_unapproved(on)
            .filter(organisation=self.organisation_id)
            .exclude(pk=self.pk)
            .select_related("scheme", "decision", "report")
            .order_by("decision__report_due_on", "pk")
        )
        problems = []
        for grant in earlier:
            values = {"title": grant.title, "scheme": grant.scheme.name, "date": _human_date(grant.decision.report_due_on)}
            report = grant._report()
            if report is not None and report.status == ReportStatus.SUBMITTED:
                message = _(
                    "The report on “%(title)s” (%(scheme)s) has not been approved yet; the scheme receives a new "
                    "application once it is."
                )
            elif report is not None and report.status == ReportStatus.RETURNED and not grant.is_report_overdue(on):
                message = _(
                    "The report on “%(title)s” (%(scheme)s) was sent back for more and has not been approved yet; the "
                    "scheme receives a new application once it is."
                )
            else:
                message = _(
                    "The report on “%(title)s” (%(scheme)s) was due on %(date)s and is overdue; the scheme receives a "
                    "new application once it is approved."
                )
            problems.append(ValidationError(message, code="report_outstanding", params=values))
        return problems


def _check_application_open(part):
    """Goals, budget lines and documents are the application's content: locked once submitted."""
    if part.application_id:
        part.application.check_open()


class Goal(models.Model):
    """A measurable goal for the use of the money (policy point 5: “opstille mål for brugen af de
    tildelte midler og efterfølgende evaluere opfyldelsen af disse mål”)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="goals", verbose_name=_("application"))
    description = models.CharField(_("goal"), max_length=255, help_text=_("E.g. “More older people take part in exercise”."))
    measure = models.CharField(
        _("how it is measured"),
        max_length=255,
        help_text=_("What you count or measure, and the target, e.g. “25 participants a week on average”."),
    )

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["application", "pk"]

    def __str__(self):
        return self.description

    def clean(self):
        _check_application_open(self)


class BudgetLine(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("application")
    )
    description = models.CharField(_("expense"), max_length=255, help_text=_("E.g. “Rent of the hall, 40 times”."))
    amount = models.PositiveIntegerField(_("amount (kr)"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["application", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=1), name="budget_line_amount_positive")]

    def __str__(self):
        return f"{self.description}: {kroner(self.amount)}"

    def clean(self):
        _check_application_open(self)


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("application")
    )
    requirement = models.ForeignKey(
        RequiredAttachment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("the scheme's document"),
        help_text=_("Which of the documents the scheme asks for this is; leave empty for another document."),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        validators=[validate_attachment],
        help_text=_("PDF, Word, OpenDocument or Excel, at most 10 MB."),
    )
    kind = models.CharField(_("file type"), max_length=10, editable=False)
    original_name = models.CharField(_("file name"), max_length=255, editable=False)
    uploaded_at = models.DateTimeField(_("attached at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["application", "uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grants:attachment_download", kwargs={"pk": self.application_id, "attachment": self.pk})

    @property
    def content_type(self):
        return ATTACHMENT_TYPES[self.kind]

    def download_name(self):
        return download_name(self.title, self.kind)

    def clean(self):
        _check_application_open(self)
        errors = {}
        if self.requirement_id and self.application_id and self.requirement.scheme_id != self.application.scheme_id:
            errors["requirement"] = ValidationError(
                _("That document is asked for by another scheme."), code="requirement_of_other_scheme"
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.file and not self.kind:
            self.kind = attachment_kind(self.file) or ""
            self.original_name = PurePath(self.file.name).name[:255]
        super().save(*args, **kwargs)


class Assessment(models.Model):
    """The caseworker's assessment of an application against the scheme's criteria: for the
    municipality's own use, never shown to the applicant (the decision's reason is)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="assessment", verbose_name=_("application")
    )
    notes = models.TextField(_("assessment"), help_text=_("How the application meets the scheme's criteria."))
    recommended_amount = models.PositiveIntegerField(_("recommended amount (kr)"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("assessed by")
    )
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_at", "pk"]

    def __str__(self):
        return _("Assessment of %(application)s") % {"application": self.application}

    def clean(self):
        errors = {}
        if not self.application_id:
            return
        application = self.application
        if self.recommended_amount is not None and self.recommended_amount > application.amount_requested:
            errors["recommended_amount"] = ValidationError(
                _("More than the %(requested)s requested cannot be recommended."),
                code="above_requested",
                params={"requested": kroner(application.amount_requested)},
            )
        if application.status != ApplicationStatus.SUBMITTED:
            errors["application"] = ValidationError(
                _("Only a submitted application is assessed."), code="not_submitted"
            )
        if self.assessed_by_id and not application.scheme.administration.caseworkers.filter(pk=self.assessed_by_id).exists():
            errors["assessed_by"] = ValidationError(
                _("Only a caseworker of %(administration)s assesses the scheme's applications."),
                code="not_caseworker",
                params={"administration": application.scheme.administration},
            )
        if errors:
            raise ValidationError(errors)
