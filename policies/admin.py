from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.admin import DebateModeratorInline

from policies.models import (
    Action,
    ActionStatusReport,
    Administration,
    BodyMembership,
    Candidate,
    ConsultedBody,
    CouncilElection,
    CouncilMember,
    CouncilStatutes,
    CouncilTerm,
    FollowUp,
    Hearing,
    HearingDocument,
    HearingExtension,
    HearingResponse,
    HearingSubscription,
    ImplementationPlan,
    Municipality,
    PointExemption,
    PolicyPoint,
    VolunteerCouncil,
    VolunteerPolicy,
    VoteReceipt,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("policy_owners",)
    inlines = [DebateModeratorInline]


@admin.register(Administration)
class AdministrationAdmin(admin.ModelAdmin):
    list_display = ("name", "committee", "abbreviation", "municipality")
    list_filter = ("municipality",)
    search_fields = ("name", "committee", "abbreviation")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("caseworkers",)
    list_select_related = ("municipality",)


class BodyMembershipInline(admin.TabularInline):
    model = BodyMembership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(ConsultedBody)
class ConsultedBodyAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality")
    list_filter = ("municipality",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [BodyMembershipInline]
    list_select_related = ("municipality",)


class PolicyPointInline(admin.StackedInline):
    model = PolicyPoint
    extra = 0


@admin.register(VolunteerPolicy)
class VolunteerPolicyAdmin(admin.ModelAdmin):
    list_display = ("title", "municipality", "status", "decision_reference", "adopted_on", "plan_due_on", "revision_due_on")
    list_filter = ("status", "municipality")
    search_fields = ("title", "decision_reference")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("plan_due_on", "revision_due_on")
    filter_horizontal = ("administrations", "consulted_bodies")
    inlines = [PolicyPointInline]
    list_select_related = ("municipality",)
    date_hierarchy = "adopted_on"


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    fields = ("point", "text", "responsible_unit", "status", "target", "due_on", "position")


class PointExemptionInline(admin.TabularInline):
    model = PointExemption
    extra = 0


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ("due_on", "status", "number_of_volunteers", "submitted_at")
    show_change_link = True


@admin.register(ImplementationPlan)
class ImplementationPlanAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "decision_reference", "status", "due_on_display")
    list_filter = ("status", "policy__municipality", "policy", "administration")
    search_fields = ("title", "decision_reference", "case_number", "document_number", "administration__name")
    list_select_related = ("policy", "administration")
    inlines = [ActionInline, PointExemptionInline, FollowUpInline]

    @admin.display(description=_("due on"), ordering="policy__plan_due_on")
    def due_on_display(self, plan):
        return plan.due_on


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "plan", "point", "status", "responsible_unit")
    list_filter = ("status", "plan__policy", "plan__administration")
    search_fields = ("text", "responsible_unit")
    list_select_related = ("plan__policy", "plan__administration", "point")


@admin.register(PointExemption)
class PointExemptionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "plan")
    list_filter = ("plan__policy", "plan__administration")
    search_fields = ("reason",)
    list_select_related = ("plan__policy", "plan__administration", "point")


class ActionStatusReportInline(admin.TabularInline):
    model = ActionStatusReport
    extra = 0
    autocomplete_fields = ("action",)


@admin.register(FollowUp)
class FollowUpAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "plan", "due_on", "status", "number_of_volunteers")
    inlines = [ActionStatusReportInline]
    list_filter = ("status", "plan__policy", "plan__administration")
    search_fields = ("report",)
    list_select_related = ("plan__policy", "plan__administration")
    date_hierarchy = "due_on"


class HearingDocumentInline(admin.TabularInline):
    model = HearingDocument
    extra = 0


class HearingExtensionInline(admin.TabularInline):
    model = HearingExtension
    extra = 0
    can_delete = False
    readonly_fields = ("previous_deadline", "new_deadline", "reason", "extended_by", "extended_at")

    def has_add_permission(self, request, obj=None):
        return False  # extensions are recorded by extending the deadline in the portal


@admin.register(Hearing)
class HearingAdmin(admin.ModelAdmin):
    list_display = ("title", "administration", "opens_on", "response_deadline", "status")
    list_filter = ("status", "administration__municipality", "administration")
    search_fields = ("title", "case_number")
    filter_horizontal = ("consulted_bodies",)
    inlines = [HearingDocumentInline, HearingExtensionInline]


@admin.register(HearingResponse)
class HearingResponseAdmin(admin.ModelAdmin):
    list_display = ("hearing", "on_behalf_of", "author", "status", "submitted_at")
    list_filter = ("status",)


@admin.register(HearingSubscription)
class HearingSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "confirmed_at", "created_at")
    filter_horizontal = ("administrations",)


# The volunteer council. Its elections run in the portal (policies.council_services): here the
# council, its body and its statutes are set up, and the rest is read, never typed in, so that the
# seats, the body's memberships and the secret tallies stay what the election made them.


class CouncilStatutesInline(admin.StackedInline):
    model = CouncilStatutes
    extra = 0


@admin.register(VolunteerCouncil)
class VolunteerCouncilAdmin(admin.ModelAdmin):
    list_display = ("__str__", "municipality")
    list_select_related = ("municipality", "body")
    inlines = [CouncilStatutesInline]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CouncilMemberInline(ReadOnlyInline):
    model = CouncilMember
    fields = ("user", "organisation", "is_chair", "membership")
    readonly_fields = fields


@admin.register(CouncilTerm)
class CouncilTermAdmin(admin.ModelAdmin):
    list_display = ("__str__", "council", "starts_on", "ends_on")
    list_filter = ("council",)
    list_select_related = ("council__body",)
    readonly_fields = ("council", "statutes", "starts_on", "ends_on")
    inlines = [CouncilMemberInline]

    def has_add_permission(self, request):
        return False  # a term is opened with its election


class CandidateInline(ReadOnlyInline):
    model = Candidate
    fields = ("user", "organisation", "status", "consented_at", "rank", "is_elected")
    readonly_fields = fields


class VoteReceiptInline(ReadOnlyInline):
    model = VoteReceipt
    fields = ("organisation", "cast_by", "cast_at")
    readonly_fields = fields


@admin.register(CouncilElection)
class CouncilElectionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "nominations_close_on", "voting_closes_on")
    list_filter = ("status",)
    list_select_related = ("term__council__body",)
    readonly_fields = (
        "term", "status", "nominations_open_on", "nominations_close_on", "voting_opens_on", "voting_closes_on",
        "counted_at", "published_at",
    )
    inlines = [CandidateInline, VoteReceiptInline]

    def has_add_permission(self, request):
        return False  # elections are opened and run by the policy owner in the portal


from policies import meeting_admin  # noqa: E402, F401  (registers the meetings' admin)
