"""Premises for voluntary work and their bookings.

Seed 004: "Det tilstræbes at etablere et Frivillighus og/eller egnede lokaler rundt omkring i
kommunen." Houses and their rooms, which organisations book for a date and time; a caseworker of
the administration that manages the house decides. Approved bookings of a room never overlap:
Booking.clean() says so in Danish, and on PostgreSQL an exclusion constraint
(migration 0007_premises_and_bookings) makes it impossible, even for two approvals at once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models.base import unique_slug, validate_phone, validate_postal_code
from organisations.models.organisation import Organisation, OrganisationStatus, municipalities_managed_by


def premises_managed_by(user):
    """The houses whose bookings ``user`` decides: those of the administrations they are a caseworker
    of, and every house of the municipalities they are policy owner of; every house for staff."""
    if not user.is_authenticated:
        return Premises.objects.none()
    if user.is_staff:
        return Premises.objects.all()
    from policies.models import Administration

    return Premises.objects.filter(
        Q(administration__in=Administration.objects.filter(caseworkers=user))
        | Q(municipality__in=municipalities_managed_by(user))
    )


class PremisesQuerySet(models.QuerySet):
    def managed_by(self, user):
        return self.filter(pk__in=premises_managed_by(user).values("pk"))


class Premises(models.Model):
    """A house for voluntary work (a Frivillighus) or another building with rooms to book."""

    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.PROTECT, related_name="premises", verbose_name=_("municipality")
    )
    administration = models.ForeignKey(
        "policies.Administration",
        on_delete=models.PROTECT,
        related_name="premises",
        verbose_name=_("managing administration"),
        help_text=_("Its caseworkers decide the booking requests."),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name in addresses"), max_length=200, blank=True, help_text=_("Made from the name when left empty.")
    )
    address = models.CharField(_("street address"), max_length=255)
    postal_code = models.CharField(_("postal code"), max_length=4, validators=[validate_postal_code])
    city = models.CharField(_("town"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    accessibility = models.TextField(
        _("access to the house"),
        blank=True,
        help_text=_("Parking, entrance, lift, signage: what a visitor with a disability needs to know."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("The house's own address. Shown publicly."))
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])

    objects = PremisesQuerySet.as_manager()

    class Meta:
        verbose_name = _("premises")
        verbose_name_plural = _("premises")
        ordering = ["municipality__name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="premises_unique_slug"),
            models.UniqueConstraint(fields=["municipality", "name"], name="premises_unique_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "organisations:premises_detail", kwargs={"municipality": self.municipality.slug, "premises": self.slug}
        )

    def clean(self):
        if (
            self.municipality_id
            and self.administration_id
            and self.administration.municipality_id != self.municipality_id
        ):
            raise ValidationError(
                {
                    "administration": ValidationError(
                        _("The managing administration must belong to the house's municipality."),
                        code="administration_elsewhere",
                    )
                }
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Premises, self.name, municipality_id=self.municipality_id)
        super().save(*args, **kwargs)


class Equipment(models.Model):
    """Something a room has for the users: projector, kitchen, piano …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("short name in addresses"), max_length=100, unique=True, help_text=_("Used in the list's filter addresses.")
    )

    class Meta:
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoomUsers(models.TextChoices):
    MUNICIPALITY = "municipality", _("approved organisations of the municipality")
    ANY = "any", _("any approved volunteer group")


class RoomQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("premises__municipality").prefetch_related("equipment")

    def bookable_by(self, organisation):
        """Rooms ``organisation`` may book: twin of ``Room.may_be_booked_by``."""
        if organisation.status != OrganisationStatus.APPROVED:
            return self.none()
        return self.filter(Q(who_may_book=RoomUsers.ANY) | Q(premises__municipality=organisation.municipality_id))


class Room(models.Model):
    premises = models.ForeignKey(Premises, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("premises"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name in addresses"), max_length=200, blank=True, help_text=_("Made from the name when left empty.")
    )
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("How many people the room holds."))
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    accessibility_notes = models.TextField(_("more about accessibility"), blank=True)
    equipment = models.ManyToManyField(Equipment, related_name="rooms", blank=True, verbose_name=_("equipment"))
    who_may_book = models.CharField(
        _("who may book"), max_length=20, choices=RoomUsers, default=RoomUsers.MUNICIPALITY
    )

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["premises__name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["premises", "slug"], name="room_unique_slug"),
            models.UniqueConstraint(fields=["premises", "name"], name="room_unique_name"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="room_holds_someone"),
        ]

    def __str__(self):
        return f"{self.premises}: {self.name}"

    def get_absolute_url(self):
        return reverse("organisations:room_detail", kwargs=self._address())

    def _address(self):
        return {"municipality": self.premises.municipality.slug, "premises": self.premises.slug, "room": self.slug}

    def clean(self):
        if self.capacity is not None and self.capacity < 1:
            raise ValidationError(
                {"capacity": ValidationError(_("A room holds at least one person."), code="capacity_positive")}
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Room, self.name, premises_id=self.premises_id)
        super().save(*args, **kwargs)

    def admitted(self, organisations):
        """Those of ``organisations`` that may book the room: twin of ``may_be_booked_by``."""
        organisations = organisations.filter(status=OrganisationStatus.APPROVED)
        if self.who_may_book == RoomUsers.ANY:
            return organisations
        return organisations.filter(municipality=self.premises.municipality_id)

    def may_be_booked_by(self, organisation):
        """Twin of ``RoomQuerySet.bookable_by`` and ``admitted``."""
        if organisation.status != OrganisationStatus.APPROVED:
            return False
        return self.who_may_book == RoomUsers.ANY or self.premises.municipality_id == organisation.municipality_id


# Photos: Pillow is not among the portal's dependencies, so a photo is a FileField whose type is
# recognised by its first bytes, not by the uploader's name or content type.
PHOTO_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
PHOTO_MAX_BYTES = 5 * 1024 * 1024


def photo_kind(file):
    """"jpeg", "png" or "webp" by the file's content, or None for anything else."""
    file.seek(0)
    head = file.read(12)
    file.seek(0)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def validate_photo(file):
    if file.size > PHOTO_MAX_BYTES:
        raise ValidationError(_("A photo may be at most 5 MB."), code="too_large")
    if photo_kind(file) is None:
        raise ValidationError(_("Only JPEG, PNG and WebP photos can be uploaded; this file is none of them."), code="unsupported_type")


def photo_path(photo, filename):
    import uuid

    # The stored name is ours; the uploader's file name says nothing the portal needs.
    return f"premises/{uuid.uuid4().hex}.{photo.kind or 'bin'}"


class Photo(models.Model):
    """A photo of a house or of one of its rooms, with the text that describes it to those who cannot see it."""

    premises = models.ForeignKey(Premises, on_delete=models.CASCADE, related_name="photos", verbose_name=_("premises"))
    room = models.ForeignKey(
        Room,
        on_delete=models.CASCADE,
        related_name="photos",
        null=True,
        blank=True,
        verbose_name=_("room"),
        help_text=_("Leave empty for a photo of the house itself."),
    )
    file = models.FileField(_("photo"), upload_to=photo_path, validators=[validate_photo], help_text=_("JPEG, PNG or WebP, at most 5 MB."))
    alt_text = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("What the photo shows, for those who cannot see it, e.g. “The hall with chairs in rows”."),
    )
    kind = models.CharField(_("file type"), max_length=10, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["premises", "room", "uploaded_at", "pk"]

    def __str__(self):
        return self.alt_text

    def get_absolute_url(self):
        return reverse("organisations:photo", kwargs={"pk": self.pk})

    @property
    def content_type(self):
        return PHOTO_TYPES[self.kind]

    def clean(self):
        if self.room_id and self.premises_id and self.room.premises_id != self.premises_id:
            raise ValidationError(
                {"room": ValidationError(_("The room must be in the house the photo belongs to."), code="room_elsewhere")}
            )

    def save(self, *args, **kwargs):
        if self.file and not self.kind:
            self.kind = photo_kind(self.file) or ""
        super().save(*args, **kwargs)


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    APPROVED = "approved", _("approved")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")


class BookingQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=BookingStatus.APPROVED)

    def requested(self):
        return self.filter(status=BookingStatus.REQUESTED)

    def between(self, start, end):
        """Bookings that overlap ``[start, end)``."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def clashing_with(self, booking):
        """The approved bookings of the same room whose time overlaps ``booking``'s."""
        return self.approved().filter(room=booking.room_id).between(booking.starts_at, booking.ends_at).exclude(pk=booking.pk)

    def of_representative(self, user):
        """Bookings of the organisations ``user`` represents."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=Organisation.objects.filter(representatives=user))

    def decidable_by(self, user):
        """Bookings of the houses ``user`` manages (``premises_managed_by``)."""
        return self.filter(room__premises__in=premises_managed_by(user))

    def visible_to(self, user):
        """The one place that says who reads a booking: its organisation's representatives and the house's managers."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=self.of_representative(user).values("pk")) | self.filter(
            pk__in=self.decidable_by(user).values("pk")
        )


class Booking(models.Model):
    """An organisation's request for a room at a time, and the municipality's decision on it."""

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("room"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("organisation")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    purpose = models.CharField(_("purpose"), max_length=255, help_text=_("E.g. “Monthly members' meeting”. The municipality sees it; the room's calendar shows only the organisation."))
    expected_attendees = models.PositiveIntegerField(_("expected attendees"))
    status = models.CharField(_("status"), max_length=20, choices=BookingStatus, default=BookingStatus.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start"),
            models.CheckConstraint(condition=Q(expected_attendees__gte=1), name="booking_has_attendees"),
            models.CheckConstraint(
                condition=~Q(status=BookingStatus.DECLINED) | ~Q(decision_reason=""),
                name="declined_booking_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[BookingStatus.APPROVED, BookingStatus.DECLINED]) | Q(decided_at__isnull=False),
                name="decided_booking_is_dated",
            ),
            # The rule that approved bookings of a room never overlap is the exclusion constraint
            # "booking_approved_no_overlap", created on PostgreSQL only by the migration.
        ]
        indexes = [models.Index(fields=["room", "starts_at", "ends_at"], name="booking_room_period")]

    def __str__(self):
        return _("%(organisation)s in %(room)s, %(start)s") % {
            "organisation": self.organisation,
            "room": self.room.name,
            "start": f"{timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}",
        }

    def get_absolute_url(self):
        return reverse("organisations:booking_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self):
        """Requested and not yet decided."""
        return self.status == BookingStatus.REQUESTED

    def may_be_cancelled(self, now=None):
        """Requested or approved, and not yet begun."""
        return self.status in (BookingStatus.REQUESTED, BookingStatus.APPROVED) and self.starts_at > (now or timezone.now())

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(_("The booking must end after it starts."), code="ends_before_start")
        if self.room_id and self.expected_attendees and self.expected_attendees > self.room.capacity:
            errors["expected_attendees"] = ValidationError(
                _("%(room)s holds at most %(capacity)d people."),
                code="over_capacity",
                params={"room": self.room.name, "capacity": self.room.capacity},
            )
        if self.expected_attendees is not None and self.expected_attendees < 1:
            errors["expected_attendees"] = ValidationError(_("At least one person attends."), code="no_attendees")
        if self._state.adding and self.starts_at and self.starts_at <= timezone.now():
            errors["starts_at"] = ValidationError(_("A time that has passed cannot be booked."), code="in_past")
        if self.status == BookingStatus.DECLINED and not self.decision_reason.strip():
            errors["decision_reason"] = ValidationError(
                _("Tell the organisation why the request is declined."), code="reason_required"
            )
        if self.room_id and self.organisation_id and self.status == BookingStatus.REQUESTED:
            if not self.room.may_be_booked_by(self.organisation):
                errors["organisation"] = ValidationError(
                    _("%(organisation)s may not book this room: it is for %(users)s."),
                    code="not_allowed",
                    params={"organisation": self.organisation, "users": self.room.get_who_may_book_display()},
                )
        if (
            self.room_id
            and self.starts_at
            and self.ends_at
            and self.ends_at > self.starts_at
            and self.status in (BookingStatus.REQUESTED, BookingStatus.APPROVED)
        ):
            clash = Booking.objects.clashing_with(self).select_related("organisation").first()
            if clash is not None:
                errors["starts_at"] = ValidationError(
                    _("The room is already booked then: %(organisation)s has it from %(start)s to %(end)s."),
                    code="overlap",
                    params={
                        "organisation": clash.organisation.name,
                        "start": f"{timezone.localtime(clash.starts_at):%d.%m.%Y %H:%M}",
                        "end": f"{timezone.localtime(clash.ends_at):%d.%m.%Y %H:%M}",
                    },
                )
        if errors:
            raise ValidationError(errors)
