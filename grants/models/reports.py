"""Reports on grants: after the grant period the organisation evaluates each goal and documents
what the legal basis requires (seed 002: § 79 “stiller krav om dokumentation af fremmøde og antal
medlemmer”), with the accounts the scheme's tier asks for; the caseworker accepts the report or
sends it back for more. Accepted reports are public: the project database's evaluations and
measured effects (seed 003: “Denne evaluering og de målte effekter af indsatserne skal fremgå af
den kommende projektdatabase”)."""


from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from grants.models.applications import Application, Goal
from grants.models.base import (
    ATTACHMENT_TYPES,
    attachment_kind,
    attachment_path,
    download_name,
    validate_attachment,
)
from grants.models.legal import DOCUMENTATION
from policies.models import RemembersLoadedValues


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted, awaiting approval")
    RETURNED = "returned", _("sent back for more")
    ACCEPTED = "accepted", _("approved")


# The organisation still owes the report in these states: it may write in it.
OUTSTANDING_REPORT_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=ReportStatus.ACCEPTED)

    def awaiting_approval(self):
        return self.filter(status=ReportStatus.SUBMITTED)


class Report(RemembersLoadedValues):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="report", verbose_name=_("grant")
    )
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus, default=ReportStatus.DRAFT)
    evaluation = models.TextField(
        _("evaluation"),
        blank=True,
        help_text=_("How the project went, and what you and your partners learnt from it."),
    )
    needs = models.TextField(
        _("needs for further action"),
        blank=True,
        help_text=_("Optional: what would help the work on, from the municipality or others."),
    )
    attendance = models.PositiveIntegerField(
        _("attendance"), null=True, blank=True, help_text=_("How many took part in the activities, counted each time.")
    )
    members = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    volunteers = models.PositiveIntegerField(_("number of volunteers"), null=True, blank=True)
    accounts = models.FileField(
        _("accounts"),
        upload_to=attachment_path,
        validators=[validate_attachment],
        blank=True,
        help_text=_("PDF, Word, OpenDocument or Excel, at most 10 MB."),
    )
    accounts_kind = models.CharField(_("file type"), max_length=10, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("assessed by")
    )
    assessed_at = models.DateTimeField(_("assessed at"), null=True, blank=True)
    comment = models.TextField(
        _("the municipality's comment"),
        blank=True,
        help_text=_("What more the report needs (required when it is sent back), or a note on approval."),
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DRAFT) | Q(submitted_at__isnull=False), name="report_submitted_is_dated"
            ),
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.RETURNED) | ~Q(comment=""), name="returned_report_has_comment"
            ),
        ]

    def __str__(self):
        return _("Report on %(application)s") % {"application": self.application}

    def get_absolute_url(self):
        return reverse("grants:application_detail", kwargs={"pk": self.application_id}) + "#rapport"

    @property
    def is_public(self):
        return self.status == ReportStatus.ACCEPTED

    @property
    def is_editable(self):
        """The organisation writes in a draft, or in a report sent back for more (as stored)."""
        return (self.stored_value("status") or ReportStatus.DRAFT) in OUTSTANDING_REPORT_STATUSES

    def accounts_download_name(self):
        return download_name(_("accounts"), self.accounts_kind)

    @property
    def accounts_content_type(self):
        return ATTACHMENT_TYPES[self.accounts_kind]

    def required_documentation(self):
        return self.application.scheme.legal_basis.required_documentation()

    def tier(self):
        decision = self.application.decision
        return self.application.scheme.report_tier_for(decision.amount_granted)

    def clean(self):
        errors = {}
        if not self.application_id:
            return
        application = self.application
        if not application.is_granted:
            raise ValidationError(
                {"application": ValidationError(_("Only a grant is reported on."), code="not_granted")}
            )
        stored = self.stored_value("status")
        if stored == ReportStatus.ACCEPTED or (stored == self.status == ReportStatus.SUBMITTED):
            if self.has_unsaved_changes():
                raise ValidationError(
                    {"status": ValidationError(_("The report has been submitted and can no longer be changed."), code="report_locked")}
                )
        if self.status == ReportStatus.SUBMITTED and stored != ReportStatus.SUBMITTED:
            errors.update(self.submission_problems())
        if self.status in (ReportStatus.ACCEPTED, ReportStatus.RETURNED) and stored not in (self.status, ReportStatus.SUBMITTED):
            errors["status"] = ValidationError(
                _("Only a submitted report is approved or sent back."), code="not_submitted"
            )
        if self.status == ReportStatus.RETURNED and not self.comment.strip():
            errors["comment"] = ValidationError(
                _("Tell the organisation what more the report needs."), code="comment_required"
            )
        if errors:
            raise ValidationError(errors)

    def submission_problems(self):
        """What the report lacks to be submitted, by field: the evaluation, a result for each goal, the
        numbers the legal basis requires, the accounts the tier requires."""
        problems = {}
        if not self.evaluation.strip():
            problems["evaluation"] = ValidationError(_("Write how the project went."), code="required")
        for name in self.required_documentation():
            if getattr(self, name) is None:
                problems[name] = ValidationError(
                    _("%(legal_basis)s requires the report to document the %(what)s."),
                    code="documentation_required",
                    params={"legal_basis": self.application.scheme.legal_basis, "what": DOCUMENTATION[name][1]},
                )
        tier = self.tier()
        if tier is not None and tier.requires_document and not self.accounts:
            problems["accounts"] = ValidationError(
                _("A grant of this size is reported with: %(tier)s. Attach it."),
                code="accounts_required",
                params={"tier": tier.name},
            )
        # A fresh query, not a prefetched list: the results were saved a moment ago, in the same submission.
        answered = set(GoalResult.objects.filter(report=self.pk).exclude(outcome="").values_list("goal", flat=True)) if self.pk else set()
        missing = [goal for goal in Goal.objects.filter(application=self.application_id) if goal.pk not in answered]
        if missing:
            problems["status"] = ValidationError(
                ngettext(
                    "Say whether and how this goal was met: %(goals)s.",
                    "Say whether and how these goals were met: %(goals)s.",
                    len(missing),
                ),
                code="goals_unanswered",
                params={"goals": "; ".join(goal.description for goal in missing)},
            )
        return problems

    def save(self, *args, **kwargs):
        if self.accounts and not self.accounts_kind:
            self.accounts_kind = attachment_kind(self.accounts) or ""
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "accounts_kind"}
        elif not self.accounts:
            self.accounts_kind = ""
        super().save(*args, **kwargs)


class GoalOutcome(models.TextChoices):
    MET = "met", _("met")
    PARTLY = "partly", _("partly met")
    NOT_MET = "not_met", _("not met")


class GoalResult(models.Model):
    """Whether and how one goal of the application was met: the measured effect."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="goal_results", verbose_name=_("report"))
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="results", verbose_name=_("goal"))
    outcome = models.CharField(_("was the goal met?"), max_length=20, choices=GoalOutcome, blank=True)
    result = models.TextField(
        _("measured result"), blank=True, help_text=_("What you counted or measured, e.g. “28 participants a week on average”.")
    )
    explanation = models.TextField(_("explanation"), blank=True, help_text=_("Optional: why it went as it did."))

    class Meta:
        verbose_name = _("goal result")
        verbose_name_plural = _("goal results")
        ordering = ["report", "goal"]
        constraints = [models.UniqueConstraint(fields=["report", "goal"], name="one_result_per_goal")]

    def __str__(self):
        return f"{self.goal}: {self.get_outcome_display() or '–'}"

    def clean(self):
        if not (self.report_id and self.goal_id):
            return
        if self.goal.application_id != self.report.application_id:
            raise ValidationError({"goal": ValidationError(_("The goal is another application's."), code="goal_of_other_application")})
        if not self.report.is_editable:
            raise ValidationError(_("The report has been submitted and can no longer be changed."), code="report_locked")
