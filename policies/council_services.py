"""Writes on the volunteer council: setting it up with its consulted body, statutes, an appointed
term and its founding members, opening an election, nominations and the municipality's approval,
the secret vote, the count, publishing the results and seating the elected, a member's leaving, the
chair, and the directory's record of who sits on the council.

Every function takes keyword arguments, runs in one transaction and validates with ``full_clean()``
before it saves, so the rules of ``policies.models.council`` hold here as in the admin. The steps of
an election lock the election's row, so that a vote and the count, or an approval and the opening
of the vote, cannot interleave. ``today`` and ``now`` default to the present; the demo loader passes
earlier days to replay an election that is over.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, When
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from organisations.models import Organisation
from policies.models import (
    BodyMembership,
    Candidate,
    CandidateStatus,
    ConsultedBody,
    CouncilElection,
    CouncilMember,
    CouncilStatutes,
    CouncilTerm,
    ElectionStatus,
    Hearing,
    Municipality,
    VolunteerCouncil,
    VoteReceipt,
)
from policies.models.base import _human_date
from portal.dates import add_months
from portal.writes import save_valid


def _locked_election(election, *statuses):
    locked = CouncilElection.objects.select_for_update(of=("self",)).with_council().get(pk=election.pk)
    if statuses and locked.status not in statuses:
        raise ValidationError(
            _("The election is at another stage now: %(phase)s") % {"phase": locked.phase()}, code="wrong_stage"
        )
    return locked


# Setting up the council


@transaction.atomic
def council_create(*, municipality, body=None, body_name="", description=""):
    """Set up the municipality's council, speaking through ``body`` (one of the bodies it consults
    that is no council yet) or through a new body named ``body_name``. Its statutes come next."""
    # One council per municipality: lock the municipality while checking.
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    if VolunteerCouncil.objects.filter(municipality=municipality).exists():
        raise ValidationError(
            _("%(municipality)s already has its volunteer council.") % {"municipality": municipality},
            code="council_exists",
        )
    if body is None:
        name = " ".join(body_name.split())
        body = save_valid(ConsultedBody(municipality=municipality, name=name, slug=slugify(name)[:50]))
    return save_valid(VolunteerCouncil(municipality=municipality, body=body, description=description.strip()))


# Statutes


@transaction.atomic
def statutes_adopt(*, council, values):
    """Adopt new statutes for ``council`` (``values``: the fields of ``CouncilStatutes``)."""
    return save_valid(CouncilStatutes(council=council, **values))


def term_end(starts_on, statutes):
    """The last day of a term of the statutes' length that starts on ``starts_on``."""
    return add_months(starts_on, 12 * statutes.term_years) - datetime.timedelta(days=1)


# An appointed term and its founding members


@transaction.atomic
def term_appoint(*, council, starts_on, ends_on=None, today=None):
    """Start a term whose members the municipality appoints rather than the organisations elect (the
    first council, as a rule), under the statutes in force on its first day, to ``ends_on`` or for
    the length the statutes set."""
    council = VolunteerCouncil.objects.select_for_update().select_related("municipality", "body").get(pk=council.pk)
    statutes = council.statutes_in_force(starts_on)
    if statutes is None:
        raise ValidationError(
            {
                "starts_on": ValidationError(
                    _("The council has no statutes in force on %(date)s: adopt them first."),
                    code="no_statutes",
                    params={"date": _human_date(starts_on)},
                )
            }
        )
    term = CouncilTerm(council=council, statutes=statutes, starts_on=starts_on, ends_on=ends_on or term_end(starts_on, statutes))
    if term.ends_on < (today or timezone.localdate()):
        raise ValidationError(
            {"ends_on": ValidationError(_("The term would be over already: it ends on a day that has passed."), code="term_over")}
        )
    return save_valid(term)


def _seat(*, term, organisation, person, today, candidate=None):
    """Seat ``person`` for ``organisation`` in ``term``: a member of the council's body on the
    organisation's behalf from the term's start (or ``today``, if it has begun: who was consulted
    before stays as it was) to its end. The same for the elected and the appointed."""
    membership = save_valid(
        BodyMembership(
            body=term.council.body,
            user=person,
            on_behalf_of=organisation.name,
            starts_on=max(term.starts_on, today),
            ends_on=term.ends_on,
        )
    )
    return save_valid(
        CouncilMember(term=term, organisation=organisation, user=person, candidate=candidate, membership=membership)
    )


@transaction.atomic
def member_appoint(*, term, organisation, person, today=None):
    """Record a member the municipality appointed to a term that is not elected: one of the
    representatives of ``organisation``, within the statutes' seats."""
    today = today or timezone.localdate()
    # The seats are counted under the term's lock, so two appointments cannot take the last seat twice.
    term = CouncilTerm.objects.select_for_update(of=("self",)).select_related(
        "statutes", "council__body", "council__municipality"
    ).get(pk=term.pk)
    if term.ends_on < today:
        raise ValidationError(_("The term has ended; there is no seat to take."), code="term_over")
    member = _seat(term=term, organisation=organisation, person=person, today=today)
    council_seats_sync(council=term.council, today=today)
    return member


@transaction.atomic
def member_leave(*, member, left_on, today=None):
    """Record that ``member`` leaves the council: ``left_on`` is their last day. Their membership of
    the council's body ends that day, so the hearings opened afterwards no longer consult them.

    The day may have passed, but not so far back that a hearing opened since consulted them: who was
    consulted then stays as it was (``Hearing.hearing_list`` reads the memberships on its opening day)."""
    today = today or timezone.localdate()
    term = CouncilTerm.objects.select_for_update(of=("self",)).select_related("council__body").get(pk=member.term_id)
    member = CouncilMember.objects.select_related("membership", "user", "organisation").get(pk=member.pk)
    member.term = term
    if member.left_on is not None:
        message = _("%(person)s has already left the council, on %(date)s.") % {
            "person": member.user,
            "date": _human_date(member.left_on),
        }
        raise ValidationError({"left_on": ValidationError(message, code="already_left")})
    if left_on < today:
        consulted = (
            Hearing.objects.published()
            .filter(consulted_bodies=term.council.body_id, opens_on__gt=left_on, opens_on__lte=today)
            .order_by("-opens_on")
            .first()
        )
        if consulted is not None and (member.membership is None or member.membership.is_current(consulted.opens_on)):
            raise ValidationError(
                {
                    "left_on": ValidationError(
                        _("The hearing “%(hearing)s”, opened on %(date)s, consulted %(person)s: the last day can be "
                          "%(date)s at the earliest."),
                        code="consulted_since",
                        params={"hearing": consulted, "date": _human_date(consulted.opens_on), "person": member.user},
                    )
                }
            )
    member.left_on = left_on
    save_valid(member, update_fields=["left_on"])
    if member.membership is not None:
        member.membership.ends_on = left_on
        save_valid(member.membership, update_fields=["ends_on"])
    council_seats_sync(council=term.council, today=today)
    return member


# Opening an election


@transaction.atomic
def election_open(*, council, starts_on, nominations_open_on, nominations_close_on, ends_on=None, today=None):
    """Open nominations for the term from ``starts_on`` (to ``ends_on``, or for the length the
    statutes in force set), under the statutes in force on the day nominations open."""
    # One election at a time per council, and terms never overlap: lock the council while checking.
    council = VolunteerCouncil.objects.select_for_update().select_related("municipality", "body").get(pk=council.pk)
    statutes = council.statutes_in_force(nominations_open_on)
    if statutes is None:
        raise ValidationError(
            {
                "nominations_open_on": ValidationError(
                    _("The council has no statutes in force on %(date)s: adopt them first."),
                    code="no_statutes",
                    params={"date": _human_date(nominations_open_on)},
                )
            }
        )
    if nominations_open_on < (today or timezone.localdate()):
        raise ValidationError(
            {"nominations_open_on": ValidationError(_("Nominations cannot open on a day that has passed."), code="in_past")}
        )
    term = CouncilTerm(
        council=council, statutes=statutes, starts_on=starts_on, ends_on=ends_on or term_end(starts_on, statutes)
    )
    save_valid(term)
    election = CouncilElection(
        term=term, nominations_open_on=nominations_open_on, nominations_close_on=nominations_close_on
    )
    return save_valid(election)


# Nominations


@transaction.atomic
def candidate_nominate(*, election, organisation, person, nominated_by, statement="", now=None):
    """``nominated_by``, a representative of ``organisation``, puts up ``person`` (themselves or
    another of its representatives). A person who puts themselves up has agreed; anyone else agrees
    with ``candidate_consent``."""
    election = _locked_election(election)
    now = now or timezone.now()
    candidate = Candidate(
        election=election,
        organisation=organisation,
        user=person,
        nominated_by=nominated_by,
        nominated_at=now,
        consented_at=now if person.pk == nominated_by.pk else None,
        statement=statement.strip(),
    )
    return save_valid(candidate)


def _locked_candidate(candidate):
    election = _locked_election(candidate.election, ElectionStatus.NOMINATION)
    locked = Candidate.objects.select_for_update(of=("self",)).select_related("organisation", "user").get(pk=candidate.pk)
    locked.election = election
    return locked


@transaction.atomic
def candidate_consent(*, candidate, user, now=None):
    """The candidate agrees to stand."""
    candidate = _locked_candidate(candidate)
    if candidate.user_id != user.pk:
        raise ValidationError(_("Only the candidate can agree to stand."), code="not_the_candidate")
    if not candidate.is_standing():
        raise ValidationError(_("The candidacy is no longer standing."), code="not_standing")
    candidate.consented_at = now or timezone.now()
    return save_valid(candidate, update_fields=["consented_at"])


@transaction.atomic
def candidate_withdraw(*, candidate, user):
    """The candidate, or a representative of their organisation, withdraws the candidacy before voting opens."""
    candidate = _locked_candidate(candidate)
    if candidate.user_id != user.pk and not candidate.organisation.representatives.filter(pk=user.pk).exists():
        raise ValidationError(
            _("Only the candidate or a representative of the organisation can withdraw the candidacy."),
            code="not_allowed",
        )
    if not candidate.is_standing():
        raise ValidationError(_("The candidacy is no longer standing."), code="not_standing")
    candidate.status = CandidateStatus.WITHDRAWN
    return save_valid(candidate, update_fields=["status"])


@transaction.atomic
def candidate_approve(*, candidate, user, now=None):
    """The municipality approves a candidate who has agreed to stand."""
    candidate = _locked_candidate(candidate)
    candidate.status = CandidateStatus.APPROVED
    candidate.decided_by = user
    candidate.decided_at = now or timezone.now()
    candidate.rejection_reason = ""
    return save_valid(candidate, update_fields=["status", "decided_by", "decided_at", "rejection_reason"])


@transaction.atomic
def candidate_reject(*, candidate, user, reason, now=None):
    """The municipality does not approve a candidate, and tells the organisation why."""
    candidate = _locked_candidate(candidate)
    candidate.status = CandidateStatus.REJECTED
    candidate.decided_by = user
    candidate.decided_at = now or timezone.now()
    candidate.rejection_reason = reason.strip()
    return save_valid(candidate, update_fields=["status", "decided_by", "decided_at", "rejection_reason"])


# Voting


@transaction.atomic
def election_open_voting(*, election, opens_on, closes_on, today=None):
    """Open the vote once nominations have closed and every candidate is decided."""
    today = today or timezone.localdate()
    election = _locked_election(election, ElectionStatus.NOMINATION)
    if not election.nominations_closed(today):
        raise ValidationError(
            _("Voting can open after nominations close on %(date)s.") % {"date": _human_date(election.nominations_close_on)},
            code="nominations_open",
        )
    undecided = list(election.candidates.proposed().select_related("user", "organisation"))
    if undecided:
        raise ValidationError(
            _("Approve or reject every candidate first: %(names)s.") % {"names": ", ".join(map(str, undecided))},
            code="undecided_candidates",
        )
    if not election.candidates.approved().exists():
        raise ValidationError(_("No candidate is approved, so there is nothing to vote on."), code="no_candidates")
    if opens_on < today:
        raise ValidationError(
            {"voting_opens_on": ValidationError(_("Voting cannot open on a day that has passed."), code="in_past")}
        )
    election.status = ElectionStatus.VOTING
    election.voting_opens_on = opens_on
    election.voting_closes_on = closes_on
    return save_valid(election, update_fields=["status", "voting_opens_on", "voting_closes_on"])


@transaction.atomic
def vote_cast(*, election, organisation, user, candidates, now=None):
    """``user`` casts the votes of ``organisation`` for ``candidates``, once.

    The receipt records that the organisation voted, and who cast its votes; the choice only raises
    the candidates' tallies. Votes are serialised by the election's row lock, and the database's
    one-receipt-per-organisation constraint stands behind the check, so of two votes for one
    organisation at the same moment exactly one counts."""
    election = _locked_election(election)
    receipt = VoteReceipt(election=election, organisation=organisation, cast_by=user, cast_at=now or timezone.now())
    errors = {}
    try:
        receipt.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        election.check_ballot(candidates)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            receipt.save()
    except IntegrityError:
        raise ValidationError(
            {"organisation": ValidationError(_("%(organisation)s has already voted. An organisation votes once.")
                                             % {"organisation": organisation}, code="already_voted")}
        ) from None
    # One UPDATE of every candidate of the election, the chosen raised by one and the others by
    # nothing: each row is then last written by this vote, so not even the database's record of which
    # transaction wrote a row (PostgreSQL's xmin) tells the chosen from the others.
    chosen = [candidate.pk for candidate in candidates]
    election.candidates.approved().update(votes=F("votes") + Case(When(pk__in=chosen, then=1), default=0))
    return receipt


# The count and the results


@transaction.atomic
def election_count(*, election, today=None, now=None, rng=None):
    """Count the votes after voting has closed: each approved candidate's place, and who is elected
    (a tie for the last seat settled by lot, ``TIE_RULE``). The results are the municipality's to
    check until it publishes them."""
    election = _locked_election(election, ElectionStatus.VOTING)
    if not election.voting_closed(today):
        raise ValidationError(
            _("The votes are counted after voting closes on %(date)s.") % {"date": _human_date(election.voting_closes_on)},
            code="voting_open",
        )
    candidates = list(election.candidates.approved().select_related("organisation").select_for_update(of=("self",)))
    for candidate, rank, lot_position, elected in election.tally(candidates, rng=rng):
        candidate.rank, candidate.lot_position, candidate.is_elected = rank, lot_position, elected
        save_valid(candidate, update_fields=["rank", "lot_position", "is_elected"])
    election.status = ElectionStatus.COUNTED
    election.counted_at = now or timezone.now()
    return save_valid(election, update_fields=["status", "counted_at"])


@transaction.atomic
def election_publish(*, election, today=None, now=None):
    """Publish the results, and seat the elected for the term: each becomes a member of the council's
    body on behalf of their organisation, from the term's start (or today, if it has begun: who was
    consulted before stays as it was) to its end."""
    today = today or timezone.localdate()
    election = _locked_election(election, ElectionStatus.COUNTED)
    term = election.term
    if term.ends_on < today:
        raise ValidationError(_("The term has ended; there is no seat to take."), code="term_over")
    election.status = ElectionStatus.PUBLISHED
    election.published_at = now or timezone.now()
    save_valid(election, update_fields=["status", "published_at"])
    council = term.council
    for candidate in election.candidates.filter(is_elected=True).select_related("organisation", "user"):
        _seat(term=term, organisation=candidate.organisation, person=candidate.user, today=today, candidate=candidate)
    council_seats_sync(council=council, today=today)
    return election


# The chair


@transaction.atomic
def council_chair_set(*, term, member):
    """Record the chair the council chose among the term's members."""
    term = CouncilTerm.objects.select_for_update().get(pk=term.pk)
    if member.term_id != term.pk:
        raise ValidationError(_("The chair is one of the term's own members."), code="not_a_member")
    if member.has_left():
        raise ValidationError(
            _("%(person)s has left the council, on %(date)s.") % {"person": member.user, "date": _human_date(member.left_on)},
            code="has_left",
        )
    term.members.filter(is_chair=True).exclude(pk=member.pk).update(is_chair=False)
    member.is_chair = True
    return save_valid(member, update_fields=["is_chair"])


# The directory's record


@transaction.atomic
def council_seats_sync(*, council, today=None):
    """Keep ``Organisation.on_volunteer_council`` true to the seats: set for the municipality's
    organisations that hold a seat in the term running ``today``, cleared for the others. Run when
    seats are taken and daily (``manage.py sync_council_seats``), as terms end and begin by date.
    Returns the number of organisations changed."""
    seated = CouncilMember.objects.current(today).filter(term__council=council).values("organisation")
    organisations = Organisation.objects.filter(municipality=council.municipality_id)
    changed = organisations.filter(pk__in=seated, on_volunteer_council=False).update(on_volunteer_council=True)
    changed += organisations.exclude(pk__in=seated).filter(on_volunteer_council=True).update(on_volunteer_council=False)
    return changed
