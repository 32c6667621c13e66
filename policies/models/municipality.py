"""The municipality, its administrations and the bodies it consults, with their members."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# A Danish or foreign phone number as people write it: digits, spaces, hyphens, a leading "+".
validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 -]{6,}[0-9]$",
    _("Write the phone number with digits, e.g. “12 34 56 78” or “+45 12 34 56 78”."),
    code="invalid_phone",
)


class MunicipalityQuerySet(models.QuerySet):
    def owned_by(self, user):
        """The municipalities ``user`` is a policy owner of: whose settings and council they keep."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(policy_owners=user)


class Municipality(models.Model):
    # The settings a policy owner keeps in the portal (policies.forms.MunicipalitySettingsForm).
    SETTINGS = (
        "minimum_hearing_period_days", "cooperation_agreement_threshold", "dialogue_meetings_per_year",
        "debate_moderation",
    )
    CONTACT = ("volunteer_contact_name", "volunteer_contact_title", "volunteer_contact_email", "volunteer_contact_phone")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name in addresses"), unique=True)
    policy_owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="owned_municipalities",
        blank=True,
        verbose_name=_("policy owners"),
        help_text=_("Maintain the policy, its points and administrations, and see every plan."),
    )
    minimum_hearing_period_days = models.PositiveSmallIntegerField(
        _("minimum hearing period (days)"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "A hearing's response deadline falls at least this many days after it opens. Four weeks is the "
            "Danish parliament's rule of thumb for reasonable time. A change applies to the hearings opened "
            "from then on: those already open keep their deadline."
        ),
    )

    # The settings below are the municipality's own rules, adopted with its policy: Copenhagen's
    # cooperation agreements over 100,000 kr (seed 002), Vesthimmerland's yearly dialogue meeting
    # and named contact person (seed 004).
    cooperation_agreement_threshold = models.PositiveIntegerField(
        _("cooperation agreement threshold (kr)"),
        default=100_000,
        validators=[MaxValueValidator(100_000_000)],
        help_text=_(
            "An organisation granted more than this in one year must have a cooperation agreement on "
            "file before a further grant is decided."
        ),
    )
    dialogue_meetings_per_year = models.PositiveSmallIntegerField(
        _("dialogue meetings a year"),
        default=0,
        validators=[MaxValueValidator(52)],
        help_text=_("At least this many dialogue meetings are held each year; 0 means the policy sets no such rule."),
    )
    volunteer_contact_name = models.CharField(
        _("contact person for voluntary work"),
        max_length=200,
        blank=True,
        help_text=_("The municipality's named contact person for volunteers, shown on the public site."),
    )
    volunteer_contact_title = models.CharField(_("contact person's job title"), max_length=200, blank=True)
    volunteer_contact_email = models.EmailField(_("contact person's e-mail"), blank=True)
    volunteer_contact_phone = models.CharField(
        _("contact person's phone"), max_length=30, blank=True, validators=[validate_phone]
    )

    class DebateModeration(models.TextChoices):
        BEFORE = "before", _("Posts are shown once a moderator has approved them")
        AFTER = "after", _("Posts are shown at once and moderated afterwards")

    debate_moderation = models.CharField(
        _("debate moderation"),
        max_length=10,
        choices=DebateModeration,
        default=DebateModeration.AFTER,
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_hearing_period_days__gte=1), name="minimum_hearing_period_positive"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        name = self.volunteer_contact_name.strip()
        others = [getattr(self, field).strip() for field in self.CONTACT if field != "volunteer_contact_name"]
        if not name and any(others):
            errors["volunteer_contact_name"] = ValidationError(
                _("Give the contact person's name, or leave the contact person's details empty."),
                code="contact_name_required",
            )
        elif name and not (self.volunteer_contact_email.strip() or self.volunteer_contact_phone.strip()):
            errors["volunteer_contact_email"] = ValidationError(
                _("Give an e-mail address or a phone number, so that volunteers can reach the contact person."),
                code="contact_unreachable",
            )
        if errors:
            raise ValidationError(errors)


class Administration(models.Model):
    """A forvaltning and the standing committee (fagudvalg) it serves."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="administrations",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"))
    committee = models.CharField(
        _("committee"),
        max_length=200,
        blank=True,
        help_text=_("The standing committee (fagudvalg), e.g. “Sundheds- og Omsorgsudvalget”."),
    )
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=20,
        blank=True,
        help_text=_("The committee's abbreviation used in decision references, e.g. “SOU” or “BIU”."),
    )
    caseworkers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="administrations",
        blank=True,
        verbose_name=_("caseworkers"),
        help_text=_("Edit this administration's plans and follow-ups."),
    )

    class Meta:
        verbose_name = _("administration")
        verbose_name_plural = _("administrations")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="administration_unique_slug"),
            models.UniqueConstraint(fields=["municipality", "name"], name="administration_unique_name"),
        ]

    def __str__(self):
        return self.name


class ConsultedBody(models.Model):
    """A standing body the municipality consults: Kontaktudvalget, Ældrerådene …"""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="consulted_bodies",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"))
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="BodyMembership",
        related_name="consulted_bodies",
        blank=True,
        verbose_name=_("members"),
    )

    class Meta:
        verbose_name = _("consulted body")
        verbose_name_plural = _("consulted bodies")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="consulted_body_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if not (self.municipality_id and self.name):
            return
        others = ConsultedBody.objects.filter(municipality=self.municipality_id).exclude(pk=self.pk)
        if others.filter(Q(name__iexact=self.name.strip()) | Q(slug=self.slug)).exists():
            raise ValidationError(
                {
                    "name": ValidationError(
                        _("The municipality already consults a body of that name."), code="name_taken"
                    )
                }
            )


class BodyMembershipQuerySet(models.QuerySet):
    def current(self, on):
        """Memberships whose period covers the day ``on``."""
        return self.filter(Q(starts_on__lte=on) & (Q(ends_on__isnull=True) | Q(ends_on__gte=on)))


class BodyMembership(models.Model):
    """A seat in a consulted body for a period: bodies are renamed and resized over
    the years, and old hearings must still show who was consulted then."""

    body = models.ForeignKey(
        ConsultedBody, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("body")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="body_memberships",
        verbose_name=_("member"),
    )
    on_behalf_of = models.CharField(
        _("on behalf of"),
        max_length=200,
        blank=True,
        help_text=_("The organisation the member speaks for; leave empty for a member in their own name."),
    )
    starts_on = models.DateField(_("member from"))
    ends_on = models.DateField(_("member until"), null=True, blank=True)

    objects = BodyMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.body})"

    def is_current(self, on):
        """Twin of ``BodyMembershipQuerySet.current``."""
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {
                    "ends_on": ValidationError(
                        _("A membership cannot end before it starts."), code="ends_before_start"
                    )
                }
            )
