from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in.

    Roles are not a field here: they follow from what the user belongs to
    (an administration's caseworkers, a municipality's policy owners, a consulted
    body's members, an organisation's representatives), so one person can hold
    several, as they do in a municipality.
    """

    name = models.CharField(_("full name"), max_length=255, blank=True)
    initials = models.CharField(
        _("initials"),
        max_length=20,
        blank=True,
        help_text=_("As written on case documents, e.g. \u201cLP/THU\u201d."),
    )

    class Meta(AbstractUser.Meta):
        ordering = ["name", "username"]

    def __str__(self):
        return self.name or self.get_full_name() or self.username

    def get_full_name(self):
        return self.name or super().get_full_name()
