"""The portal's users: one model for every role, the roles following from what a person belongs to."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class PortalUserManager(UserManager):
    def with_display_name(self, display_name):
        """Users whose display name is ``display_name``, ignoring case: the name must tell one person."""
        return self.filter(display_name__iexact=display_name.strip())


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
        help_text=_("As written on case documents, e.g. “LP/THU”."),
    )
    # The debate shows this name with a person's posts and nothing else about them.
    display_name = models.CharField(
        _("display name"),
        max_length=40,
        blank=True,
        validators=[MinLengthValidator(2)],
        help_text=_(
            "Shown with your posts in the debate, and nothing else about you. Use a nickname or your first "
            "name; not an e-mail address."
        ),
    )
    confirmed_email = models.EmailField(
        _("confirmed e-mail address"),
        blank=True,
        help_text=_(
            "The address the user confirmed by following the link mailed to it. A changed e-mail address "
            "must be confirmed again before the user can post in the debate."
        ),
    )

    objects = PortalUserManager()

    class Meta(AbstractUser.Meta):
        ordering = ["name", "username"]
        constraints = [
            models.UniqueConstraint(
                Lower("display_name"), condition=~Q(display_name=""), name="display_name_unique_ignoring_case"
            ),
        ]

    def __str__(self):
        return self.name or self.get_full_name() or self.username

    def get_full_name(self):
        return self.name or super().get_full_name()

    @property
    def has_confirmed_email(self):
        """Whether the user's present e-mail address is the one they confirmed."""
        return bool(self.email) and self.email.lower() == self.confirmed_email.lower()

    def clean(self):
        super().clean()
        self.display_name = " ".join(self.display_name.split())
        if not self.display_name:
            return
        if "@" in self.display_name:
            raise ValidationError(
                {
                    "display_name": ValidationError(
                        _("A display name cannot be an e-mail address: it is shown to everyone."),
                        code="display_name_email",
                    )
                }
            )
        taken = User.objects.with_display_name(self.display_name).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError(
                {
                    "display_name": ValidationError(
                        _("Someone else uses the display name “%(name)s”. Choose another.")
                        % {"name": self.display_name},
                        code="display_name_taken",
                    )
                }
            )
