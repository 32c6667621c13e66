"""The follow-ups of plans and the status of each action at each."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from policies.models.base import RemembersLoadedValues, VersionedModel, _human_date, _today
from policies.models.plans import Action, ActionStatus, ImplementationPlan

class FollowUpStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class FollowUpQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=FollowUpStatus.SUBMITTED)

    def editable_by(self, user):
        """Follow-ups the user may write: those of their own administrations' plans (built on
        ``ImplementationPlanQuerySet.editable_by``, the one place that says so)."""
        return self.filter(plan__in=ImplementationPlan.objects.editable_by(user))

    def outstanding(self):
        return self.filter(status=FollowUpStatus.DRAFT)

    def overdue(self, today=None):
        return self.outstanding().filter(due_on__lt=today or _today())


class FollowUp(VersionedModel):
    """The follow-up (opfølgning) of a plan, due on the cadence after adoption."""

    plan = models.ForeignKey(
        ImplementationPlan, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("plan")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus, default=FollowUpStatus.DRAFT
    )
    report = models.TextField(_("report"), blank=True)
    number_of_volunteers = models.PositiveIntegerField(_("number of volunteers"), null=True, blank=True)
    number_of_organisations = models.PositiveIntegerField(
        _("number of organisations"),
        null=True,
        blank=True,
        help_text=_("Volunteer organisations the administration worked with in the period."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["plan", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "due_on"], name="one_follow_up_per_date"),
        ]

    def __str__(self):
        return str(format_lazy(_("Follow-up {date}"), date=_human_date(self.due_on)))

    def is_overdue(self, today=None):
        """Twin of ``FollowUpQuerySet.overdue``."""
        return self.status == FollowUpStatus.DRAFT and self.due_on < (today or _today())

    @property
    def is_locked(self):
        """A submitted follow-up is a record: it stays as submitted."""
        return self.stored_value("status") == FollowUpStatus.SUBMITTED

    def check_open(self):
        if self.is_locked:
            raise ValidationError(
                _("The follow-up has been submitted and can no longer be changed."), code="follow_up_locked"
            )

    def clean(self):
        if self.has_unsaved_changes():
            self.check_open()
        errors = {}
        if self.plan_id and self.due_on:
            policy, cadence = self.plan.policy, self.plan.effective_follow_up_cadence
            if not (policy.adopted_on and cadence):
                errors["due_on"] = ValidationError(
                    _("The policy sets no follow-up cadence, so no follow-up can be dated."),
                    code="no_cadence",
                )
            else:
                horizon = max(self.due_on, policy.adopted_on) + datetime.timedelta(days=31 * cadence)
                on_cadence = policy.follow_up_dates(cadence, until=horizon)
                if self.due_on not in on_cadence:
                    earlier = [d for d in on_cadence if d < self.due_on]
                    later = [d for d in on_cadence if d > self.due_on]
                    errors["due_on"] = ValidationError(
                        _(
                            "Follow-ups fall due every %(months)s months after the policy was adopted "
                            "(%(adopted)s). The nearest dates are %(nearest)s."
                        )
                        % {
                            "months": cadence,
                            "adopted": _human_date(policy.adopted_on),
                            "nearest": _(" and ").join(
                                _human_date(d) for d in (earlier[-1:] + later[:1])
                            ),
                        },
                        code="off_cadence",
                    )
        if self.status == FollowUpStatus.SUBMITTED and not self.report.strip():
            errors["report"] = ValidationError(
                _("Write the report before submitting the follow-up."), code="report_required"
            )
        if errors:
            raise ValidationError(errors)


class ActionStatusReport(RemembersLoadedValues):
    """Where one action of the plan stood at a follow-up."""

    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="action_reports", verbose_name=_("follow-up")
    )
    # RESTRICT: an action a follow-up reports on is removed only together with its plan.
    action = models.ForeignKey(
        Action, on_delete=models.RESTRICT, related_name="status_reports", verbose_name=_("action")
    )
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus)
    note = models.TextField(_("note"), blank=True, help_text=_("Optional: what was done, or why not."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status of an action")
        verbose_name_plural = _("status of the actions")
        ordering = ["follow_up", "action__point__number", "action__position", "action__pk"]
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "action"], name="one_status_per_action_and_follow_up"),
        ]

    def __str__(self):
        return f"{self.action} – {self.get_status_display()}"

    def clean(self):
        if not (self.follow_up_id and self.action_id):
            return
        if self.has_unsaved_changes():
            self.follow_up.check_open()
        if self.action.plan_id != self.follow_up.plan_id:
            raise ValidationError(
                {
                    "action": ValidationError(
                        _("The action belongs to another plan than the follow-up."), code="action_of_other_plan"
                    )
                }
            )
