import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
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
        help_text=_("As written on case documents, e.g. “LP/THU”."),
    )

    class Meta(AbstractUser.Meta):
        ordering = ["name", "username"]

    def __str__(self):
        return self.name or self.get_full_name() or self.username

    def get_full_name(self):
        return self.name or super().get_full_name()


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


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("before the deadline")
    OVERDUE = "overdue", _("deadline passed")


class SentReminder(models.Model):
    """A reminder e-mail about one deadline to one person, recorded so it goes out only once.

    ``portal.services.reminder_send`` inserts the row before it sends, in one transaction: a second
    run, even one running at the same moment, meets the unique constraint and sends nothing.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="sent_reminders", verbose_name=_("recipient")
    )
    deadline_key = models.CharField(
        _("deadline"), max_length=200, help_text=_("The deadline's stable key, e.g. “plan:3:7:2006-12-15”.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind)
    days_before = models.PositiveSmallIntegerField(
        _("days before"), default=0, help_text=_("For a reminder before the deadline: how many days before.")
    )
    due_on = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "deadline_key", "kind", "days_before"], name="reminder_sent_once"
            ),
            models.CheckConstraint(
                condition=Q(kind=ReminderKind.BEFORE) | Q(days_before=0), name="overdue_notice_has_no_offset"
            ),
        ]

    def __str__(self):
        return f"{self.deadline_key} → {self.user} ({self.get_kind_display()})"

    def clean(self):
        if self.kind == ReminderKind.OVERDUE and self.days_before:
            raise ValidationError(
                {
                    "days_before": ValidationError(
                        _("A notice that a deadline has passed is not sent days before it."),
                        code="overdue_with_offset",
                    )
                }
            )
