"""The Django admin for meetings (imported by ``policies.admin``). The portal's own pages are where
organisers work; the admin is for corrections, and obeys the same model rules."""

from django.contrib import admin

from policies.models import Meeting, MeetingAction, MeetingDocument, MeetingSignup


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


class MeetingActionInline(admin.StackedInline):
    model = MeetingAction
    extra = 0


class MeetingSignupInline(admin.TabularInline):
    model = MeetingSignup
    extra = 0
    fields = ("organisation", "name", "email", "participants", "status", "created_at", "confirmed_at", "cancelled_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("organisation",)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "municipality", "organiser", "starts_at", "status")
    list_filter = ("kind", "status", "municipality")
    search_fields = ("title", "place", "description")
    date_hierarchy = "starts_at"
    list_select_related = ("municipality", "organising_administration", "organising_body")
    readonly_fields = ("minutes_approved_at", "minutes_approved_by")
    filter_horizontal = ("organisations_present",)
    inlines = [MeetingDocumentInline, MeetingSignupInline, MeetingActionInline]
