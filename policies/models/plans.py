"""Implementation plans and their answers: actions and points that do not apply."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from policies.models.base import VersionedModel, _human_date, _today
from policies.models.municipality import Administration, Municipality
from policies.models.policy import PolicyPoint, PolicyStatus, VolunteerPolicy

class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    ADOPTED = "adopted", _("adopted")
    RETURNED = "returned", _("returned for changes")


# A plan is still owed while it is in one of these states.
OUTSTANDING_PLAN_STATUSES = (PlanStatus.DRAFT, PlanStatus.RETURNED)


# Plans the public may read; drafts and returned plans are still being written.
PUBLISHED_PLAN_STATUSES = (PlanStatus.SUBMITTED, PlanStatus.ADOPTED)

# What was submitted stays as submitted: a plan in one of these states refuses every edit of its
# content until the policy owner returns it (an adopted plan is never returned).
LOCKED_PLAN_STATUSES = (PlanStatus.SUBMITTED, PlanStatus.ADOPTED)


class ImplementationPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published plans for everyone; the rest only for the administration's caseworkers and
        the municipality's policy owners. The one place that says who may read a plan."""
        published = Q(status__in=PUBLISHED_PLAN_STATUSES) & ~Q(policy__status=PolicyStatus.DRAFT)
        if not user.is_authenticated:
            return self.filter(published)
        return self.filter(published | self._worked_on_by(user) | self._owned_by(user))

    def editable_by(self, user):
        """Plans whose content the user may change: their own administrations' plans."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(self._worked_on_by(user))

    def owned_by(self, user):
        """Plans the user may adopt or return, as policy owner of the municipality."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(self._owned_by(user))

    def with_permissions(self, user):
        """Annotate each plan with ``user_may_edit`` (``editable_by``) and ``user_may_review``
        (``owned_by``), so a view can tell 403 from 200 without another query."""
        if not user.is_authenticated:
            return self.annotate(user_may_edit=Value(False), user_may_review=Value(False))
        return self.annotate(
            user_may_edit=Case(When(self._worked_on_by(user), then=Value(True)), default=Value(False)),
            user_may_review=Case(When(self._owned_by(user), then=Value(True)), default=Value(False)),
        )

    @staticmethod
    def _worked_on_by(user):
        return Q(administration__in=Administration.objects.filter(caseworkers=user))

    @staticmethod
    def _owned_by(user):
        return Q(policy__municipality__in=Municipality.objects.filter(policy_owners=user))

    def outstanding(self):
        return self.filter(status__in=OUTSTANDING_PLAN_STATUSES)

    def overdue(self, today=None):
        return self.outstanding().filter(policy__plan_due_on__lt=today or _today())

    def with_answers(self):
        """Everything ``unanswered_points`` needs, in a fixed number of queries."""
        return self.select_related("policy", "administration").prefetch_related(
            "policy__points", "actions", "exemptions"
        )


class ImplementationPlan(VersionedModel):
    """An administration's answer to every point of a policy (implementeringsplan)."""

    policy = models.ForeignKey(
        VolunteerPolicy, on_delete=models.PROTECT, related_name="plans", verbose_name=_("policy")
    )
    administration = models.ForeignKey(
        Administration, on_delete=models.PROTECT, related_name="plans", verbose_name=_("administration")
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("The administration's vision or preface, if any.")
    )
    decision_reference = models.CharField(
        _("decision reference"), max_length=100, blank=True, help_text=_("E.g. “SOU 337/2006”.")
    )
    case_number = models.CharField(_("case number"), max_length=50, blank=True)
    document_number = models.CharField(_("document number"), max_length=50, blank=True)
    caseworker_initials = models.CharField(
        _("caseworker"), max_length=50, blank=True, help_text=_("Initials as on the document, e.g. “LP/THU”.")
    )
    dated_on = models.DateField(_("document date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus, default=PlanStatus.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    return_comment = models.TextField(
        _("comment on return"), blank=True, help_text=_("Why the policy owner returned the plan.")
    )
    follow_up_cadence_months = models.PositiveSmallIntegerField(
        _("own follow-up cadence (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty to follow the policy's cadence. A plan may report more often, e.g. a yearly "
            "status (12) under a biennial policy, but never less often."
        ),
    )

    objects = ImplementationPlanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")
        ordering = ["policy", "administration__name"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "administration"], name="one_plan_per_administration"),
            models.CheckConstraint(
                condition=~Q(status=PlanStatus.ADOPTED) | Q(adopted_on__isnull=False),
                name="adopted_plan_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.administration} – {self.policy}"

    def get_absolute_url(self):
        return reverse(
            "policies:plan_detail",
            kwargs={"slug": self.policy.slug, "administration": self.administration.slug},
        )

    @property
    def due_on(self):
        return self.policy.plan_due_on

    def is_outstanding(self):
        return self.status in OUTSTANDING_PLAN_STATUSES

    @property
    def is_locked(self):
        """Whether the plan, as stored, is submitted or adopted and so refuses edits of its content."""
        return self.stored_value("status") in LOCKED_PLAN_STATUSES

    def check_open(self):
        """Raise the refusal every edit of a locked plan's content meets."""
        if not self.is_locked:
            return
        if self.stored_value("status") == PlanStatus.ADOPTED:
            message = _("The plan has been adopted and can no longer be changed.")
        else:
            message = _(
                "The plan has been submitted and is locked: it can be changed again only if the policy "
                "owner returns it."
            )
        raise ValidationError(message, code="plan_locked")

    def is_overdue(self, today=None):
        """Twin of ``ImplementationPlanQuerySet.overdue``."""
        return self.is_outstanding() and self.due_on is not None and self.due_on < (today or _today())

    @property
    def effective_follow_up_cadence(self):
        return self.follow_up_cadence_months or self.policy.follow_up_cadence_months

    def follow_up_dates(self, *, until):
        """The dates this plan's follow-ups fall due, on its own cadence, up to ``until``."""
        return self.policy.follow_up_dates(self.effective_follow_up_cadence, until=until)

    def answered_point_ids(self):
        if not self.pk:
            return set()  # an unsaved plan has no actions or exemptions yet
        # Iterating .all() keeps prefetched plans at a fixed number of queries.
        return {a.point_id for a in self.actions.all()} | {e.point_id for e in self.exemptions.all()}

    def unanswered_points(self):
        answered = self.answered_point_ids()
        return [point for point in self.policy.points.all() if point.pk not in answered]

    def clean(self):
        errors = {}
        if self.administration_id and self.policy_id:
            if self.administration.municipality_id != self.policy.municipality_id:
                errors["administration"] = ValidationError(
                    _("The administration belongs to another municipality than the policy."),
                    code="other_municipality",
                )
            elif self.policy.pk and not self.policy.administrations.filter(pk=self.administration_id).exists():
                errors["administration"] = ValidationError(
                    _("%(administration)s is not among the administrations that owe a plan under this policy.")
                    % {"administration": self.administration},
                    code="not_named_in_policy",
                )
            if self.follow_up_cadence_months and self.policy.follow_up_cadence_months:
                if self.policy.follow_up_cadence_months % self.follow_up_cadence_months:
                    errors["follow_up_cadence_months"] = ValidationError(
                        _(
                            "The plan's own cadence must divide the policy's (every %(months)s months), "
                            "so that every follow-up the policy asks for is one of the plan's."
                        )
                        % {"months": self.policy.follow_up_cadence_months},
                        code="cadence_off_policy",
                    )
        if self.status == PlanStatus.ADOPTED and not self.adopted_on:
            errors["adopted_on"] = ValidationError(
                _("An adopted plan needs the date it was adopted."), code="required_when_adopted"
            )
        if self.adopted_on:
            if self.adopted_on > _today():
                errors["adopted_on"] = ValidationError(
                    _("A plan cannot be adopted on a day that has not come yet."), code="adopted_in_future"
                )
            elif self.policy_id and self.policy.adopted_on and self.adopted_on < self.policy.adopted_on:
                errors["adopted_on"] = ValidationError(
                    _("A plan cannot be adopted before its policy (%(date)s).")
                    % {"date": _human_date(self.policy.adopted_on)},
                    code="adopted_before_policy",
                )
        if self.status == PlanStatus.RETURNED and not self.return_comment.strip():
            errors["return_comment"] = ValidationError(
                _("Say what the administration should change before the plan is submitted again."),
                code="required_when_returned",
            )
        if self.policy_id and self.status in (PlanStatus.SUBMITTED, PlanStatus.ADOPTED):
            unanswered = self.unanswered_points()
            if unanswered:
                errors["status"] = self.unanswered_points_error(unanswered)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def unanswered_points_error(points):
        numbers = ", ".join(str(point.number) for point in points)
        message = ngettext(
            "The plan cannot be submitted: point %(numbers)s has neither an action nor a reason why it "
            "does not apply.",
            "The plan cannot be submitted: points %(numbers)s have neither an action nor a reason why "
            "they do not apply.",
            len(points),
        ) % {"numbers": numbers}
        return ValidationError(message, code="unanswered_points")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("carried out")
    DROPPED = "dropped", _("abandoned")


def _check_point_belongs_to_plan(point, plan):
    if point.policy_id != plan.policy_id:
        return ValidationError(
            _("Point %(number)s belongs to another policy than the plan.") % {"number": point.number},
            code="point_of_other_policy",
        )
    return None


def _check_plan_open(answer):
    """Actions and exemptions are the plan's answers: a locked plan takes no new or changed one.
    An unchanged answer still validates, so that the admin can save a submitted plan's other fields."""
    if answer.has_unsaved_changes():
        answer.plan.check_open()


class Action(VersionedModel):
    """One thing an administration will do to carry out one policy point (indsats)."""

    plan = models.ForeignKey(
        ImplementationPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    point = models.ForeignKey(
        PolicyPoint, on_delete=models.PROTECT, related_name="actions", verbose_name=_("policy point")
    )
    text = models.TextField(_("action"))
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus, default=ActionStatus.PLANNED)
    target = models.CharField(
        _("target"), max_length=255, blank=True, help_text=_("Optional: what counts as done, e.g. a number.")
    )
    due_on = models.DateField(_("to be done by"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "point__number", "position", "pk"]

    def __str__(self):
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    def check_removable(self):
        """An action may be removed while its plan is open, unless a submitted follow-up reports on
        it: that report is part of the record (set the action's status to abandoned instead)."""
        from policies.models.follow_ups import FollowUpStatus  # follow-ups build on plans

        self.plan.check_open()
        if self.status_reports.filter(follow_up__status=FollowUpStatus.SUBMITTED).exists():
            raise ValidationError(
                _(
                    "A submitted follow-up reports on this action, so it cannot be removed. "
                    "Set its status to “abandoned” instead."
                ),
                code="reported_in_follow_up",
            )

    def clean(self):
        if not (self.plan_id and self.point_id):
            return
        _check_plan_open(self)
        if error := _check_point_belongs_to_plan(self.point, self.plan):
            raise ValidationError({"point": error})
        if self.plan.exemptions.filter(point_id=self.point_id).exists():
            raise ValidationError(
                {
                    "point": ValidationError(
                        _(
                            "Point %(number)s is marked as not applicable. Remove that reason before adding "
                            "actions to it."
                        )
                        % {"number": self.point.number},
                        code="point_exempted",
                    )
                }
            )


class PointExemption(VersionedModel):
    """A plan's stated reason why a policy point does not apply to the administration."""

    plan = models.ForeignKey(
        ImplementationPlan, on_delete=models.CASCADE, related_name="exemptions", verbose_name=_("plan")
    )
    point = models.ForeignKey(
        PolicyPoint, on_delete=models.PROTECT, related_name="exemptions", verbose_name=_("policy point")
    )
    reason = models.TextField(_("why the point does not apply"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("point not applicable")
        verbose_name_plural = _("points not applicable")
        ordering = ["plan", "point__number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "point"], name="one_exemption_per_point"),
            # Trim catches a reason of only spaces, as clean() does.
            models.CheckConstraint(condition=GreaterThan(Length(Trim("reason")), 0), name="exemption_has_reason"),
        ]

    def __str__(self):
        return str(format_lazy(_("Point {number} does not apply"), number=self.point.number))

    def clean(self):
        errors = {}
        if not self.reason or not self.reason.strip():
            errors["reason"] = ValidationError(
                _("State why the point does not apply to the administration."), code="reason_required"
            )
        if self.plan_id and self.point_id:
            _check_plan_open(self)
            if error := _check_point_belongs_to_plan(self.point, self.plan):
                errors["point"] = error
            elif self.plan.actions.filter(point_id=self.point_id).exists():
                errors["point"] = ValidationError(
                    _("Point %(number)s already has actions; a point with actions applies.")
                    % {"number": self.point.number},
                    code="point_has_actions",
                )
        if errors:
            raise ValidationError(errors)
