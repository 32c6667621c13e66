"""Reports on grants as deadlines for the dashboard, the calendar feed and reminders (see
``portal.deadlines``). A report concerns its organisation's representatives until it is submitted
(and again when it is sent back for more); once it is overdue it concerns the scheme's caseworkers
and the municipality's policy owners too, on their dashboards, and the caseworkers are told by
e-mail the day after. The key names the due date, so more time given is reminded of again."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grants.models import Application
from grants.models.base import caseworker_of, policy_owner_of, representative_of
from portal import deadlines
from portal.deadlines import Deadline


def _outstanding():
    return Application.objects.report_outstanding().select_related(
        "decision", "report", "organisation", "scheme__administration"
    )


@deadlines.register
class GrantReportDeadlines:
    kind = "grant_report"
    label = gettext_lazy("Grant report")

    def for_user(self, user, today):
        overdue = Q(decision__report_due_on__lt=today)
        overseen = caseworker_of(user, "scheme__administration") | policy_owner_of(user, "scheme__administration__municipality")
        reports = _outstanding().filter(representative_of(user, "organisation") | (overseen & overdue))
        return [self.deadline(application, today) for application in reports]

    def for_reminders(self, today, *, due_from, due_until):
        reports = (
            _outstanding()
            .filter(decision__report_due_on__range=(due_from, due_until))
            .prefetch_related("organisation__representatives", "scheme__administration__caseworkers")
        )
        for application in reports:
            deadline = self.deadline(application, today)
            for representative in application.organisation.representatives.all():
                yield representative, deadline
            if deadline.is_overdue:
                for caseworker in application.scheme.administration.caseworkers.all():
                    yield caseworker, deadline

    def deadline(self, application, today):
        due_on = application.decision.report_due_on
        return Deadline(
            kind=self.kind,
            key=f"grant_report:{application.pk}:{due_on.isoformat()}",
            title=_("Report on %(title)s (%(organisation)s)")
            % {"title": application.title, "organisation": application.organisation.name},
            due_on=due_on,
            url=application.get_absolute_url(),
            is_overdue=application.is_report_overdue(today),
            context=application.scheme.name,
        )
