"""The deadlines the volunteer policy sets, for the dashboard, the calendar feed and reminders
(see ``portal.deadlines``): each administration's implementation plan and process plan, each
plan's follow-ups, and the policy's revision.

Who is concerned follows the roles of ``ImplementationPlanQuerySet``: an administration's
caseworkers owe its plans and follow-ups, and are reminded of them; the municipality's policy
owners see every deadline of the municipality and are reminded of the policy's revision. Every
provider runs a fixed number of queries, however many policies, plans and users there are.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from policies.models import (
    PUBLISHED_PLAN_STATUSES,
    Administration,
    FollowUp,
    ImplementationPlan,
    VolunteerPolicy,
)
from portal import deadlines
from portal.dates import add_months
from portal.deadlines import Deadline


def administrations_of(user):
    """The administrations whose deadlines concern ``user``: those they are a caseworker of, and every
    administration of a municipality whose policy they own (the roles of ``editable_by`` and
    ``owned_by``, said of administrations, which owe a plan before they have one)."""
    return Administration.objects.filter(Q(caseworkers=user) | Q(municipality__policy_owners=user))


def plans_of(user):
    """The plans whose deadlines concern ``user``."""
    plans = ImplementationPlan.objects
    return plans.editable_by(user) | plans.owned_by(user)


def owed_plans(policies, *, administrations=None, with_caseworkers=False):
    """(policy, administration, plan or None) for each administration named under ``policies`` that
    still owes its implementation plan: it has none yet, or its plan is outstanding. Three queries
    at most."""
    named = VolunteerPolicy.administrations.through.objects.filter(volunteerpolicy__in=policies).select_related(
        "volunteerpolicy", "administration"
    )
    plans = ImplementationPlan.objects.filter(policy__in=policies).select_related("policy", "administration")
    if administrations is not None:
        named = named.filter(administration__in=administrations)
        plans = plans.filter(administration__in=administrations)
    if with_caseworkers:
        named = named.prefetch_related("administration__caseworkers")
    by_pair = {(plan.policy_id, plan.administration_id): plan for plan in plans}
    for link in named:
        plan = by_pair.get((link.volunteerpolicy_id, link.administration_id))
        if plan is None or plan.is_outstanding():
            yield link.volunteerpolicy, link.administration, plan


@deadlines.register
class PlanDeadlines:
    """Each named administration's implementation plan, until it is submitted."""

    kind = "plan"
    label = gettext_lazy("Implementation plan")

    def for_user(self, user, today):
        owed = owed_plans(self.policies(), administrations=administrations_of(user))
        return [self.deadline(policy, administration, plan, today) for policy, administration, plan in owed]

    def for_reminders(self, today, *, due_from, due_until):
        policies = self.policies().filter(plan_due_on__range=(due_from, due_until))
        for policy, administration, plan in owed_plans(policies, with_caseworkers=True):
            deadline = self.deadline(policy, administration, plan, today)
            for caseworker in administration.caseworkers.all():
                yield caseworker, deadline

    @staticmethod
    def policies():
        return VolunteerPolicy.objects.adopted().filter(plan_due_on__isnull=False)

    def deadline(self, policy, administration, plan, today):
        return Deadline(
            kind=self.kind,
            key=f"plan:{policy.pk}:{administration.pk}:{policy.plan_due_on.isoformat()}",
            title=_("Implementation plan of %(administration)s") % {"administration": administration},
            due_on=policy.plan_due_on,
            # Until the administration starts its plan, the policy's page lists it as owed.
            url=plan.get_absolute_url() if plan else policy.get_absolute_url(),
            is_overdue=plan.is_overdue(today) if plan else policy.plan_deadline_passed(today),
            context=policy.title,
        )


@deadlines.register
class ProcessPlanDeadlines:
    """The process plan a policy may ask for before the plans themselves (Copenhagen: 15 May 2006).

    The portal keeps no process plans, only their date: an administration owes one for as long as
    it owes its implementation plan, which makes the process plan moot once presented.
    """

    kind = "process_plan"
    label = gettext_lazy("Process plan")

    def for_user(self, user, today):
        owed = owed_plans(self.policies(), administrations=administrations_of(user))
        return [self.deadline(policy, administration, today) for policy, administration, _plan in owed]

    def for_reminders(self, today, *, due_from, due_until):
        policies = self.policies().filter(process_plan_due_on__range=(due_from, due_until))
        for policy, administration, _plan in owed_plans(policies, with_caseworkers=True):
            deadline = self.deadline(policy, administration, today)
            for caseworker in administration.caseworkers.all():
                yield caseworker, deadline

    @staticmethod
    def policies():
        return VolunteerPolicy.objects.adopted().filter(process_plan_due_on__isnull=False)

    def deadline(self, policy, administration, today):
        return Deadline(
            kind=self.kind,
            key=f"process_plan:{policy.pk}:{administration.pk}:{policy.process_plan_due_on.isoformat()}",
            title=_("Process plan of %(administration)s") % {"administration": administration},
            due_on=policy.process_plan_due_on,
            url=policy.get_absolute_url(),
            is_overdue=deadlines.passed(policy.process_plan_due_on, today),
            context=policy.title,
        )


@deadlines.register
class FollowUpDeadlines:
    """Each follow-up not yet submitted, each published plan's next follow-up on its cadence even
    before anyone has started writing it, and the last one whose date passed with no follow-up
    written at all: missed, so overdue (``FollowUpQuerySet.overdue`` knows only follow-ups that
    exist). Earlier missed dates are not listed again; the latest says the plan is behind.
    """

    kind = "follow_up"
    label = gettext_lazy("Follow-up")

    def for_user(self, user, today):
        plans = plans_of(user)
        drafts = FollowUp.objects.outstanding().filter(plan__in=plans).select_related(
            "plan__policy", "plan__administration"
        )
        found = [self.deadline(follow_up.plan, follow_up.due_on, follow_up.is_overdue(today)) for follow_up in drafts]
        found += [self.deadline(plan, due_on, missed) for plan, due_on, missed in self.unwritten_follow_ups(plans, today)]
        return found

    def for_reminders(self, today, *, due_from, due_until):
        drafts = (
            FollowUp.objects.outstanding()
            .filter(due_on__range=(due_from, due_until))
            .select_related("plan__policy", "plan__administration")
            .prefetch_related("plan__administration__caseworkers")
        )
        for follow_up in drafts:
            deadline = self.deadline(follow_up.plan, follow_up.due_on, follow_up.is_overdue(today))
            for caseworker in follow_up.plan.administration.caseworkers.all():
                yield caseworker, deadline
        plans = ImplementationPlan.objects.prefetch_related("administration__caseworkers")
        for plan, due_on, missed in self.unwritten_follow_ups(plans, today):
            if due_from <= due_on <= due_until:
                deadline = self.deadline(plan, due_on, missed)
                for caseworker in plan.administration.caseworkers.all():
                    yield caseworker, deadline

    @staticmethod
    def unwritten_follow_ups(plans, today):
        """(plan, date, missed) for each published plan of an adopted policy: its next follow-up on
        or after ``today`` that nobody has started yet (missed False), and its latest date before
        ``today`` without any follow-up (missed True)."""
        plans = (
            plans.filter(status__in=PUBLISHED_PLAN_STATUSES, policy__in=VolunteerPolicy.objects.adopted())
            .select_related("policy", "administration")
            .prefetch_related("follow_ups")
        )
        for plan in plans:
            cadence = plan.effective_follow_up_cadence
            if not cadence:
                continue
            dates = plan.policy.follow_up_dates(cadence, until=add_months(today, cadence))
            # A follow-up already dated then speaks for itself: listed as a draft, or done.
            written = {follow_up.due_on for follow_up in plan.follow_ups.all()}
            # A date before the plan was presented could not be followed up, so it is not missed. A
            # plan recorded without its day (entered from paper) counts as presented when it was due.
            presented = (
                plan.adopted_on
                or (plan.submitted_at and timezone.localdate(plan.submitted_at))
                or plan.policy.plan_due_on
            )
            passed = [due_on for due_on in dates if presented and presented <= due_on < today]
            upcoming = [due_on for due_on in dates if due_on >= today]
            if passed and passed[-1] not in written:
                yield plan, passed[-1], True
            if upcoming and upcoming[0] not in written:
                yield plan, upcoming[0], False

    def deadline(self, plan, due_on, is_overdue):
        return Deadline(
            kind=self.kind,
            key=f"follow_up:{plan.pk}:{due_on.isoformat()}",
            title=_("Follow-up of %(administration)s's plan") % {"administration": plan.administration},
            due_on=due_on,
            url=plan.get_absolute_url(),
            is_overdue=is_overdue,
            context=plan.policy.title,
        )


@deadlines.register
class PolicyRevisionDeadlines:
    """The policy's revision, a fixed number of years after adoption, for its policy owners.

    ``due_for_revision`` includes the due day itself (it is time to revise); like every deadline,
    the revision is overdue only from the day after.
    """

    kind = "policy_revision"
    label = gettext_lazy("Policy revision")

    def for_user(self, user, today):
        policies = self.policies().filter(municipality__policy_owners=user)
        return [self.deadline(policy, today) for policy in policies]

    def for_reminders(self, today, *, due_from, due_until):
        policies = self.policies().filter(revision_due_on__range=(due_from, due_until))
        for policy in policies.prefetch_related("municipality__policy_owners"):
            deadline = self.deadline(policy, today)
            for owner in policy.municipality.policy_owners.all():
                yield owner, deadline

    @staticmethod
    def policies():
        return VolunteerPolicy.objects.adopted().filter(revision_due_on__isnull=False).select_related("municipality")

    def deadline(self, policy, today):
        return Deadline(
            kind=self.kind,
            key=f"policy_revision:{policy.pk}:{policy.revision_due_on.isoformat()}",
            title=_("Revision of %(policy)s") % {"policy": policy.title},
            due_on=policy.revision_due_on,
            url=policy.get_absolute_url(),
            is_overdue=deadlines.passed(policy.revision_due_on, today),
            context=policy.municipality.name,
        )
