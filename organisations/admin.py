from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisations.models import (
    Activity,
    DeletionRequest,
    District,
    FieldOfActivity,
    Organisation,
    TargetGroup,
)
from policies.models import VolunteerCouncil


class ListedFilter(admin.SimpleListFilter):
    """Whether the public sees the listing, by the one rule that says so (``listed()``)."""

    title = _("in the public directory")
    parameter_name = "listed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        listed = Organisation.objects.listed()
        if self.value() == "yes":
            return queryset.filter(pk__in=listed.values("pk"))
        if self.value() == "no":
            return queryset.exclude(pk__in=listed.values("pk"))
        return queryset


class OwnVocabularyForm(forms.ModelForm):
    """Refuses terms from another municipality's vocabulary, which the admin's pickers list side by
    side (the portal's own forms offer only the municipality's terms)."""

    vocabulary_fields = ("target_groups", "fields_of_activity", "districts")

    def municipality(self, cleaned):
        return cleaned.get("municipality")

    def clean(self):
        cleaned = super().clean()
        municipality = self.municipality(cleaned)
        if municipality is None:
            return cleaned
        for name in self.vocabulary_fields:
            foreign = [term for term in cleaned.get(name) or () if term.municipality_id != municipality.pk]
            if foreign:
                self.add_error(
                    name,
                    ValidationError(
                        _("%(terms)s belong to another municipality than %(municipality)s.")
                        % {"terms": ", ".join(str(term) for term in foreign), "municipality": municipality},
                        code="other_municipality",
                    ),
                )
        return cleaned


class ActivityAdminForm(OwnVocabularyForm):
    vocabulary_fields = ("target_groups",)

    def municipality(self, cleaned):
        organisation = cleaned.get("organisation")
        return organisation.municipality if organisation else None


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OwnVocabularyForm
    list_display = ("name", "kind", "municipality", "status", "is_listed", "cvr", "on_volunteer_council", "updated_at")
    list_filter = (
        "status",
        ListedFilter,
        "kind",
        "is_listed",
        "on_volunteer_council",
        "contact_consent",
        "municipality",
        "target_groups",
        "fields_of_activity",
        "districts",
    )
    search_fields = ("name", "cvr", "purpose", "email", "contact_person", "city")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("representatives", "target_groups", "fields_of_activity", "districts")
    list_select_related = ("municipality",)
    readonly_fields = ("contact_consent_at", "approved_at", "created_at", "updated_at")
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["municipality", "name", "slug", "cvr", "kind", "purpose"]}),
        (_("Vocabulary"), {"fields": ["target_groups", "fields_of_activity", "districts"]}),
        (_("Address and contact"), {"fields": ["address", "postal_code", "city", "email", "phone", "website"]}),
        (
            _("Contact person"),
            {"fields": ["contact_person", "contact_email", "contact_phone", "contact_consent", "contact_consent_at"]},
        ),
        (_("Size"), {"fields": ["members_count", "volunteers_count", "on_volunteer_council"]}),
        (
            _("Listing"),
            {"fields": ["status", "rejection_reason", "approved_at", "is_listed", "hidden_reason", "representatives"]},
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and VolunteerCouncil.objects.filter(municipality=obj.municipality_id).exists():
            # The council's seats say it (policies.council_services.council_seats_sync), not a tick box.
            return (*fields, "on_volunteer_council")
        return fields


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "municipality")
    list_filter = ("municipality",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("municipality",)


admin.site.register(TargetGroup, VocabularyAdmin)
admin.site.register(FieldOfActivity, VocabularyAdmin)
admin.site.register(District, VocabularyAdmin)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    form = ActivityAdminForm
    list_display = ("title", "organisation", "starts_at", "ends_at", "repeats_weekly", "signup_required")
    list_filter = ("repeats_weekly", "signup_required", "organisation__municipality")
    search_fields = ("title", "description", "place", "organisation__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("organisation",)
    filter_horizontal = ("target_groups",)
    list_select_related = ("organisation",)


@admin.register(DeletionRequest)
class DeletionRequestAdmin(admin.ModelAdmin):
    list_display = ("organisation_name", "municipality", "requested_at", "status", "handled_at")
    list_filter = ("status", "municipality")
    search_fields = ("organisation_name", "reason", "note")
    readonly_fields = ("requested_at",)
    list_select_related = ("municipality",)


# ---- Premises and bookings ----

from organisations.models import Booking, Equipment, Photo, Premises, Room  # noqa: E402  (kept with the block it serves)


class RoomInline(admin.TabularInline):
    model = Room
    fields = ("name", "slug", "capacity", "who_may_book", "step_free_access", "hearing_loop", "accessible_toilet")
    prepopulated_fields = {"slug": ("name",)}
    extra = 0
    show_change_link = True


class PhotoInline(admin.TabularInline):
    model = Photo
    fields = ("file", "alt_text", "room")
    extra = 0


@admin.register(Premises)
class PremisesAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "administration", "city")
    list_filter = ("municipality",)
    search_fields = ("name", "address", "city")
    prepopulated_fields = {"slug": ("name",)}
    list_select_related = ("municipality", "administration")
    inlines = [RoomInline, PhotoInline]


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ("name", "premises", "capacity", "who_may_book", "step_free_access", "hearing_loop", "accessible_toilet")
    list_filter = ("who_may_book", "step_free_access", "hearing_loop", "accessible_toilet", "premises__municipality")
    search_fields = ("name", "premises__name")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("equipment",)
    list_select_related = ("premises",)


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ("alt_text", "premises", "room", "kind", "uploaded_at")
    list_filter = ("premises__municipality",)
    search_fields = ("alt_text", "premises__name")
    list_select_related = ("premises", "room")


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("room", "organisation", "starts_at", "ends_at", "status", "expected_attendees")
    list_filter = ("status", "room__premises__municipality", "room__premises")
    search_fields = ("purpose", "organisation__name", "room__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("organisation",)
    list_select_related = ("room__premises", "organisation")
    readonly_fields = ("requested_at",)
