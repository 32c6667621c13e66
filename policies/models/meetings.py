"""Meetings and conferences: how the municipality keeps the dialogue the policies ask for.

Seed 004 (Vesthimmerland): "Der skal afholdes mindst ét årligt dialogmøde mellem kommunen og de
frivillige organisationer"; seed 003 (Beskæftigelses- og Integrationsforvaltningen): "en årlig
konference for organiserede og uorganiserede frivillige" with workshops, and the yearly
International Dag. A meeting is organised by an administration or by a consulted body; it may take
sign-ups from organisations (a representative signs up the organisation with a number of
participants) and from citizens (name and e-mail, confirmed by a mailed link), up to a capacity and
until a deadline. After it, the organiser records the attendance, writes the minutes (public once
the organiser approves them) and the follow-up actions, each of which may carry out a point of the
municipality's policy.

Capacity is never exceeded: ``MeetingSignup.clean()`` counts the seats taken, and
``policies.meeting_services`` locks the meeting's row around that count and the save, so that two
people signing up for the last seat at once are served one after the other.
"""

import datetime
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear, Length, Lower, Trim
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from policies.models.base import RemembersLoadedValues, _human_date, _today
from policies.models.hearings import StoredDocument, validate_hearing_document
from policies.models.municipality import Administration, BodyMembership, ConsultedBody, Municipality
from policies.models.plans import ActionStatus
from policies.models.policy import PolicyPoint, PolicyStatus

# A citizen's sign-up holds its seat this long while the confirmation link is on its way (the pages
# say "two days"). Unconfirmed after that, the seat is free again for others; the link still
# confirms, if a seat is free and the sign-up still open.
CONFIRMATION_HOLD = datetime.timedelta(days=2)


def _human_time(value):
    local = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {"date": date_format(local, "j. F Y"), "time": time_format(local, "H:i")}


class MeetingKind(models.TextChoices):
    DIALOGUE = "dialogue", _("dialogue meeting")
    CONFERENCE = "conference", _("conference")
    COUNCIL = "council", _("council meeting")
    EVENT = "event", _("public event")
    OTHER = "other", _("other meeting")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    CANCELLED = "cancelled", _("cancelled")


# What the public reads: a cancelled meeting stays on the list, marked, so that nobody turns up.
PUBLISHED_MEETING_STATUSES = (MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED)


class SignupRule(models.TextChoices):
    NOBODY = "nobody", _("no sign-up")
    ORGANISATIONS = "organisations", _("organisations sign up")
    EVERYONE = "everyone", _("organisations and citizens sign up")


def _managed(user, today=None):
    """Meetings ``user`` organises: their administrations', every meeting of the municipalities whose
    policy they own, and those of the consulted bodies they sit on today."""
    today = today or _today()
    return (
        Q(organising_administration__in=Administration.objects.filter(caseworkers=user))
        | Q(municipality__in=Municipality.objects.filter(policy_owners=user))
        | Q(organising_body__in=BodyMembership.objects.current(today).filter(user=user).values("body"))
    )


def organisers_for(user, today=None):
    """(administrations, bodies) ``user`` may organise meetings for: the same roles as ``_managed``."""
    if not user.is_authenticated:
        return Administration.objects.none(), ConsultedBody.objects.none()
    today = today or _today()
    owned = Municipality.objects.filter(policy_owners=user)
    administrations = Administration.objects.filter(Q(caseworkers=user) | Q(municipality__in=owned)).distinct()
    bodies = ConsultedBody.objects.filter(
        Q(pk__in=BodyMembership.objects.current(today).filter(user=user).values("body")) | Q(municipality__in=owned)
    )
    return administrations.select_related("municipality"), bodies.select_related("municipality")


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=PUBLISHED_MEETING_STATUSES)

    def visible_to(self, user):
        """Published (and cancelled) meetings for everyone; drafts too for their organisers. The one
        place that says who may read a meeting."""
        published = Q(status__in=PUBLISHED_MEETING_STATUSES)
        if not user.is_authenticated:
            return self.filter(published)
        return self.filter(published | _managed(user))

    def managed_by(self, user, today=None):
        """Meetings the user may edit, publish, cancel, and record attendance, minutes and
        follow-up actions of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(_managed(user, today))

    def upcoming(self, now=None):
        """Not yet over."""
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def soonest_first(self, now=None):
        """The coming meetings soonest first, then the past ones latest first."""
        now = now or timezone.now()
        coming = models.Case(models.When(ends_at__gte=now, then=F("starts_at")))
        gone = models.Case(models.When(ends_at__lt=now, then=F("starts_at")))
        return self.alias(coming=coming, gone=gone).order_by(
            F("coming").asc(nulls_last=True), F("gone").desc(nulls_last=True), "pk"
        )

    def counting_towards_dialogue_rule(self):
        """The meetings that keep the rule "at least N dialogue meetings a year": published
        dialogue meetings (a cancelled one was not held)."""
        return self.filter(kind=MeetingKind.DIALOGUE, status=MeetingStatus.PUBLISHED)

    def with_seat_count(self, now=None):
        """Annotate ``seat_count``: the participants of the sign-ups holding a seat (``seats_left``
        reads it rather than counting again)."""
        holding = MeetingSignup.objects.holding_seats(now).filter(meeting=OuterRef("pk"))
        total = holding.order_by().values("meeting").annotate(total=Sum("participants")).values("total")
        return self.annotate(seat_count=Coalesce(Subquery(total), Value(0)))

    def open_for_signup(self, now=None):
        """Published, taking sign-ups, and before the deadline (or the start, when no deadline is
        set). Twin of ``Meeting.signups_open``."""
        now = now or timezone.now()
        return self.filter(status=MeetingStatus.PUBLISHED).exclude(signup_rule=SignupRule.NOBODY).filter(
            Q(signup_deadline__gte=now) | Q(signup_deadline__isnull=True, starts_at__gt=now)
        )


class Meeting(RemembersLoadedValues):
    """A dialogue meeting, conference, council meeting or public event of a municipality."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("municipality")
    )
    organising_administration = models.ForeignKey(
        Administration,
        on_delete=models.PROTECT,
        related_name="meetings",
        null=True,
        blank=True,
        verbose_name=_("organising administration"),
    )
    organising_body = models.ForeignKey(
        ConsultedBody,
        on_delete=models.PROTECT,
        related_name="meetings",
        null=True,
        blank=True,
        verbose_name=_("organising body"),
        help_text=_("A meeting is organised by one administration or by one consulted body."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind, default=MeetingKind.DIALOGUE)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True, help_text=_("What the meeting is about, and for whom."))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(
        _("place"), max_length=255, help_text=_("The house, room and address, e.g. “Frivillighuset, Himmerlandsgade 12, 9600 Aars”.")
    )
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One item a line."))
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus, default=MeetingStatus.DRAFT)
    cancellation_reason = models.TextField(_("reason for the cancellation"), blank=True)

    signup_rule = models.CharField(
        _("sign-up"), max_length=20, choices=SignupRule, default=SignupRule.ORGANISATIONS
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many participants in all; leave empty for no limit."),
    )
    signup_deadline = models.DateTimeField(
        _("sign-up deadline"),
        null=True,
        blank=True,
        help_text=_("Sign-ups are accepted until then; leave empty to accept them until the meeting starts."),
    )

    attendance_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True, help_text=_("How many took part, counted at the meeting.")
    )
    organisations_present = models.ManyToManyField(
        "organisations.Organisation",
        related_name="meetings_attended",
        blank=True,
        verbose_name=_("organisations present"),
    )
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved at"), null=True, blank=True, editable=False)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("minutes approved by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organising_administration__isnull=False, organising_body__isnull=True)
                | Q(organising_administration__isnull=True, organising_body__isnull=False),
                name="meeting_has_one_organiser",
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"),
            models.CheckConstraint(
                condition=Q(signup_deadline__isnull=True) | Q(signup_deadline__lte=F("starts_at")),
                name="meeting_signup_deadline_before_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="meeting_capacity_positive"
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CANCELLED) | GreaterThan(Length(Trim("cancellation_reason")), 0),
                name="cancelled_meeting_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(minutes_approved_at__isnull=True) | GreaterThan(Length(Trim("minutes")), 0),
                name="approved_minutes_have_text",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "kind", "starts_at"], name="meeting_municipality_kind")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:meeting_detail", kwargs={"pk": self.pk})

    @property
    def organiser(self):
        return self.organising_administration or self.organising_body

    def is_published(self):
        """Twin of ``MeetingQuerySet.published``."""
        return self.status in PUBLISHED_MEETING_STATUSES

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    def is_upcoming(self, now=None):
        """Twin of ``MeetingQuerySet.upcoming``."""
        return self.ends_at >= (now or timezone.now())

    def has_begun(self, now=None):
        return self.starts_at <= (now or timezone.now())

    @property
    def signup_closes_at(self):
        return self.signup_deadline or self.starts_at

    def signups_open(self, now=None):
        """Twin of ``MeetingQuerySet.open_for_signup``."""
        now = now or timezone.now()
        if self.status != MeetingStatus.PUBLISHED or self.signup_rule == SignupRule.NOBODY:
            return False
        return now <= self.signup_deadline if self.signup_deadline else now < self.starts_at

    @property
    def admits_organisations(self):
        return self.signup_rule in (SignupRule.ORGANISATIONS, SignupRule.EVERYONE)

    @property
    def admits_citizens(self):
        return self.signup_rule == SignupRule.EVERYONE

    def seats_taken(self, *, excluding=None, now=None):
        """The participants of the sign-ups that hold a seat (one query), ``excluding`` one sign-up."""
        holding = MeetingSignup.objects.holding_seats(now).filter(meeting=self)
        if excluding is not None:
            holding = holding.exclude(pk=excluding)
        return holding.aggregate(total=Sum("participants"))["total"] or 0

    def seats_left(self, now=None):
        """Free seats, or None when there is no limit."""
        if self.capacity is None:
            return None
        taken = getattr(self, "seat_count", None)
        if taken is None:
            taken = self.seats_taken(now=now)
        return max(self.capacity - taken, 0)

    @property
    def minutes_approved(self):
        return self.minutes_approved_at is not None

    def clean(self):
        errors = {}
        if self.organising_administration_id and self.organising_body_id:
            errors["organising_body"] = ValidationError(
                _("Choose either an administration or a body as the organiser, not both."), code="two_organisers"
            )
        elif not (self.organising_administration_id or self.organising_body_id):
            errors["organising_administration"] = ValidationError(
                _("Choose the administration or the body that organises the meeting."), code="organiser_required"
            )
        organiser = self.organiser
        if organiser is not None and self.municipality_id:
            if organiser.municipality_id != self.municipality_id:
                field = "organising_administration" if self.organising_administration_id else "organising_body"
                errors[field] = ValidationError(
                    _("The organiser must belong to the meeting's municipality."), code="organiser_elsewhere"
                )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(_("The meeting must end after it starts."), code="ends_before_start")
        if self.signup_deadline and self.starts_at and self.signup_deadline > self.starts_at:
            errors["signup_deadline"] = ValidationError(
                _("The sign-up deadline must fall before the meeting starts (%(start)s).")
                % {"start": _human_time(self.starts_at)},
                code="deadline_after_start",
            )
        if self.capacity is not None and self.pk and self.signup_rule != SignupRule.NOBODY:
            taken = self.seats_taken()
            if self.capacity < taken:
                errors["capacity"] = ValidationError(
                    ngettext(
                        "%(count)d participant has signed up already, so the capacity cannot be lower.",
                        "%(count)d participants have signed up already, so the capacity cannot be lower.",
                        taken,
                    )
                    % {"count": taken},
                    code="below_signups",
                )
        if self.status == MeetingStatus.CANCELLED and not self.cancellation_reason.strip():
            errors["cancellation_reason"] = ValidationError(
                _("Tell the participants why the meeting is cancelled."), code="reason_required"
            )
        self._clean_record(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_record(self, errors):
        """What is written after the meeting: attendance and minutes, once it has begun."""
        begun = self.starts_at is not None and self.has_begun()
        if self.attendance_count is not None and self.attendance_count != self.stored_value("attendance_count") and not begun:
            errors["attendance_count"] = ValidationError(
                _("The attendance is recorded once the meeting has begun."), code="attendance_before_meeting"
            )
        if self.minutes != (self.stored_value("minutes") or "") and self.stored_value("minutes_approved_at"):
            errors["minutes"] = ValidationError(
                _("The minutes were approved on %(date)s and can no longer be changed.")
                % {"date": _human_date(timezone.localdate(self.stored_value("minutes_approved_at")))},
                code="minutes_approved",
            )
        if self.minutes_approved_at:
            if not self.minutes.strip():
                errors["minutes"] = ValidationError(_("Write the minutes before approving them."), code="minutes_empty")
            elif not begun:
                errors["minutes"] = ValidationError(
                    _("The minutes are approved after the meeting has begun."), code="minutes_before_meeting"
                )

    def check_attendance(self, organisations):
        """Refuse organisations present from elsewhere, or more organisations than participants."""
        if any(organisation.municipality_id != self.municipality_id for organisation in organisations):
            raise ValidationError(
                {
                    "organisations_present": ValidationError(
                        _("Only organisations of %(municipality)s can be recorded as present.")
                        % {"municipality": self.municipality},
                        code="organisation_elsewhere",
                    )
                }
            )
        if self.attendance_count is not None and len(organisations) > self.attendance_count:
            raise ValidationError(
                {
                    "attendance_count": ValidationError(
                        ngettext(
                            "%(organisations)d organisation was present, so at least one person took part.",
                            "%(organisations)d organisations were present, so at least as many people took part.",
                            len(organisations),
                        )
                        % {"organisations": len(organisations)},
                        code="fewer_than_organisations",
                    )
                }
            )


# Documents: the hearings' rules (PDF, DOCX or ODT, by content, within the size limit).


def meeting_document_path(document, filename):
    return f"meetings/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


class MeetingDocument(StoredDocument, models.Model):
    """The invitation, an annex to the agenda, a presentation … as a download."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting"))
    title = models.CharField(_("document title"), max_length=255)
    file = models.FileField(
        _("file"), upload_to=meeting_document_path, validators=[validate_hearing_document], help_text=_("PDF, DOCX or ODT.")
    )
    kind = models.CharField(_("file type"), max_length=10, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["meeting", "uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:meeting_document", kwargs={"pk": self.meeting_id, "document": self.pk})

    def save(self, *args, **kwargs):
        self.recognise_kind()
        super().save(*args, **kwargs)


# Sign-ups


class SignupStatus(models.TextChoices):
    PENDING = "pending", _("awaiting confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    CANCELLED = "cancelled", _("cancelled")


class MeetingSignupQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=SignupStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=SignupStatus.CONFIRMED)

    def holding_seats(self, now=None):
        """Confirmed sign-ups, and citizens' that await confirmation within ``CONFIRMATION_HOLD``.
        Twin of ``MeetingSignup.holds_seat``."""
        held_since = (now or timezone.now()) - CONFIRMATION_HOLD
        return self.filter(Q(status=SignupStatus.CONFIRMED) | Q(status=SignupStatus.PENDING, created_at__gte=held_since))

    def of_organisations(self):
        return self.filter(organisation__isnull=False)

    def of_citizens(self):
        return self.filter(organisation__isnull=True)

    def past_retention(self, now=None):
        """Citizens' sign-ups of meetings that ended over ``MEETING_SIGNUP_RETENTION_DAYS`` ago: their
        names and e-mail addresses have served their purpose. The meeting's recorded attendance
        stays; organisations' sign-ups name no private person and stay too."""
        kept_since = (now or timezone.now()) - datetime.timedelta(days=settings.MEETING_SIGNUP_RETENTION_DAYS)
        return self.of_citizens().filter(meeting__ends_at__lt=kept_since)

    def of_representative(self, user):
        """Sign-ups of the organisations ``user`` represents."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__representatives=user)


class MeetingSignup(RemembersLoadedValues):
    """An organisation's or a citizen's sign-up for a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="signups", verbose_name=_("meeting"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meeting_signups",
        verbose_name=_("organisation"),
        help_text=_("Empty for a citizen who signs up in their own name."),
    )
    signed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_signups",
        verbose_name=_("signed up by"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    participants = models.PositiveSmallIntegerField(
        _("number of participants"), default=1, validators=[MinValueValidator(1)]
    )
    status = models.CharField(_("status"), max_length=20, choices=SignupStatus, default=SignupStatus.PENDING)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = MeetingSignupQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["meeting", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | (~Q(name="") & ~Q(email="")),
                name="signup_names_organisation_or_citizen",
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(participants=1), name="citizen_signup_is_one_person"
            ),
            models.CheckConstraint(condition=Q(participants__gte=1), name="signup_has_participants"),
            models.CheckConstraint(
                condition=~Q(status=SignupStatus.CONFIRMED) | Q(confirmed_at__isnull=False),
                name="confirmed_signup_is_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=SignupStatus.CANCELLED) | Q(cancelled_at__isnull=False),
                name="cancelled_signup_is_dated",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=~Q(status=SignupStatus.CANCELLED),
                name="one_signup_per_organisation",
            ),
            models.UniqueConstraint(
                Lower("email"),
                "meeting",
                condition=Q(organisation__isnull=True) & ~Q(status=SignupStatus.CANCELLED),
                name="one_signup_per_citizen_email",
            ),
        ]

    def __str__(self):
        return str(self.organisation) if self.organisation_id else self.name

    @property
    def is_organisation(self):
        return self.organisation_id is not None

    def holds_seat(self, now=None):
        """Twin of ``MeetingSignupQuerySet.holding_seats``."""
        if self.status == SignupStatus.CONFIRMED:
            return True
        return self.status == SignupStatus.PENDING and self.created_at >= (now or timezone.now()) - CONFIRMATION_HOLD

    def may_be_cancelled(self, now=None):
        """Until the meeting begins."""
        return self.status != SignupStatus.CANCELLED and not self.meeting.has_begun(now)

    def _takes_seats(self, now):
        """Whether this write asks for seats: a new sign-up, more participants, or a confirmation
        that comes after its held seat was let go."""
        if self.status == SignupStatus.CANCELLED:
            return False
        if self._state.adding:
            return True
        if self.participants > (self.stored_value("participants") or 0):
            return True
        stored_status = self.stored_value("status")
        if stored_status == SignupStatus.CANCELLED:
            return True
        return (
            stored_status == SignupStatus.PENDING
            and self.status == SignupStatus.CONFIRMED
            and self.created_at < now - CONFIRMATION_HOLD
        )

    def clean(self, now=None):
        now = now or timezone.now()
        errors = {}
        if not self.organisation_id:
            if not self.name.strip():
                errors["name"] = ValidationError(_("Write your name."), code="name_required")
            if not self.email:
                errors["email"] = ValidationError(_("Write your e-mail address."), code="email_required")
            if self.participants != 1:
                errors["participants"] = ValidationError(
                    _("A citizen signs up for one seat."), code="one_person"
                )
        if self.participants is not None and self.participants < 1:
            errors["participants"] = ValidationError(_("At least one person takes part."), code="no_participants")
        if self.meeting_id and self._takes_seats(now):
            self._clean_admission(errors, now)
        if errors:
            raise ValidationError(errors)

    def _clean_admission(self, errors, now):
        meeting = self.meeting
        if meeting.status == MeetingStatus.CANCELLED:
            errors["participants"] = ValidationError(
                _("The meeting is cancelled, so it takes no sign-ups."), code="meeting_cancelled"
            )
            return
        if meeting.status != MeetingStatus.PUBLISHED or meeting.signup_rule == SignupRule.NOBODY:
            errors["participants"] = ValidationError(_("This meeting takes no sign-ups."), code="no_signup")
            return
        if not meeting.signups_open(now):
            errors["participants"] = ValidationError(
                _("The sign-up deadline was %(date)s, so no more sign-ups are accepted.")
                % {"date": _human_time(meeting.signup_closes_at)},
                code="deadline_passed",
            )
            return
        if self.organisation_id:
            self._clean_organisation(errors)
        else:
            self._clean_citizen(errors)
        if meeting.capacity is not None and "participants" not in errors:
            left = meeting.capacity - meeting.seats_taken(excluding=self.pk, now=now)
            if self.participants and self.participants > left:
                if left <= 0:
                    message = _("The meeting is full: all %(capacity)d seats are taken.") % {"capacity": meeting.capacity}
                else:
                    message = ngettext(
                        "Only %(left)d seat is left.", "Only %(left)d seats are left.", left
                    ) % {"left": left}
                errors["participants"] = ValidationError(message, code="full")

    def _clean_organisation(self, errors):
        from organisations.models import OrganisationStatus

        meeting, organisation = self.meeting, self.organisation
        if not meeting.admits_organisations:
            errors["organisation"] = ValidationError(_("This meeting takes no sign-ups from organisations."), code="no_signup")
        elif organisation.municipality_id != meeting.municipality_id:
            errors["organisation"] = ValidationError(
                _("The meeting is for the organisations of %(municipality)s.") % {"municipality": meeting.municipality},
                code="organisation_elsewhere",
            )
        elif organisation.status != OrganisationStatus.APPROVED:
            errors["organisation"] = ValidationError(
                _("%(organisation)s can sign up once the municipality has approved it.") % {"organisation": organisation},
                code="organisation_not_approved",
            )
        elif meeting.signups.active().filter(organisation=organisation).exclude(pk=self.pk).exists():
            errors["organisation"] = ValidationError(
                _("%(organisation)s is signed up already; change the number of participants instead.")
                % {"organisation": organisation},
                code="already_signed_up",
            )

    def _clean_citizen(self, errors):
        meeting = self.meeting
        if not meeting.admits_citizens:
            errors["participants"] = ValidationError(
                _("Only organisations sign up for this meeting: ask an organisation you volunteer with."),
                code="organisations_only",
            )
        elif self.email and meeting.signups.of_citizens().active().filter(email__iexact=self.email).exclude(pk=self.pk).exists():
            errors["email"] = ValidationError(
                _("This e-mail address is signed up already. The e-mail we sent has a link to cancel."),
                code="already_signed_up",
            )


# Follow-up actions


class MeetingActionQuerySet(models.QuerySet):
    def public(self):
        """The follow-up actions everyone reads: those of published meetings whose minutes are approved."""
        return self.filter(meeting__status__in=PUBLISHED_MEETING_STATUSES, meeting__minutes_approved_at__isnull=False)


class MeetingAction(models.Model):
    """What the meeting agreed that someone does afterwards; it may carry out a point of the policy."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions", verbose_name=_("meeting"))
    text = models.TextField(_("follow-up action"))
    responsible = models.CharField(_("responsible"), max_length=200, blank=True, help_text=_("Who sees to it."))
    due_on = models.DateField(_("to be done by"), null=True, blank=True)
    point = models.ForeignKey(
        PolicyPoint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name=_("policy point"),
        help_text=_("The point of the municipality's policy the action carries out, if any."),
    )
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus, default=ActionStatus.PLANNED)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = MeetingActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["meeting", "created_at", "pk"]

    def __str__(self):
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    def clean(self):
        errors = {}
        if self.point_id and self.meeting_id:
            policy = self.point.policy
            if policy.municipality_id != self.meeting.municipality_id or policy.status == PolicyStatus.DRAFT:
                errors["point"] = ValidationError(
                    _("Choose a point of %(municipality)s's policy.") % {"municipality": self.meeting.municipality},
                    code="point_elsewhere",
                )
        if self.due_on and self.meeting_id and self.due_on < timezone.localdate(self.meeting.starts_at):
            errors["due_on"] = ValidationError(
                _("A follow-up action is done after the meeting (%(date)s).")
                % {"date": _human_date(timezone.localdate(self.meeting.starts_at))},
                code="due_before_meeting",
            )
        if errors:
            raise ValidationError(errors)


def policy_points_for(municipality):
    """The points a follow-up action of ``municipality``'s meetings may carry out."""
    return (
        PolicyPoint.objects.filter(policy__municipality=municipality)
        .exclude(policy__status=PolicyStatus.DRAFT)
        .select_related("policy")
        .order_by("policy__title", "number")
    )


# The rule "at least N dialogue meetings a year" (Municipality.dialogue_meetings_per_year)


@dataclass(frozen=True)
class DialogueYear:
    """One calendar year under the rule: how many dialogue meetings it asks for and has."""

    year: int
    required: int
    held: int
    #: The year still runs: a shortfall is still to be made up, not missed.
    current: bool

    @property
    def short(self):
        return self.held < self.required

    @property
    def missed(self):
        return self.short and not self.current

    @property
    def due_on(self):
        return datetime.date(self.year, 12, 31)


def first_dialogue_year(adopted_on):
    """The rule binds from the first whole calendar year after the policy's adoption: a policy
    adopted in December (Vesthimmerland, 11 December 2007) cannot be held to that year."""
    return adopted_on.year + 1


def dialogue_meetings_in(year):
    """A subquery: the number of dialogue meetings of the outer municipality in ``year``."""
    meetings = (
        Meeting.objects.counting_towards_dialogue_rule()
        .filter(municipality=OuterRef("pk"), starts_at__year=year)
        .order_by()
        .values("municipality")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(meetings), Value(0))


def dialogue_record(policy, today=None):
    """Each year the policy's municipality has been bound by the rule, newest first (one query);
    empty when the municipality sets no such rule or the policy is not adopted."""
    municipality = policy.municipality
    required = municipality.dialogue_meetings_per_year
    if not required or policy.status != PolicyStatus.ADOPTED or not policy.adopted_on:
        return []
    today = today or _today()
    first = first_dialogue_year(policy.adopted_on)
    counts = dict(
        Meeting.objects.counting_towards_dialogue_rule()
        .filter(municipality=municipality, starts_at__year__gte=first)
        .annotate(year=ExtractYear("starts_at"))
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
        .values_list("year", "count")
    )
    return [
        DialogueYear(year=year, required=required, held=counts.get(year, 0), current=year == today.year)
        for year in range(today.year, first - 1, -1)
    ]


def rule_municipalities():
    """The municipalities with the rule, annotated with ``rule_adopted_on``, their adopted policy's
    adoption date (the latest, should there be several)."""
    return Municipality.objects.filter(dialogue_meetings_per_year__gt=0).annotate(
        rule_adopted_on=models.Max("policies__adopted_on", filter=Q(policies__status=PolicyStatus.ADOPTED))
    ).filter(rule_adopted_on__isnull=False)

