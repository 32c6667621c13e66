"""The legal bases grants are given under, as data each municipality keeps."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grants.models.base import policy_owner_of
from policies.models import RemembersLoadedValues

# What a report may document in numbers, and the legal basis's flag that makes it required. The
# report has a field of the same name for each (``Report.attendance`` …).
DOCUMENTATION = {
    "attendance": ("requires_attendance", _("attendance")),
    "members": ("requires_members", _("number of members")),
    "volunteers": ("requires_volunteers", _("number of volunteers")),
}


class LegalBasisQuerySet(models.QuerySet):
    def maintained_by(self, user):
        """The legal bases ``user`` keeps: those of the municipalities whose policy they own."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(policy_owner_of(user, "municipality"))


class LegalBasis(RemembersLoadedValues):
    """The law a grant is given under (Serviceloven § 79, § 18, Folkeoplysningsloven …) and the
    documentation it requires of the reports. Seed 002: “Retningslinierne for at modtage støtte
    ifølge Servicelovens § 79 stiller krav om dokumentation af fremmøde og antal medlemmer.”"""

    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.PROTECT, related_name="legal_bases", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. “Serviceloven § 79”."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the provision supports, e.g. “activities for older people”.")
    )
    requires_attendance = models.BooleanField(
        _("reports document attendance"), default=False, help_text=_("How many took part in the activities.")
    )
    requires_members = models.BooleanField(_("reports document the number of members"), default=False)
    requires_volunteers = models.BooleanField(_("reports document the number of volunteers"), default=False)
    documentation_note = models.TextField(
        _("about the documentation"),
        blank=True,
        help_text=_("The guidelines' own words on what must be documented, shown to those who report."),
    )

    objects = LegalBasisQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="legal_basis_unique_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("grants:legal_basis_edit", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        # The constraint says it too, but above the form; the name is what the user changes.
        if self.municipality_id and self.name:
            others = LegalBasis.objects.filter(municipality=self.municipality_id, name=self.name).exclude(pk=self.pk)
            if others.exists():
                errors["name"] = ValidationError(
                    _("The municipality already has a legal basis of that name."), code="name_taken"
                )
        # A report documents what its legal basis requires when it is written: once money is granted
        # under the legal basis, its requirements stay as the grantees were told with the decision.
        changed = [flag for flag, _label in DOCUMENTATION.values() if self.stored_value(flag) != getattr(self, flag)]
        if changed and not self._state.adding and self.has_granted():
            for flag in changed:
                errors[flag] = ValidationError(
                    _(
                        "Money has been granted under this legal basis, and its grantees document their reports as "
                        "they were told with the decision: what the reports document can no longer change."
                    ),
                    code="documentation_fixed",
                )
        if errors:
            raise ValidationError(errors)

    def has_granted(self):
        from grants.models.decisions import Decision

        return Decision.objects.granted().filter(application__scheme__legal_basis=self).exists()

    def deletion_refusal(self):
        """Why the legal basis cannot be deleted, or None: schemes are given under it (the database
        protects them as well)."""
        if self.pk is not None and self.schemes.exists():
            return _(
                "Grant schemes are given under this legal basis, and their applications and reports refer to it. "
                "Only a legal basis no scheme uses can be deleted."
            )
        return None

    def required_documentation(self):
        """The report fields this legal basis makes required: ["attendance", "members"] for § 79."""
        return [name for name, (flag, _label) in DOCUMENTATION.items() if getattr(self, flag)]

    def required_documentation_labels(self):
        return [DOCUMENTATION[name][1] for name in self.required_documentation()]
