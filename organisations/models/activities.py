"""Activities in the shared calendar (seed 002) and their stored occurrences."""

import datetime

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations import search
from organisations.models.organisation import Organisation, listed_condition
from organisations.models.vocabulary import TargetGroup

# A weekly activity runs for at most two years; after that it is entered again, so that
# the calendar's stored occurrences stay bounded.
MAX_WEEKS = 104


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
        search.remember_words(self.search_text, alias=self._state.db)
        # The calendar lists stored occurrences, so that it pages and counts in the database.
        self.occurrences.all().delete()
        Occurrence.objects.using(self._state.db).bulk_create(self.dated(times))

    def search_columns(self):
        return search.fold(" ".join([self.title, self.description, self.place]))

    def dated(self, times):
        """The unsaved occurrences at ``times``, with what the calendar filters them by."""
        vector, tokens = None, ""
        if search.is_postgresql(self._state.db):
            vector = search.weighted_vector(self.search_text, self.organisation.search_name)
            tokens = self.term_tokens()
        return [
            Occurrence(
                activity=self,
                organisation_id=self.organisation_id,
                municipality_id=self.organisation.municipality_id,
                starts_at=s,
                ends_at=e,
                search_vector=vector,
                search_terms=tokens,
            )
            for s, e in times
        ]

    def term_tokens(self):
        """The tokens of the activity's target groups (``organisations.search.term_token``)."""
        if self.pk is None:
            return ""
        slugs = self.target_groups.values_list("slug", flat=True)
        return " ".join(search.term_token(TargetGroup.parameter, slug) for slug in slugs)

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
    def refresh_search_columns(self):
        """Rewrite the words and terms of these occurrences from their activity and organisation
        as they are now, e.g. after the organisation was renamed or a target group added
        (PostgreSQL, the only database that reads them)."""
        activity = Activity.objects.filter(pk=OuterRef("activity_id"))
        name = Organisation.objects.filter(pk=OuterRef("organisation_id"))
        links = Activity.target_groups.through.objects.filter(activity=OuterRef("activity_id"))
        tokens = links.values("activity").annotate(
            tokens=StringAgg(Concat(Value(search.term_token(TargetGroup.parameter, "")), "targetgroup__slug"), " ")
        )
        return self.update(
            search_vector=SearchVector(Subquery(activity.values("search_text")), weight="A", config=search.CONFIG)
            + SearchVector(Subquery(name.values("search_name")), weight="B", config=search.CONFIG),
            search_terms=Coalesce(Subquery(tokens.values("tokens")), Value("")),
        )

    def between(self, start, end):
        """Occurrences that overlap ``[start, end)``. None starts earlier than the longest
        occurrence before ``start``, so the period's index is read from there rather than from
        the first occurrence ever, and the planner knows how few rows a week holds."""
        return self.filter(starts_at__lt=end, ends_at__gt=start, starts_at__gt=start - Occurrence.objects.longest())

    def longest(self):
        """How long the longest of these occurrences lasts (one indexed look-up on PostgreSQL,
        migration 0010)."""
        length = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=models.DurationField())
        found = self.order_by(length.desc()).values_list(length, flat=True).first()
        return found or datetime.timedelta(0)

    def upcoming(self, now=None):
        """Occurrences still to come or under way."""
        return self.filter(ends_at__gt=now or timezone.now())

    def listed(self):
        """Occurrences of the activities in the public calendar (``ActivityQuerySet.listed``)."""
        return self.filter(listed_condition("organisation"))

    def for_listing(self):
        """Everything a calendar row shows, in a fixed number of queries."""
        return self.select_related("activity", "organisation__municipality").prefetch_related("activity__target_groups")


class Occurrence(models.Model):
    """One time an activity takes place; derived from the activity on every save."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("activity")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # Copies from the activity, so that the calendar filters its dated rows without a join:
    # by organisation through an index of (organisation, start), by words through a GIN index
    # beside the period's (the activity's words and its organisation's name; PostgreSQL).
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
        editable=False,
        db_index=False,  # occurrence_organisation_start serves
    )
    # The organisation's municipality, the calendar's commonest filter: its dates in order
    # straight from an index of (municipality, start).
    municipality = models.ForeignKey(
        "policies.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
        editable=False,
        db_index=False,  # occurrence_municipality_start serves
    )
    search_vector = SearchVectorField(null=True, editable=False)
    # The activity's target groups as the filters name them ("maalgruppe:aeldre"), so that on
    # PostgreSQL the calendar reads them from the date itself (SQLite joins the links instead).
    search_terms = models.TextField(editable=False, default="")

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="occurrence_ends_after_start"),
        ]
        indexes = [
            models.Index(fields=["starts_at", "ends_at"], name="occurrence_period"),
            models.Index(fields=["organisation", "starts_at"], name="occurrence_organisation_start"),
            models.Index(fields=["municipality", "starts_at"], name="occurrence_municipality_start"),
        ]

    def __str__(self):
        return f"{self.activity} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def day(self):
        return timezone.localdate(self.starts_at)

    def is_upcoming(self, now=None):
        """Twin of ``OccurrenceQuerySet.upcoming``."""
        return self.ends_at > (now or timezone.now())
