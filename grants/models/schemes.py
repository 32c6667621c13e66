"""Grant schemes (puljer): who runs them, under which law, with what budget and application window,
and what they ask of applications and reports."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grants.models.base import caseworker_of, kroner, policy_owner_of, today
from grants.models.legal import LegalBasis
from policies.models import RemembersLoadedValues
from portal.dates import add_months

# What an applicant applied under: once the scheme has received an application, these are fixed.
# The window and the year were announced (moving the window would put received applications outside
# it, or give some applicants more time than those who met the deadline; the year decides which
# year's cooperation agreement threshold the grants count towards), and the legal basis decides what
# the reports must document. A scheme with other terms is a new scheme.
TERMS_FIXED_ON_RECEIPT = ("legal_basis_id", "year", "opens_on", "closes_on")


class GrantSchemeQuerySet(models.QuerySet):
    def managed_by(self, user):
        """Schemes whose applications and reports ``user`` decides: their administrations' schemes."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(caseworker_of(user, "administration"))

    def overseen_by(self, user):
        """Schemes whose cases ``user`` may read: those they manage, and every scheme of a municipality
        whose policy they own."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(caseworker_of(user, "administration") | policy_owner_of(user, "administration__municipality"))

    def open_for_applications(self, on=None):
        """Schemes that receive applications on the day ``on``: first and last day included."""
        on = on or today()
        return self.filter(opens_on__lte=on, closes_on__gte=on)

    def taking_drafts(self, on=None):
        """Schemes an application may still be started for: those that have not closed."""
        return self.filter(closes_on__gte=on or today())

    def with_decided_total(self):
        """Annotate ``decided_total``: the sum granted so far (0 for none)."""
        from grants.models.decisions import DecisionOutcome

        granted = Q(applications__decision__outcome=DecisionOutcome.GRANTED)
        return self.annotate(
            decided_total=models.functions.Coalesce(Sum("applications__decision__amount_granted", filter=granted), 0)
        )

    def for_listing(self):
        return self.select_related("administration__municipality", "legal_basis")


class GrantScheme(RemembersLoadedValues):
    """A pulje: an administration's grants under one legal basis for one year, with a budget, an
    application window and a report deadline after the grant period."""

    administration = models.ForeignKey(
        "policies.Administration",
        on_delete=models.PROTECT,
        related_name="grant_schemes",
        verbose_name=_("administration"),
        help_text=_("Its caseworkers assess the applications and reports and decide."),
    )
    legal_basis = models.ForeignKey(
        LegalBasis, on_delete=models.PROTECT, related_name="schemes", verbose_name=_("legal basis")
    )
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1970), MaxValueValidator(2100)],
        help_text=_("The budget year. Grants count towards the cooperation agreement threshold in this year."),
    )
    budget = models.PositiveIntegerField(_("budget (kr)"), validators=[MinValueValidator(1)])
    description = models.TextField(_("description"), blank=True, help_text=_("What the scheme supports, and for whom."))
    criteria = models.TextField(_("criteria"), help_text=_("What the applications are assessed against."))
    opens_on = models.DateField(_("applications from"), help_text=_("The first day applications are received."))
    closes_on = models.DateField(_("application deadline"), help_text=_("The last day applications are received."))
    period_starts_on = models.DateField(_("grant period from"))
    period_ends_on = models.DateField(_("grant period until"))
    report_months_after_period = models.PositiveSmallIntegerField(
        _("report due (months after the period)"),
        default=3,
        validators=[MaxValueValidator(24)],
        help_text=_("The report on a grant is due this many months after the grant period ends."),
    )
    report_due_on = models.DateField(_("reports due"), editable=False, help_text=_("Derived from the rule above."))
    requires_goals = models.BooleanField(
        _("applications state goals"),
        default=True,
        help_text=_("Each application states measurable goals for the use of the money, evaluated in the report."),
    )
    requires_budget = models.BooleanField(_("applications include a budget"), default=True)
    refuses_while_report_outstanding = models.BooleanField(
        _("refuse applicants with an outstanding report"),
        default=False,
        help_text=_(
            "An organisation cannot apply while the report on one of its earlier grants is overdue, or submitted "
            "and not yet approved."
        ),
    )

    objects = GrantSchemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant scheme")
        verbose_name_plural = _("grant schemes")
        ordering = ["-year", "administration__municipality__name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["administration", "name", "year"], name="scheme_unique_name_per_year"),
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="scheme_closes_after_opening"),
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=F("period_starts_on")), name="scheme_period_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(budget__gte=1), name="scheme_budget_positive"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grants:scheme_detail", kwargs={"pk": self.pk})

    @property
    def municipality(self):
        return self.administration.municipality

    def is_open(self, on=None):
        """Twin of ``GrantSchemeQuerySet.open_for_applications``."""
        on = on or today()
        return self.opens_on <= on <= self.closes_on

    def takes_drafts(self, on=None):
        """Twin of ``GrantSchemeQuerySet.taking_drafts``."""
        return (on or today()) <= self.closes_on

    def derived_report_due_on(self):
        if self.period_ends_on is None:
            return None
        return add_months(self.period_ends_on, self.report_months_after_period or 0)

    def decided_total(self, *, exclude=None):
        """What the scheme has granted so far, in kroner; ``exclude`` a decision not to count (one
        being changed). Read by ``Decision.clean`` after ``grants.services`` has locked the scheme."""
        from grants.models.decisions import Decision

        decisions = Decision.objects.granted().filter(application__scheme=self)
        if exclude is not None and exclude.pk:
            decisions = decisions.exclude(pk=exclude.pk)
        return decisions.aggregate(total=Sum("amount_granted"))["total"] or 0

    def has_received_applications(self):
        """Whether an application has been submitted to the scheme (withdrawn ones count: they were received)."""
        from grants.models.applications import ApplicationStatus

        return self.pk is not None and self.applications.exclude(status=ApplicationStatus.DRAFT).exists()

    def has_granted(self):
        """Whether the scheme has granted money: its report requirements are then part of those grants' terms."""
        from grants.models.decisions import Decision

        return self.pk is not None and Decision.objects.granted().filter(application__scheme=self).exists()

    def deletion_refusal(self):
        """Why the scheme cannot be deleted, or None. Any application, a draft too, keeps it: the
        organisation's work and the case file must not vanish with the scheme."""
        if self.pk is not None and self.applications.exists():
            return _(
                "The scheme has applications (drafts count too), and they are part of the organisations' case "
                "files. Only a scheme without applications can be deleted."
            )
        return None

    def report_tier_for(self, amount):
        """The report requirement for a grant of ``amount``: the tier with the highest threshold below
        it, or None when the scheme sets none. Reads ``report_tiers.all()`` (prefetchable)."""
        tiers = [tier for tier in self.report_tiers.all() if amount is not None and amount > tier.above_amount]
        return max(tiers, key=lambda tier: tier.above_amount, default=None)

    def clean(self):
        errors = {}
        if self.administration_id and self.legal_basis_id:
            if self.legal_basis.municipality_id != self.administration.municipality_id:
                errors["legal_basis"] = ValidationError(
                    _("The legal basis belongs to another municipality than the administration."),
                    code="other_municipality",
                )
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = ValidationError(
                _("The application deadline cannot come before the first day applications are received."),
                code="closes_before_opening",
            )
        if self.period_starts_on and self.period_ends_on and self.period_ends_on < self.period_starts_on:
            errors["period_ends_on"] = ValidationError(
                _("The grant period cannot end before it starts."), code="period_ends_before_start"
            )
        if self.pk and self.budget:
            granted = self.decided_total()
            if self.budget < granted:
                errors["budget"] = ValidationError(
                    _("The scheme has already granted %(granted)s; the budget cannot be less."),
                    code="budget_below_granted",
                    params={"granted": kroner(granted)},
                )
        if self.administration_id and self.name and self.year:
            others = GrantScheme.objects.filter(administration=self.administration_id, name=self.name, year=self.year)
            if others.exclude(pk=self.pk).exists():
                errors["name"] = ValidationError(
                    _("The administration already has a scheme of that name for that year."), code="name_taken"
                )
        errors.update(self._changed_terms_errors())
        if errors:
            raise ValidationError(errors)

    def _changed_terms_errors(self):
        changed = [name for name in TERMS_FIXED_ON_RECEIPT if self.stored_value(name) != getattr(self, name)]
        if self._state.adding or not changed or not self.has_received_applications():
            return {}
        error = ValidationError(
            _(
                "The scheme has received applications under the announced terms, so its legal basis, year and "
                "application window can no longer be changed. Announce a new scheme instead."
            ),
            code="terms_fixed",
        )
        return {name.removesuffix("_id"): error for name in changed}

    def save(self, *args, **kwargs):
        self.report_due_on = self.derived_report_due_on()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "report_due_on"}
        super().save(*args, **kwargs)


# A report is held to the tiers as they stand when it is written, so once money is granted under
# them they stay as the grantees were told with the decision; the description may still be worded better.
TIER_TERMS = ("above_amount", "name", "requires_document")


class ReportTier(RemembersLoadedValues):
    """What a report must include, by the amount granted: “up to 10,000 kr a statement of accounts;
    above, audited accounts”. The tier with the highest threshold below the amount applies."""

    scheme = models.ForeignKey(GrantScheme, on_delete=models.CASCADE, related_name="report_tiers", verbose_name=_("scheme"))
    above_amount = models.PositiveIntegerField(
        _("for grants above (kr)"), default=0, help_text=_("0 for every grant; e.g. 10000 for grants above 10.000 kr.")
    )
    name = models.CharField(_("required accounts"), max_length=200, help_text=_("E.g. “Audited accounts”."))
    description = models.TextField(_("description"), blank=True)
    requires_document = models.BooleanField(
        _("the report attaches the accounts"), default=True, help_text=_("The report cannot be submitted without the file.")
    )

    class Meta:
        verbose_name = _("report requirement")
        verbose_name_plural = _("report requirements")
        ordering = ["scheme", "above_amount"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "above_amount"], name="report_tier_unique_threshold"),
        ]

    def __str__(self):
        if not self.above_amount:
            return self.name
        return _("%(name)s (grants above %(amount)s)") % {"name": self.name, "amount": kroner(self.above_amount)}

    def clean(self):
        changes_terms = self._state.adding or any(self.stored_value(name) != getattr(self, name) for name in TIER_TERMS)
        if self.scheme_id and changes_terms and self.scheme.has_granted():
            raise ValidationError(self.fixed_reason(), code="report_tiers_fixed")

    def deletion_refusal(self):
        """Why the tier cannot be removed, or None (``clean`` says the same of a change)."""
        return self.fixed_reason() if self.scheme.has_granted() else None

    @staticmethod
    def fixed_reason():
        return _(
            "The scheme has granted money, and its grantees report by these requirements as they were told with "
            "the decision: what a report must include can no longer change (the description can)."
        )


class RequiredAttachment(models.Model):
    """A document every application to the scheme must attach, e.g. the articles of association."""

    scheme = models.ForeignKey(
        GrantScheme, on_delete=models.CASCADE, related_name="required_attachments", verbose_name=_("scheme")
    )
    name = models.CharField(_("document"), max_length=200, help_text=_("E.g. “The articles of association”."))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("required attachment")
        verbose_name_plural = _("required attachments")
        ordering = ["scheme", "name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "name"], name="required_attachment_unique_name"),
        ]

    def __str__(self):
        return self.name
