"""The volunteer policy, its points, the administrations that owe plans, the plans
themselves with their actions, and the follow-ups on them.

Every rule the source documents set lives here: in ``clean()`` (so forms, the admin
and imports show it on the field) and, where the database can state it, again as a
constraint. Due dates are derived from the policy's adoption and stored on save so
that querysets can filter and order on them.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from portal.dates import add_months


def _today():
    return timezone.localdate()


def _human_date(value):
    return date_format(value, "j. F Y")


def _comparable(value):
    # Browsers send a textarea's line breaks as CRLF: a text saved again unchanged is no change.
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class RemembersLoadedValues(models.Model):
    """Remembers the values a row had in the database when it was loaded (or last saved), so that
    ``clean()`` can tell what an edit changes (Django's "Customizing model loading" recipe)."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values))
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_values()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._remember_values()

    def _remember_values(self):
        # Read __dict__, not getattr: a deferred field must not cost a query here.
        self._loaded_values = {
            f.attname: self.__dict__[f.attname] for f in self._meta.concrete_fields if f.attname in self.__dict__
        }

    def stored_value(self, attname):
        """The value of ``attname`` in the database, as far as this instance knows (None for a
        row not saved yet)."""
        if self._state.adding:
            return None
        return getattr(self, "_loaded_values", {}).get(attname, getattr(self, attname))

    def has_unsaved_changes(self):
        """Whether saving this instance would write anything new (always, for a new row)."""
        if self._state.adding or not hasattr(self, "_loaded_values"):
            return True
        return any(
            _comparable(self.__dict__.get(name, value)) != _comparable(value)
            for name, value in self._loaded_values.items()
            if name != "version"
        )


class VersionedModel(RemembersLoadedValues):
    """A row that counts its saves.

    Every save, from any write path, raises ``version``; an editor's form carries the version it
    was opened at, and ``policies.services`` refuses a save when the row has moved on since
    (optimistic locking), naming who changed what from the history.
    """

    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by one on every save.")
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name in addresses"), unique=True)
    policy_owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="owned_municipalities",
        blank=True,
        verbose_name=_("policy owners"),
        help_text=_("Maintain the policy, its points and administrations, and see every plan."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Administration(models.Model):
    """A forvaltning and the standing committee (fagudvalg) it serves."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="administrations",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"))
    committee = models.CharField(
        _("committee"),
        max_length=200,
        blank=True,
        help_text=_("The standing committee (fagudvalg), e.g. \u201cSundheds- og Omsorgsudvalget\u201d."),
    )
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=20,
        blank=True,
        help_text=_("The committee's abbreviation used in decision references, e.g. \u201cSOU\u201d or \u201cBIU\u201d."),
    )
    caseworkers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="administrations",
        blank=True,
        verbose_name=_("caseworkers"),
        help_text=_("Edit this administration's plans and follow-ups."),
    )

    class Meta:
        verbose_name = _("administration")
        verbose_name_plural = _("administrations")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="administration_unique_slug"),
            models.UniqueConstraint(fields=["municipality", "name"], name="administration_unique_name"),
        ]

    def __str__(self):
        return self.name


class ConsultedBody(models.Model):
    """A standing body the municipality consults: Kontaktudvalget, Ældrerådene …"""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="consulted_bodies",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"))
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="BodyMembership",
        related_name="consulted_bodies",
        blank=True,
        verbose_name=_("members"),
    )

    class Meta:
        verbose_name = _("consulted body")
        verbose_name_plural = _("consulted bodies")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="consulted_body_unique_slug"),
        ]

    def __str__(self):
        return self.name


class BodyMembership(models.Model):
    """A seat in a consulted body for a period: bodies are renamed and resized over
    the years, and old hearings must still show who was consulted then."""

    body = models.ForeignKey(
        ConsultedBody, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="body_memberships",
        verbose_name=_("member"),
    )
    on_behalf_of = models.CharField(
        _("on behalf of"),
        max_length=200,
        blank=True,
        help_text=_("The organisation the member speaks for; leave empty for a member in their own name."),
    )
    starts_on = models.DateField(_("member from"))
    ends_on = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.body})"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {
                    "ends_on": ValidationError(
                        _("A membership cannot end before it starts."), code="ends_before_start"
                    )
                }
            )


class PolicyStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ADOPTED = "adopted", _("adopted")
    SUPERSEDED = "superseded", _("superseded")


class VolunteerPolicyQuerySet(models.QuerySet):
    def adopted(self):
        return self.filter(status=PolicyStatus.ADOPTED)

    def due_for_revision(self, today=None):
        return self.adopted().filter(revision_due_on__lte=today or _today())


class VolunteerPolicy(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="policies", verbose_name=_("municipality")
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("short name in addresses"), unique=True)
    status = models.CharField(_("status"), max_length=20, choices=PolicyStatus, default=PolicyStatus.DRAFT)
    introduction = models.TextField(_("introduction"), blank=True)
    closing_text = models.TextField(
        _("closing text"), blank=True, help_text=_("What follows the points, e.g. the standing bodies.")
    )
    adopted_by = models.CharField(
        _("adopted by"), max_length=200, blank=True, help_text=_("E.g. \u201cBorgerrepræsentationen\u201d.")
    )
    decision_reference = models.CharField(
        _("decision reference"), max_length=100, blank=True, help_text=_("E.g. \u201cBR 754/05\u201d.")
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    revision_period_years = models.PositiveSmallIntegerField(
        _("revision period (years)"),
        default=4,
        validators=[MinValueValidator(1)],
        help_text=_("The policy is taken up for revision this many years after adoption."),
    )
    plan_period_months = models.PositiveSmallIntegerField(
        _("plan period (months)"),
        null=True,
        blank=True,
        default=12,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Each administration presents its implementation plan at the latest this many months "
            "after adoption. Leave empty if the policy asks for no plans."
        ),
    )
    process_plan_due_on = models.DateField(
        _("process plan due on"),
        null=True,
        blank=True,
        help_text=_("An earlier deadline for a process plan, if the policy owner asked for one."),
    )
    follow_up_cadence_months = models.PositiveSmallIntegerField(
        _("follow-up cadence (months)"),
        null=True,
        blank=True,
        default=24,
        validators=[MinValueValidator(1)],
        help_text=_("Plans are followed up this often after adoption; 24 means every second year."),
    )
    administrations = models.ManyToManyField(
        Administration,
        related_name="policies",
        blank=True,
        verbose_name=_("administrations"),
        help_text=_("Each administration named here owes one implementation plan."),
    )
    consulted_bodies = models.ManyToManyField(
        ConsultedBody,
        related_name="policies",
        blank=True,
        verbose_name=_("consulted bodies"),
        help_text=_("The standing bodies at the centre of the cooperation."),
    )
    revision_due_on = models.DateField(_("revision due on"), null=True, editable=False)
    plan_due_on = models.DateField(_("plans due on"), null=True, editable=False)

    objects = VolunteerPolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer policy")
        verbose_name_plural = _("volunteer policies")
        ordering = ["municipality__name", "-adopted_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=PolicyStatus.ADOPTED) | (Q(adopted_on__isnull=False) & ~Q(decision_reference="")),
                name="adopted_policy_has_decision",
            ),
            models.CheckConstraint(
                condition=Q(revision_period_years__gte=1), name="policy_revision_period_positive"
            ),
            models.CheckConstraint(
                condition=Q(process_plan_due_on__isnull=True)
                | Q(adopted_on__isnull=True)
                | Q(process_plan_due_on__gte=F("adopted_on")),
                name="process_plan_after_adoption",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:policy_detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.status == PolicyStatus.ADOPTED:
            if not self.adopted_on:
                errors["adopted_on"] = ValidationError(
                    _("An adopted policy needs the date it was adopted."), code="required_when_adopted"
                )
            if not self.decision_reference:
                errors["decision_reference"] = ValidationError(
                    _("An adopted policy needs the decision reference, e.g. \u201cBR 754/05\u201d."),
                    code="required_when_adopted",
                )
        if self.adopted_on and self.process_plan_due_on:
            if self.process_plan_due_on < self.adopted_on:
                errors["process_plan_due_on"] = ValidationError(
                    _("The process plan cannot be due before the policy is adopted (%(date)s).")
                    % {"date": _human_date(self.adopted_on)},
                    code="process_plan_before_adoption",
                )
            elif self.plan_period_months and self.process_plan_due_on > self._derived_plan_due_on():
                errors["process_plan_due_on"] = ValidationError(
                    _("The process plan must be due no later than the plans themselves (%(date)s).")
                    % {"date": _human_date(self._derived_plan_due_on())},
                    code="process_plan_after_plans",
                )
        if errors:
            raise ValidationError(errors)

    def _derived_plan_due_on(self):
        if self.adopted_on and self.plan_period_months:
            return add_months(self.adopted_on, self.plan_period_months)
        return None

    def save(self, *args, **kwargs):
        self.plan_due_on = self._derived_plan_due_on()
        self.revision_due_on = (
            add_months(self.adopted_on, 12 * self.revision_period_years) if self.adopted_on else None
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "plan_due_on", "revision_due_on"}
        super().save(*args, **kwargs)

    def is_due_for_revision(self, today=None):
        """Twin of ``VolunteerPolicyQuerySet.due_for_revision``."""
        return (
            self.status == PolicyStatus.ADOPTED
            and self.revision_due_on is not None
            and self.revision_due_on <= (today or _today())
        )

    def plan_deadline_passed(self, today=None):
        """Whether an administration without a presented plan is now late."""
        return self.plan_due_on is not None and self.plan_due_on < (today or _today())

    def follow_up_dates(self, cadence_months=None, *, until):
        """The follow-up due dates on the cadence after adoption, up to ``until``."""
        cadence = cadence_months or self.follow_up_cadence_months
        if not (self.adopted_on and cadence):
            return []
        dates, step = [], 1
        while (due := add_months(self.adopted_on, step * cadence)) <= until:
            dates.append(due)
            step += 1
        return dates


class PolicyPoint(models.Model):
    policy = models.ForeignKey(
        VolunteerPolicy, on_delete=models.CASCADE, related_name="points", verbose_name=_("policy")
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.CharField(_("short title"), max_length=200)
    text = models.TextField(_("full text"))

    class Meta:
        verbose_name = _("policy point")
        verbose_name_plural = _("policy points")
        ordering = ["policy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="policy_point_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="policy_point_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


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
        _("decision reference"), max_length=100, blank=True, help_text=_("E.g. \u201cSOU 337/2006\u201d.")
    )
    case_number = models.CharField(_("case number"), max_length=50, blank=True)
    document_number = models.CharField(_("document number"), max_length=50, blank=True)
    caseworker_initials = models.CharField(
        _("caseworker"), max_length=50, blank=True, help_text=_("Initials as on the document, e.g. \u201cLP/THU\u201d.")
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
        return f"{self.administration} \u2013 {self.policy}"

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
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}\u2026"

    def check_removable(self):
        """An action may be removed while its plan is open, unless a submitted follow-up reports on
        it: that report is part of the record (set the action's status to abandoned instead)."""
        self.plan.check_open()
        if self.status_reports.filter(follow_up__status=FollowUpStatus.SUBMITTED).exists():
            raise ValidationError(
                _(
                    "A submitted follow-up reports on this action, so it cannot be removed. "
                    "Set its status to \u201cabandoned\u201d instead."
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
        return f"{self.action} \u2013 {self.get_status_display()}"

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
