"""The private calendar address each signed-in user may make for their deadlines."""

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.users import User


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarFeedQuerySet(models.QuerySet):
    def issue(self, user):
        """Give ``user`` a calendar address, or a new one in place of the old: (feed, renewed)."""
        feed, created = self.get_or_create(user=user)
        if not created:
            feed.renew()
        return feed, not created


class CalendarFeed(models.Model):
    """A user's private calendar address: calendar programs cannot sign in, so the secret token in
    the address is the key. Renewing it makes the old address stop working."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="calendar_feed", verbose_name=_("user")
    )
    token = models.CharField(
        _("secret token"), max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    renewed_at = models.DateTimeField(_("address made"), default=timezone.now, editable=False)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["user"]

    def __str__(self):
        return _("Calendar of %(user)s") % {"user": self.user}

    def get_absolute_url(self):
        return reverse("portal:calendar_feed", kwargs={"token": self.token})

    def renew(self):
        self.token = new_calendar_token()
        self.renewed_at = timezone.now()
        self.save(update_fields=["token", "renewed_at"])
