from django.contrib import admin

from organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "municipality", "is_listed")
    list_filter = ("kind", "is_listed", "municipality")
    search_fields = ("name", "purpose", "email")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("representatives",)
    list_select_related = ("municipality",)
