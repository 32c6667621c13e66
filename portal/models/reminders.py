"""The record of reminder e-mails sent, so that each goes out once."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.users import User


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
