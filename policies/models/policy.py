"""The volunteer policy and its points."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from policies.models.base import _human_date, _today
from policies.models.municipality import Administration, ConsultedBody, Municipality
from portal.dates import add_months

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
        _("adopted by"), max_length=200, blank=True, help_text=_("E.g. “Borgerrepræsentationen”.")
    )
    decision_reference = models.CharField(
        _("decision reference"), max_length=100, blank=True, help_text=_("E.g. “BR 754/05”.")
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
                    _("An adopted policy needs the decision reference, e.g. “BR 754/05”."),
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
        if self.slug and self._address_is_taken():
            errors["slug"] = ValidationError(
                _("“%(slug)s” is the address of one of the portal's own pages; choose another short name.")
                % {"slug": self.slug},
                code="reserved_slug",
            )
        if errors:
            raise ValidationError(errors)

    def _address_is_taken(self):
        # The policy's address sits beside fixed ones (/politik/hoeringer/ …): whatever the URL
        # configuration answers first for it, rather than a list of reserved words kept by hand.
        return resolve(reverse("policies:policy_detail", kwargs={"slug": self.slug})).url_name != "policy_detail"

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
