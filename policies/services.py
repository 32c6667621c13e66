"""Writes on implementation plans and their follow-ups (editing, submitting, reviewing), and on
hearings (opening, extending, closing, concluding, responses and subscriptions).

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

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from policies import history
from policies.models import (
    Action,
    ActionStatus,
    ActionStatusReport,
    BodyMembership,
    FollowUp,
    FollowUpStatus,
    Hearing,
    HearingDocument,
    HearingExtension,
    HearingResponse,
    HearingStatus,
    HearingSubscription,
    ImplementationPlan,
    PlanStatus,
    PointExemption,
    ResponseStatus,
)
from portal.writes import save_with


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


# The plan's own fields


@transaction.atomic
def plan_start(*, policy, administration):
    """Start, as a draft, the plan an administration owes under a policy."""
    return save_with(ImplementationPlan(policy=policy, administration=administration))


@transaction.atomic
def plan_update(*, plan, version, changes):
    """Save the plan's details (title, introduction, references …) as a draft."""
    current = _current(ImplementationPlan, pk=plan.pk, version=version, watched=changes)
    current.check_open()
    return save_with(current, **changes)


@transaction.atomic
def plan_submit(*, plan):
    """Submit the plan to the policy owner. Refused, naming them, while points are unanswered."""
    plan = _open_plan(plan)
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.RETURNED):
        raise ValidationError(_("Only a draft or a returned plan can be submitted."), code="not_submittable")
    return save_with(plan, status=PlanStatus.SUBMITTED, submitted_at=timezone.now())


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
    return save_with(_submitted_plan(plan), status=PlanStatus.RETURNED, return_comment=comment)


@transaction.atomic
def plan_adopt(*, plan, decision_reference, adopted_on):
    """Record the decision that adopted a submitted plan; an adopted plan stays as it is."""
    return save_with(
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
    return save_with(action)


@transaction.atomic
def action_update(*, action, version, changes):
    plan = _open_plan(action.plan)
    current = _current(Action, pk=action.pk, version=version, watched=changes)
    current.plan = plan
    return save_with(current, **changes)


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
            save_with(sibling, position=position)


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
    return save_with(PointExemption(plan=plan, point=point, reason=reason))


@transaction.atomic
def exemption_update(*, exemption, version, changes):
    plan = _open_plan(exemption.plan)
    current = _current(PointExemption, pk=exemption.pk, version=version, watched=changes)
    current.plan = plan
    return save_with(current, **changes)


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
    follow_up = save_with(
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
    return save_with(follow_up, status=FollowUpStatus.SUBMITTED, submitted_at=timezone.now())


# Hearings

SUBSCRIPTION_SALT = "policies.hearing-subscription"
UNSUBSCRIBE_SALT = "policies.hearing-unsubscribe"
# A confirmation link works for a week; an unsubscribe link always.
SUBSCRIPTION_CONFIRM_MAX_AGE = 7 * 24 * 3600


def _locked_hearing(hearing, *statuses):
    """The hearing's row, locked until the transaction ends; refused unless in one of ``statuses``."""
    locked = Hearing.objects.select_for_update().select_related("administration__municipality").get(pk=hearing.pk)
    if statuses and locked.status not in statuses:
        raise ValidationError(
            _("This cannot be done while the hearing is %(status)s.") % {"status": locked.get_status_display()},
            code="wrong_status",
        )
    return locked


def _add_document(hearing, document):
    if document is not None:
        file, title = document
        save_with(HearingDocument(hearing=hearing, file=file, title=title or file.name))


@transaction.atomic
def hearing_create(*, administration, bodies, values, document=None):
    """Write a hearing as a draft, with its consulted bodies and, if given, a first document
    (``(file, title)``)."""
    hearing = save_with(Hearing(administration=administration, status=HearingStatus.DRAFT), **values)
    hearing.consulted_bodies.set(bodies)
    _add_document(hearing, document)
    return hearing


@transaction.atomic
def hearing_update(*, hearing, bodies, values, document=None):
    """Change a hearing that is not yet closed. Once open, its dates move only through
    ``hearing_extend``; the bodies consulted stay those it opened with."""
    current = _locked_hearing(hearing, HearingStatus.DRAFT, HearingStatus.OPEN)
    if current.status != HearingStatus.DRAFT:
        values = {name: value for name, value in values.items() if name not in HEARING_DATES}
        bodies = None
    save_with(current, **values)
    if bodies is not None:
        current.consulted_bodies.set(bodies)
    _add_document(current, document)
    return current


HEARING_DATES = ("opens_on", "response_deadline", "deciding_meeting_on")


@transaction.atomic
def hearing_open(*, hearing, today=None):
    """Open a draft hearing today and e-mail, once, the members of its bodies and the confirmed
    subscribers to its administration. Refused if the deadline leaves less than the minimum period."""
    today = today or timezone.localdate()
    hearing = _locked_hearing(hearing, HearingStatus.DRAFT)
    if not hearing.consulted_bodies.exists():
        raise ValidationError(_("Choose at least one body to consult before opening the hearing."), code="no_bodies")
    save_with(hearing, status=HearingStatus.OPEN, opens_on=today)
    if hearing.notified_at is None:
        _send_opening_mails(hearing, today=today)
        hearing.notified_at = timezone.now()
        hearing.save(update_fields=["notified_at"])
    return hearing


def _send_opening_mails(hearing, *, today):
    members = (
        BodyMembership.objects.current(today)
        .filter(body__in=hearing.consulted_bodies.all(), user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "body")
    )
    url = settings.SITE_URL + hearing.get_absolute_url()
    context = {"hearing": hearing, "url": url, "deadline": date_format(hearing.response_deadline, "j. F Y")}
    subject = _("New hearing: %(title)s (deadline %(date)s)") % {"title": hearing.title, "date": context["deadline"]}
    subject = " ".join(subject.split())
    messages, seen = [], set()
    for membership in members:
        if membership.user.email in seen:
            continue
        seen.add(membership.user.email)
        body = render_to_string(
            "policies/hearings/email/opened_member.txt",
            {**context, "membership": membership, "respond_url": settings.SITE_URL + reverse(
                "policies:hearing_respond", kwargs={"pk": hearing.pk})},
        )
        messages.append(EmailMessage(subject, body, to=[membership.user.email]))
    for subscription in HearingSubscription.objects.for_hearing(hearing).exclude(email__in=seen):
        unsubscribe = settings.SITE_URL + reverse(
            "policies:hearing_unsubscribe", kwargs={"token": unsubscribe_token(subscription)}
        )
        body = render_to_string(
            "policies/hearings/email/opened_subscriber.txt", {**context, "unsubscribe_url": unsubscribe}
        )
        messages.append(
            EmailMessage(
                subject,
                body,
                to=[subscription.email],
                headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            )
        )
    if messages:
        get_connection().send_messages(messages)


@transaction.atomic
def hearing_extend(*, hearing, new_deadline, reason, user):
    """Move an open hearing's deadline later, recording the extension with its reason."""
    hearing = _locked_hearing(hearing, HearingStatus.OPEN)
    extension = HearingExtension(
        hearing=hearing, previous_deadline=hearing.response_deadline, new_deadline=new_deadline,
        reason=reason.strip(), extended_by=user,
    )
    extension.full_clean()
    save_with(hearing, response_deadline=new_deadline)
    extension.save()
    return extension


@transaction.atomic
def hearing_close(*, hearing, today=None):
    """Close an open hearing once its deadline has passed: no more responses, and the note can begin."""
    hearing = _locked_hearing(hearing, HearingStatus.OPEN)
    if not hearing.deadline_passed(today):
        raise ValidationError(
            _("The hearing can be closed after its response deadline (%(date)s), not before.")
            % {"date": date_format(hearing.response_deadline, "j. F Y")},
            code="deadline_not_passed",
        )
    return save_with(hearing, status=HearingStatus.CLOSED)


@transaction.atomic
def hearing_note_save(*, hearing, note, considerations):
    """Write the hearing note: the general text, and for each response (``{response: text}``) how it
    was taken into account."""
    hearing = _locked_hearing(hearing, HearingStatus.CLOSED)
    save_with(hearing, hearing_note=note)
    for response, text in considerations.items():
        response.hearing = hearing
        if response.consideration != text:
            save_with(response, consideration=text)
    return hearing


@transaction.atomic
def hearing_conclude(*, hearing, decision_reference):
    """Conclude a closed hearing with the decision taken. Every submitted response must have its
    place in the hearing note first."""
    hearing = _locked_hearing(hearing, HearingStatus.CLOSED)
    missing = [str(r) for r in hearing.responses.submitted().filter(consideration="")]
    if missing or not hearing.hearing_note.strip():
        raise ValidationError(
            _("Write the hearing note, with how each response was taken into account, before concluding. Missing: %(names)s.")
            % {"names": ", ".join(missing) or _("the note itself")},
            code="note_missing",
        )
    return save_with(hearing, status=HearingStatus.CONCLUDED, decision_reference=decision_reference.strip())


def _write_response(*, hearing, author, text, submit):
    # The model's rules read today's date themselves (``Hearing.accepting_responses``).
    today = timezone.localdate()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    response = HearingResponse.objects.select_for_update().filter(hearing=hearing, author=author).first()
    if response is None:
        membership = (
            BodyMembership.objects.current(today)
            .filter(user=author, body__in=hearing.consulted_bodies.all())
            .select_related("body")
            .first()
        )
        if membership is None:
            raise ValidationError(
                _("Only current members of a body consulted in this hearing can answer it."), code="not_a_member"
            )
        response = HearingResponse(
            hearing=hearing, author=author, body=membership.body, on_behalf_of=membership.on_behalf_of
        )
    response.hearing = hearing
    response.text = text
    if submit:
        response.status = ResponseStatus.SUBMITTED
        response.submitted_at = timezone.now()
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def response_save(*, hearing, author, text):
    """Save a member's response as a draft (or a submitted one with changed text) before the deadline."""
    return _write_response(hearing=hearing, author=author, text=text, submit=False)


@transaction.atomic
def response_submit(*, hearing, author, text):
    """Submit a member's response before the deadline; they may change it until then."""
    return _write_response(hearing=hearing, author=author, text=text, submit=True)


# Subscriptions to new hearings


def confirm_token(subscription):
    return signing.dumps(subscription.pk, salt=SUBSCRIPTION_SALT)


def unsubscribe_token(subscription):
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


@transaction.atomic
def subscription_create(*, email, administrations):
    """Ask for e-mails about new hearings of ``administrations``; mails a link to confirm. Asking
    again with the same address replaces the choice and mails the link again."""
    subscription = HearingSubscription.objects.filter(email__iexact=email).first() or HearingSubscription(email=email)
    subscription.full_clean(validate_unique=False)
    subscription.save()
    subscription.administrations.set(administrations)
    url = settings.SITE_URL + reverse("policies:hearing_subscription_confirm", kwargs={"token": confirm_token(subscription)})
    body = render_to_string(
        "policies/hearings/email/subscription_confirm.txt",
        {"url": url, "administrations": list(administrations)},
    )
    EmailMessage(_("Confirm your subscription to new hearings"), body, to=[subscription.email]).send()
    return subscription


def _subscription_from(token, salt, max_age=None):
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return HearingSubscription.objects.filter(pk=pk).first()


@transaction.atomic
def subscription_confirm(*, token):
    """Confirm the subscription the signed token names; None if the link is invalid or too old."""
    subscription = _subscription_from(token, SUBSCRIPTION_SALT, SUBSCRIPTION_CONFIRM_MAX_AGE)
    if subscription is not None and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def subscription_delete(*, token):
    """End the subscription the signed token names; True if there was one."""
    subscription = _subscription_from(token, UNSUBSCRIBE_SALT)
    if subscription is None:
        return False
    subscription.delete()
    return True
