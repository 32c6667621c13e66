"""The volunteer council (Frivilligråd) and its elections. Seed 004: "Der etableres et Frivilligråd,
hvis medlemmer vælges af og blandt de frivillige organisationer i kommunen. Frivilligrådets opgaver
og forhold reguleres nærmere i vedtægter, som fastsættes af kommunen."

- ``VolunteerCouncil``: one per municipality, speaking through its ``ConsultedBody``. The elected
  members become members of that body for their term, so the hearings that consult it consult them.
- ``CouncilStatutes``: the rules the municipality adopts (seats, votes per organisation, who may
  vote and stand, the length of a term). Statutes that a term was constituted under are never
  changed: the municipality adopts new ones, which govern the elections opened from then on.
- ``CouncilTerm`` and ``CouncilMember``: who sits for which organisation, from when to when, and
  the chair. The terms of a council never overlap.
- ``CouncilElection``, ``Candidate`` and ``VoteReceipt``: nominations, the municipality's approval
  of the candidates, the vote and the count.

The vote is secret by construction. ``VoteReceipt`` records that an organisation has voted and who
cast its votes, but names no candidate; the votes themselves only raise the chosen candidates'
tallies (``Candidate.votes``), so no row links an organisation to what it chose. The tallies are
shown at the count, never before.
"""

import random

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisations.models import LISTED, Organisation, OrganisationStatus
from policies.models.base import RemembersLoadedValues, _human_date, _today
from policies.models.municipality import BodyMembership, ConsultedBody, Municipality

# The rule for a tie, stated wherever results are shown.
TIE_RULE = _(
    "If candidates have the same number of votes for the last seat, the portal draws lots between them "
    "when the votes are counted, and the draw is recorded with the result."
)


class Eligibility(models.TextChoices):
    APPROVED = "approved", _("every approved organisation of the municipality")
    LISTED = "listed", _("approved organisations of the municipality listed in the public directory")


def eligible_organisations(municipality, rule):
    """The organisations of ``municipality`` (or its pk) that the statutes' ``rule`` lets vote or stand."""
    organisations = Organisation.objects.filter(municipality=municipality, status=OrganisationStatus.APPROVED)
    return organisations.filter(LISTED) if rule == Eligibility.LISTED else organisations


def ineligibility(organisation, municipality_id, rule):
    """Why ``rule`` does not let ``organisation`` vote or stand, or None if it does. Twin of
    ``eligible_organisations``."""
    if organisation.municipality_id != municipality_id:
        return _("it belongs to another municipality")
    if organisation.status != OrganisationStatus.APPROVED:
        return _("the municipality has not approved it")
    if rule == Eligibility.LISTED and not organisation.is_listed_publicly:
        return _("the statutes ask for organisations listed in the public directory, and it is not listed")
    return None


def _is_representative(user_id, organisation):
    return Organisation.representatives.through.objects.filter(
        organisation_id=organisation.pk, user_id=user_id
    ).exists()


def _local_day(moment):
    return timezone.localdate(moment) if moment else _today()


class VolunteerCouncilQuerySet(models.QuerySet):
    def managed_by(self, user):
        """Councils whose statutes, elections and chair ``user`` keeps: their municipality's, as policy owner."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(municipality__in=Municipality.objects.filter(policy_owners=user))


class VolunteerCouncil(models.Model):
    """A municipality's Frivilligråd."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.PROTECT, related_name="volunteer_council", verbose_name=_("municipality")
    )
    body = models.OneToOneField(
        ConsultedBody,
        on_delete=models.PROTECT,
        related_name="volunteer_council",
        verbose_name=_("consulted body"),
        help_text=_(
            "The body the hearings consult. The elected members are its members for their term, on behalf "
            "of their organisations."
        ),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the council is, in plain words, for the public page.")
    )

    objects = VolunteerCouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer council")
        verbose_name_plural = _("volunteer councils")
        ordering = ["municipality__name"]

    def __str__(self):
        return self.body.name

    def get_absolute_url(self):
        return reverse("policies:council_detail", kwargs={"municipality": self.municipality.slug})

    def statutes_in_force(self, on=None):
        """The statutes adopted last on or before ``on``: those a new election follows."""
        return self.statutes.filter(adopted_on__lte=on or _today()).order_by("-adopted_on").first()

    def clean(self):
        if self.body_id and self.municipality_id and self.body.municipality_id != self.municipality_id:
            raise ValidationError(
                {"body": ValidationError(_("The body must be one of the municipality's own."), code="body_elsewhere")}
            )


class CouncilStatutes(RemembersLoadedValues):
    """The council's statutes (vedtægter) as the municipality adopted them."""

    RULES = ("seats", "votes_per_organisation", "who_may_vote", "who_may_stand", "term_years")

    council = models.ForeignKey(
        VolunteerCouncil, on_delete=models.CASCADE, related_name="statutes", verbose_name=_("volunteer council")
    )
    adopted_on = models.DateField(
        _("in force from"), help_text=_("The day the municipality adopted them; elections opened from then on follow them.")
    )
    decision_reference = models.CharField(
        _("decision reference"), max_length=100, blank=True, help_text=_("E.g. “Socialudvalget 11.12.2007”.")
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(99)], help_text=_("Members elected for a term.")
    )
    votes_per_organisation = models.PositiveSmallIntegerField(
        _("votes per organisation"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many candidates each organisation may vote for, one vote each."),
    )
    who_may_vote = models.CharField(_("who may vote"), max_length=20, choices=Eligibility, default=Eligibility.LISTED)
    who_may_stand = models.CharField(
        _("who may put up candidates"), max_length=20, choices=Eligibility, default=Eligibility.LISTED
    )
    term_years = models.PositiveSmallIntegerField(
        _("length of a term (years)"), default=2, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    text = models.TextField(
        _("the council's tasks and other provisions"),
        blank=True,
        help_text=_("The rest of the statutes, as adopted: what the council does, its meetings, its secretariat."),
    )

    class Meta:
        verbose_name = _("statutes")
        verbose_name_plural = _("statutes")
        ordering = ["council", "-adopted_on"]
        constraints = [
            models.UniqueConstraint(fields=["council", "adopted_on"], name="council_statutes_one_per_day"),
            models.CheckConstraint(condition=Q(seats__gte=1), name="council_statutes_has_seats"),
            models.CheckConstraint(
                condition=Q(votes_per_organisation__gte=1) & Q(votes_per_organisation__lte=F("seats")),
                name="council_statutes_votes_within_seats",
            ),
            models.CheckConstraint(condition=Q(term_years__gte=1), name="council_statutes_term_positive"),
        ]

    def __str__(self):
        return _("Statutes in force from %(date)s") % {"date": _human_date(self.adopted_on)}

    def clean(self):
        errors = {}
        if self.seats and self.votes_per_organisation and self.votes_per_organisation > self.seats:
            errors["votes_per_organisation"] = ValidationError(
                _("An organisation cannot have more votes than there are seats (%(seats)d)."),
                code="more_votes_than_seats",
                params={"seats": self.seats},
            )
        if self.council_id and self.adopted_on:
            if CouncilStatutes.objects.filter(council=self.council_id, adopted_on=self.adopted_on).exclude(pk=self.pk).exists():
                errors["adopted_on"] = ValidationError(
                    _("The council already has statutes in force from %(date)s."),
                    code="same_day",
                    params={"date": _human_date(self.adopted_on)},
                )
        changed = [name for name in self.RULES if getattr(self, name) != self.stored_value(name)]
        if not self._state.adding and changed and self.terms.exists():
            errors[NON_FIELD_ERRORS] = ValidationError(
                _(
                    "A term of the council was constituted under these statutes, so their rules stay as they "
                    "were. Adopt new statutes instead: they govern the elections opened from then on."
                ),
                code="statutes_in_use",
            )
        if errors:
            raise ValidationError(errors)


class CouncilTermQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or _today()
        return self.filter(starts_on__lte=on, ends_on__gte=on)

    def coming(self, on=None):
        return self.filter(starts_on__gt=on or _today())

    def overlapping(self, term):
        return self.filter(council=term.council_id, starts_on__lte=term.ends_on, ends_on__gte=term.starts_on).exclude(
            pk=term.pk
        )


class CouncilTerm(models.Model):
    """A period (valgperiode) for which the council's members are elected."""

    council = models.ForeignKey(
        VolunteerCouncil, on_delete=models.CASCADE, related_name="terms", verbose_name=_("volunteer council")
    )
    statutes = models.ForeignKey(
        CouncilStatutes,
        on_delete=models.PROTECT,
        related_name="terms",
        verbose_name=_("statutes"),
        help_text=_("The statutes the term's election followed: its seats and votes."),
    )
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"))

    objects = CouncilTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["council", "-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="council_term_ends_after_start"),
            # That the terms of a council never overlap is the exclusion constraint
            # "council_terms_never_overlap", created on PostgreSQL only by the migration.
        ]

    def __str__(self):
        return f"{_human_date(self.starts_on)} – {_human_date(self.ends_on)}"

    def is_current(self, on=None):
        """Twin of ``CouncilTermQuerySet.current``."""
        on = on or _today()
        return self.starts_on <= on <= self.ends_on

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            errors["ends_on"] = ValidationError(_("A term must end after it starts."), code="ends_before_start")
        elif self.starts_on and self.ends_on and self.council_id:
            other = CouncilTerm.objects.overlapping(self).order_by("starts_on").first()
            if other is not None:
                errors["starts_on"] = ValidationError(
                    _("The council already has a term then (%(term)s); terms never overlap."),
                    code="overlap",
                    params={"term": other},
                )
        if self.statutes_id and self.council_id and self.statutes.council_id != self.council_id:
            errors["statutes"] = ValidationError(_("The statutes must be this council's."), code="statutes_elsewhere")
        if errors:
            raise ValidationError(errors)


class CouncilMemberQuerySet(models.QuerySet):
    def current(self, on=None):
        """The seats held on the day ``on``: in the term running then, by members who have not left."""
        on = on or _today()
        return self.filter(term__starts_on__lte=on, term__ends_on__gte=on).filter(
            Q(left_on__isnull=True) | Q(left_on__gte=on)
        )


class CouncilMember(models.Model):
    """A seat held for a term on behalf of an organisation."""

    term = models.ForeignKey(CouncilTerm, on_delete=models.CASCADE, related_name="members", verbose_name=_("term"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="council_seats", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats", verbose_name=_("member")
    )
    candidate = models.OneToOneField(
        "Candidate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seat",
        verbose_name=_("elected as"),
    )
    membership = models.OneToOneField(
        BodyMembership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_seat",
        verbose_name=_("membership of the body"),
        help_text=_("What makes the member consulted in hearings of the council's body."),
    )
    is_chair = models.BooleanField(_("chair"), default=False)
    left_on = models.DateField(
        _("last day on the council"),
        null=True,
        blank=True,
        help_text=_(
            "For a member who leaves before the term ends. Their membership of the council's body ends "
            "that day, so the hearings opened afterwards no longer consult them."
        ),
    )

    objects = CouncilMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["term", "-is_chair", "organisation__name", "pk"]
        constraints = [
            # Among the members who have not left: one who leaves may be followed by another
            # representative of the same organisation (clean() says that their seats do not overlap).
            models.UniqueConstraint(
                fields=["term", "organisation"], condition=Q(left_on__isnull=True), name="council_one_seat_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["term", "user"], condition=Q(left_on__isnull=True), name="council_one_seat_per_person"
            ),
            models.UniqueConstraint(fields=["term"], condition=Q(is_chair=True), name="council_one_chair_per_term"),
        ]

    def __str__(self):
        return f"{self.user} ({self.organisation})"

    @property
    def seated_on(self):
        """The first day of the seat: when the member joined the council's body, or the term's start."""
        return self.membership.starts_on if self.membership_id else self.term.starts_on

    def is_seated(self, on=None):
        """Whether the member holds the seat on ``on`` (the term running and not left): twin of
        ``CouncilMemberQuerySet.current``."""
        on = on or _today()
        return self.term.is_current(on) and (self.left_on is None or self.left_on >= on)

    def has_left(self, on=None):
        return self.left_on is not None and self.left_on < (on or _today())

    def clean(self):
        errors = {}
        if not self.term_id:
            return
        term = self.term
        municipality_id = term.council.municipality_id
        if self.organisation_id and self.organisation.municipality_id != municipality_id:
            errors["organisation"] = ValidationError(
                _("Only the municipality's own organisations sit on its council."), code="organisation_elsewhere"
            )
        elif self._state.adding and self.candidate_id is None and self.organisation_id:
            # An appointed member (the first council is often appointed, not elected): the statutes'
            # rule for who may stand, and one of the organisation's representatives, as for a candidate.
            if CouncilElection.objects.filter(term=term.pk).exists():
                errors[NON_FIELD_ERRORS] = ValidationError(
                    _("The members of this term are elected: they take their seats when the results are published."),
                    code="term_elected",
                )
            else:
                reason = ineligibility(self.organisation, municipality_id, term.statutes.who_may_stand)
                if reason:
                    errors["organisation"] = ValidationError(
                        _("%(organisation)s cannot sit on the council: %(reason)s."),
                        code="not_eligible",
                        params={"organisation": self.organisation, "reason": reason},
                    )
                elif self.user_id and not _is_representative(self.user_id, self.organisation):
                    errors["user"] = ValidationError(
                        _("The member must be one of the representatives of %(organisation)s."),
                        code="not_a_representative",
                        params={"organisation": self.organisation},
                    )
        if self._state.adding:
            # A member who has left before this seat begins frees their seat.
            held = term.members.exclude(left_on__lt=self.seated_on)
            if self.organisation_id and held.filter(organisation=self.organisation_id).exists():
                errors.setdefault("organisation", ValidationError(
                    _("%(organisation)s already holds a seat in this term."),
                    code="organisation_seated",
                    params={"organisation": self.organisation},
                ))
            if self.user_id and held.filter(user=self.user_id).exists():
                errors.setdefault("user", ValidationError(
                    _("%(person)s already sits on the council this term."), code="person_seated", params={"person": self.user}
                ))
            if held.count() >= term.statutes.seats:
                errors.setdefault(NON_FIELD_ERRORS, ValidationError(
                    _("Every seat of the term is taken (%(seats)d)."),
                    code="no_seat_left",
                    params={"seats": term.statutes.seats},
                ))
        if self.left_on:
            if self.left_on < self.seated_on:
                errors["left_on"] = ValidationError(
                    _("%(person)s took their seat on %(date)s, so the last day cannot be earlier."),
                    code="left_before_seat",
                    params={"person": self.user, "date": _human_date(self.seated_on)},
                )
            elif self.left_on > term.ends_on:
                errors["left_on"] = ValidationError(
                    _("The term ends on %(date)s: the last day falls within the term."),
                    code="left_after_term",
                    params={"date": _human_date(term.ends_on)},
                )
        if errors:
            raise ValidationError(errors)


class ElectionStatus(models.TextChoices):
    NOMINATION = "nomination", _("nominations")
    VOTING = "voting", _("voting")
    COUNTED = "counted", _("votes counted")
    PUBLISHED = "published", _("results published")


IN_PROGRESS_ELECTION_STATUSES = (ElectionStatus.NOMINATION, ElectionStatus.VOTING, ElectionStatus.COUNTED)


class CouncilElectionQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(status__in=IN_PROGRESS_ELECTION_STATUSES)

    def published(self):
        return self.filter(status=ElectionStatus.PUBLISHED)

    def accepting_nominations(self, today=None):
        today = today or _today()
        return self.filter(
            status=ElectionStatus.NOMINATION, nominations_open_on__lte=today, nominations_close_on__gte=today
        )

    def accepting_votes(self, today=None):
        today = today or _today()
        return self.filter(status=ElectionStatus.VOTING, voting_opens_on__lte=today, voting_closes_on__gte=today)

    def managed_by(self, user):
        """Elections ``user`` runs: their municipality's, as policy owner."""
        return self.filter(term__council__in=VolunteerCouncil.objects.managed_by(user))

    def with_council(self):
        return self.select_related("term__statutes", "term__council__body", "term__council__municipality")


class CouncilElection(RemembersLoadedValues):
    """An election of the council's members for one term: nominations, voting, the count, the results."""

    term = models.OneToOneField(
        CouncilTerm, on_delete=models.PROTECT, related_name="election", verbose_name=_("term elected for")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ElectionStatus, default=ElectionStatus.NOMINATION
    )
    nominations_open_on = models.DateField(_("nominations open"))
    nominations_close_on = models.DateField(_("nominations close"), help_text=_("The last day to put up a candidate."))
    voting_opens_on = models.DateField(_("voting opens"), null=True, blank=True)
    voting_closes_on = models.DateField(_("voting closes"), null=True, blank=True, help_text=_("The last day to vote."))
    counted_at = models.DateTimeField(_("votes counted at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("results published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = CouncilElectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("council election")
        verbose_name_plural = _("council elections")
        ordering = ["-nominations_open_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominations_close_on__gte=F("nominations_open_on")),
                name="election_nominations_close_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(voting_opens_on__isnull=True) | Q(voting_opens_on__gt=F("nominations_close_on")),
                name="election_voting_after_nominations",
            ),
            models.CheckConstraint(
                condition=(Q(voting_opens_on__isnull=True) & Q(voting_closes_on__isnull=True))
                | Q(voting_closes_on__gte=F("voting_opens_on")),
                name="election_voting_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(status=ElectionStatus.NOMINATION) | Q(voting_closes_on__isnull=False),
                name="election_voting_has_period",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[ElectionStatus.NOMINATION, ElectionStatus.VOTING]) | Q(counted_at__isnull=False),
                name="election_counted_is_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=ElectionStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="election_published_is_dated",
            ),
        ]

    def __str__(self):
        return _("Election to %(council)s for %(term)s") % {"council": self.council, "term": self.term}

    def get_absolute_url(self):
        return reverse(
            "policies:election_detail", kwargs={"municipality": self.council.municipality.slug, "pk": self.pk}
        )

    @property
    def council(self):
        return self.term.council

    @property
    def statutes(self):
        return self.term.statutes

    def is_in_progress(self):
        """Twin of ``CouncilElectionQuerySet.in_progress``."""
        return self.status in IN_PROGRESS_ELECTION_STATUSES

    def accepting_nominations(self, today=None):
        """Twin of ``CouncilElectionQuerySet.accepting_nominations``."""
        today = today or _today()
        return self.status == ElectionStatus.NOMINATION and self.nominations_open_on <= today <= self.nominations_close_on

    def accepting_votes(self, today=None):
        """Twin of ``CouncilElectionQuerySet.accepting_votes``."""
        today = today or _today()
        return self.status == ElectionStatus.VOTING and self.voting_opens_on <= today <= self.voting_closes_on

    def nominations_closed(self, today=None):
        return self.nominations_close_on < (today or _today())

    def voting_closed(self, today=None):
        return self.voting_closes_on is not None and self.voting_closes_on < (today or _today())

    def results_published(self):
        return self.status == ElectionStatus.PUBLISHED

    def phase(self, today=None):
        """Where the election stands, in words for the public."""
        today = today or _today()
        dates = {
            "opens": _human_date(self.nominations_open_on),
            "closes": _human_date(self.nominations_close_on),
        }
        if self.status == ElectionStatus.NOMINATION:
            if today < self.nominations_open_on:
                return _("Nominations open on %(opens)s.") % dates
            if today <= self.nominations_close_on:
                return _("Nominations are open until %(closes)s.") % dates
            return _("Nominations closed on %(closes)s; the municipality is approving the candidates.") % dates
        if self.status == ElectionStatus.VOTING:
            dates = {"opens": _human_date(self.voting_opens_on), "closes": _human_date(self.voting_closes_on)}
            if today < self.voting_opens_on:
                return _("Voting opens on %(opens)s.") % dates
            if today <= self.voting_closes_on:
                return _("Voting is open until %(closes)s.") % dates
            return _("Voting closed on %(closes)s; the votes are being counted.") % dates
        if self.status == ElectionStatus.COUNTED:
            return _("The votes are counted; the results are published soon.")
        return _("The results are published.")

    def eligible_voters(self):
        return eligible_organisations(self.council.municipality_id, self.statutes.who_may_vote)

    def eligible_nominators(self):
        return eligible_organisations(self.council.municipality_id, self.statutes.who_may_stand)

    def check_ballot(self, candidates):
        """Refuse a ballot the statutes do not allow: no choice, a candidate twice, a choice that is no
        approved candidate of this election, or more choices than the organisation has votes."""
        chosen = list(candidates)
        votes = self.statutes.votes_per_organisation
        if not chosen:
            error = ValidationError(_("Choose at least one candidate."), code="no_choice")
        elif len({candidate.pk for candidate in chosen}) != len(chosen):
            error = ValidationError(_("Each candidate can have one vote from an organisation."), code="same_candidate_twice")
        elif any(c.election_id != self.pk or c.status != CandidateStatus.APPROVED for c in chosen):
            error = ValidationError(_("Vote only for the approved candidates of this election."), code="not_a_candidate")
        elif len(chosen) > votes:
            error = ValidationError(
                ngettext(
                    "You chose %(chosen)d candidates, but each organisation has %(votes)d vote.",
                    "You chose %(chosen)d candidates, but each organisation has %(votes)d votes (one per candidate).",
                    votes,
                )
                % {"chosen": len(chosen), "votes": votes},
                code="too_many_choices",
            )
        else:
            return
        raise ValidationError({"candidates": error})

    def tally(self, candidates, rng=None):
        """The count: the approved ``candidates`` ranked by their votes, each with (rank, lot_position,
        is_elected). The seats go to the most votes; a tie for the last seat is settled by lot
        (``TIE_RULE``), drawn with ``rng`` (the system's random source unless a test gives one)."""
        rng = rng or random.SystemRandom()
        seats = self.statutes.seats
        ordered = sorted(candidates, key=lambda c: (-c.votes, str(c.organisation), c.pk))
        results = []
        position = 0
        while position < len(ordered):
            votes = ordered[position].votes
            group = [c for c in ordered[position:] if c.votes == votes]
            straddles = position < seats < position + len(group)
            if straddles:
                rng.shuffle(group)
                for offset, candidate in enumerate(group):
                    results.append((candidate, position + offset + 1, offset + 1, position + offset < seats))
            else:
                for candidate in group:
                    results.append((candidate, position + 1, None, position < seats))
            position += len(group)
        return results

    def clean(self):
        errors = {}
        if self.nominations_open_on and self.nominations_close_on and self.nominations_close_on < self.nominations_open_on:
            errors["nominations_close_on"] = ValidationError(
                _("Nominations must close on or after the day they open."), code="closes_before_opening"
            )
        if self.voting_opens_on and self.nominations_close_on and self.voting_opens_on <= self.nominations_close_on:
            errors["voting_opens_on"] = ValidationError(
                _("Voting opens after nominations close (%(date)s)."),
                code="voting_before_nominations_close",
                params={"date": _human_date(self.nominations_close_on)},
            )
        if self.voting_opens_on and self.voting_closes_on and self.voting_closes_on < self.voting_opens_on:
            errors["voting_closes_on"] = ValidationError(
                _("Voting must close on or after the day it opens."), code="closes_before_opening"
            )
        if self.status != ElectionStatus.NOMINATION and not (self.voting_opens_on and self.voting_closes_on):
            errors.setdefault(
                "voting_closes_on", ValidationError(_("Give the voting period."), code="voting_period_required")
            )
        if self.term_id:
            last_day = self.voting_closes_on or self.nominations_close_on
            if last_day and last_day >= self.term.starts_on:
                field = "voting_closes_on" if self.voting_closes_on else "nominations_close_on"
                errors.setdefault(
                    field,
                    ValidationError(
                        _("The election must be over before the term it elects for starts (%(date)s)."),
                        code="after_term_start",
                        params={"date": _human_date(self.term.starts_on)},
                    ),
                )
            if self.is_in_progress():
                other = (
                    CouncilElection.objects.in_progress()
                    .filter(term__council=self.term.council_id)
                    .exclude(pk=self.pk)
                    .select_related("term__council__body")
                    .first()
                )
                if other is not None:
                    errors[NON_FIELD_ERRORS] = ValidationError(
                        _("%(election)s is still in progress: finish it before opening another."),
                        code="election_in_progress",
                        params={"election": other},
                    )
        if errors:
            raise ValidationError(errors)


class CandidateStatus(models.TextChoices):
    PROPOSED = "proposed", _("awaiting approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("not approved")
    WITHDRAWN = "withdrawn", _("withdrawn")


# A candidacy still standing: one per organisation and one per person in an election.
STANDING_CANDIDATE_STATUSES = (CandidateStatus.PROPOSED, CandidateStatus.APPROVED)


class CandidateQuerySet(models.QuerySet):
    def standing(self):
        return self.filter(status__in=STANDING_CANDIDATE_STATUSES)

    def approved(self):
        return self.filter(status=CandidateStatus.APPROVED)

    def proposed(self):
        return self.filter(status=CandidateStatus.PROPOSED)

    def in_result_order(self):
        return self.order_by(F("rank").asc(nulls_last=True), "organisation__name", "pk")


class Candidate(RemembersLoadedValues):
    """A person an organisation puts up for the council, with their consent."""

    election = models.ForeignKey(
        CouncilElection, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("election")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="council_candidacies", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_candidacies",
        verbose_name=_("candidate"),
        help_text=_("One of the organisation's representatives, who must agree to stand."),
    )
    statement = models.TextField(
        _("presentation"),
        blank=True,
        validators=[MaxLengthValidator(1000)],
        help_text=_("A few lines for the voters: who the candidate is and what they want the council to do."),
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nominated by"),
    )
    nominated_at = models.DateTimeField(_("nominated at"), default=timezone.now, editable=False)
    consented_at = models.DateTimeField(_("candidate agreed at"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=CandidateStatus, default=CandidateStatus.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    rejection_reason = models.TextField(_("why the candidate is not approved"), blank=True)
    # The tally: raised by one for each organisation that votes for the candidate; read at the count.
    votes = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    rank = models.PositiveSmallIntegerField(_("place"), null=True, blank=True, editable=False)
    lot_position = models.PositiveSmallIntegerField(
        _("place drawn by lot"), null=True, blank=True, editable=False, help_text=_("Set when a tie was settled by lot.")
    )
    is_elected = models.BooleanField(_("elected"), default=False, editable=False)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["election", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "organisation"],
                condition=Q(status__in=STANDING_CANDIDATE_STATUSES),
                name="election_one_candidate_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["election", "user"],
                condition=Q(status__in=STANDING_CANDIDATE_STATUSES),
                name="election_one_candidacy_per_person",
            ),
            models.CheckConstraint(
                condition=~Q(status=CandidateStatus.APPROVED) | Q(consented_at__isnull=False),
                name="approved_candidate_has_consented",
            ),
            models.CheckConstraint(
                condition=~Q(status=CandidateStatus.REJECTED) | ~Q(rejection_reason=""),
                name="rejected_candidate_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(is_elected=False) | Q(status=CandidateStatus.APPROVED), name="elected_candidate_is_approved"
            ),
        ]

    def __str__(self):
        return _("%(person)s for %(organisation)s") % {"person": self.user, "organisation": self.organisation}

    @property
    def has_consented(self):
        return self.consented_at is not None

    def is_standing(self):
        """Twin of ``CandidateQuerySet.standing``."""
        return self.status in STANDING_CANDIDATE_STATUSES

    def _changed(self, name):
        return self._state.adding or getattr(self, name) != self.stored_value(name)

    def clean(self):
        errors = {}
        if not (self.election_id and self.organisation_id):
            return
        election = self.election
        if self._state.adding:
            day = _local_day(self.nominated_at)
            if not election.accepting_nominations(day):
                errors[NON_FIELD_ERRORS] = ValidationError(self._closed_message(election, day), code="nominations_closed")
            reason = ineligibility(self.organisation, election.council.municipality_id, election.statutes.who_may_stand)
            if reason:
                errors["organisation"] = ValidationError(
                    _("%(organisation)s may not put up a candidate in this election: %(reason)s."),
                    code="not_eligible",
                    params={"organisation": self.organisation, "reason": reason},
                )
            elif self.nominated_by_id and not _is_representative(self.nominated_by_id, self.organisation):
                errors["organisation"] = ValidationError(
                    _("Only a representative of %(organisation)s can put up its candidate."),
                    code="not_a_representative",
                    params={"organisation": self.organisation},
                )
            elif election.candidates.standing().filter(organisation=self.organisation_id).exists():
                errors["organisation"] = ValidationError(
                    _("%(organisation)s already has a candidate in this election; an organisation puts up one."),
                    code="organisation_has_candidate",
                    params={"organisation": self.organisation},
                )
        if self.user_id and self._changed("user_id"):
            if not _is_representative(self.user_id, self.organisation):
                errors["user"] = ValidationError(
                    _("The candidate must be one of the representatives of %(organisation)s."),
                    code="not_a_representative",
                    params={"organisation": self.organisation},
                )
            elif election.candidates.standing().filter(user=self.user_id).exclude(pk=self.pk).exists():
                errors["user"] = ValidationError(
                    _("%(person)s already stands in this election."), code="already_candidate", params={"person": self.user}
                )
        if self.status == CandidateStatus.APPROVED and self._changed("status"):
            if not self.has_consented:
                errors["status"] = ValidationError(
                    _("%(person)s has not yet agreed to stand; a candidate is approved only with their consent."),
                    code="no_consent",
                    params={"person": self.user},
                )
        if self._changed("status") and not self._state.adding and election.status != ElectionStatus.NOMINATION:
            errors["status"] = ValidationError(
                _("Voting has opened: the candidates can no longer change."), code="voting_opened"
            )
        if self.status == CandidateStatus.REJECTED and not self.rejection_reason.strip():
            errors["rejection_reason"] = ValidationError(
                _("Tell the organisation why the candidate is not approved."), code="reason_required"
            )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _closed_message(election, day):
        dates = {"opens": _human_date(election.nominations_open_on), "closes": _human_date(election.nominations_close_on)}
        if election.status != ElectionStatus.NOMINATION:
            return _("Nominations are over: voting has opened.")
        if day < election.nominations_open_on:
            return _("Nominations open on %(opens)s.") % dates
        return _("Nominations closed on %(closes)s.") % dates


class VoteReceipt(models.Model):
    """That an organisation has voted in an election, and who cast its votes: never for whom.

    The row names no candidate, and nothing else stores the choice: ``council_services.vote_cast``
    raises the chosen candidates' tallies in the same transaction that writes this receipt.
    """

    election = models.ForeignKey(
        CouncilElection, on_delete=models.CASCADE, related_name="receipts", verbose_name=_("election")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="council_votes", verbose_name=_("organisation")
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("cast by")
    )
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("vote receipt")
        verbose_name_plural = _("vote receipts")
        ordering = ["election", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["election", "organisation"], name="election_one_vote_per_organisation"),
        ]

    def __str__(self):
        return str(self.organisation)

    def clean(self):
        errors = {}
        if not (self.election_id and self.organisation_id) or not self._state.adding:
            return
        election = self.election
        day = _local_day(self.cast_at)
        if not election.accepting_votes(day):
            errors[NON_FIELD_ERRORS] = ValidationError(self._closed_message(election, day), code="voting_closed")
        reason = ineligibility(self.organisation, election.council.municipality_id, election.statutes.who_may_vote)
        earlier = VoteReceipt.objects.filter(election=election, organisation=self.organisation_id).select_related("cast_by").first()
        if reason:
            errors["organisation"] = ValidationError(
                _("%(organisation)s may not vote in this election: %(reason)s."),
                code="not_eligible",
                params={"organisation": self.organisation, "reason": reason},
            )
        elif self.cast_by_id and not _is_representative(self.cast_by_id, self.organisation):
            errors["organisation"] = ValidationError(
                _("Only a representative of %(organisation)s can cast its votes."),
                code="not_a_representative",
                params={"organisation": self.organisation},
            )
        elif earlier is not None:
            errors["organisation"] = ValidationError(
                _("%(organisation)s has already voted, on %(date)s (by %(person)s). An organisation votes once."),
                code="already_voted",
                params={
                    "organisation": self.organisation,
                    "date": _human_date(timezone.localdate(earlier.cast_at)),
                    "person": earlier.cast_by,
                },
            )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _closed_message(election, day):
        if election.status == ElectionStatus.NOMINATION:
            return _("Voting has not opened yet.")
        if election.status != ElectionStatus.VOTING:
            return _("Voting has closed, and the votes are counted.")
        dates = {"opens": _human_date(election.voting_opens_on), "closes": _human_date(election.voting_closes_on)}
        if day < election.voting_opens_on:
            return _("Voting opens on %(opens)s.") % dates
        return _("Voting closed on %(closes)s, so the vote can no longer be cast.") % dates
