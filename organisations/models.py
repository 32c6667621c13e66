from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("association")
    ORGANISATION = "organisation", _("organisation")
    INFORMAL_GROUP = "informal_group", _("informal group")
    NETWORK = "network", _("network")


class Organisation(models.Model):
    """A volunteer organisation, association, informal group or network.

    Organised and unorganised volunteers alike (seed 003, footnote 1): a CVR
    number is therefore never required.
    """

    municipality = models.ForeignKey(
        "policies.Municipality",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("short name in addresses"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind, default=OrganisationKind.ASSOCIATION)
    purpose = models.TextField(_("purpose"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_listed = models.BooleanField(
        _("listed publicly"), default=True, help_text=_("Shown in the public directory.")
    )
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="organisations",
        blank=True,
        verbose_name=_("representatives"),
        help_text=_("Keep the profile current, publish activities and apply for grants."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="organisation_unique_slug"),
        ]

    def __str__(self):
        return self.name
