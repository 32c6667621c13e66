"""The volunteer council's elections as deadlines for the dashboard, the calendar feed and reminders
(see ``portal.deadlines``).

While nominations are open, their closing concerns the representatives of the organisations that
may put up a candidate and have none standing, and the candidates who have not yet agreed to stand.
While voting is open, its closing concerns the representatives of the organisations that may vote
and have not. The municipality's policy owners see both until they take the next step (open the
vote, count, publish), overdue once the date has passed, like a sending administration its hearings.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import LISTED, Organisation, OrganisationStatus
from policies.models import (
    Candidate,
    CouncilElection,
    Eligibility,
    ElectionStatus,
    Municipality,
    VoteReceipt,
    ineligibility,
)
from portal import deadlines
from portal.deadlines import Deadline


def _represents_eligible(user, rule, without):
    """An EXISTS condition on an election: ``user`` represents one of its municipality's organisations
    that the statutes' ``rule`` field ("who_may_stand" or "who_may_vote") lets take part, and for which
    ``without`` (a queryset of the organisation's rows in the election) finds nothing."""
    organisations = Organisation.objects.filter(
        representatives=user, municipality=OuterRef("term__council__municipality"), status=OrganisationStatus.APPROVED
    ).exclude(Exists(without))
    return Q(**{f"term__statutes__{rule}": Eligibility.APPROVED}) & Exists(organisations) | Q(
        **{f"term__statutes__{rule}": Eligibility.LISTED}
    ) & Exists(organisations.filter(LISTED))


def _waiting_on(user, today):
    """The condition that an election waits on ``user``, in one query's EXISTS clauses."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    candidacy = Candidate.objects.standing().filter(election=OuterRef(OuterRef("pk")), organisation=OuterRef("pk"))
    receipt = VoteReceipt.objects.filter(election=OuterRef(OuterRef("pk")), organisation=OuterRef("pk"))
    to_consent = Candidate.objects.standing().filter(election=OuterRef("pk"), user=user, consented_at__isnull=True)
    nominating = CouncilElection.objects.accepting_nominations(today).values("pk")
    voting = CouncilElection.objects.accepting_votes(today).values("pk")
    return (
        Q(term__council__municipality__in=Municipality.objects.filter(policy_owners=user))
        | Q(pk__in=nominating) & (_represents_eligible(user, "who_may_stand", candidacy) | Exists(to_consent))
        | Q(pk__in=voting) & _represents_eligible(user, "who_may_vote", receipt)
    )


@deadlines.register
class CouncilElectionDeadlines:
    kind = "council_election"
    label = gettext_lazy("Volunteer council election")

    def for_user(self, user, today):
        elections = CouncilElection.objects.in_progress().filter(_waiting_on(user, today)).with_council()
        return [self.deadline(election, today) for election in elections]

    def for_reminders(self, today, *, due_from, due_until):
        in_range = Q(status=ElectionStatus.NOMINATION, nominations_close_on__range=(due_from, due_until)) | Q(
            status=ElectionStatus.VOTING, voting_closes_on__range=(due_from, due_until)
        )
        elections = list(
            CouncilElection.objects.filter(in_range)
            .with_council()
            .prefetch_related("term__council__municipality__policy_owners", "candidates__user", "receipts")
        )
        # Every organisation of those municipalities, with its representatives, in two queries.
        organisations = Organisation.objects.filter(
            municipality__in={election.council.municipality_id for election in elections}
        ).prefetch_related("representatives")
        by_municipality = {}
        for organisation in organisations:
            by_municipality.setdefault(organisation.municipality_id, []).append(organisation)
        for election in elections:
            deadline = self.deadline(election, today)
            for owner in election.council.municipality.policy_owners.all():
                yield owner, deadline
            if election.accepting_nominations(today):
                standing = [candidate for candidate in election.candidates.all() if candidate.is_standing()]
                for candidate in standing:
                    if not candidate.has_consented:
                        yield candidate.user, deadline
                done, rule = {candidate.organisation_id for candidate in standing}, election.statutes.who_may_stand
            elif election.accepting_votes(today):
                done, rule = {receipt.organisation_id for receipt in election.receipts.all()}, election.statutes.who_may_vote
            else:
                continue
            municipality_id = election.council.municipality_id
            for organisation in by_municipality.get(municipality_id, []):
                if organisation.pk not in done and ineligibility(organisation, municipality_id, rule) is None:
                    for representative in organisation.representatives.all():
                        yield representative, deadline

    def deadline(self, election, today):
        council = election.council
        if election.status == ElectionStatus.NOMINATION:
            due_on, title = election.nominations_close_on, _("%(council)s: nominations close")
        elif election.status == ElectionStatus.VOTING:
            due_on, title = election.voting_closes_on, _("%(council)s: voting closes")
        else:
            due_on, title = election.voting_closes_on, _("%(council)s: publish the results")
        return Deadline(
            kind=self.kind,
            key=f"council-election:{election.pk}:{election.status}:{due_on.isoformat()}",
            title=title % {"council": council},
            due_on=due_on,
            url=election.get_absolute_url(),
            is_overdue=deadlines.passed(due_on, today),
            context=str(council.municipality),
        )
