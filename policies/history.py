"""Readable change lists from django-simple-history: who changed what, when, from what to what.

The history page of a plan and the refusal of a conflicting edit both read the same records:
every saved version of the plan, its actions, its exemptions, its follow-ups and their action
statuses. Consecutive records of one row are compared with ``diff_against``; foreign keys are
compared by key, so building a change list costs a fixed number of queries.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from policies.models import (
    Action,
    ActionStatusReport,
    FollowUp,
    ImplementationPlan,
    PointExemption,
    PolicyPoint,
)

CREATED, CHANGED, REMOVED = "+", "~", "-"


@dataclass
class FieldChange:
    field: str
    label: str
    old: str | None
    new: str | None


@dataclass
class Entry:
    """One saved version of one row: who saved it, when, and what it changed."""

    when: datetime.datetime
    who: str
    kind: str
    subject: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def verb(self):
        return {CREATED: _("added"), CHANGED: _("changed"), REMOVED: _("removed")}[self.kind]

    def summary(self, *, limit=200):
        """One line for a message: who changed what, with old and new values."""
        when = date_format(timezone.localtime(self.when), "j. F Y H:i")
        line = _("%(who)s %(verb)s %(subject)s (%(when)s)") % {
            "who": self.who,
            "verb": self.verb,
            "subject": self.subject,
            "when": when,
        }
        if self.kind == CHANGED and self.changes:

            def shown(value):
                return f"“{Truncator(value).chars(limit)}”" if value is not None else _("(empty)")

            details = "; ".join(
                _("%(field)s: %(old)s → %(new)s")
                % {"field": change.label, "old": shown(change.old), "new": shown(change.new)}
                for change in self.changes
            )
            line = f"{line}: {details}"
        return line


def _who(record):
    if record.history_user is not None:
        return str(record.history_user)
    return record.history_change_reason or _("unknown")


def _display(model, name, value, labels):
    """A field's value as a person reads it: choice labels, dates, point numbers."""
    if value is None or value == "":
        return None
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j. F Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j. F Y")
    if model_field.is_relation:
        return labels.get((model_field.related_model, value), str(value))
    return str(value)


# Fields that tie a row to its plan or follow-up: they never change, and the subject names them.
_STRUCTURAL = {"plan", "follow_up", "action"}


def _field_names(model):
    return [
        f.name for f in model._meta.concrete_fields if f.editable and f.name not in _STRUCTURAL and not f.primary_key
    ]


def _changes(model, record, previous, labels):
    if record.history_type == CREATED or previous is None:
        # A new row: what it was created with, except its place in the list.
        created = ((name, getattr(record, model._meta.get_field(name).attname)) for name in _field_names(model))
        values = ((name, None, value) for name, value in created if value not in (None, "") and name != "position")
    elif record.history_type == REMOVED:
        return []
    else:
        names = _field_names(model)
        delta = record.diff_against(previous, included_fields=names)
        # In the order of the form, not diff_against's alphabetical one.
        changes = sorted(delta.changes, key=lambda change: names.index(change.field))
        values = ((change.field, change.old, change.new) for change in changes)
    return [
        FieldChange(
            field=name,
            label=str(model._meta.get_field(name).verbose_name),
            old=_display(model, name, old, labels),
            new=_display(model, name, new, labels),
        )
        for name, old, new in values
    ]


def _entries(model, records, subject, labels):
    """Entries for the records of one model, oldest first, each compared with the row's previous one."""
    previous_by_row, entries = {}, []
    for record in records:
        previous = previous_by_row.get(record.id)
        changes = _changes(model, record, previous, labels)
        previous_by_row[record.id] = record
        if record.history_type == CHANGED and not changes:
            continue  # a save that changed nothing a person can see (e.g. only the version)
        kind = CREATED if previous is None and record.history_type != REMOVED else record.history_type
        entries.append(Entry(record.history_date, _who(record), kind, subject(record), changes))
    return entries


def _ordered(history_queryset):
    return history_queryset.select_related("history_user").order_by("history_date", "history_id")


class _Labels:
    """Names for the rows a change list mentions, from the records being read."""

    def __init__(self, points):
        self.points = {point.pk: point for point in points}
        self.action_texts, self.follow_up_dates = {}, {}

    def as_values(self):
        return {(PolicyPoint, pk): _("point %(number)s") % {"number": p.number} for pk, p in self.points.items()}

    def point_number(self, point_id):
        point = self.points.get(point_id)
        return point.number if point else "?"

    def plan(self, record):
        return _("the plan")

    def action(self, record):
        return _("the action under point %(number)s “%(text)s”") % {
            "number": self.point_number(record.point_id),
            "text": Truncator(self.action_texts.get(record.id, record.text)).chars(60),
        }

    def exemption(self, record):
        return _("the reason why point %(number)s does not apply") % {"number": self.point_number(record.point_id)}

    def follow_up(self, record):
        due_on = self.follow_up_dates.get(record.id, record.due_on)
        return _("the follow-up due %(date)s") % {"date": date_format(due_on, "j. F Y")}

    def report(self, record):
        due_on = self.follow_up_dates.get(record.follow_up_id)
        return _("the status of “%(action)s” in the follow-up due %(date)s") % {
            "action": Truncator(self.action_texts.get(record.action_id, "?")).chars(60),
            "date": date_format(due_on, "j. F Y") if due_on else "?",
        }


def _remember_names(labels, action_records, follow_up_records):
    # The latest text of an action names it, also in the records of its earlier versions.
    for record in action_records:
        labels.action_texts[record.id] = record.text
    for record in follow_up_records:
        labels.follow_up_dates[record.id] = record.due_on


def plan_history(plan):
    """Every change to the plan, its actions, exemptions, follow-ups and their action statuses,
    newest first. Six queries at most, whatever the plan holds."""
    labels = _Labels(plan.policy.points.all())
    plan_records = list(_ordered(ImplementationPlan.history.filter(id=plan.pk)))
    action_records = list(_ordered(Action.history.filter(plan_id=plan.pk)))
    exemption_records = list(_ordered(PointExemption.history.filter(plan_id=plan.pk)))
    follow_up_records = list(_ordered(FollowUp.history.filter(plan_id=plan.pk)))
    report_records = list(
        _ordered(
            ActionStatusReport.history.filter(
                follow_up_id__in=FollowUp.history.filter(plan_id=plan.pk).values("id")
            )
        )
    )
    _remember_names(labels, action_records, follow_up_records)
    values = labels.as_values()
    entries = [
        *_entries(ImplementationPlan, plan_records, labels.plan, values),
        *_entries(Action, action_records, labels.action, values),
        *_entries(PointExemption, exemption_records, labels.exemption, values),
        *_entries(FollowUp, follow_up_records, labels.follow_up, values),
        *_entries(ActionStatusReport, report_records, labels.report, values),
    ]
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def changes_since(instance: Model, version):
    """What others saved to ``instance`` after the ``version`` an editor opened, oldest first.

    For a follow-up this includes the action statuses saved with it. A row that has been
    removed since is passed as the model and its primary key: ``changes_since((Action, pk), 3)``.
    """
    model, pk = (instance if isinstance(instance, tuple) else (type(instance), instance.pk))
    if model is ImplementationPlan:
        plan_id = pk
    else:
        plan_id = model.history.filter(id=pk).values_list("plan_id", flat=True).first()
    labels = _Labels(PolicyPoint.objects.filter(policy__plans=plan_id) if plan_id else [])
    records = list(_ordered(model.history.filter(id=pk)))
    base = next((record for record in records if record.version == version), None)
    if model is Action:
        _remember_names(labels, records, [])
    subject = {
        ImplementationPlan: labels.plan,
        Action: labels.action,
        PointExemption: labels.exemption,
        FollowUp: labels.follow_up,
    }[model]
    values = labels.as_values()
    entries = _entries(model, records, subject, values)
    if model is FollowUp:
        _remember_names(labels, [], records)
        report_records = list(_ordered(ActionStatusReport.history.filter(follow_up_id=pk)))
        labels.action_texts.update(
            Action.objects.filter(status_reports__follow_up_id=pk).values_list("pk", "text")
        )
        entries += _entries(ActionStatusReport, report_records, labels.report, values)
        entries.sort(key=lambda entry: entry.when)
    if base is None:
        return [entry for entry in entries if entry.kind != CREATED]
    return [entry for entry in entries if entry.when > base.history_date]
