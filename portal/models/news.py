"""The municipalities' news and press releases (seed 004: "De resultater der opnås, skal
synliggøres for offentligheden, blandt andet gennem pressemeddelelser og brug af hjemmesiden").

A news item is published from a moment on: with no moment it is a draft, with one in the future it
waits. It names what it is about (plans, hearings, grant schemes, meetings), so a reader goes on from the news to the
matter itself; those links are to things the public can read, of the item's own municipality.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import unique_slug, validate_phone


class NewsKind(models.TextChoices):
    NEWS = "news", _("news")
    PRESS_RELEASE = "press_release", _("press release")


class NewsItemQuerySet(models.QuerySet):
    def published(self, now=None):
        """Items whose publication time has come: twin of ``NewsItem.is_published``."""
        return self.filter(published_at__isnull=False, published_at__lte=now or timezone.now())

    def editable_by(self, user):
        """The one place that says who writes news: a municipality's policy owners write all of its
        items; a caseworker those sent from their administrations."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(Q(municipality__policy_owners=user) | Q(administration__caseworkers=user)).distinct()

    def visible_to(self, user, now=None):
        """Published items for everyone; drafts and waiting items for those who may edit them."""
        published = self.published(now)
        if not user.is_authenticated:
            return published
        return self.filter(Q(pk__in=published.values("pk")) | Q(pk__in=self.editable_by(user).values("pk")))


LINK_FIELDS = ("plans", "hearings", "schemes", "meetings")

LINK_REFUSALS = {
    "plans": (_("Only the published plans of %(municipality)s can be linked; not %(names)s."), "plan_not_linkable"),
    "hearings": (
        _("Only the opened hearings of %(municipality)s can be linked; not %(names)s."),
        "hearing_not_linkable",
    ),
    "schemes": (_("Only the grant schemes of %(municipality)s can be linked; not %(names)s."), "scheme_not_linkable"),
    "meetings": (
        _("Only the published meetings of %(municipality)s can be linked; not %(names)s."),
        "meeting_not_linkable",
    ),
}


class NewsItem(models.Model):
    municipality = models.ForeignKey(
        "policies.Municipality", on_delete=models.PROTECT, related_name="news", verbose_name=_("municipality")
    )
    administration = models.ForeignKey(
        "policies.Administration",
        on_delete=models.PROTECT,
        related_name="news",
        null=True,
        blank=True,
        verbose_name=_("sent by"),
        help_text=_("The administration that sends the item; leave empty for the municipality as a whole."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NewsKind, default=NewsKind.NEWS)
    title = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("short name in addresses"), max_length=200, blank=True, help_text=_("Made from the headline when left empty.")
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences: shown in the list and the feed.")
    )
    body = models.TextField(_("text"), help_text=_("Separate paragraphs with an empty line."))
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the item as a draft. A time in the future publishes it then."),
    )
    contact_name = models.CharField(
        _("contact for further information"),
        max_length=200,
        blank=True,
        help_text=_("Required for a press release: who the press may call, e.g. “Frivilligkonsulenten”."),
    )
    contact_phone = models.CharField(_("contact's phone"), max_length=20, blank=True, validators=[validate_phone])
    contact_email = models.EmailField(_("contact's e-mail"), blank=True)
    plans = models.ManyToManyField(
        "policies.ImplementationPlan",
        related_name="news",
        blank=True,
        verbose_name=_("implementation plans it concerns"),
    )
    hearings = models.ManyToManyField(
        "policies.Hearing", related_name="news", blank=True, verbose_name=_("hearings it concerns")
    )
    schemes = models.ManyToManyField(
        "grants.GrantScheme", related_name="news", blank=True, verbose_name=_("grant schemes it concerns")
    )
    meetings = models.ManyToManyField(
        "policies.Meeting", related_name="news", blank=True, verbose_name=_("meetings it concerns")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # Drafts (no publication time) last: NULLs sort first in a descending PostgreSQL order.
        ordering = [models.F("published_at").desc(nulls_last=True), "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="news_unique_slug"),
            models.CheckConstraint(
                condition=~Q(kind=NewsKind.PRESS_RELEASE) | ~Q(contact_name=""),
                name="press_release_names_a_contact",
            ),
            models.CheckConstraint(
                condition=~Q(kind=NewsKind.PRESS_RELEASE) | ~Q(contact_phone="") | ~Q(contact_email=""),
                name="press_release_contact_reachable",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "-published_at"], name="news_municipality_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:news_detail", kwargs={"municipality": self.municipality.slug, "slug": self.slug})

    def is_published(self, now=None):
        """Twin of ``NewsItemQuerySet.published``."""
        return self.published_at is not None and self.published_at <= (now or timezone.now())

    def clean(self):
        errors = {}
        if self.administration_id and self.municipality_id and self.administration.municipality_id != self.municipality_id:
            errors["administration"] = ValidationError(
                _("The sending administration must belong to the item's municipality."), code="administration_elsewhere"
            )
        if self.kind == NewsKind.PRESS_RELEASE:
            if not self.contact_name.strip():
                errors["contact_name"] = ValidationError(
                    _("A press release names whom the press may contact for further information."),
                    code="contact_required",
                )
            if not (self.contact_phone or self.contact_email):
                errors["contact_phone"] = ValidationError(
                    _("Give the contact's phone number or e-mail address."), code="contact_unreachable"
                )
        if errors:
            raise ValidationError(errors)

    def linkable(self, field):
        """What the item may name in the link ``field`` ("plans", "hearings", "schemes", "meetings"):
        its municipality's, as far as the public may read them."""
        from grants.models import GrantScheme
        from policies.models import Hearing, ImplementationPlan, Meeting

        public, municipality = AnonymousUser(), self.municipality_id
        return {
            "plans": lambda: ImplementationPlan.objects.visible_to(public).filter(policy__municipality=municipality),
            "hearings": lambda: Hearing.objects.visible_to(public).filter(administration__municipality=municipality),
            # Every scheme is public: its call, criteria and window are what a grant round announces.
            "schemes": lambda: GrantScheme.objects.filter(administration__municipality=municipality),
            "meetings": lambda: Meeting.objects.visible_to(public).filter(municipality=municipality),
        }[field]()

    def validate_links(self, **links):
        """Refuse links to what the public cannot read or to another municipality's: ``links`` maps
        each link field (``LINK_FIELDS``) to the chosen objects. The links are many-to-many, saved
        after the row, so the forms (the portal's and the admin's) call this before they save."""
        errors = {}
        for field, chosen in links.items():
            chosen = list(chosen)
            linkable_pks = set(self.linkable(field).filter(pk__in=[obj.pk for obj in chosen]).values_list("pk", flat=True))
            refused = [str(obj) for obj in chosen if obj.pk not in linkable_pks]
            if refused:
                message, code = LINK_REFUSALS[field]
                errors[field] = ValidationError(
                    message, code=code, params={"municipality": self.municipality, "names": ", ".join(refused)}
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(NewsItem, self.title, municipality_id=self.municipality_id)
        super().save(*args, **kwargs)



def news_senders(user, municipality):
    """Whom ``user`` may send news from in ``municipality``: ``(administrations, sender_required)``,
    or None where they may not write its news. A policy owner sends from any administration or for
    the municipality as a whole; a caseworker from their own administrations. Twin of
    ``NewsItemQuerySet.editable_by``."""
    from policies.models import Administration

    if not user.is_authenticated:
        return None
    administrations = Administration.objects.filter(municipality=municipality)
    if user.is_staff or municipality.policy_owners.filter(pk=user.pk).exists():
        return administrations, False
    own = administrations.filter(caseworkers=user)
    if not own.exists():
        return None
    return own, True


def news_municipalities(user):
    """The municipalities whose news ``user`` may write (``news_senders`` is not None)."""
    from policies.models import Municipality

    if not user.is_authenticated:
        return Municipality.objects.none()
    if user.is_staff:
        return Municipality.objects.all()
    return Municipality.objects.filter(Q(policy_owners=user) | Q(administrations__caseworkers=user)).distinct()
