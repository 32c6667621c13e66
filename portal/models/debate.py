"""The debate forum (seed 003, point 3: "der er et debatforum for borgere og frivillige").

Signed-in citizens and volunteers start topics in a municipality, optionally about its policy or
one of the policy's points, and reply. A topic is its opening post and the replies; each post is
moderated on its own. The municipality's setting (``Municipality.debate_moderation``) decides
whether a post is shown at once and moderated afterwards, or waits for a moderator's approval.

Moderators are the municipality's policy owners and the users it names (``DebateModerator``).
They approve, hide (with a reason the author reads) and restore posts, and handle the reports
anyone may make. An author edits their post for a short while and may delete it; a hidden or
deleted post stays in the thread as such, without its text. No one is shown with more than their
display name.

Posting is rate-limited here, in ``Post.clean()``, so that every way of writing a post obeys.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from policies.models import Municipality, PolicyPoint, PolicyStatus, RemembersLoadedValues, VolunteerPolicy

TITLE_MAX_LENGTH = 150
BODY_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 1000
# Visitors who are not signed in report without a name, so nothing tells one from another: past this
# many open reports of a post by visitors, another adds nothing (the moderators have been told).
OPEN_ANONYMOUS_REPORTS_KEPT = 5


def moderated_municipalities(user):
    """The municipalities whose debate ``user`` moderates: as a policy owner or a named moderator.
    The one place that says who moderates."""
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(
        Q(pk__in=Municipality.policy_owners.through.objects.filter(user=user).values("municipality"))
        | Q(pk__in=DebateModerator.objects.filter(user=user).values("municipality"))
    )


def moderates(user, municipality):
    """Whether ``user`` moderates the debate of ``municipality`` (one query)."""
    return moderated_municipalities(user).filter(pk=municipality.pk).exists()


def moderation_backlog(user):
    """What awaits ``user`` as a moderator: {"pending": posts to approve, "reports": open reports},
    or None if they moderate no debate. Two queries for a moderator, one for anyone else."""
    municipalities = list(moderated_municipalities(user).values_list("pk", flat=True))
    if not municipalities:
        return None
    return Municipality.objects.filter(pk__in=municipalities).aggregate(
        pending=Count(
            "debate_topics__posts",
            filter=Q(debate_topics__posts__status=PostStatus.PENDING, debate_topics__posts__deleted_at__isnull=True),
            distinct=True,
        ),
        reports=Count(
            "debate_topics__posts__reports",
            filter=Q(debate_topics__posts__reports__handled_at__isnull=True),
            distinct=True,
        ),
    )


class DebateModerator(models.Model):
    """A user the municipality names to moderate its debate, beside its policy owners."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="debate_moderators", verbose_name=_("municipality")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="debate_moderations", verbose_name=_("user")
    )

    class Meta:
        verbose_name = _("debate moderator")
        verbose_name_plural = _("debate moderators")
        ordering = ["municipality__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="debate_moderator_once"),
        ]

    def __str__(self):
        return f"{self.user} ({self.municipality})"


class PostStatus(models.TextChoices):
    PENDING = "pending", _("awaiting approval")
    PUBLISHED = "published", _("shown")
    HIDDEN = "hidden", _("hidden by a moderator")


class TopicQuerySet(models.QuerySet):
    def public(self):
        """Topics everyone may read: their opening post is shown (approved, or never needing it)."""
        return self.filter(Exists(Post.objects.filter(topic=OuterRef("pk"), is_opening=True, status=PostStatus.PUBLISHED)))

    def visible_to(self, user):
        """Public topics; to their author and the municipality's moderators also the others (awaiting
        approval, or hidden). The one place that says who may read a topic."""
        public = Q(Exists(Post.objects.filter(topic=OuterRef("pk"), is_opening=True, status=PostStatus.PUBLISHED)))
        if not user.is_authenticated:
            return self.filter(public)
        return self.filter(public | Q(author=user) | Q(municipality__in=moderated_municipalities(user)))

    def for_listing(self):
        """With what the list shows: where it belongs, who opened it, how many replies are shown and
        when the last shown post was written, newest activity first."""
        shown = Q(posts__status=PostStatus.PUBLISHED)
        return (
            self.select_related("municipality", "policy", "point", "author")
            .annotate(
                reply_count=Count("posts", filter=shown & Q(posts__is_opening=False)),
                last_activity=models.Max("posts__created_at", filter=shown),
            )
            .order_by(F("last_activity").desc(nulls_last=True), "-created_at", "-pk")
        )


class Topic(models.Model):
    """A debate topic: a title, the municipality it belongs to and, optionally, the policy or the policy
    point it is about. Its text is its opening post."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="debate_topics", verbose_name=_("municipality")
    )
    policy = models.ForeignKey(
        VolunteerPolicy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="debate_topics",
        verbose_name=_("about the policy"),
    )
    point = models.ForeignKey(
        PolicyPoint,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="debate_topics",
        verbose_name=_("about the policy point"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="debate_topics", verbose_name=_("started by")
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("debate topic")
        verbose_name_plural = _("debate topics")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=GreaterThan(Length(Trim("title")), 0), name="topic_has_title"),
            models.CheckConstraint(
                condition=Q(point__isnull=True) | Q(policy__isnull=False), name="topic_point_has_its_policy"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("debate:topic_detail", kwargs={"pk": self.pk})

    @property
    def about(self):
        """The policy point or the policy the topic is about, or None."""
        return self.point or self.policy

    def clean(self):
        errors = {}
        self.title = " ".join((self.title or "").split())
        if not self.title:
            errors["title"] = ValidationError(_("Give the topic a title."), code="required")
        if self.point_id and not self.policy_id:
            self.policy_id = self.point.policy_id
        if self.policy_id and self.municipality_id and self.policy.municipality_id != self.municipality_id:
            errors["policy"] = ValidationError(
                _("%(policy)s is not a policy of %(municipality)s.")
                % {"policy": self.policy, "municipality": self.municipality},
                code="policy_of_another_municipality",
            )
        elif self.policy_id and self.policy.status == PolicyStatus.DRAFT:
            errors["policy"] = ValidationError(
                _("A topic can be about an adopted policy, not a draft."), code="draft_policy"
            )
        if self.point_id and self.policy_id and self.point.policy_id != self.policy_id:
            errors["point"] = ValidationError(
                _("The point “%(point)s” belongs to another policy.") % {"point": self.point},
                code="point_of_another_policy",
            )
        if errors:
            raise ValidationError(errors)


def _at(moment):
    return time_format(timezone.localtime(moment), "H:i:s")


def author_refusal(author):
    """Why ``author`` may not post at all, as a ValidationError, or None: a post is shown with a display
    name, and written only from a confirmed e-mail address."""
    if not author.display_name:
        return ValidationError(
            _("Choose a display name before you post: it is shown with your posts."), code="no_display_name"
        )
    if not author.has_confirmed_email:
        return ValidationError(
            _("Confirm your e-mail address before you post: follow the link we e-mailed you."),
            code="email_not_confirmed",
        )
    return None


def posting_refusal(author, at):
    """Why ``author`` may not post at the moment ``at``, as a ValidationError, or None.

    At most ``DEBATE_POSTS_PER_WINDOW`` posts in any ``DEBATE_RATE_WINDOW_MINUTES`` (a post exactly
    that long ago no longer counts), and at least ``DEBATE_MIN_SECONDS_BETWEEN_POSTS`` between two.
    Every post counts, whatever became of it: deleting one does not make room for another.
    """
    window = datetime.timedelta(minutes=settings.DEBATE_RATE_WINDOW_MINUTES)
    interval = datetime.timedelta(seconds=settings.DEBATE_MIN_SECONDS_BETWEEN_POSTS)
    limit = settings.DEBATE_POSTS_PER_WINDOW
    earlier = list(
        Post.objects.filter(author=author, created_at__gt=at - window, created_at__lte=at)
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    if len(earlier) >= limit:
        # The window frees a place when the oldest post that keeps it full slides out of it.
        again = earlier[len(earlier) - limit] + window
        return ValidationError(
            ngettext(
                "You have written %(count)d post in the last %(minutes)d minutes, which is the most allowed. "
                "You can post again at %(time)s. Your text is kept below.",
                "You have written %(count)d posts in the last %(minutes)d minutes, which is the most allowed. "
                "You can post again at %(time)s. Your text is kept below.",
                len(earlier),
            )
            % {"count": len(earlier), "minutes": settings.DEBATE_RATE_WINDOW_MINUTES, "time": _at(again)},
            code="too_many_posts",
        )
    if earlier and at - earlier[-1] < interval:
        return ValidationError(
            ngettext(
                "Wait %(seconds)d second between two posts: you can post again at %(time)s. Your text is kept below.",
                "Wait %(seconds)d seconds between two posts: you can post again at %(time)s. Your text is kept below.",
                settings.DEBATE_MIN_SECONDS_BETWEEN_POSTS,
            )
            % {"seconds": settings.DEBATE_MIN_SECONDS_BETWEEN_POSTS, "time": _at(earlier[-1] + interval)},
            code="too_soon",
        )
    return None


def status_on_writing(municipality, author):
    """The status of a post as it is written or changed: shown at once where the municipality
    moderates afterwards, and always when one of its moderators writes it; otherwise awaiting approval."""
    if municipality.debate_moderation == Municipality.DebateModeration.AFTER or moderates(author, municipality):
        return PostStatus.PUBLISHED
    return PostStatus.PENDING


class PostQuerySet(models.QuerySet):
    def shown(self):
        """Posts whose text everyone may read: shown and not deleted."""
        return self.filter(status=PostStatus.PUBLISHED, deleted_at__isnull=True)

    def awaiting_approval(self):
        """Posts a moderator must approve before anyone else sees them (a deleted one no longer waits)."""
        return self.filter(status=PostStatus.PENDING, deleted_at__isnull=True)

    def moderated_by(self, user):
        return self.filter(topic__municipality__in=moderated_municipalities(user))

    def visible_to(self, user):
        """Posts that show in a thread for ``user``: shown and hidden ones (hidden ones without their text)
        for everyone; awaiting approval only to their author and the moderators. The one place that
        says who sees a post."""
        in_thread = Q(status__in=[PostStatus.PUBLISHED, PostStatus.HIDDEN])
        if not user.is_authenticated:
            return self.filter(in_thread)
        return self.filter(
            in_thread | Q(author=user) | Q(topic__municipality__in=moderated_municipalities(user))
        )

    def with_open_reports(self):
        return self.annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))


class Post(RemembersLoadedValues):
    """A topic's opening post or a reply to it."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="debate_posts", verbose_name=_("author")
    )
    is_opening = models.BooleanField(
        _("opening post"), default=False, help_text=_("The post that started the topic; the others reply to it.")
    )
    body = models.TextField(_("text"), blank=True, validators=[MaxLengthValidator(BODY_MAX_LENGTH)])
    status = models.CharField(_("status"), max_length=20, choices=PostStatus, default=PostStatus.PENDING)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    published_at = models.DateTimeField(
        _("first shown at"), null=True, blank=True, help_text=_("When the post was first shown to everyone.")
    )
    edited_at = models.DateTimeField(_("last edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(
        _("deleted by its author at"), null=True, blank=True, help_text=_("Its text is deleted with it.")
    )
    hidden_reason = models.TextField(
        _("reason for hiding"),
        blank=True,
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
        help_text=_("The author reads it with their post and in an e-mail; no one else does."),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last moderated by"),
    )
    moderated_at = models.DateTimeField(_("last moderated at"), null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("debate post")
        verbose_name_plural = _("debate posts")
        ordering = ["topic", "created_at", "pk"]
        indexes = [models.Index(fields=["author", "created_at"], name="debate_post_author_time")]
        constraints = [
            models.UniqueConstraint(fields=["topic"], condition=Q(is_opening=True), name="one_opening_post_per_topic"),
            models.CheckConstraint(
                condition=~Q(status=PostStatus.HIDDEN) | GreaterThan(Length(Trim("hidden_reason")), 0),
                name="hidden_post_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=True) | Q(body=""), name="deleted_post_has_no_text"
            ),
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=False) | GreaterThan(Length(Trim("body")), 0), name="post_has_text"
            ),
            models.CheckConstraint(
                condition=~Q(status=PostStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="shown_post_has_time",
            ),
        ]

    def __str__(self):
        return _("%(author)s in “%(topic)s”") % {"author": self.author_name, "topic": self.topic}

    def get_absolute_url(self):
        """Leads to the page of the thread the post stands on (``debate_views.post_in_thread``)."""
        return reverse("debate:post_detail", kwargs={"pk": self.pk})

    @property
    def author_name(self):
        """All that is shown of the author."""
        return self.author.display_name or _("a participant")

    @property
    def anchor(self):
        return f"indlaeg-{self.pk}"

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_shown(self):
        """Twin of ``PostQuerySet.shown``."""
        return self.status == PostStatus.PUBLISHED and not self.is_deleted

    @property
    def awaits_approval(self):
        """Twin of ``PostQuerySet.awaiting_approval``."""
        return self.status == PostStatus.PENDING and not self.is_deleted

    @property
    def editable_until(self):
        return self.created_at + datetime.timedelta(minutes=settings.DEBATE_EDIT_MINUTES)

    def may_be_edited(self, now=None):
        """Whether its author may still change the text: for a short while, and not once hidden or deleted."""
        return (
            not self.is_deleted
            and self.stored_value("status") != PostStatus.HIDDEN
            and (now or timezone.now()) <= self.editable_until
        )

    def text_readable_by(self, user, *, moderator):
        """Whether ``user`` reads the text: everyone a shown post's, the author their own (hidden or
        awaiting approval), the municipality's moderators every post's. A deleted post has none."""
        if self.is_deleted:
            return False
        return self.status == PostStatus.PUBLISHED or moderator or (user.is_authenticated and user.pk == self.author_id)

    def reason_readable_by(self, user, *, moderator):
        """The reason a post was hidden is its author's (and the moderators') to read, no one else's."""
        return self.status == PostStatus.HIDDEN and (moderator or (user.is_authenticated and user.pk == self.author_id))

    def clean(self):
        errors = {}
        self.hidden_reason = (self.hidden_reason or "").strip()
        if not self.is_deleted and not (self.body or "").strip():
            errors["body"] = ValidationError(_("Write the text of the post."), code="required")
        if self.status == PostStatus.HIDDEN and not self.hidden_reason:
            errors["hidden_reason"] = ValidationError(
                _("Say why the post is hidden: its author reads the reason."), code="reason_required"
            )
        if self._state.adding and self.author_id:
            errors.update(self._author_errors())
        if self._state.adding and self.topic_id:
            errors.update(self._topic_errors())
        if not self._state.adding:
            errors.update(self._edit_errors())
        if errors:
            raise ValidationError(errors)

    def _author_errors(self):
        refusal = author_refusal(self.author)
        if refusal:
            return {"author": refusal}
        refusal = posting_refusal(self.author, self.created_at or timezone.now())
        return {"body": refusal} if refusal else {}

    def _topic_errors(self):
        topic = self.topic
        if self.is_opening:
            if self.author_id and topic.author_id != self.author_id:
                return {
                    "author": ValidationError(
                        _("A topic's opening post is written by the one who starts it."), code="not_the_topics_author"
                    )
                }
            return {}
        if not Topic.objects.public().filter(pk=topic.pk).exists():
            return {
                "topic": ValidationError(
                    _("The topic takes replies once its opening post is shown."), code="topic_not_public"
                )
            }
        return {}

    def _edit_errors(self):
        """An edit by the author (its text, or the time of an edit, changes) is allowed for a short
        while, and not once the post is hidden or deleted. Deleting is always allowed."""
        edited = self.body != self.stored_value("body") or self.edited_at != self.stored_value("edited_at")
        if not edited or (self.is_deleted and self.stored_value("deleted_at") is None):
            return {}
        if self.stored_value("deleted_at") is not None:
            return {"body": ValidationError(_("A deleted post cannot be changed."), code="post_deleted")}
        if self.stored_value("status") == PostStatus.HIDDEN:
            return {
                "body": ValidationError(
                    _("A moderator has hidden the post, so it can no longer be changed."), code="post_hidden"
                )
            }
        if (self.edited_at or timezone.now()) > self.editable_until:
            return {
                "body": ValidationError(
                    ngettext(
                        "A post can be changed for %(minutes)d minute after it is written; that time ran out at "
                        "%(time)s. Your text is kept below, so that you can copy it.",
                        "A post can be changed for %(minutes)d minutes after it is written; that time ran out at "
                        "%(time)s. Your text is kept below, so that you can copy it.",
                        settings.DEBATE_EDIT_MINUTES,
                    )
                    % {"minutes": settings.DEBATE_EDIT_MINUTES, "time": _at(self.editable_until)},
                    code="edit_window_passed",
                )
            }
        return {}


class ReportOutcome(models.TextChoices):
    HIDDEN = "hidden", _("the post was hidden")
    KEPT = "kept", _("the post was kept")
    DELETED = "deleted", _("its author deleted the post")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(handled_at__isnull=True)

    def moderated_by(self, user):
        return self.filter(post__topic__municipality__in=moderated_municipalities(user))


class Report(RemembersLoadedValues):
    """Someone (signed in or not) tells the moderators that a post breaks the rules. A report is
    handled once: the post is hidden or kept, or its author deleted it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("post"))
    reason = models.TextField(
        _("what is wrong with the post"),
        validators=[MaxLengthValidator(REASON_MAX_LENGTH)],
        help_text=_("E.g. offensive, advertising, or it tells personal matters about someone."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
        help_text=_("Empty for a visitor who was not signed in."),
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=ReportOutcome, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=GreaterThan(Length(Trim("reason")), 0), name="report_has_reason"),
            models.CheckConstraint(
                condition=Q(handled_at__isnull=True, outcome="") | Q(handled_at__isnull=False) & ~Q(outcome=""),
                name="handled_report_has_outcome",
            ),
            # A signed-in person reports a post once while it is being looked at.
            models.UniqueConstraint(
                fields=["post", "reported_by"],
                condition=Q(handled_at__isnull=True, reported_by__isnull=False),
                name="one_open_report_per_person",
            ),
        ]

    def __str__(self):
        return _("Report of %(post)s") % {"post": self.post}

    @property
    def is_open(self):
        """Twin of ``ReportQuerySet.open``."""
        return self.handled_at is None

    def clean(self):
        errors = {}
        self.reason = (self.reason or "").strip()
        if self._state.adding and self.post_id and not self.post.is_shown:
            errors["post"] = ValidationError(
                _("Only a post that is shown can be reported: this one is not."), code="post_not_shown"
            )
        if not self._state.adding and self.stored_value("handled_at") is not None:
            changed = any(
                getattr(self, name) != self.stored_value(name) for name in ("handled_at", "handled_by_id", "outcome")
            )
            if changed:
                errors["outcome"] = ValidationError(
                    _("The report was handled already, on %(date)s.")
                    % {"date": date_format(timezone.localtime(self.stored_value("handled_at")), "j. F Y H:i")},
                    code="already_handled",
                )
        if bool(self.handled_at) != bool(self.outcome):
            errors.setdefault(
                "outcome", ValidationError(_("A handled report says what became of the post."), code="outcome_required")
            )
        if errors:
            raise ValidationError(errors)
