"""The Django admin for every grant model. Changes of state (submitting, deciding, approving a report)
are the portal's own flows, where the scheme's budget is locked while a decision is made: in the
admin those fields are read-only, and decisions are not added here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from grants.models import (
    Application,
    ApplicationAttachment,
    Assessment,
    BudgetLine,
    CooperationAgreement,
    Decision,
    Goal,
    GoalResult,
    GrantScheme,
    LegalBasis,
    Report,
    ReportTier,
    RequiredAttachment,
)


@admin.register(LegalBasis)
class LegalBasisAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "requires_attendance", "requires_members", "requires_volunteers")
    list_filter = ("municipality",)
    search_fields = ("name", "description")
    list_select_related = ("municipality",)


class ReportTierInline(admin.TabularInline):
    model = ReportTier
    extra = 0

    def has_delete_permission(self, request, obj=None):
        # ``obj`` is the scheme: once it has granted money its tiers stay (``ReportTier.clean``).
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.has_granted())


class RequiredAttachmentInline(admin.TabularInline):
    model = RequiredAttachment
    extra = 0


@admin.register(GrantScheme)
class GrantSchemeAdmin(admin.ModelAdmin):
    list_display = ("name", "administration", "legal_basis", "year", "budget", "opens_on", "closes_on", "report_due_on")
    list_filter = ("year", "administration__municipality", "administration", "legal_basis")
    search_fields = ("name", "description", "criteria")
    list_select_related = ("administration", "legal_basis")
    readonly_fields = ("report_due_on",)
    inlines = [ReportTierInline, RequiredAttachmentInline]
    fieldsets = [
        (None, {"fields": ["administration", "legal_basis", "name", "year", "budget", "description", "criteria"]}),
        (_("Application window"), {"fields": ["opens_on", "closes_on"]}),
        (_("Grant period and report"), {"fields": ["period_starts_on", "period_ends_on", "report_months_after_period", "report_due_on"]}),
        (_("What applications need"), {"fields": ["requires_goals", "requires_budget", "refuses_while_report_outstanding"]}),
    ]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class ApplicationAttachmentInline(admin.TabularInline):
    model = ApplicationAttachment
    extra = 0
    readonly_fields = ("kind", "original_name", "uploaded_at")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "scheme", "amount_requested", "status", "submitted_at")
    list_filter = ("status", "scheme__year", "scheme__administration", "scheme")
    search_fields = ("title", "purpose", "organisation__name")
    list_select_related = ("organisation", "scheme")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("created_by", "submitted_by")
    readonly_fields = ("status", "submitted_at", "submitted_by", "created_at", "created_by")
    date_hierarchy = "created_at"
    inlines = [GoalInline, BudgetLineInline, ApplicationAttachmentInline]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("application", "recommended_amount", "assessed_by", "assessed_at")
    list_select_related = ("application__organisation", "assessed_by")
    raw_id_fields = ("application", "assessed_by")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("reference", "application", "outcome", "amount_granted", "decided_on", "report_due_on")
    list_filter = ("outcome", "application__scheme__year", "application__scheme__administration")
    search_fields = ("reference", "application__title", "application__organisation__name")
    list_select_related = ("application__organisation",)
    readonly_fields = ("application", "outcome", "amount_granted", "decided_by", "decided_on")
    date_hierarchy = "decided_on"

    def has_add_permission(self, request):
        return False  # decided in the portal, with the scheme locked (grants.services)


class GoalResultInline(admin.TabularInline):
    model = GoalResult
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("application", "status", "submitted_at", "assessed_at", "attendance", "members", "volunteers")
    list_filter = ("status", "application__scheme__year", "application__scheme__administration")
    search_fields = ("application__title", "application__organisation__name", "evaluation")
    list_select_related = ("application__organisation",)
    raw_id_fields = ("application", "submitted_by", "assessed_by")
    readonly_fields = ("status", "submitted_at", "submitted_by", "assessed_at", "assessed_by", "accounts_kind")
    inlines = [GoalResultInline]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "administration", "starts_on", "ends_on", "reference")
    list_filter = ("administration__municipality", "administration")
    search_fields = ("title", "reference", "organisation__name")
    list_select_related = ("organisation", "administration")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("registered_by",)
