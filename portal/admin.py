from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from portal.models import CalendarFeed, DebateModerator, NewsItem, Post, Report, SentReminder, Topic, User
from portal.news_forms import NewsItemAdminForm


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("name", "initials", "email")}),
        (_("Debate"), {"fields": ("display_name", "confirmed_email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    list_display = ("username", "name", "email", "is_staff")
    search_fields = ("username", "name", "email", "initials", "display_name")
    # Confirmed by the link mailed to the address, not by hand.
    readonly_fields = ("confirmed_email",)


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


class DebateModeratorInline(admin.TabularInline):
    """On the municipality's page: the users it names to moderate its debate, beside its policy owners."""

    model = DebateModerator
    extra = 0
    autocomplete_fields = ("user",)
    verbose_name_plural = _("debate moderators (besides the policy owners)")


class PostInline(admin.StackedInline):
    model = Post
    extra = 0
    fields = ("author", "is_opening", "body", "status", "hidden_reason", "created_at", "deleted_at")
    readonly_fields = ("author", "is_opening", "created_at", "deleted_at")
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        # Posts are written in the debate, by their authors, under the rate limit.
        return False


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("title", "municipality", "author", "created_at")
    list_filter = ("municipality",)
    search_fields = ("title",)
    raw_id_fields = ("policy", "point")
    readonly_fields = ("author", "created_at")
    list_select_related = ("municipality", "author")
    date_hierarchy = "created_at"
    inlines = [PostInline]

    def has_add_permission(self, request):
        return False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "created_at", "deleted_at")
    list_filter = ("status", "topic__municipality")
    search_fields = ("body", "topic__title", "author__display_name")
    fields = (
        "topic", "author", "is_opening", "body", "status", "hidden_reason", "created_at", "published_at",
        "edited_at", "deleted_at", "moderated_by", "moderated_at",
    )
    readonly_fields = (
        "topic", "author", "is_opening", "created_at", "published_at", "edited_at", "deleted_at", "moderated_by",
        "moderated_at",
    )
    list_select_related = ("topic", "author")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Reports are handled in the moderation queue, once; the admin shows them."""

    list_display = ("post", "created_at", "handled_at", "outcome")
    list_filter = ("outcome", "post__topic__municipality")
    search_fields = ("reason",)
    readonly_fields = ("post", "reason", "reported_by", "created_at", "handled_at", "handled_by", "outcome")
    list_select_related = ("post__topic", "post__author")

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
    filter_horizontal = ("plans", "hearings", "schemes", "meetings")
    readonly_fields = ("created_at", "updated_at")


admin.site.site_header = _("Frivilligportalen administration")
admin.site.site_title = _("Frivilligportalen")
