"""Writes on implementation plans and their follow-ups: editing, submitting, reviewing.

Every function takes keyword arguments, runs in one transaction and validates with
``full_clean()`` before it saves, so the rules in ``policies.models`` hold here as in the admin.
Two guards sit on top:

* a write of a plan's content first locks the plan's row (``_open_plan``), so an edit and a
  submission of the same plan cannot interleave, and refuses it while the plan is submitted or
  adopted;
* a change of an existing row names the ``version`` the editor opened (optimistic locking): if
  someone saved the row since, in a way that touches what this edit changes, the write is refused
  with ``EditConflict``, which says who changed what, and the editor's text is not lost.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from policies import history
from policies.models import (
    Action,
    ActionStatus,
    ActionStatusReport,
    FollowUp,
    FollowUpStatus,
    ImplementationPlan,
    PlanStatus,
    PointExemption,
)


class EditConflict(Exception):
    """Someone else saved the row after the editor opened it.

    ``current`` is the row as it is now (None if it was removed), ``entries`` what changed since,
    as ``policies.history.Entry`` objects, oldest first.
    """

    def __init__(self, current, entries):
        self.current = current
        self.entries = entries
        super().__init__(self.message)

    @property
    def message(self):
        if not self.entries:
            return _("Your changes were not saved: someone else saved this since you opened it.")
        return _(
            "Your changes were not saved, because others saved this since you opened it: %(changes)s. "
            "Your text is kept below: check it, and save again to replace their version with yours."
        ) % {"changes": " \u00b7 ".join(entry.summary() for entry in self.entries)}

    @property
    def removed(self):
        return self.current is None


def _open_plan(plan):
    """The plan's row, locked until the transaction ends; refused if the plan is locked for edits."""
    locked = ImplementationPlan.objects.select_for_update().get(pk=plan.pk)
    locked.check_open()
    return locked


def _current(model, *, pk, version, watched=None):
    """The row, locked, if nobody has changed it since ``version`` in a way that matters.

    ``watched`` names the fields this edit writes: a change since to another field (an action
    moved up while its text was being edited) is no conflict. ``None`` watches every field.
    """
    current = model.objects.select_for_update().filter(pk=pk).first()
    if current is None:
        raise EditConflict(None, history.changes_since((model, pk), version))
    if current.version != version:
        entries = history.changes_since(current, version)
        touched = {change.field for entry in entries for change in entry.changes}
        others = any(entry.kind != history.CHANGED for entry in entries)
        if watched is None or not entries or others or touched & set(watched):
            raise EditConflict(current, entries)
    return current


def _save(instance, **values):
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


# The plan's own fields


@transaction.atomic
def plan_start(*, policy, administration):
    """Start, as a draft, the plan an administration owes under a policy."""
    return _save(ImplementationPlan(policy=policy, administration=administration))


@transaction.atomic
def plan_update(*, plan, version, changes):
    """Save the plan's details (title, introduction, references …) as a draft."""
    current = _current(ImplementationPlan, pk=plan.pk, version=version, watched=changes)
    current.check_open()
    return _save(current, **changes)


@transaction.atomic
def plan_submit(*, plan):
    """Submit the plan to the policy owner. Refused, naming them, while points are unanswered."""
    plan = _open_plan(plan)
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.RETURNED):
        raise ValidationError(_("Only a draft or a returned plan can be submitted."), code="not_submittable")
    return _save(plan, status=PlanStatus.SUBMITTED, submitted_at=timezone.now())


def _submitted_plan(plan):
    plan = ImplementationPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted plan can be adopted or returned; this one is %(status)s.")
            % {"status": plan.get_status_display()},
            code="not_submitted",
        )
    return plan


@transaction.atomic
def plan_return(*, plan, comment):
    """Return a submitted plan to its administration, saying what to change; it opens for edits."""
    return _save(_submitted_plan(plan), status=PlanStatus.RETURNED, return_comment=comment)


@transaction.atomic
def plan_adopt(*, plan, decision_reference, adopted_on):
    """Record the decision that adopted a submitted plan; an adopted plan stays as it is."""
    return _save(
        _submitted_plan(plan),
        status=PlanStatus.ADOPTED,
        decision_reference=decision_reference,
        adopted_on=adopted_on,
    )


# Actions

# What an editor of an action sees and writes; a move since (its position) is no conflict.
ACTION_CONTENT = ("point", "text", "responsible_unit", "status", "target", "due_on")


@transaction.atomic
def action_create(*, plan, point, text, responsible_unit="", status=ActionStatus.PLANNED, target="", due_on=None):
    """Add an action at the end of the point's list."""
    plan = _open_plan(plan)
    last = plan.actions.filter(point=point).aggregate(last=Max("position"))["last"] or 0
    action = Action(
        plan=plan,
        point=point,
        text=text,
        responsible_unit=responsible_unit,
        status=status,
        target=target,
        due_on=due_on,
        position=last + 1,
    )
    return _save(action)


@transaction.atomic
def action_update(*, action, version, changes):
    plan = _open_plan(action.plan)
    current = _current(Action, pk=action.pk, version=version, watched=changes)
    current.plan = plan
    return _save(current, **changes)


@transaction.atomic
def action_move(*, action, up):
    """Move the action one place up (or down) among the actions under its point."""
    plan = _open_plan(action.plan)
    siblings = list(plan.actions.filter(point_id=action.point_id).order_by("position", "pk"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == action.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    # Number them afresh: actions loaded from documents or factories may share a position.
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.plan = plan
            _save(sibling, position=position)


@transaction.atomic
def action_delete(*, action, version):
    """Remove an action nobody has changed since ``version``, with its statuses in draft follow-ups."""
    plan = _open_plan(action.plan)
    current = _current(Action, pk=action.pk, version=version, watched=ACTION_CONTENT)
    current.plan = plan
    current.check_removable()
    current.status_reports.all().delete()
    current.delete()


# Points that do not apply


@transaction.atomic
def exemption_create(*, plan, point, reason):
    """Mark a point as not applicable to the administration, with the reason why."""
    plan = _open_plan(plan)
    return _save(PointExemption(plan=plan, point=point, reason=reason))


@transaction.atomic
def exemption_update(*, exemption, version, changes):
    plan = _open_plan(exemption.plan)
    current = _current(PointExemption, pk=exemption.pk, version=version, watched=changes)
    current.plan = plan
    return _save(current, **changes)


@transaction.atomic
def exemption_delete(*, exemption, version):
    """Undo a point's exemption: the point is open again for actions."""
    _open_plan(exemption.plan)
    _current(PointExemption, pk=exemption.pk, version=version).delete()


# Follow-ups


def _save_statuses(follow_up, statuses):
    """Write the status reported for each action: ``{action: (status, note)}``."""
    existing = {report.action_id: report for report in follow_up.action_reports.all()}
    for action, (status, note) in statuses.items():
        report = existing.get(action.pk) or ActionStatusReport(follow_up=follow_up, action=action)
        report.follow_up = follow_up
        report.status, report.note = status, note
        if report.has_unsaved_changes():
            report.full_clean()
            report.save()


@transaction.atomic
def follow_up_create(
    *, plan, due_on, statuses, report="", number_of_volunteers=None, number_of_organisations=None, submit=False
):
    """Write a follow-up of the plan with the status of each action; submit it at once if asked."""
    follow_up = _save(
        FollowUp(plan=plan),
        due_on=due_on,
        report=report,
        number_of_volunteers=number_of_volunteers,
        number_of_organisations=number_of_organisations,
    )
    _save_statuses(follow_up, statuses)
    # Saved last, so that this write ends with the follow-up's own version: a conflict check
    # compares the follow-up and its statuses against that record.
    follow_up.save()
    if submit:
        follow_up_submit(follow_up=follow_up)
    return follow_up


@transaction.atomic
def follow_up_update(*, follow_up, version, changes, statuses, submit=False):
    """Save a draft follow-up nobody has changed since ``version``; submit it if asked."""
    current = _current(FollowUp, pk=follow_up.pk, version=version)
    current.check_open()
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    _save_statuses(current, statuses)
    current.save()
    if submit:
        follow_up_submit(follow_up=current)
    return current


@transaction.atomic
def follow_up_submit(*, follow_up):
    """Submit a follow-up: it needs its report, and it is locked from then on."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    follow_up.check_open()
    return _save(follow_up, status=FollowUpStatus.SUBMITTED, submitted_at=timezone.now())
