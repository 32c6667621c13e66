"""Writes on meetings: the organiser's (create, edit, publish, cancel, documents, attendance,
minutes, follow-up actions) and the participants' (sign up, confirm, cancel).

Every function takes keyword arguments, runs in one transaction and validates with
``full_clean()`` before it saves, so the rules in ``policies.models.meetings`` hold here as in the
admin. Every sign-up write first locks the meeting's row (``_locked_meeting``): two people asking
for the last seat at once are served one after the other, and the second is told the meeting is
full (``MeetingSignup.clean``) instead of both getting in.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from policies.models import (
    CONFIRMATION_HOLD,
    Administration,
    Meeting,
    MeetingAction,
    MeetingDocument,
    MeetingSignup,
    MeetingStatus,
    SignupStatus,
)
from portal.writes import save_with

CONFIRM_SALT = "policies.meeting-signup-confirm"
CANCEL_SALT = "policies.meeting-signup-cancel"


def _locked_meeting(meeting, *statuses):
    """The meeting's row, locked until the transaction ends; refused unless in one of ``statuses``."""
    locked = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("municipality", "organising_administration", "organising_body")
        .get(pk=meeting.pk)
    )
    if statuses and locked.status not in statuses:
        raise ValidationError(
            _("This cannot be done while the meeting is %(status)s.") % {"status": locked.get_status_display()},
            code="wrong_status",
        )
    return locked


def _add_document(meeting, document):
    if document is not None:
        file, title = document
        save_with(MeetingDocument(meeting=meeting, file=file, title=title or file.name))


# The organiser


@transaction.atomic
def meeting_create(*, organiser, values, document=None):
    """Write a meeting as a draft for ``organiser`` (an administration or a consulted body), with a
    first document (``(file, title)``) if given."""
    meeting = Meeting(municipality=organiser.municipality, status=MeetingStatus.DRAFT)
    if isinstance(organiser, Administration):
        meeting.organising_administration = organiser
    else:
        meeting.organising_body = organiser
    save_with(meeting, **values)
    _add_document(meeting, document)
    return meeting


@transaction.atomic
def meeting_update(*, meeting, values, document=None):
    """Change a draft or published meeting's details, and add a document if given."""
    current = _locked_meeting(meeting, MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)
    save_with(current, **values)
    _add_document(current, document)
    return current


@transaction.atomic
def meeting_publish(*, meeting):
    """Put a draft meeting on the public list, the feed, and open its sign-up."""
    return save_with(_locked_meeting(meeting, MeetingStatus.DRAFT), status=MeetingStatus.PUBLISHED)


@transaction.atomic
def meeting_cancel(*, meeting, reason):
    """Cancel a published meeting that has not begun, with the reason, and e-mail everyone signed up."""
    meeting = _locked_meeting(meeting, MeetingStatus.PUBLISHED)
    if meeting.has_begun():
        raise ValidationError(
            {"cancellation_reason": ValidationError(_("A meeting that has begun cannot be cancelled."), code="begun")}
        )
    save_with(meeting, status=MeetingStatus.CANCELLED, cancellation_reason=reason.strip())
    signups = meeting.signups.active().select_related("signed_up_by", "organisation")
    context = {"meeting": meeting, "url": settings.SITE_URL + meeting.get_absolute_url()}
    subject = _("Cancelled: %(title)s") % {"title": meeting.title}
    messages = [
        EmailMessage(subject, render_to_string("policies/meetings/email/cancelled.txt", {**context, "signup": signup}), to=[address])
        for signup in signups
        if (address := _address_of(signup))
    ]
    if messages:
        get_connection().send_messages(messages)
    return meeting


@transaction.atomic
def document_remove(*, document):
    meeting = _locked_meeting(document.meeting, MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)
    MeetingDocument.objects.filter(pk=document.pk, meeting=meeting).delete()
    document.file.delete(save=False)


@transaction.atomic
def attendance_record(*, meeting, count, organisations):
    """Record how many took part, and which organisations were present, once the meeting has begun."""
    meeting = _locked_meeting(meeting, MeetingStatus.PUBLISHED)
    meeting.attendance_count = count
    meeting.full_clean()
    meeting.check_attendance(list(organisations))
    meeting.save()
    meeting.organisations_present.set(organisations)
    return meeting


@transaction.atomic
def minutes_save(*, meeting, minutes):
    """Save the minutes as a draft: only the organisers read them until they are approved."""
    return save_with(_locked_meeting(meeting, MeetingStatus.PUBLISHED), minutes=minutes)


@transaction.atomic
def minutes_approve(*, meeting, minutes, user):
    """Approve the minutes on the organiser's behalf: from now on they are public and fixed."""
    meeting = _locked_meeting(meeting, MeetingStatus.PUBLISHED)
    if meeting.minutes_approved:
        raise ValidationError(
            {"minutes": ValidationError(_("The minutes are approved already."), code="minutes_approved")}
        )
    meeting.minutes = minutes
    meeting.full_clean()
    return save_with(meeting, minutes_approved_at=timezone.now(), minutes_approved_by=user)


@transaction.atomic
def action_create(*, meeting, values):
    return save_with(MeetingAction(meeting=_locked_meeting(meeting)), **values)


@transaction.atomic
def action_update(*, action, values):
    _locked_meeting(action.meeting)
    return save_with(action, **values)


@transaction.atomic
def action_delete(*, action):
    _locked_meeting(action.meeting)
    action.delete()


# Participants


def confirm_token(signup):
    return signing.dumps(signup.pk, salt=CONFIRM_SALT)


def cancel_token(signup):
    return signing.dumps(signup.pk, salt=CANCEL_SALT)


def _address_of(signup):
    if signup.is_organisation:
        return signup.email or (signup.signed_up_by.email if signup.signed_up_by else "")
    return signup.email


def _link(name, token):
    return settings.SITE_URL + reverse(name, kwargs={"token": token})


def _mail_receipt(signup):
    """Tell whoever signed up that they are in, with the link that cancels."""
    address = _address_of(signup)
    if not address:
        return
    body = render_to_string(
        "policies/meetings/email/signup_receipt.txt",
        {
            "signup": signup,
            "meeting": signup.meeting,
            "url": settings.SITE_URL + signup.meeting.get_absolute_url(),
            "cancel_url": _link("policies:meeting_signup_cancel", cancel_token(signup)),
        },
    )
    EmailMessage(_("You are signed up: %(title)s") % {"title": signup.meeting.title}, body, to=[address]).send()


@transaction.atomic
def signup_organisation(*, meeting, organisation, participants, user):
    """A representative signs ``organisation`` up with ``participants``, or changes the number of an
    existing sign-up. Confirmed at once (the representative is signed in); a receipt is mailed."""
    meeting = _locked_meeting(meeting)
    signup = meeting.signups.active().filter(organisation=organisation).first()
    if signup is None:
        signup = MeetingSignup(meeting=meeting, organisation=organisation, status=SignupStatus.CONFIRMED)
        signup.confirmed_at = timezone.now()
    signup.meeting = meeting
    save_with(signup, participants=participants, signed_up_by=user, email=user.email)
    _mail_receipt(signup)
    return signup


@transaction.atomic
def signup_citizen(*, meeting, name, email):
    """A citizen asks for a seat: it is held for ``CONFIRMATION_HOLD`` while the link that confirms
    it is mailed. Asking again with an address still unconfirmed starts afresh with a new link."""
    meeting = _locked_meeting(meeting)
    meeting.signups.of_citizens().filter(status=SignupStatus.PENDING, email__iexact=email).delete()
    signup = save_with(MeetingSignup(meeting=meeting, name=name.strip(), email=email, participants=1))
    body = render_to_string(
        "policies/meetings/email/signup_confirm.txt",
        {
            "signup": signup,
            "meeting": meeting,
            "url": _link("policies:meeting_signup_confirm", confirm_token(signup)),
            "hours": int(CONFIRMATION_HOLD.total_seconds() // 3600),
        },
    )
    EmailMessage(_("Confirm your sign-up: %(title)s") % {"title": meeting.title}, body, to=[signup.email]).send()
    return signup


def _signup_from(token, salt, max_age=None):
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return MeetingSignup.objects.filter(pk=pk).select_related("meeting").first()


def signup_for_confirm_token(token):
    """The sign-up a confirmation link names, or None (a forged link, or a sign-up since cancelled)."""
    signup = _signup_from(token, CONFIRM_SALT)
    return None if signup is None or signup.status == SignupStatus.CANCELLED else signup


@transaction.atomic
def signup_confirm(*, signup):
    """Confirm a citizen's sign-up (again is no change). A confirmation after the held seat was let
    go needs a free seat, before the deadline, like a new sign-up (``MeetingSignup.clean``)."""
    if signup.status == SignupStatus.CONFIRMED:
        return signup
    meeting = _locked_meeting(signup.meeting)
    signup = MeetingSignup.objects.select_for_update().get(pk=signup.pk)
    signup.meeting = meeting
    save_with(signup, status=SignupStatus.CONFIRMED, confirmed_at=timezone.now())
    _mail_receipt(signup)
    return signup


def signup_for_cancel_token(token):
    """The sign-up a cancellation link names, or None."""
    return _signup_from(token, CANCEL_SALT)


@transaction.atomic
def signup_cancel(*, signup):
    """Give the seat back, until the meeting begins."""
    meeting = _locked_meeting(signup.meeting)
    signup = MeetingSignup.objects.select_for_update().get(pk=signup.pk)
    signup.meeting = meeting
    if not signup.may_be_cancelled():
        raise ValidationError(
            _("The sign-up can be cancelled until the meeting begins, and only once."), code="not_cancellable"
        )
    return save_with(signup, status=SignupStatus.CANCELLED, cancelled_at=timezone.now())
