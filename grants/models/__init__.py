"""Grants: the legal bases, the schemes (puljer) with their budgets, windows and report
requirements, the organisations' applications with goals, budgets and documents, the caseworkers'
assessments and decisions, the cooperation agreements larger grants require, and the reports that
evaluate the goals afterwards.

Every rule lives here, in ``clean()`` (so the portal's forms, the admin and the demo loader show it
on the field) and, where the database can state it, again as a constraint. The models live in one
module per subject; every public name is imported here, so ``from grants.models import X`` works.
"""

from grants.models.base import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENT_TYPES,
    attachment_kind,
    kroner,
    validate_attachment,
)
from grants.models.legal import DOCUMENTATION, LegalBasis
from grants.models.schemes import GrantScheme, GrantSchemeQuerySet, ReportTier, RequiredAttachment
from grants.models.applications import (
    Application,
    ApplicationAttachment,
    ApplicationQuerySet,
    ApplicationStatus,
    Assessment,
    BudgetLine,
    Goal,
)
from grants.models.decisions import (
    CooperationAgreement,
    CooperationAgreementQuerySet,
    Decision,
    DecisionOutcome,
    DecisionQuerySet,
    granted_in_year,
)
from grants.models.reports import (
    OUTSTANDING_REPORT_STATUSES,
    GoalOutcome,
    GoalResult,
    Report,
    ReportQuerySet,
    ReportStatus,
)

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "ATTACHMENT_TYPES",
    "DOCUMENTATION",
    "OUTSTANDING_REPORT_STATUSES",
    "Application",
    "ApplicationAttachment",
    "ApplicationQuerySet",
    "ApplicationStatus",
    "Assessment",
    "BudgetLine",
    "CooperationAgreement",
    "CooperationAgreementQuerySet",
    "Decision",
    "DecisionOutcome",
    "DecisionQuerySet",
    "Goal",
    "GoalOutcome",
    "GoalResult",
    "GrantScheme",
    "GrantSchemeQuerySet",
    "LegalBasis",
    "Report",
    "ReportQuerySet",
    "ReportStatus",
    "ReportTier",
    "RequiredAttachment",
    "attachment_kind",
    "granted_in_year",
    "kroner",
    "validate_attachment",
]
