from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from portal.models import CalendarFeed, NewsItem, SentReminder, User
from portal.news_forms import NewsItemAdminForm


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("name", "initials", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    list_display = ("username", "name", "email", "is_staff")
    search_fields = ("username", "name", "email", "initials")


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    # The token is a secret: the admin shows who has an address, not the address.
    list_display = ("user", "renewed_at")
    fields = ("user", "renewed_at")
    readonly_fields = ("user", "renewed_at")
    search_fields = ("user__username", "user__name")

    def has_add_permission(self, request):
        return False


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    """The record of reminders sent, read only: it is what keeps a reminder from going out twice."""

    list_display = ("deadline_key", "user", "kind", "days_before", "due_on", "sent_at")
    list_filter = ("kind", "sent_at")
    search_fields = ("deadline_key", "user__username", "user__email")
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False




@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    form = NewsItemAdminForm
    list_display = ("title", "municipality", "kind", "administration", "published_at")
    list_filter = ("kind", "municipality")
    search_fields = ("title", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("created_by",)
    filter_horizontal = ("plans", "hearings")
    readonly_fields = ("created_at", "updated_at")


admin.site.site_header = _("Frivilligportalen administration")
admin.site.site_title = _("Frivilligportalen")
