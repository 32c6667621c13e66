"""Hearing deadlines for the dashboard, the calendar feed and reminders (see ``portal.deadlines``).

A hearing's response deadline concerns the members of its consulted bodies, who answer until it
has passed (``Hearing.accepting_responses``) unless they have submitted their response, and the
sending administration's caseworkers, who close the hearing once it has passed. The key names the
deadline's date, so an extended deadline is reminded of again.
"""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from policies.models import BodyMembership, Hearing, HearingResponse, HearingStatus
from portal import deadlines
from portal.deadlines import Deadline


@deadlines.register
class HearingDeadlines:
    kind = "hearing"
    label = gettext_lazy("Hearing")

    def for_user(self, user, today):
        answering = Hearing.objects.accepting_responses(today).filter(
            pk__in=Hearing.objects.consulting(user, today).values("pk")
        ).exclude(responses__author=user, responses__status="submitted")
        managing = Hearing.objects.managed_by(user).filter(status=HearingStatus.OPEN)
        hearings = Hearing.objects.filter(Q(pk__in=answering.values("pk")) | Q(pk__in=managing.values("pk")))
        return [self.deadline(hearing, today) for hearing in hearings.select_related("administration")]

    def for_reminders(self, today, *, due_from, due_until):
        hearings = (
            Hearing.objects.filter(status=HearingStatus.OPEN, response_deadline__range=(due_from, due_until))
            .select_related("administration")
            .prefetch_related(
                "administration__caseworkers",
                Prefetch(
                    "consulted_bodies__memberships",
                    queryset=BodyMembership.objects.current(today).select_related("user"),
                    to_attr="current_memberships",
                ),
                Prefetch("responses", queryset=HearingResponse.objects.submitted(), to_attr="submitted_responses"),
            )
        )
        for hearing in hearings:
            deadline = self.deadline(hearing, today)
            if hearing.accepting_responses(today):
                answered = {response.author_id for response in hearing.submitted_responses}
                for body in hearing.consulted_bodies.all():
                    for membership in body.current_memberships:
                        if membership.user_id not in answered:
                            yield membership.user, deadline
            for caseworker in hearing.administration.caseworkers.all():
                yield caseworker, deadline

    def deadline(self, hearing, today):
        return Deadline(
            kind=self.kind,
            key=f"hearing:{hearing.pk}:{hearing.response_deadline.isoformat()}",
            title=_("Hearing: %(title)s") % {"title": hearing.title},
            due_on=hearing.response_deadline,
            url=hearing.get_absolute_url(),
            is_overdue=hearing.deadline_passed(today),
            context=str(hearing.administration),
        )
