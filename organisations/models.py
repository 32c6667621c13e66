"""Volunteer organisations, the vocabularies each municipality keeps to describe them,
their activities in the shared calendar, and the requests they make of the municipality.

Organised and unorganised volunteers alike (seed 003, footnote 1): a CVR number is
never required, and an informal group is as welcome in the directory as an association.
"""

import datetime
import re

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from organisations import search

# The weights of the modulus-11 check on the eight digits of a CVR number.
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def validate_cvr(value):
    """A CVR number has eight digits whose weighted sum is divisible by 11."""
    if not re.fullmatch(r"[0-9]{8}", value or ""):
        raise ValidationError(_("A CVR number has exactly eight digits."), code="cvr_format")
    if sum(int(digit) * weight for digit, weight in zip(value, CVR_WEIGHTS)) % 11:
        raise ValidationError(
            _("%(value)s is not a valid CVR number: the check digit does not match. Check for a typing error."),
            code="cvr_check_digit",
            params={"value": value},
        )


class CVRField(models.CharField):
    """A CVR number, stored as its eight digits however it was typed ("DK-64 94 22 12")."""

    default_validators = [validate_cvr]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return re.sub(r"^DK|[\s.-]", "", value.strip().upper())


validate_postal_code = RegexValidator(
    r"^[0-9]{4}$", _("A Danish postal code has four digits."), code="postal_code"
)
validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$",
    _("Write the phone number with digits, e.g. “33 66 33 66” or “+45 33 66 33 66”."),
    code="phone",
)


def unique_slug(model, value, **scope):
    """A slug for ``value`` not yet taken within ``scope``: "frivilligt-forum", "frivilligt-forum-2" …"""
    base = slugify(search.fold(value))[:90] or "x"
    slug, number = base, 1
    while model._default_manager.filter(slug=slug, **scope).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class Vocabulary(models.Model):
    """A term of a controlled vocabulary that each municipality keeps for itself."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=100,
        blank=True,
        help_text=_("Used in the directory's addresses; made from the name when left empty."),
    )

    class Meta:
        abstract = True
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="%(class)s_unique_name"),
            models.UniqueConstraint(fields=["municipality", "slug"], name="%(class)s_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, municipality_id=self.municipality_id)
        super().save(*args, **kwargs)


class TargetGroup(Vocabulary):
    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.CASCADE, related_name="target_groups", verbose_name=_("municipality")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class FieldOfActivity(Vocabulary):
    municipality = models.ForeignKey(
        "policies.Municipality",
        on_delete=models.CASCADE,
        related_name="fields_of_activity",
        verbose_name=_("municipality"),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")


class District(Vocabulary):
    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.CASCADE, related_name="districts", verbose_name=_("municipality")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("association")
    ORGANISATION = "organisation", _("organisation")
    INFORMAL_GROUP = "informal_group", _("informal group")
    NETWORK = "network", _("network")


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("awaiting approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


def municipalities_managed_by(user):
    """The municipalities whose organisations the user approves, hides and imports: those they
    are policy owner of; every one for staff."""
    from policies.models import Municipality

    if not user.is_authenticated:
        return Municipality.objects.none()
    if user.is_staff:
        return Municipality.objects.all()
    return Municipality.objects.filter(policy_owners=user)


def listed_condition(path=""):
    """In the public directory: approved, listed by the organisation, not hidden by the
    municipality. ``path`` leads from another model to the organisation ("activity__organisation")."""
    prefix = f"{path}__" if path else ""
    return Q(
        **{f"{prefix}status": OrganisationStatus.APPROVED, f"{prefix}is_listed": True, f"{prefix}hidden_reason": ""}
    )


LISTED = listed_condition()


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(LISTED)

    def visible_to(self, user):
        """The one place that says whose profile a user may read: the listed ones, their own
        organisations, and every organisation of the municipalities they keep."""
        if not user.is_authenticated:
            return self.listed()
        if user.is_staff:
            return self.all()
        return self.filter(
            LISTED
            | Q(pk__in=self._represented_by(user))
            | Q(municipality__in=municipalities_managed_by(user))
        )

    def editable_by(self, user):
        """Profiles the user keeps current: their own organisations, once approved."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=self._represented_by(user), status=OrganisationStatus.APPROVED)

    def managed_by(self, user):
        """Organisations the user approves, hides and imports, as policy owner (or staff)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(municipality__in=municipalities_managed_by(user))

    def pending(self):
        return self.filter(status=OrganisationStatus.PENDING)

    def search(self, text):
        """Rows matching ``text``, annotated with ``rank`` (see ``organisations.search``)."""
        return search.search(self, text)

    def for_listing(self):
        """Everything a directory row shows, in a fixed number of queries."""
        return self.select_related("municipality").prefetch_related("target_groups", "fields_of_activity", "districts")

    @staticmethod
    def _represented_by(user):
        return Organisation.representatives.through.objects.filter(user=user).values("organisation_id")


class Organisation(models.Model):
    """A volunteer organisation, association, informal group or network."""

    municipality = models.ForeignKey(
        "policies.Municipality",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=255,
        blank=True,
        help_text=_("Made from the name when left empty."),
    )
    cvr = CVRField(
        _("CVR number"),
        blank=True,
        help_text=_("Eight digits, if the organisation has one. Informal groups usually have none."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind, default=OrganisationKind.ASSOCIATION)
    purpose = models.TextField(_("purpose"), blank=True, help_text=_("What the organisation does, and for whom."))
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="organisations", blank=True, verbose_name=_("target groups")
    )
    fields_of_activity = models.ManyToManyField(
        FieldOfActivity, related_name="organisations", blank=True, verbose_name=_("fields of activity")
    )
    districts = models.ManyToManyField(
        District,
        related_name="organisations",
        blank=True,
        verbose_name=_("districts"),
        help_text=_("Where the organisation is active."),
    )
    address = models.CharField(_("street address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True, validators=[validate_postal_code])
    city = models.CharField(_("town"), max_length=100, blank=True)
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("The organisation's own address. Shown publicly.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        validators=[validate_phone],
        help_text=_("The organisation's own number. Shown publicly."),
    )
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact person's e-mail"), blank=True)
    contact_phone = models.CharField(
        _("contact person's phone"), max_length=20, blank=True, validators=[validate_phone]
    )
    contact_consent = models.BooleanField(
        _("contact person agrees to be shown publicly"),
        default=False,
        help_text=_(
            "Personal data: the contact person's name, e-mail and phone are shown in the public directory "
            "and the open data only with their consent."
        ),
    )
    contact_consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True, editable=False)
    members_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    volunteers_count = models.PositiveIntegerField(_("number of volunteers"), null=True, blank=True)
    on_volunteer_council = models.BooleanField(
        _("sits on the volunteer council"), default=False, help_text=_("E.g. Frivilligrådet or Kontaktudvalget.")
    )
    is_listed = models.BooleanField(
        _("listed publicly"), default=True, help_text=_("Shown in the public directory.")
    )
    hidden_reason = models.TextField(
        _("hidden by the municipality because"),
        blank=True,
        help_text=_("The municipality hides a listing by stating why; leave empty to show it."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=OrganisationStatus, default=OrganisationStatus.APPROVED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    representatives = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="organisations",
        blank=True,
        verbose_name=_("representatives"),
        help_text=_("Keep the profile current, publish activities and apply for grants."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Search columns, kept by save() and the signals at the bottom (see organisations.search).
    search_name = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="organisation_unique_slug"),
            models.UniqueConstraint(fields=["municipality", "name"], name="organisation_unique_name"),
            models.CheckConstraint(
                condition=Q(contact_consent=False) | Q(contact_consent_at__isnull=False),
                name="organisation_consent_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=OrganisationStatus.REJECTED) | ~Q(rejection_reason=""),
                name="organisation_rejection_has_reason",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "organisations:detail", kwargs={"municipality": self.municipality.slug, "slug": self.slug}
        )

    @property
    def is_listed_publicly(self):
        """Twin of ``OrganisationQuerySet.listed``."""
        return self.status == OrganisationStatus.APPROVED and self.is_listed and not self.hidden_reason

    @property
    def public_contact(self):
        """The contact person's details when they have consented to be shown, else ``None``."""
        if not (self.contact_consent and self.contact_person):
            return None
        return {"name": self.contact_person, "email": self.contact_email, "phone": self.contact_phone}

    def _date_consent(self):
        if not self.contact_consent:
            self.contact_consent_at = None
        elif self.contact_consent_at is None:
            self.contact_consent_at = timezone.now()

    def clean(self):
        errors = {}
        self.hidden_reason = self.hidden_reason.strip()
        self._date_consent()
        if self.contact_consent and not self.contact_person.strip():
            errors["contact_person"] = ValidationError(
                _("Name the contact person who agreed to be shown publicly."), code="consent_without_person"
            )
        if (self.contact_email or self.contact_phone) and not self.contact_person.strip():
            errors["contact_person"] = ValidationError(
                _("Name the contact person these details belong to."), code="details_without_person"
            )
        if self.status == OrganisationStatus.REJECTED and not self.rejection_reason.strip():
            errors["rejection_reason"] = ValidationError(
                _("State why the organisation was not approved."), code="reason_required"
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        derived = ["slug", "contact_consent_at", "search_name", "search_text"]
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name, municipality_id=self.municipality_id)
        self._date_consent()
        self.search_name, self.search_text = self.search_columns()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)
        search.remember_words(self.search_name, self.search_text, alias=self._state.db)
        if search.is_postgresql(self._state.db):
            Organisation.objects.filter(pk=self.pk).update(search_vector=search.search_vector())

    def search_columns(self):
        """The folded name, and the folded rest of what a citizen might search for."""
        terms = []
        if self.pk:
            for relation in (self.target_groups, self.fields_of_activity, self.districts):
                terms.extend(term.name for term in relation.all())
        text = " ".join([self.purpose, *terms, self.get_kind_display(), self.city, self.address])
        return search.fold(self.name), search.fold(text)


def refresh_search_index(organisations):
    """Recompute the search columns of ``organisations`` after their vocabulary changed."""
    organisations = organisations.prefetch_related("target_groups", "fields_of_activity", "districts")
    for organisation in organisations:
        name, text = organisation.search_columns()
        Organisation.objects.filter(pk=organisation.pk).update(search_name=name, search_text=text)
        search.remember_words(text, alias=organisations.db)
    if search.is_postgresql(organisations.db):
        Organisation.objects.filter(pk__in=[o.pk for o in organisations]).update(
            search_vector=search.search_vector()
        )


# A weekly activity runs for at most two years; after that it is entered again, so that
# the calendar's stored occurrences stay bounded.
MAX_WEEKS = 104


class SearchWord(models.Model):
    """A folded word that occurs in the directory: the lexicon typed words are corrected
    against before the full-text search (see ``organisations.search``). Words are only
    added; one that no longer occurs costs nothing but a row."""

    word = models.CharField(_("word"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        ordering = ["word"]

    def __str__(self):
        return self.word


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Activities of the organisations the user may see (``OrganisationQuerySet.visible_to``)."""
        return self.filter(organisation__in=Organisation.objects.visible_to(user))

    def listed(self):
        """Activities of the organisations in the public directory."""
        return self.filter(listed_condition("organisation"))

    def editable_by(self, user):
        return self.filter(organisation__in=Organisation.objects.editable_by(user))

    def upcoming(self, now=None):
        """Activities with an occurrence still to come or under way."""
        return self.filter(last_ends_at__gt=now or timezone.now())


class Activity(models.Model):
    """An activity in the shared calendar (seed 002: "en netbaseret kalender, hvor foreninger
    og organisationer kan præsentere deres program og aktiviteter")."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="activities", verbose_name=_("organisation")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("Address or meeting place."))
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="activities", blank=True, verbose_name=_("target groups")
    )
    repeats_weekly = models.BooleanField(_("repeats every week"), default=False)
    repeat_until = models.DateField(
        _("repeats until"),
        null=True,
        blank=True,
        help_text=_("For a weekly activity: the date of the last time, at most two years after the first."),
    )
    signup_required = models.BooleanField(_("sign-up needed"), default=False)
    signup_url = models.URLField(_("where to sign up"), blank=True, help_text=_("A web page or form, if any."))
    last_ends_at = models.DateTimeField(_("last time ends"), editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The folded title, description and place (see organisations.search), kept by save().
    search_text = models.TextField(editable=False, default="")

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="activity_ends_after_start"),
            models.CheckConstraint(
                condition=Q(repeats_weekly=False) | Q(repeat_until__isnull=False),
                name="weekly_activity_has_last_date",
            ),
        ]
        indexes = [models.Index(fields=["last_ends_at"], name="activity_last_ends_at")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("organisations:activity_detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(_("The activity must end after it starts."), code="ends_before_start")
        if self.repeats_weekly and not self.repeat_until:
            errors["repeat_until"] = ValidationError(
                _("Give the date of the last time the activity takes place."), code="required_when_weekly"
            )
        elif self.repeats_weekly and self.starts_at:
            first = timezone.localdate(self.starts_at)
            if self.repeat_until < first:
                errors["repeat_until"] = ValidationError(
                    _("The last time cannot be before the first."), code="until_before_start"
                )
            elif (self.repeat_until - first).days > 7 * MAX_WEEKS:
                errors["repeat_until"] = ValidationError(
                    _("A weekly activity can repeat for at most two years; enter it again after that."),
                    code="repeats_too_long",
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.repeats_weekly:
            self.repeat_until = None
        times = self.occurrence_times()
        self.last_ends_at = times[-1][1]
        self.search_text = self.search_columns()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "repeat_until", "last_ends_at", "search_text"}
        super().save(*args, **kwargs)
        # The calendar lists stored occurrences, so that it pages and counts in the database.
        self.occurrences.all().delete()
        Occurrence.objects.bulk_create(Occurrence(activity=self, starts_at=s, ends_at=e) for s, e in times)

    def search_columns(self):
        return search.fold(" ".join([self.title, self.description, self.place]))

    def occurrence_times(self):
        """``(start, end)`` of every time the activity takes place: once, or every week until
        ``repeat_until``, counted on the local clock so that 10:00 stays 10:00 across daylight saving."""
        duration = self.ends_at - self.starts_at
        weeks = 1
        if self.repeats_weekly and self.repeat_until:
            days = (self.repeat_until - timezone.localdate(self.starts_at)).days
            weeks = min(max(days // 7 + 1, 1), MAX_WEEKS + 1)
        local = timezone.localtime(self.starts_at).replace(tzinfo=None)
        starts = [timezone.make_aware(local + datetime.timedelta(weeks=week)) for week in range(weeks)]
        return [(start, start + duration) for start in starts]

    def is_upcoming(self, now=None):
        """Twin of ``ActivityQuerySet.upcoming``."""
        return self.last_ends_at > (now or timezone.now())


class OccurrenceQuerySet(models.QuerySet):
    def between(self, start, end):
        """Occurrences that overlap ``[start, end)``."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def upcoming(self, now=None):
        """Occurrences still to come or under way."""
        return self.filter(ends_at__gt=now or timezone.now())

    def listed(self):
        """Occurrences of the activities in the public calendar (``ActivityQuerySet.listed``)."""
        return self.filter(listed_condition("activity__organisation"))

    def for_listing(self):
        """Everything a calendar row shows, in a fixed number of queries."""
        return self.select_related("activity__organisation__municipality").prefetch_related("activity__target_groups")


class Occurrence(models.Model):
    """One time an activity takes place; derived from the activity on every save."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("activity")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="occurrence_ends_after_start"),
        ]
        indexes = [models.Index(fields=["starts_at", "ends_at"], name="occurrence_period")]

    def __str__(self):
        return f"{self.activity} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def day(self):
        return timezone.localdate(self.starts_at)

    def is_upcoming(self, now=None):
        """Twin of ``OccurrenceQuerySet.upcoming``."""
        return self.ends_at > (now or timezone.now())


class DeletionRequestStatus(models.TextChoices):
    OPEN = "open", _("open")
    CARRIED_OUT = "carried_out", _("carried out")
    DECLINED = "declined", _("declined")


class DeletionRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=DeletionRequestStatus.OPEN)

    def managed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(municipality__in=municipalities_managed_by(user))


class DeletionRequest(models.Model):
    """A representative's request that the municipality delete the data held about their
    organisation. The request outlives the organisation, as the record that it was handled."""

    municipality = models.ForeignKey(
        "policies.Municipality",
        on_delete=models.PROTECT,
        related_name="deletion_requests",
        verbose_name=_("municipality"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deletion_requests",
        verbose_name=_("organisation"),
    )
    organisation_name = models.CharField(_("organisation's name"), max_length=255)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    reason = models.TextField(_("message to the municipality"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DeletionRequestStatus, default=DeletionRequestStatus.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    note = models.TextField(_("the municipality's note"), blank=True)

    objects = DeletionRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("deletion request")
        verbose_name_plural = _("deletion requests")
        ordering = ["-requested_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=DeletionRequestStatus.DECLINED) | ~Q(note=""),
                name="declined_deletion_has_note",
            ),
            models.CheckConstraint(
                condition=Q(status=DeletionRequestStatus.OPEN) | Q(handled_at__isnull=False),
                name="handled_deletion_is_dated",
            ),
        ]

    def __str__(self):
        return self.organisation_name

    def clean(self):
        if self.status == DeletionRequestStatus.DECLINED and not self.note.strip():
            raise ValidationError(
                {"note": ValidationError(_("Tell the organisation why its data is kept."), code="note_required")}
            )


# ---- Premises and bookings ----
# Seed 004: "Det tilstræbes at etablere et Frivillighus og/eller egnede lokaler rundt omkring i
# kommunen." Houses and their rooms, which organisations book for a date and time; a caseworker of
# the administration that manages the house decides. Approved bookings of a room never overlap:
# Booking.clean() says so in Danish, and on PostgreSQL an exclusion constraint
# (migration 0007_premises_and_bookings) makes it impossible, even for two approvals at once.


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
