"""Decisions on applications, and the cooperation agreements larger grants require.

A caseworker of the scheme's administration decides: a grant of at most the amount requested,
within what is left of the scheme's budget, or a rejection with its reason. An organisation whose
grants in one year would come to more than the municipality's threshold (Copenhagen: 100,000 kr,
seed 002: “Der indgås samarbejdsaftaler med klubber og foreninger, der modtager mere end 100.000
kr.”) must have a cooperation agreement on file for that year first. ``grants.services`` locks the
scheme and the organisation while it decides, so that two decisions at once cannot both pass a
check that only one of them may.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from grants.models.applications import Application, ApplicationStatus
from grants.models.base import caseworker_of, kroner, policy_owner_of, today


class DecisionOutcome(models.TextChoices):
    GRANTED = "granted", _("granted")
    REJECTED = "rejected", _("rejected")


class DecisionQuerySet(models.QuerySet):
    def granted(self):
        return self.filter(outcome=DecisionOutcome.GRANTED)


def granted_in_year(organisation, year, *, exclude=None):
    """What ``organisation`` has been granted under the schemes of ``year``, in kroner."""
    decisions = Decision.objects.granted().filter(application__organisation=organisation, application__scheme__year=year)
    if exclude is not None and exclude.pk:
        decisions = decisions.exclude(pk=exclude.pk)
    return decisions.aggregate(total=Sum("amount_granted"))["total"] or 0


class Decision(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="decision", verbose_name=_("application")
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=DecisionOutcome)
    amount_granted = models.PositiveIntegerField(_("amount granted (kr)"), null=True, blank=True)
    conditions = models.TextField(
        _("conditions"), blank=True, help_text=_("What the organisation must observe in using the money, if anything.")
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why the application is rejected (required), or what the grant is based on. The applicant reads it."),
    )
    reference = models.CharField(
        _("decision reference"), max_length=100, help_text=_("The case or decision number, e.g. “SOU 45/2007”.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
        help_text=_("A caseworker of the scheme's administration. Empty only for decisions entered from the records."),
    )
    decided_on = models.DateField(_("decided on"), default=today)
    report_due_on = models.DateField(
        _("report due"),
        null=True,
        blank=True,
        help_text=_("The scheme's report deadline; the caseworker may give more time when a report is sent back."),
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome=DecisionOutcome.REJECTED) | Q(amount_granted__gte=1, report_due_on__isnull=False),
                name="grant_has_amount_and_report_date",
            ),
            models.CheckConstraint(
                condition=Q(outcome=DecisionOutcome.GRANTED) | (Q(amount_granted__isnull=True) & ~Q(reason="")),
                name="rejection_has_reason_and_no_amount",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.get_outcome_display()}"

    @property
    def is_granted(self):
        return self.outcome == DecisionOutcome.GRANTED

    def clean(self):
        errors = {}
        if not self.application_id:
            return
        application = self.application
        scheme = application.scheme
        if self._state.adding and application.stored_value("status") != ApplicationStatus.SUBMITTED:
            errors["application"] = ValidationError(
                _("Only a submitted application is decided; this one is %(status)s."),
                code="not_submitted",
                params={"status": application.get_status_display()},
            )
        if self.decided_by_id and not scheme.administration.caseworkers.filter(pk=self.decided_by_id).exists():
            errors["decided_by"] = ValidationError(
                _("Only a caseworker of %(administration)s decides the scheme's applications."),
                code="not_caseworker",
                params={"administration": scheme.administration},
            )
        if self.decided_on and self.decided_on > today():
            errors["decided_on"] = ValidationError(_("A decision cannot be dated in the future."), code="in_future")
        if self.outcome == DecisionOutcome.REJECTED:
            if self.amount_granted is not None:
                errors["amount_granted"] = ValidationError(
                    _("A rejection grants no amount."), code="amount_on_rejection"
                )
            if not self.reason.strip():
                errors["reason"] = ValidationError(
                    _("Tell the organisation why the application is rejected."), code="reason_required"
                )
        elif self.outcome == DecisionOutcome.GRANTED:
            errors.update(self.grant_problems())
        if errors:
            raise ValidationError(errors)

    def grant_problems(self):
        """Why this grant cannot be made: its amount, the scheme's budget, the cooperation agreement."""
        application, scheme = self.application, self.application.scheme
        amount = self.amount_granted
        if not amount:
            return {"amount_granted": ValidationError(_("State the amount granted."), code="amount_required")}
        if amount > application.amount_requested:
            return {
                "amount_granted": ValidationError(
                    _("More than the %(requested)s requested cannot be granted."),
                    code="above_requested",
                    params={"requested": kroner(application.amount_requested)},
                )
            }
        problems = {}
        granted = scheme.decided_total(exclude=self)
        if granted + amount > scheme.budget:
            problems["amount_granted"] = ValidationError(
                _(
                    "The scheme's budget is %(budget)s and %(granted)s has been granted, so %(left)s is left: "
                    "%(amount)s cannot be granted."
                ),
                code="above_budget",
                params={
                    "budget": kroner(scheme.budget),
                    "granted": kroner(granted),
                    "left": kroner(max(scheme.budget - granted, 0)),
                    "amount": kroner(amount),
                },
            )
            return problems
        municipality = scheme.administration.municipality
        organisation = application.organisation
        threshold = municipality.cooperation_agreement_threshold
        total = granted_in_year(organisation, scheme.year, exclude=self) + amount
        if total > threshold and not CooperationAgreement.objects.on_file(organisation, scheme.year):
            problems["amount_granted"] = ValidationError(
                _(
                    "With this grant %(organisation)s would receive %(total)s in %(year)s, more than the threshold of "
                    "%(threshold)s set by %(municipality)s. A cooperation agreement with the organisation covering "
                    "%(year)s must be on file before the grant is decided."
                ),
                code="agreement_required",
                params={
                    "organisation": organisation,
                    "total": kroner(total),
                    "year": scheme.year,
                    "municipality": municipality,
                    "threshold": kroner(threshold),
                },
            )
        if self.report_due_on is None:
            problems["report_due_on"] = ValidationError(_("A grant needs the date its report is due."), code="required")
        return problems


class CooperationAgreementQuerySet(models.QuerySet):
    def in_force_during(self, year):
        """Agreements in force on some day of ``year``."""
        return self.filter(starts_on__lte=datetime.date(year, 12, 31)).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=datetime.date(year, 1, 1))
        )

    def on_file(self, organisation, year):
        return self.filter(organisation=organisation).in_force_during(year).exists()

    def overseen_by(self, user):
        """Agreements ``user`` reads: those of their administrations, and their municipality's as policy owner."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(caseworker_of(user, "administration") | policy_owner_of(user, "administration__municipality"))


class CooperationAgreement(models.Model):
    """A cooperation or partnership agreement (samarbejdsaftale, partnerskabsaftale) between an
    administration and an organisation, for a period."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="cooperation_agreements",
        verbose_name=_("organisation"),
    )
    administration = models.ForeignKey(
        "policies.Administration",
        on_delete=models.PROTECT,
        related_name="cooperation_agreements",
        verbose_name=_("administration"),
        help_text=_("The administration that entered into the agreement."),
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("E.g. “Cooperation agreement 2007–2008”."))
    reference = models.CharField(_("case number"), max_length=100, blank=True)
    starts_on = models.DateField(_("in force from"))
    ends_on = models.DateField(_("in force until"), null=True, blank=True, help_text=_("Leave empty for no end date."))
    summary = models.TextField(_("what the parties agree"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("registered by")
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)

    objects = CooperationAgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["organisation__name", "-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")), name="agreement_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation})" if self.organisation_id else self.title

    def period_display(self):
        start = date_format(self.starts_on, "j. F Y")
        if self.ends_on is None:
            return _("from %(start)s") % {"start": start}
        return f"{start}–{date_format(self.ends_on, 'j. F Y')}"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(_("An agreement cannot end before it starts."), code="ends_before_start")
        if (
            self.organisation_id
            and self.administration_id
            and self.organisation.municipality_id != self.administration.municipality_id
        ):
            errors["organisation"] = ValidationError(
                _("The organisation belongs to another municipality than the administration."), code="other_municipality"
            )
        if errors:
            raise ValidationError(errors)
