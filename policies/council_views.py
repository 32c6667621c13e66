"""The volunteer council: its public pages (the council with its members, chair, term and the
municipality's contact person; each election with its stage and published results), the
representatives' nomination and vote, and the policy owner's statutes, elections, decisions on
candidates, count, publication and chair.

Who may do what is answered once per model: ``VolunteerCouncilQuerySet.managed_by`` and
``CouncilElectionQuerySet.managed_by`` (the municipality's policy owners) through
``get_council_for_user`` and ``get_election_for_user``; the representatives through
``represented_organisations``. Councils and elections are public, so an action on one the user may
not take is a 403; a page for managing a council the user does not keep is a 404. Writes go through
``policies.council_services``; their refusals are shown next to the fields they concern.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView

from organisations.models import Organisation
from policies import council_services as services
from policies.council_forms import (
    ChairForm,
    CouncilCreateForm,
    ElectionOpenForm,
    MemberAppointForm,
    MemberLeaveForm,
    NominationForm,
    OpenVotingForm,
    RejectCandidateForm,
    StatutesForm,
    TermAppointForm,
    VoteForm,
)
from policies.forms import show_refusal
from policies.models import (
    TIE_RULE,
    CandidateStatus,
    CouncilElection,
    CouncilMember,
    CouncilStatutes,
    ElectionStatus,
    Municipality,
    VolunteerCouncil,
    VoteReceipt,
    eligible_organisations,
    ineligibility,
)

COUNCILS = VolunteerCouncil.objects.select_related("municipality", "body")


def get_council_for_user(user, municipality, *, may="read"):
    """The council of the municipality with the slug ``municipality``; with ``may="manage"``, only
    for its policy owners (404 for anyone else: the page is theirs alone)."""
    councils = COUNCILS.managed_by(user) if may == "manage" else COUNCILS
    return get_object_or_404(councils, municipality__slug=municipality)


def get_election_for_user(user, municipality, pk, *, may="read"):
    """The election ``pk`` of the municipality's council; 403 if ``may="manage"`` and ``user`` does not run it."""
    election = get_object_or_404(
        CouncilElection.objects.with_council(), pk=pk, term__council__municipality__slug=municipality
    )
    if may == "manage" and not CouncilElection.objects.managed_by(user).filter(pk=election.pk).exists():
        raise PermissionDenied
    return election


def represented_organisations(user, election):
    """The organisations of the election's municipality that ``user`` represents."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(representatives=user, municipality=election.council.municipality_id).order_by(
        "name", "pk"
    )


# Public


class CouncilListView(ListView):
    template_name = "policies/council/council_list.html"
    context_object_name = "councils"

    def get_queryset(self):
        return COUNCILS.all()

    def get_context_data(self, **kwargs):
        # The policy owners of a municipality without a council are offered to set it up here too.
        without_council = Municipality.objects.owned_by(self.request.user).filter(volunteer_council__isnull=True)
        return super().get_context_data(municipalities_without_council=without_council.order_by("name"), **kwargs)


class CouncilDetailView(TemplateView):
    """The council as it is: its members and chair this term, the coming term, the earlier ones, its
    elections, its statutes and the municipality's contact person for voluntary work."""

    template_name = "policies/council/council_detail.html"

    def get(self, request, *args, **kwargs):
        council = get_council_for_user(request.user, kwargs["municipality"])
        return self.render_to_response(council_context(request, council))


def council_context(request, council, chair_forms=None):
    user, today = request.user, timezone.localdate()
    chair_forms = chair_forms or {}
    members = CouncilMember.objects.select_related("organisation__municipality", "user")
    terms = list(
        council.terms.select_related("statutes", "election").prefetch_related(Prefetch("members", queryset=members))
    )
    may_manage = COUNCILS.managed_by(user).filter(pk=council.pk).exists()
    for term in terms:
        term.chair = next((member for member in term.members.all() if member.is_chair and not member.has_left(today)), None)
        if may_manage and term.ends_on >= today and any(not member.has_left(today) for member in term.members.all()):
            term.chair_form = chair_forms.get(term.pk) or ChairForm(term=term)
    elections = list(CouncilElection.objects.filter(term__council=council).with_council())
    return {
        "council": council,
        "municipality": council.municipality,
        "statutes": council.statutes_in_force(today),
        "current_term": next((term for term in terms if term.is_current(today)), None),
        "coming_terms": [term for term in reversed(terms) if term.starts_on > today],
        "past_terms": [term for term in terms if term.ends_on < today],
        "elections": elections,
        "election_in_progress": next((election for election in elections if election.is_in_progress()), None),
        "may_manage": may_manage,
        "tie_rule": TIE_RULE,
        "today": today,
    }


class ElectionDetailView(TemplateView):
    """An election: its stage and rules, the approved candidates, the turnout and, once published,
    the results. A representative sees their organisations' candidacies and votes; the policy owner
    decides the candidates, opens the vote, counts and publishes."""

    template_name = "policies/council/election_detail.html"

    def get(self, request, *args, **kwargs):
        election = get_election_for_user(request.user, kwargs["municipality"], kwargs["pk"])
        return self.render_to_response(election_context(request, election))


def election_context(request, election, **forms):
    user, today = request.user, timezone.localdate()
    may_manage = CouncilElection.objects.managed_by(user).filter(pk=election.pk).exists()
    mine = list(represented_organisations(user, election))
    mine_ids = {organisation.pk for organisation in mine}
    candidates = list(election.candidates.select_related("organisation", "user").in_result_order())
    visible = [
        candidate
        for candidate in candidates
        if candidate.status == CandidateStatus.APPROVED
        or may_manage
        or candidate.organisation_id in mine_ids
        or candidate.user_id == user.pk
    ]
    rejecting = forms.pop("reject_forms", {})
    for candidate in visible:
        if may_manage and candidate.status == CandidateStatus.PROPOSED:
            candidate.reject_form = rejecting.get(candidate.pk) or RejectCandidateForm(candidate=candidate)
        candidate.may_consent = (
            candidate.user_id == user.pk and not candidate.has_consented and candidate.is_standing()
            and election.status == ElectionStatus.NOMINATION
        )
    receipts = list(election.receipts.select_related("organisation", "cast_by")) if may_manage else []
    results_shown = election.results_published() or (may_manage and election.status == ElectionStatus.COUNTED)
    if may_manage and election.status == ElectionStatus.NOMINATION and "open_voting_form" not in forms:
        forms["open_voting_form"] = OpenVotingForm()
    return {
        "election": election,
        "council": election.council,
        "statutes": election.statutes,
        "today": today,
        "phase": election.phase(today),
        "candidates": visible,
        "approved": [candidate for candidate in candidates if candidate.status == CandidateStatus.APPROVED],
        "results": [candidate for candidate in candidates if candidate.rank is not None] if results_shown else [],
        "lot_drawn": any(candidate.lot_position for candidate in candidates) if results_shown else False,
        "tie_rule": TIE_RULE,
        "voted_count": election.receipts.count(),
        "voter_count": election.eligible_voters().count(),
        "receipts": receipts,
        "my_organisations": mine,
        "may_manage": may_manage,
        "may_open_voting": may_manage and election.status == ElectionStatus.NOMINATION and election.nominations_closed(today),
        "may_count": may_manage and election.status == ElectionStatus.VOTING and election.voting_closed(today),
        "may_publish": may_manage and election.status == ElectionStatus.COUNTED,
        **forms,
    }


def _election_page(request, election, **forms):
    return render(request, ElectionDetailView.template_name, election_context(request, election, **forms))


# Representatives


class RepresentativeMixin(LoginRequiredMixin):
    """For the representatives of the election's municipality's organisations: 403 for anyone else."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.election = get_election_for_user(request.user, kwargs["municipality"], kwargs["pk"])
        self.organisations = represented_organisations(request.user, self.election)
        if not self.organisations.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(election=self.election, council=self.election.council, **kwargs)

    def success_url_for(self, name):
        return reverse(name, kwargs={"municipality": self.kwargs["municipality"], "pk": self.election.pk})


class NominateView(RepresentativeMixin, FormView):
    """The candidacies of the user's organisations in the election, and, while nominations are open,
    the form to put up a candidate."""

    template_name = "policies/council/nominate.html"
    form_class = NominationForm

    def get_form_kwargs(self):
        organisations = self.organisations.prefetch_related("representatives")
        return {**super().get_form_kwargs(), "organisations": organisations, "user": self.request.user}

    def get_context_data(self, **kwargs):
        election, user = self.election, self.request.user
        organisations = list(self.organisations)
        rule = election.statutes.who_may_stand
        municipality_id = election.council.municipality_id
        for organisation in organisations:
            organisation.ineligible_because = ineligibility(organisation, municipality_id, rule)
        candidacies = election.candidates.filter(organisation__in=organisations).select_related("organisation", "user")
        return super().get_context_data(
            organisations=organisations,
            candidacies=list(candidacies.order_by("organisation__name", "-nominated_at")),
            accepting=election.accepting_nominations(),
            phase=election.phase(),
            user=user,
            **kwargs,
        )

    def form_valid(self, form):
        organisation, person = form.organisation_and_person()
        try:
            candidate = services.candidate_nominate(
                election=self.election,
                organisation=organisation,
                person=person,
                nominated_by=self.request.user,
                statement=form.cleaned_data["statement"],
            )
        except ValidationError as error:
            show_refusal(form, error, {"user": "candidate", "organisation": "candidate"})
            return self.form_invalid(form)
        if candidate.has_consented:
            messages.success(self.request, _("%(candidate)s is put up. The municipality approves the candidates.")
                             % {"candidate": candidate})
        else:
            messages.success(
                self.request,
                _("%(candidate)s is put up, once %(person)s agrees to stand: they confirm it on this page.")
                % {"candidate": candidate, "person": candidate.user},
            )
        return redirect(self.success_url_for("policies:election_nominate"))


class VoteView(RepresentativeMixin, FormView):
    """The votes of the user's organisations: whether each has voted (when, by whom; never for whom),
    and, while voting is open, the ballot."""

    template_name = "policies/council/vote.html"
    form_class = VoteForm

    def get_form_kwargs(self):
        candidates = self.election.candidates.approved().select_related("organisation", "user").order_by(
            "organisation__name", "pk"
        )
        return {
            **super().get_form_kwargs(),
            "election": self.election,
            "organisations": self.organisations,
            "candidates": candidates,
        }

    def get_context_data(self, **kwargs):
        election = self.election
        organisations = list(self.organisations)
        receipts = {
            receipt.organisation_id: receipt
            for receipt in VoteReceipt.objects.filter(election=election, organisation__in=organisations).select_related("cast_by")
        }
        rule, municipality_id = election.statutes.who_may_vote, election.council.municipality_id
        for organisation in organisations:
            organisation.receipt = receipts.get(organisation.pk)
            organisation.ineligible_because = ineligibility(organisation, municipality_id, rule)
        to_vote = [o for o in organisations if o.receipt is None and o.ineligible_because is None]
        return super().get_context_data(
            organisations=organisations,
            accepting=election.accepting_votes(),
            may_vote=election.accepting_votes() and bool(to_vote),
            phase=election.phase(),
            **kwargs,
        )

    def form_valid(self, form):
        organisation = form.cleaned_data["organisation"]
        try:
            services.vote_cast(
                election=self.election,
                organisation=organisation,
                user=self.request.user,
                candidates=list(form.cleaned_data["candidates"]),
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The votes of %(organisation)s are cast. The vote is secret: the portal records that it voted, not for whom.")
            % {"organisation": organisation},
        )
        return redirect(self.success_url_for("policies:election_vote"))


def _candidate_of(election, pk):
    return get_object_or_404(election.candidates.select_related("organisation", "user"), pk=pk)


def _act(request, election, write, done):
    try:
        write()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(election.get_absolute_url())


@login_required
@require_POST
def candidate_consent(request, municipality, pk, candidate):
    election = get_election_for_user(request.user, municipality, pk)
    candidate = _candidate_of(election, candidate)
    if candidate.user_id != request.user.pk:
        raise PermissionDenied
    return _act(
        request, election, lambda: services.candidate_consent(candidate=candidate, user=request.user),
        _("You have agreed to stand for %(organisation)s.") % {"organisation": candidate.organisation},
    )


@login_required
@require_POST
def candidate_withdraw(request, municipality, pk, candidate):
    election = get_election_for_user(request.user, municipality, pk)
    candidate = _candidate_of(election, candidate)
    if candidate.user_id != request.user.pk and not candidate.organisation.representatives.filter(pk=request.user.pk).exists():
        raise PermissionDenied
    return _act(
        request, election, lambda: services.candidate_withdraw(candidate=candidate, user=request.user),
        _("The candidacy of %(candidate)s is withdrawn.") % {"candidate": candidate},
    )


# The policy owner


class CouncilCreateView(LoginRequiredMixin, FormView):
    """Set up the council of a municipality that has none, for its policy owners (404 for anyone
    else); a municipality that has its council is sent to it."""

    template_name = "policies/council/council_form.html"
    form_class = CouncilCreateForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.municipality = get_object_or_404(Municipality.objects.owned_by(request.user), slug=kwargs["municipality"])
        council = VolunteerCouncil.objects.filter(municipality=self.municipality).first()
        if council is not None:
            messages.info(request, _("%(municipality)s already has its volunteer council.") % {"municipality": self.municipality})
            return redirect(council.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.municipality}

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)

    def form_valid(self, form):
        try:
            services.council_create(municipality=self.municipality, **form.values())
        except ValidationError as error:
            show_refusal(form, error, {"slug": "name", "body_name": "name"})
            return self.form_invalid(form)
        messages.success(self.request, _("The volunteer council is set up. Adopt its statutes next: they set its seats."))
        return redirect(reverse("policies:council_statutes", kwargs={"municipality": self.municipality.slug}))


class CouncilManageMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.council = get_council_for_user(request.user, kwargs["municipality"], may="manage")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, **kwargs)


class StatutesAdoptView(CouncilManageMixin, FormView):
    """New statutes, starting from those in force: they govern the elections opened from their date."""

    template_name = "policies/council/statutes_form.html"
    form_class = StatutesForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = CouncilStatutes(council=self.council)
        current = self.council.statutes_in_force()
        if current is not None and "data" not in kwargs:
            kwargs["initial"] = {name: getattr(current, name) for name in StatutesForm._meta.fields if name != "adopted_on"}
        kwargs["initial"] = {**kwargs.get("initial", {}), "adopted_on": timezone.localdate()}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(statutes=self.council.statutes_in_force(), **kwargs)

    def form_valid(self, form):
        try:
            services.statutes_adopt(council=self.council, values=form.values())
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The statutes are adopted."))
        return redirect(self.council.get_absolute_url())


class ElectionOpenView(CouncilManageMixin, FormView):
    """Open nominations for the next term."""

    template_name = "policies/council/election_form.html"
    form_class = ElectionOpenForm

    def get_initial(self):
        today = timezone.localdate()
        latest = self.council.terms.order_by("-ends_on").first()
        initial = {"nominations_open_on": today}
        if latest is not None and latest.ends_on >= today:
            initial["starts_on"] = latest.ends_on + datetime.timedelta(days=1)
        return initial

    def get_context_data(self, **kwargs):
        in_progress = CouncilElection.objects.in_progress().filter(term__council=self.council).with_council().first()
        return super().get_context_data(
            statutes=self.council.statutes_in_force(), election_in_progress=in_progress, **kwargs
        )

    def form_valid(self, form):
        try:
            election = services.election_open(council=self.council, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Nominations are open. The organisations can put up their candidates."))
        return redirect(election.get_absolute_url())


@login_required
@require_POST
def council_chair(request, municipality, term):
    council = get_council_for_user(request.user, municipality, may="manage")
    term = get_object_or_404(council.terms.prefetch_related("members__user", "members__organisation"), pk=term)
    form = ChairForm(request.POST, term=term)
    if form.is_valid():
        try:
            member = services.council_chair_set(term=term, member=form.cleaned_data["member"])
        except ValidationError as error:
            show_refusal(form, error, {"is_chair": "member"})
        else:
            messages.success(request, _("%(person)s is the chair.") % {"person": member.user})
            return redirect(council.get_absolute_url())
    return render(request, CouncilDetailView.template_name, council_context(request, council, {term.pk: form}))


@login_required
@require_POST
def election_open_voting(request, municipality, pk):
    election = get_election_for_user(request.user, municipality, pk, may="manage")
    form = OpenVotingForm(request.POST)
    if form.is_valid():
        try:
            services.election_open_voting(
                election=election, opens_on=form.cleaned_data["voting_opens_on"],
                closes_on=form.cleaned_data["voting_closes_on"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The voting period is set. The organisations can vote from its first day."))
            return redirect(election.get_absolute_url())
    return _election_page(request, election, open_voting_form=form)


@login_required
@require_POST
def candidate_approve(request, municipality, pk, candidate):
    election = get_election_for_user(request.user, municipality, pk, may="manage")
    candidate = _candidate_of(election, candidate)
    return _act(
        request, election, lambda: services.candidate_approve(candidate=candidate, user=request.user),
        _("%(candidate)s is approved.") % {"candidate": candidate},
    )


@login_required
@require_POST
def candidate_reject(request, municipality, pk, candidate):
    election = get_election_for_user(request.user, municipality, pk, may="manage")
    candidate = _candidate_of(election, candidate)
    form = RejectCandidateForm(request.POST, candidate=candidate)
    if form.is_valid():
        try:
            services.candidate_reject(candidate=candidate, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            show_refusal(form, error, {"rejection_reason": "reason"})
        else:
            messages.success(request, _("%(candidate)s is not approved; the organisation can read why.")
                             % {"candidate": candidate})
            return redirect(election.get_absolute_url())
    return _election_page(request, election, reject_forms={candidate.pk: form})


@login_required
@require_POST
def election_count(request, municipality, pk):
    election = get_election_for_user(request.user, municipality, pk, may="manage")
    return _act(
        request, election, lambda: services.election_count(election=election),
        _("The votes are counted. Check the results, then publish them."),
    )


@login_required
@require_POST
def election_publish(request, municipality, pk):
    election = get_election_for_user(request.user, municipality, pk, may="manage")
    return _act(
        request, election, lambda: services.election_publish(election=election),
        _("The results are published, and the elected have taken their seats for the term."),
    )



class TermAppointView(CouncilManageMixin, FormView):
    """Start a term whose members the municipality appoints (the first council, as a rule)."""

    template_name = "policies/council/term_form.html"
    form_class = TermAppointForm

    def get_initial(self):
        today = timezone.localdate()
        latest = self.council.terms.order_by("-ends_on").first()
        starts_on = latest.ends_on + datetime.timedelta(days=1) if latest is not None and latest.ends_on >= today else today
        return {"starts_on": starts_on}

    def get_context_data(self, **kwargs):
        return super().get_context_data(statutes=self.council.statutes_in_force(), **kwargs)

    def form_valid(self, form):
        try:
            term = services.term_appoint(council=self.council, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The term %(term)s is started. Record its members.") % {"term": term})
        return redirect(members_url(self.council, term))


def members_url(council, term):
    return reverse("policies:council_members", kwargs={"municipality": council.municipality.slug, "term": term.pk})


def _term_of(council, pk):
    return get_object_or_404(council.terms.select_related("statutes"), pk=pk)


def members_context(request, council, term, *, appoint_form=None, leave_forms=None):
    """The term's members with their seats and leaving, and the forms to appoint a founding member
    (a term no election fills) and to record a member's leaving."""
    today = timezone.localdate()
    leave_forms = leave_forms or {}
    members = list(term.members.select_related("organisation__municipality", "user", "membership"))
    for member in members:
        member.term = term
        if member.left_on is None and term.ends_on >= today:
            member.leave_form = leave_forms.get(member.pk) or MemberLeaveForm(member=member)
    elected = CouncilElection.objects.filter(term=term).first()
    if elected is not None:
        elected.term = term
    seated = [member for member in members if not member.has_left(max(term.starts_on, today))]
    may_appoint = elected is None and term.ends_on >= today and len(seated) < term.statutes.seats
    if may_appoint and appoint_form is None:
        appoint_form = MemberAppointForm(organisations=_appointable(council, term))
    return {
        "council": council,
        "municipality": council.municipality,
        "term": term,
        "members": members,
        "seats_left": max(term.statutes.seats - len(seated), 0),
        "term_election": elected,
        # A form sent back with the rules' refusal is shown even when no seat is left any more.
        "appoint_form": appoint_form if may_appoint or (appoint_form is not None and appoint_form.is_bound) else None,
        "today": today,
    }


def _appointable(council, term):
    """The organisations the term's statutes let sit on the council, with their representatives."""
    organisations = eligible_organisations(council.municipality_id, term.statutes.who_may_stand)
    return organisations.order_by("name", "pk").prefetch_related("representatives")


class CouncilMembersView(CouncilManageMixin, TemplateView):
    """The members of one term, as the policy owner keeps them: the founding members of a term the
    municipality appoints, and a member's leaving in any term."""

    template_name = "policies/council/members.html"

    def get(self, request, *args, **kwargs):
        term = _term_of(self.council, kwargs["term"])
        return self.render_to_response(members_context(request, self.council, term))

    def post(self, request, *args, **kwargs):
        term = _term_of(self.council, kwargs["term"])
        if CouncilElection.objects.filter(term=term).exists():
            raise PermissionDenied
        form = MemberAppointForm(request.POST, organisations=_appointable(self.council, term))
        if form.is_valid():
            organisation, person = form.organisation_and_person()
            try:
                member = services.member_appoint(term=term, organisation=organisation, person=person)
            except ValidationError as error:
                show_refusal(form, error, {"organisation": "member", "user": "member"})
            else:
                messages.success(request, _("%(member)s has a seat on the council.") % {"member": member})
                return redirect(members_url(self.council, term))
        return self.render_to_response(members_context(request, self.council, term, appoint_form=form))


@login_required
@require_POST
def member_leave(request, municipality, member):
    council = get_council_for_user(request.user, municipality, may="manage")
    member = get_object_or_404(
        CouncilMember.objects.select_related("term__statutes", "user", "organisation"), pk=member, term__council=council
    )
    term = member.term
    form = MemberLeaveForm(request.POST, member=member)
    if form.is_valid():
        try:
            services.member_leave(member=member, left_on=form.cleaned_data["left_on"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("%(person)s leaves the council; %(date)s is their last day.")
                % {"person": member.user, "date": date_format(form.cleaned_data["left_on"], "j. F Y")},
            )
            return redirect(members_url(council, term))
    page = members_context(request, council, term, leave_forms={member.pk: form})
    return render(request, CouncilMembersView.template_name, page)
