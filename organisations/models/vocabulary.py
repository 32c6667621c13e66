"""The controlled vocabularies each municipality keeps to describe its organisations: target
groups, fields of activity and districts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models.base import unique_slug


class Vocabulary(models.Model):
    """A term of a controlled vocabulary that each municipality keeps for itself."""

    # The directory's and the calendar's address parameter for the vocabulary (?maalgruppe=aeldre).
    parameter = None

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=100,
        blank=True,
        help_text=_("Used in the directory's addresses; made from the name when left empty."),
    )

    class Meta:
        abstract = True
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="%(class)s_unique_name"),
            models.UniqueConstraint(fields=["municipality", "slug"], name="%(class)s_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, municipality_id=self.municipality_id)
        super().save(*args, **kwargs)


class TargetGroup(Vocabulary):
    parameter = "maalgruppe"

    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.CASCADE, related_name="target_groups", verbose_name=_("municipality")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class FieldOfActivity(Vocabulary):
    parameter = "felt"

    municipality = models.ForeignKey(
        "policies.Municipality",
        on_delete=models.CASCADE,
        related_name="fields_of_activity",
        verbose_name=_("municipality"),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")


class District(Vocabulary):
    parameter = "bydel"

    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.CASCADE, related_name="districts", verbose_name=_("municipality")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
