"""The organisation in the directory, its search columns, and the requests representatives make
about its data."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations import search
from organisations.models.base import CVRField, unique_slug, validate_phone, validate_postal_code
from organisations.models.vocabulary import District, FieldOfActivity, TargetGroup


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
    # Its kind and terms as the filters name them ("type:network maalgruppe:aeldre …").
    search_terms = models.TextField(editable=False, default="")

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
        derived = ["slug", "contact_consent_at", "search_name", "search_text", "search_terms"]
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name, municipality_id=self.municipality_id)
        self._date_consent()
        self.search_name, self.search_text, self.search_terms = self.search_columns()
        stored = self._stored("search_name", "municipality_id")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)
        search.remember_words(self.search_name, self.search_text, alias=self._state.db)
        if search.is_postgresql(self._state.db):
            Organisation.objects.filter(pk=self.pk).update(search_vector=search.search_vector())
        if stored:
            self._update_dates(*stored)

    def _stored(self, *fields):
        """``fields`` as the database holds them now, before a save (``None`` if new)."""
        if self.pk is None:
            return None
        return Organisation.objects.using(self._state.db).filter(pk=self.pk).values_list(*fields).first()

    def _update_dates(self, name, municipality_id):
        """The calendar's dates carry the organisation's municipality and name (``Occurrence``)."""
        from organisations.models.activities import Occurrence

        dates = Occurrence.objects.using(self._state.db).filter(organisation=self)
        if municipality_id != self.municipality_id:
            dates.update(municipality=self.municipality_id)
        if name != self.search_name and search.is_postgresql(self._state.db):
            dates.refresh_search_columns()

    def search_columns(self, terms=None):
        """The folded name; the folded rest of what a citizen might search for; and the
        tokens of its kind and terms that the filters look for (``organisations.search.term_token``).
        ``terms``: its target groups, fields and districts, if not yet saved (else read)."""
        if terms is None:
            terms = []
            if self.pk:
                for relation in (self.target_groups, self.fields_of_activity, self.districts):
                    terms.extend(relation.all())
        tokens = [search.term_token("type", self.kind), *(search.term_token(t.parameter, t.slug) for t in terms)]
        text = " ".join([self.purpose, *(t.name for t in terms), self.get_kind_display(), self.city, self.address])
        return search.fold(self.name), search.fold(text), " ".join(tokens)


def refresh_search_index(organisations):
    """Recompute the search columns of ``organisations`` after their vocabulary changed."""
    organisations = organisations.prefetch_related("target_groups", "fields_of_activity", "districts")
    for organisation in organisations:
        name, text, tokens = organisation.search_columns()
        Organisation.objects.filter(pk=organisation.pk).update(search_name=name, search_text=text, search_terms=tokens)
        search.remember_words(text, alias=organisations.db)
    if search.is_postgresql(organisations.db):
        Organisation.objects.filter(pk__in=[o.pk for o in organisations]).update(
            search_vector=search.search_vector()
        )



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
