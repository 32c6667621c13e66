"""Writes that span the grant models or have side effects: submitting an application, assessing and
deciding it, registering a cooperation agreement, writing, submitting, approving and sending back a
report. Each checks the models' rules through ``full_clean()``.

Decisions are serialised per scheme and per organisation by locking their rows: two caseworkers
deciding at the same moment cannot together grant more than the scheme's budget, nor take an
organisation past the cooperation agreement threshold without an agreement. The one who comes
second waits for the first to commit, and then meets the rule in ``Decision.clean``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.models import (
    Application,
    ApplicationStatus,
    Assessment,
    CooperationAgreement,
    Decision,
    DecisionOutcome,
    GrantScheme,
    LegalBasis,
    Report,
    ReportStatus,
)
from organisations.models import Organisation
from portal.writes import save_valid


def _locked_application(application):
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("scheme__administration__municipality", "scheme__legal_basis", "organisation")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_start(*, scheme, organisation, started_by, title, purpose, amount_requested):
    """A representative starts a draft application of ``organisation`` to ``scheme``."""
    application = Application(
        scheme=scheme,
        organisation=organisation,
        created_by=started_by,
        title=title,
        purpose=purpose,
        amount_requested=amount_requested,
    )
    return save_valid(application)


@transaction.atomic
def application_revise(*, application, saved=(), deleted=()):
    """Save a draft's text with its rows (goals, budget lines): ``saved`` new or changed, ``deleted``
    removed. The stored application is locked and must still be a draft."""
    _locked_application(application).check_open()
    save_valid(application)
    for row in deleted:
        row.delete()
    for row in saved:
        row.application = application
        save_valid(row)
    return application


@transaction.atomic
def application_submit(*, application, submitted_by):
    """Submit a draft: received today if the window is open and it has what the scheme asks for."""
    application = _locked_application(application)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("The application has already been submitted."), code="already_submitted")
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = timezone.now()
    application.submitted_by = submitted_by
    return save_valid(application, update_fields=["status", "submitted_at", "submitted_by"])


@transaction.atomic
def application_withdraw(*, application):
    """The organisation withdraws a submitted application before it is decided."""
    application = _locked_application(application)
    if not application.is_awaiting_decision:
        raise ValidationError(_("Only a submitted application awaiting decision can be withdrawn."), code="not_withdrawable")
    application.status = ApplicationStatus.WITHDRAWN
    return save_valid(application, update_fields=["status"])


@transaction.atomic
def application_delete(*, application):
    """A draft is the organisation's own to discard."""
    application = _locked_application(application)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be deleted."), code="not_draft")
    application.delete()


@transaction.atomic
def application_assess(*, application, assessed_by, notes, recommended_amount=None):
    """Record (or revise) the caseworker's assessment of a submitted application."""
    application = _locked_application(application)
    if not application.is_awaiting_decision:
        raise ValidationError(_("The application has been decided; the assessment is closed."), code="already_decided")
    assessment = Assessment.objects.filter(application=application).first() or Assessment(application=application)
    assessment.notes = notes
    assessment.recommended_amount = recommended_amount
    assessment.assessed_by = assessed_by
    assessment.assessed_at = timezone.now()
    return save_valid(assessment)


@transaction.atomic
def application_decide(*, application, decided_by, outcome, reference, amount_granted=None, conditions="", reason=""):
    """Grant or reject a submitted application.

    The scheme's row is locked first, then the organisation's: every decision in the scheme waits
    here for the one before it to commit and then counts its amount against the budget, and every
    decision on the organisation's applications that year counts against the agreement threshold.
    """
    GrantScheme.objects.select_for_update().filter(pk=application.scheme_id).first()
    Organisation.objects.select_for_update().filter(pk=application.organisation_id).first()
    application = _locked_application(application)
    if hasattr(application, "decision"):
        raise ValidationError(_("The application has already been decided."), code="already_decided")
    granted = outcome == DecisionOutcome.GRANTED
    decision = Decision(
        application=application,
        outcome=outcome,
        amount_granted=amount_granted if granted else None,
        conditions=conditions.strip() if granted else "",
        reason=reason.strip(),
        reference=reference.strip(),
        decided_by=decided_by,
        decided_on=timezone.localdate(),
        report_due_on=application.scheme.report_due_on if granted else None,
    )
    return save_valid(decision)


@transaction.atomic
def agreement_register(*, organisation, administration, registered_by, title, starts_on, ends_on=None, reference="", summary=""):
    agreement = CooperationAgreement(
        organisation=organisation,
        administration=administration,
        registered_by=registered_by,
        title=title,
        reference=reference,
        starts_on=starts_on,
        ends_on=ends_on,
        summary=summary,
    )
    return save_valid(agreement)


@transaction.atomic
def scheme_save(*, scheme, saved_by, tiers=(), attachments=()):
    """Save a scheme with its report tiers and required attachments: ``tiers`` and ``attachments`` are
    pairs of (rows new or changed, rows removed), as the inline formsets give them.

    The stored scheme is locked first, as ``application_decide`` locks it: a budget lowered while a
    grant is being decided waits for the decision and then meets ``GrantScheme.clean``'s rule."""
    if scheme.pk is not None:
        GrantScheme.objects.select_for_update().filter(pk=scheme.pk).first()
    if not scheme.administration.caseworkers.filter(pk=saved_by.pk).exists():
        raise ValidationError(
            {
                "administration": ValidationError(
                    _("Only a caseworker of %(administration)s keeps its schemes.")
                    % {"administration": scheme.administration},
                    code="not_caseworker",
                )
            }
        )
    save_valid(scheme)
    _tiers_saved, tiers_deleted = tiers or ((), ())
    for tier in tiers_deleted:
        if refusal := tier.deletion_refusal():
            raise ValidationError(refusal, code="report_tiers_fixed")
    for saved, deleted in (tiers, attachments):
        for row in deleted:
            row.delete()
        for row in saved:
            row.scheme = scheme
            save_valid(row)
    return scheme


@transaction.atomic
def scheme_delete(*, scheme):
    """Delete a scheme no one has applied to (its tiers and required documents go with it). The lock
    makes an application started meanwhile wait, and then meet its scheme gone."""
    scheme = GrantScheme.objects.select_for_update().get(pk=scheme.pk)
    _delete_unless(scheme, scheme.deletion_refusal, code="scheme_in_use")


@transaction.atomic
def legal_basis_delete(*, legal_basis):
    """Delete a legal basis no scheme is given under."""
    legal_basis = LegalBasis.objects.select_for_update().get(pk=legal_basis.pk)
    _delete_unless(legal_basis, legal_basis.deletion_refusal, code="legal_basis_in_use")


def _delete_unless(instance, refusal, *, code):
    reason = refusal()
    if reason is None:
        try:
            instance.delete()
            return
        except ProtectedError:  # the database's PROTECT found a use the rule did not: refuse all the same
            reason = refusal()
    raise ValidationError(reason, code=code)


def _locked_report(application):
    return Report.objects.select_for_update(of=("self",)).filter(application=application).first()


@transaction.atomic
def report_save(*, report, results, submit=False, submitted_by=None):
    """Save the organisation's report and a result for each goal (``results``: the report's
    ``GoalResult`` objects, new or changed), and submit it when ``submit``.

    A draft keeps whatever is written: nothing is required until it is submitted. A submission
    that lacks something saves nothing, and the form shows what it lacks."""
    stored = _locked_report(report.application)
    if stored is not None and not stored.is_editable:
        raise ValidationError(_("The report has been submitted and can no longer be changed."), code="report_locked")
    save_valid(report)
    for result in results:
        result.report = report
        save_valid(result)
    if submit:
        report.status = ReportStatus.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = submitted_by
        save_valid(report, update_fields=["status", "submitted_at", "submitted_by"])
    return report


@transaction.atomic
def report_accept(*, application, assessed_by, comment=""):
    report = _locked_report(application)
    if report is None or report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report is approved."), code="not_submitted")
    _check_caseworker(application, assessed_by)
    report.status = ReportStatus.ACCEPTED
    report.assessed_by = assessed_by
    report.assessed_at = timezone.now()
    report.comment = comment.strip()
    return save_valid(report, update_fields=["status", "assessed_by", "assessed_at", "comment"])


@transaction.atomic
def report_return(*, application, assessed_by, comment, new_due_on=None):
    """Send a submitted report back for more, with what it needs; ``new_due_on`` gives more time."""
    report = _locked_report(application)
    if report is None or report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report is sent back."), code="not_submitted")
    _check_caseworker(application, assessed_by)
    report.status = ReportStatus.RETURNED
    report.assessed_by = assessed_by
    report.assessed_at = timezone.now()
    report.comment = comment.strip()
    save_valid(report, update_fields=["status", "assessed_by", "assessed_at", "comment"])
    if new_due_on is not None:
        decision = Decision.objects.select_for_update().get(application=application)
        if new_due_on < timezone.localdate():
            raise ValidationError({"new_due_on": ValidationError(_("The new deadline cannot have passed."), code="in_past")})
        decision.report_due_on = new_due_on
        save_valid(decision, update_fields=["report_due_on"])
    return report


def _check_caseworker(application, user):
    if not application.scheme.administration.caseworkers.filter(pk=user.pk).exists():
        raise ValidationError(
            _("Only a caseworker of %(administration)s approves the scheme's reports.")
            % {"administration": application.scheme.administration},
            code="not_caseworker",
        )
