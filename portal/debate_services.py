"""The debate's writes: signing up and confirming the e-mail address, starting topics and replying,
editing and deleting one's own posts, reporting them, and the moderators' decisions.

The rules are the models' (``portal.models.debate``): every write here goes through
``full_clean()``. A post is written with the author's row locked, so that two posts sent at the
same moment by one person meet the rate limit one after the other.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import (
    OPEN_ANONYMOUS_REPORTS_KEPT,
    Post,
    PostStatus,
    Report,
    ReportOutcome,
    Topic,
    moderates,
    status_on_writing,
)
from portal.writes import save_valid

CONFIRMATION_SALT = "portal.debate-email-confirmation"


def _clean_together(*checks):
    """``full_clean(exclude=…)`` each (object, exclude), and refuse with every object's errors at once."""
    errors = {}
    for obj, exclude in checks:
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as error:
            for field, messages in error.error_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _mail(user, subject, template, context):
    if not user.email:
        return
    body = render_to_string(template, {"user": user, **context})
    send_mail(" ".join(subject.split()), body.strip() + "\n", None, [user.email])


def _absolute(path):
    return settings.SITE_URL + path


# Participants


def confirmation_token(user):
    """A signed token naming the user and the address to confirm: a changed address needs a new one."""
    return signing.dumps({"user": user.pk, "email": user.email.lower()}, salt=CONFIRMATION_SALT)


def confirmation_path(user):
    return reverse("debate:email_confirm", kwargs={"token": confirmation_token(user)})


def confirmation_send(*, user):
    """E-mail ``user`` the link that confirms their address."""
    _mail(
        user,
        _("Confirm your e-mail address for the debate on Frivilligportalen"),
        "portal/debate/email/confirm.txt",
        {"url": _absolute(confirmation_path(user)), "days": settings.DEBATE_CONFIRMATION_DAYS},
    )


@transaction.atomic
def participant_sign_up(*, email, display_name, password):
    """A new account for the debate, signed in with the e-mail address; it posts once the address is
    confirmed through the link mailed to it."""
    user = get_user_model()(username=email, email=email, display_name=display_name)
    user.set_password(password)
    save_valid(user)
    confirmation_send(user=user)
    return user


def user_for_confirmation(token):
    """The user a confirmation link names, if it is valid, not too old, and the address is still
    theirs; else None."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=settings.DEBATE_CONFIRMATION_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or user.email.lower() != data.get("email"):
        return None
    return user


@transaction.atomic
def email_confirm(*, token):
    """Confirm the address the link names; the user, or None if the link is invalid or too old."""
    user = user_for_confirmation(token)
    if user is not None and not user.has_confirmed_email:
        user.confirmed_email = user.email
        user.save(update_fields=["confirmed_email"])
    return user


# Writing


def _lock(author):
    # Posts of one person are written one at a time, so the rate limit sees each.
    get_user_model().objects.select_for_update().filter(pk=author.pk).first()


def _new_post(*, topic, author, body, is_opening, municipality):
    now = timezone.now()
    status = status_on_writing(municipality, author)
    return Post(
        topic=topic,
        author=author,
        body=body,
        is_opening=is_opening,
        status=status,
        created_at=now,
        published_at=now if status == PostStatus.PUBLISHED else None,
    )


@transaction.atomic
def topic_create(*, author, municipality, title, body, policy=None, point=None):
    """Start a topic with its opening post. Both are checked before either is saved, so that every
    refusal (a title missing, the rate limit) is told at once."""
    _lock(author)
    topic = Topic(municipality=municipality, policy=policy, point=point, title=title, author=author)
    post = _new_post(topic=topic, author=author, body=body, is_opening=True, municipality=municipality)
    _clean_together((topic, None), (post, ["topic"]))
    topic.save()
    post.topic = topic
    post.save()
    return topic


@transaction.atomic
def reply_create(*, topic, author, body):
    _lock(author)
    return save_valid(_new_post(topic=topic, author=author, body=body, is_opening=False, municipality=topic.municipality))


def _locked_post(post):
    return Post.objects.select_for_update().select_related("topic__municipality", "author").get(pk=post.pk)


@transaction.atomic
def post_update(*, post, body, title=None):
    """The author changes their post (and, for the opening post, the topic's title) while they may.
    Where posts are approved first, a changed post waits for approval again."""
    post = _locked_post(post)
    title_changed = post.is_opening and title is not None and title != post.topic.title
    if post.body == body and not title_changed:
        return post
    post.body = body
    # Setting the time of the edit is what makes it the author's, with the author's rules (Post.clean).
    post.edited_at = timezone.now()
    if post.status == PostStatus.PUBLISHED:
        post.status = status_on_writing(post.topic.municipality, post.author)
        if post.status == PostStatus.PENDING:
            # Approved as it was, not as it is now.
            post.moderated_by = post.moderated_at = None
    if title_changed:
        post.topic.title = title
    checks = [(post.topic, None)] if title_changed else []
    _clean_together(*checks, (post, None))
    if title_changed:
        post.topic.save(update_fields=["title"])
    post.save(update_fields=["body", "edited_at", "status", "moderated_by", "moderated_at"])
    return post


@transaction.atomic
def post_delete(*, post):
    """The author deletes their post: its text goes, its place in the thread says it was deleted, and
    the reports of it need no more handling."""
    post = _locked_post(post)
    if post.is_deleted:
        return post
    now = timezone.now()
    post.deleted_at = now
    post.body = ""
    save_valid(post, update_fields=["deleted_at", "body"])
    for report in post.reports.open():
        report.handled_at, report.outcome = now, ReportOutcome.DELETED
        save_valid(report, update_fields=["handled_at", "outcome"])
    return post


# Reports


@transaction.atomic
def report_create(*, post, reason, reported_by=None):
    """Anyone tells the moderators what is wrong with a post. A signed-in person's second report of a
    post still being looked at adds nothing, nor do visitors' reports past ``OPEN_ANONYMOUS_REPORTS_KEPT``
    (the lock on the post counts them one at a time)."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if reported_by is not None and not reported_by.is_authenticated:
        reported_by = None
    if reported_by is not None:
        existing = Report.objects.open().filter(post=post, reported_by=reported_by).first()
    else:
        anonymous = Report.objects.open().filter(post=post, reported_by=None).order_by("-created_at", "-pk")
        existing = anonymous[OPEN_ANONYMOUS_REPORTS_KEPT - 1 : OPEN_ANONYMOUS_REPORTS_KEPT].first()
    if existing is not None:
        return existing
    return save_valid(Report(post=post, reason=reason, reported_by=reported_by))


# Moderation


def _require_moderator(moderator, post):
    if not moderates(moderator, post.topic.municipality):
        raise PermissionDenied


def _refuse(message, code):
    raise ValidationError({"status": ValidationError(message, code=code)})


def _handle_open_reports(post, *, moderator, outcome, now):
    for report in Report.objects.select_for_update().filter(post=post).open():
        report.handled_at, report.handled_by, report.outcome = now, moderator, outcome
        save_valid(report, update_fields=["handled_at", "handled_by", "outcome"])


def _moderated(post, moderator, now):
    post.moderated_by, post.moderated_at = moderator, now


@transaction.atomic
def post_approve(*, post, moderator):
    """Show a post that waited for approval."""
    post = _locked_post(post)
    _require_moderator(moderator, post)
    if not post.awaits_approval:
        _refuse(_("The post does not await approval (it is %(status)s).") % {"status": _status_text(post)}, "not_pending")
    now = timezone.now()
    post.status = PostStatus.PUBLISHED
    post.published_at = post.published_at or now
    _moderated(post, moderator, now)
    return save_valid(post, update_fields=["status", "published_at", "moderated_by", "moderated_at"])


@transaction.atomic
def post_hide(*, post, moderator, reason):
    """Hide a post, saying why: the thread shows that it was hidden, the author reads the reason with
    their post and in an e-mail, and every open report of it is handled."""
    post = _locked_post(post)
    _require_moderator(moderator, post)
    if post.is_deleted:
        _refuse(_("Its author has deleted the post already."), "post_deleted")
    if post.status == PostStatus.HIDDEN:
        _refuse(_("The post is hidden already."), "already_hidden")
    now = timezone.now()
    post.status, post.hidden_reason = PostStatus.HIDDEN, reason
    _moderated(post, moderator, now)
    save_valid(post, update_fields=["status", "hidden_reason", "moderated_by", "moderated_at"])
    _handle_open_reports(post, moderator=moderator, outcome=ReportOutcome.HIDDEN, now=now)
    _mail(
        post.author,
        _("A moderator has hidden your post in “%(topic)s”") % {"topic": post.topic.title},
        "portal/debate/email/hidden.txt",
        {"post": post, "reason": post.hidden_reason, "url": _absolute(post.get_absolute_url())},
    )
    return post


@transaction.atomic
def post_restore(*, post, moderator):
    """Show a hidden post again; its author is told."""
    post = _locked_post(post)
    _require_moderator(moderator, post)
    if post.status != PostStatus.HIDDEN:
        _refuse(_("Only a hidden post can be restored."), "not_hidden")
    if post.is_deleted:
        _refuse(_("Its author has deleted the post, so there is nothing to show."), "post_deleted")
    now = timezone.now()
    post.status, post.hidden_reason = PostStatus.PUBLISHED, ""
    post.published_at = post.published_at or now
    _moderated(post, moderator, now)
    save_valid(post, update_fields=["status", "hidden_reason", "published_at", "moderated_by", "moderated_at"])
    _mail(
        post.author,
        _("Your post in “%(topic)s” is shown again") % {"topic": post.topic.title},
        "portal/debate/email/restored.txt",
        {"post": post, "url": _absolute(post.get_absolute_url())},
    )
    return post


@transaction.atomic
def report_dismiss(*, report, moderator):
    """The moderator has looked at the post and keeps it: the report is handled, once."""
    report = Report.objects.select_for_update().select_related("post__topic__municipality").get(pk=report.pk)
    _require_moderator(moderator, report.post)
    report.handled_at, report.handled_by, report.outcome = timezone.now(), moderator, ReportOutcome.KEPT
    return save_valid(report, update_fields=["handled_at", "handled_by", "outcome"])


def _status_text(post):
    return _("deleted by its author") if post.is_deleted else post.get_status_display()
