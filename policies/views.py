"""Public pages (the policy, each plan, the overview) and the caseworkers' and policy owners'
pages: the plan editor, submission, review, history and follow-ups.

Who may do what is answered once, by ``ImplementationPlanQuerySet`` (``visible_to``,
``editable_by``, ``owned_by``, ``with_permissions``), through ``get_plan_for_user``: an address
outside the user's reach is a 404, a plan the user may read but not change is a 403. Writes go
through ``policies.services``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, UpdateView

from policies import history, services
from policies.forms import (
    ActionEditForm,
    ActionForm,
    ExemptionEditForm,
    ExemptionForm,
    FollowUpEditForm,
    FollowUpForm,
    PlanAdoptForm,
    PlanDetailsForm,
    PlanReturnForm,
    VersionForm,
)
from policies.models import (
    Action,
    ConsultedBody,
    ActionStatusReport,
    FollowUp,
    FollowUpStatus,
    ImplementationPlan,
    MeetingAction,
    PointExemption,
    PolicyPoint,
    PolicyStatus,
    VolunteerPolicy,
    dialogue_record,
)
from portal.dates import add_months


def public_policies():
    """Policies a citizen may read: every one that has left the drafting table."""
    return VolunteerPolicy.objects.exclude(status=PolicyStatus.DRAFT).select_related("municipality")


def plan_rows(policy, plans):
    """One row per administration that owes a plan, with its plan (or None) and whether it is late."""
    by_administration = {plan.administration_id: plan for plan in plans}
    rows = []
    for administration in policy.administrations.all():
        plan = by_administration.get(administration.pk)
        late = plan.is_overdue() if plan else policy.plan_deadline_passed()
        rows.append({"administration": administration, "plan": plan, "late": late})
    return rows


class PolicyDetailView(DetailView):
    template_name = "policies/policy_detail.html"
    context_object_name = "policy"

    def get_queryset(self):
        return public_policies().prefetch_related(
            "points",
            # What meetings agreed to do for each point, once their minutes are approved.
            Prefetch(
                "points__meeting_actions",
                queryset=MeetingAction.objects.public().select_related("meeting").order_by("meeting__starts_at", "pk"),
                to_attr="public_meeting_actions",
            ),
            # With the council a body is, so that the page links the body to its council.
            Prefetch("consulted_bodies", queryset=ConsultedBody.objects.select_related("volunteer_council")),
            "administrations",
        )

    def get_context_data(self, **kwargs):
        plans = ImplementationPlan.objects.visible_to(self.request.user).filter(policy=self.object)
        rows = plan_rows(self.object, plans.select_related("policy", "administration"))
        return super().get_context_data(plan_rows=rows, **kwargs)


class PolicyOverviewView(DetailView):
    """Points × administrations: which points each plan answers, which plans are late."""

    template_name = "policies/policy_overview.html"
    context_object_name = "policy"

    def get_queryset(self):
        return public_policies().prefetch_related("points", "administrations")

    def get_context_data(self, **kwargs):
        policy = self.object
        points = list(policy.points.all())
        plans = ImplementationPlan.objects.visible_to(self.request.user).filter(policy=policy)
        rows = plan_rows(policy, plans.with_answers())
        for row in rows:
            plan = row["plan"]
            answered = plan.answered_point_ids() if plan else set()
            exempted = {e.point_id for e in plan.exemptions.all()} if plan else set()
            row["cells"] = [
                {
                    "point": point,
                    "state": "exempt" if point.pk in exempted else "answered" if point.pk in answered else "open",
                }
                for point in points
            ]
        # The municipality's rule "at least N dialogue meetings a year", year by year (policy point 1).
        dialogue_years = dialogue_record(policy)
        return super().get_context_data(
            points=points,
            rows=rows,
            dialogue_years=dialogue_years,
            dialogue_missed=[year for year in dialogue_years if year.missed],
            **kwargs,
        )


# The plan's points with their actions and exemptions, in the order of the document.
PLAN_ANSWERS = (
    Prefetch("actions", queryset=Action.objects.order_by("position", "pk")),
    "exemptions",
    Prefetch("policy__points", queryset=PolicyPoint.objects.order_by("number")),
)


def published_follow_ups():
    """The plan's submitted follow-ups with the status of each action: what the public reads."""
    reports = ActionStatusReport.objects.select_related("action__point")
    return Prefetch(
        "follow_ups",
        queryset=FollowUp.objects.submitted().prefetch_related(Prefetch("action_reports", queryset=reports)),
        to_attr="published_follow_ups",
    )


def point_rows(plan):
    """One row per point of the policy: its actions, or the reason it does not apply."""
    actions_by_point, exemption_by_point = {}, {}
    for action in plan.actions.all():
        actions_by_point.setdefault(action.point_id, []).append(action)
    for exemption in plan.exemptions.all():
        exemption_by_point[exemption.point_id] = exemption
    return [
        {
            "point": point,
            "actions": actions_by_point.get(point.pk, []),
            "exemption": exemption_by_point.get(point.pk),
        }
        for point in plan.policy.points.all()
    ]


class PlanDetailView(DetailView):
    """The plan as the source documents show it: each point beside its actions."""

    template_name = "policies/plan_detail.html"
    context_object_name = "plan"

    def get_object(self, queryset=None):
        policy = get_object_or_404(public_policies(), slug=self.kwargs["slug"])
        user = self.request.user
        return get_object_or_404(
            ImplementationPlan.objects.visible_to(user)
            .with_permissions(user)
            .select_related("policy__municipality", "administration")
            .prefetch_related(*PLAN_ANSWERS, published_follow_ups()),
            policy=policy,
            administration__slug=self.kwargs["administration"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=point_rows(self.object), **kwargs)


# Who may do what with a plan, beyond reading it: the annotations of ``with_permissions``.
MAY = {
    "read": lambda plan: True,
    "edit": lambda plan: plan.user_may_edit,
    "review": lambda plan: plan.user_may_review,
    "history": lambda plan: plan.user_may_edit or plan.user_may_review,
}


def get_plan_for_user(user, *, slug, administration, may, prefetch=()):
    """The plan at this address if ``user`` may do ``may`` with it: 404 if they may not even read
    it (its existence stays hidden), 403 if they may read it but not do this."""
    plan = get_object_or_404(
        ImplementationPlan.objects.visible_to(user)
        .with_permissions(user)
        .exclude(policy__status=PolicyStatus.DRAFT)
        .select_related("policy__municipality", "administration")
        .prefetch_related(*prefetch),
        policy__slug=slug,
        administration__slug=administration,
    )
    if not MAY[may](plan):
        raise PermissionDenied
    return plan


def plan_url(name, plan, **kwargs):
    return reverse(
        f"policies:{name}", kwargs={"slug": plan.policy.slug, "administration": plan.administration.slug, **kwargs}
    )


def refuse(request, error, url):
    """Tell the user why a write was refused, and send them back."""
    for message in error.messages:
        messages.error(request, message)
    return redirect(url)


class PlanAccessMixin(LoginRequiredMixin):
    """Signs in first, then finds the plan in the address for what this view does
    (``plan_permission``). ``needs_open_plan`` sends a locked plan's editors back to the editor."""

    plan_permission = "edit"
    needs_open_plan = False
    plan_prefetch = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.plan = get_plan_for_user(
            request.user,
            slug=kwargs["slug"],
            administration=kwargs["administration"],
            may=self.plan_permission,
            prefetch=self.plan_prefetch,
        )
        self.find_objects()
        # A POST still reaches the form, so that the refusal shows there with the typed text kept.
        if self.needs_open_plan and self.plan.is_locked and request.method == "GET":
            try:
                self.plan.check_open()
            except ValidationError as error:
                return refuse(request, error, plan_url("plan_edit", self.plan))
        return super().dispatch(request, *args, **kwargs)

    def find_objects(self):
        """Look up what else the address names, within the plan (404 if it is not there)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def editor_url(self, anchor=""):
        return plan_url("plan_edit", self.plan) + anchor


class SavesThroughService:
    """Form views whose ``save(form)`` calls a service: a refusal by the service shows on the form,
    with the user's input kept, rather than as an error page."""

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.saved = self.save(form)
        except services.EditConflict as conflict:
            self.conflict = conflict
            form.show_conflict(conflict)
            return self.form_invalid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect(self.get_success_url())


def removed_row(model, pk, plan):
    """The last version of a row of ``plan`` that someone removed, so a form posted to it is not
    lost: the service then refuses it with who removed it."""
    record = model.history.filter(id=pk, plan_id=plan.pk, history_type="-").order_by("-history_date").first()
    return record.instance if record else None


# The plan editor


class MyPlansView(LoginRequiredMixin, ListView):
    """The plans the user writes (caseworker) or reviews (policy owner), and plans owed but not started."""

    template_name = "policies/my_plans.html"
    context_object_name = "plans"

    def get_queryset(self):
        user = self.request.user
        plans = ImplementationPlan.objects.exclude(policy__status=PolicyStatus.DRAFT)
        return (
            (plans.editable_by(user) | plans.owned_by(user))
            .with_permissions(user)
            .select_related("policy__municipality", "administration")
            .order_by("policy__municipality__name", "policy__title", "administration__name")
        )

    def get_context_data(self, **kwargs):
        administrations = self.request.user.administrations.select_related("municipality").prefetch_related(
            Prefetch("policies", queryset=public_policies()),
            Prefetch("plans", queryset=ImplementationPlan.objects.only("policy_id", "administration_id")),
        )
        not_started = [
            (administration, policy)
            for administration in administrations
            for policy in administration.policies.all()
            if policy.pk not in {plan.policy_id for plan in administration.plans.all()}
        ]
        return super().get_context_data(not_started=not_started, **kwargs)


@login_required
@require_POST
def plan_start(request, slug, administration):
    """Start the draft plan an administration owes under a policy: its caseworkers only."""
    policy = get_object_or_404(public_policies(), slug=slug)
    administration = get_object_or_404(request.user.administrations.filter(policies=policy), slug=administration)
    plan = ImplementationPlan.objects.filter(policy=policy, administration=administration).first()
    if plan is None:
        try:
            plan = services.plan_start(policy=policy, administration=administration)
        except ValidationError as error:
            return refuse(request, error, reverse("policies:my_plans"))
        messages.success(request, _("The plan has been started as a draft."))
    return redirect(plan_url("plan_edit", plan))


class PlanEditView(PlanAccessMixin, TemplateView):
    """A caseworker's page for the whole plan: every point with its actions, and the follow-ups."""

    template_name = "policies/plan_edit.html"
    plan_prefetch = (*PLAN_ANSWERS, Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on")))

    def get_context_data(self, **kwargs):
        rows = point_rows(self.plan)
        for row in rows:
            row["answered"] = bool(row["actions"] or row["exemption"])
        unanswered = [row["point"] for row in rows if not row["answered"]]
        return super().get_context_data(rows=rows, unanswered=unanswered, **kwargs)


class PlanUpdateView(PlanAccessMixin, SavesThroughService, UpdateView):
    template_name = "policies/plan_form.html"
    form_class = PlanDetailsForm
    needs_open_plan = True

    def get_object(self, queryset=None):
        return self.plan

    def save(self, form):
        return services.plan_update(plan=self.plan, version=form.cleaned_data["version"], changes=form.changes())

    def get_success_url(self):
        messages.success(self.request, _("The plan's details are saved as a draft."))
        return self.editor_url()


class PointMixin:
    """Finds the point in the address among the plan's policy's points."""

    def find_objects(self):
        self.point = get_object_or_404(self.plan.policy.points, number=self.kwargs["number"])


class ActionCreateView(PointMixin, PlanAccessMixin, SavesThroughService, CreateView):
    template_name = "policies/action_form.html"
    form_class = ActionForm
    needs_open_plan = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Action(plan=self.plan, point=self.point)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(point=self.point, **kwargs)

    def save(self, form):
        return services.action_create(plan=self.plan, point=self.point, **form.cleaned_data)

    def get_success_url(self):
        messages.success(self.request, _("The action is added to point %(number)s.") % {"number": self.point.number})
        return self.editor_url(f"#punkt-{self.point.number}")


class ActionUpdateView(PlanAccessMixin, SavesThroughService, UpdateView):
    template_name = "policies/action_form.html"
    form_class = ActionEditForm
    needs_open_plan = True

    def get_object(self, queryset=None):
        action = self.plan.actions.select_related("point").filter(pk=self.kwargs["pk"]).first()
        if action is None and self.request.method == "POST":
            action = removed_row(Action, self.kwargs["pk"], self.plan)
        if action is None:
            raise Http404
        return action

    def get_context_data(self, **kwargs):
        context = super().get_context_data(point=self.object.point, **kwargs)
        if getattr(self, "conflict", None) and self.conflict.removed:
            # The action is gone: saving again adds the typed text as a new action.
            context["form_action"] = plan_url("action_create", self.plan, number=self.object.point.number)
        return context

    def save(self, form):
        return services.action_update(action=self.object, version=form.cleaned_data["version"], changes=form.changes())

    def get_success_url(self):
        messages.success(self.request, _("The action is saved."))
        return self.editor_url(f"#punkt-{self.object.point.number}")


class ActionDeleteView(PlanAccessMixin, FormView):
    """Asks before removing an action; refuses if someone changed it since the page was opened."""

    template_name = "policies/action_confirm_delete.html"
    form_class = VersionForm
    needs_open_plan = True

    def get_action(self):
        if not hasattr(self, "action"):
            self.action = get_object_or_404(self.plan.actions.select_related("point"), pk=self.kwargs["pk"])
        return self.action

    def get_initial(self):
        return {"version": self.get_action().version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_action(), **kwargs)

    def form_valid(self, form):
        action = self.get_action()
        anchor = f"#punkt-{action.point.number}"
        try:
            services.action_delete(action=action, version=form.cleaned_data["version"])
        except services.EditConflict as conflict:
            if conflict.removed:
                messages.info(self.request, conflict.message)
                return redirect(self.editor_url(anchor))
            self.action = conflict.current
            form = VersionForm(initial={"version": conflict.current.version})
            return self.render_to_response(self.get_context_data(form=form, conflict=conflict))
        except ValidationError as error:
            return refuse(self.request, error, self.editor_url(anchor))
        messages.success(self.request, _("The action is removed."))
        return redirect(self.editor_url(anchor))


@login_required
@require_POST
def action_move(request, slug, administration, pk, direction):
    plan = get_plan_for_user(request.user, slug=slug, administration=administration, may="edit")
    action = get_object_or_404(plan.actions.select_related("point"), pk=pk)
    url = plan_url("plan_edit", plan) + f"#indsats-{action.pk}"
    try:
        services.action_move(action=action, up=direction == "op")
    except ValidationError as error:
        return refuse(request, error, url)
    return redirect(url)


class ExemptionCreateView(PointMixin, PlanAccessMixin, SavesThroughService, CreateView):
    template_name = "policies/exemption_form.html"
    form_class = ExemptionForm
    needs_open_plan = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": PointExemption(plan=self.plan, point=self.point)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(point=self.point, **kwargs)

    def save(self, form):
        return services.exemption_create(plan=self.plan, point=self.point, reason=form.cleaned_data["reason"])

    def get_success_url(self):
        messages.success(
            self.request, _("Point %(number)s is marked as not applicable.") % {"number": self.point.number}
        )
        return self.editor_url(f"#punkt-{self.point.number}")


class ExemptionUpdateView(PlanAccessMixin, SavesThroughService, UpdateView):
    template_name = "policies/exemption_form.html"
    form_class = ExemptionEditForm
    needs_open_plan = True

    def get_object(self, queryset=None):
        exemption = self.plan.exemptions.select_related("point").filter(pk=self.kwargs["pk"]).first()
        if exemption is None and self.request.method == "POST":
            exemption = removed_row(PointExemption, self.kwargs["pk"], self.plan)
        if exemption is None:
            raise Http404
        return exemption

    def get_context_data(self, **kwargs):
        context = super().get_context_data(point=self.object.point, **kwargs)
        if getattr(self, "conflict", None) and self.conflict.removed:
            context["form_action"] = plan_url("exemption_create", self.plan, number=self.object.point.number)
        return context

    def save(self, form):
        return services.exemption_update(
            exemption=self.object, version=form.cleaned_data["version"], changes=form.changes()
        )

    def get_success_url(self):
        messages.success(self.request, _("The reason is saved."))
        return self.editor_url(f"#punkt-{self.object.point.number}")


@login_required
@require_POST
def exemption_delete(request, slug, administration, pk):
    """Undo "not applicable": the point is open for actions again."""
    plan = get_plan_for_user(request.user, slug=slug, administration=administration, may="edit")
    exemption = get_object_or_404(plan.exemptions.select_related("point"), pk=pk)
    url = plan_url("plan_edit", plan) + f"#punkt-{exemption.point.number}"
    form = VersionForm(request.POST)
    if not form.is_valid():
        return redirect(url)
    try:
        services.exemption_delete(exemption=exemption, version=form.cleaned_data["version"])
    except services.EditConflict as conflict:
        messages.error(request, conflict.message)
        return redirect(url)
    except ValidationError as error:
        return refuse(request, error, url)
    messages.success(request, _("Point %(number)s applies again.") % {"number": exemption.point.number})
    return redirect(url)


@login_required
@require_POST
def plan_submit(request, slug, administration):
    plan = get_plan_for_user(request.user, slug=slug, administration=administration, may="edit")
    try:
        services.plan_submit(plan=plan)
    except ValidationError as error:
        return refuse(request, error, plan_url("plan_edit", plan) + "#indsend")
    messages.success(request, _("The plan is submitted to the policy owner. It is locked until they return it."))
    return redirect(plan_url("plan_edit", plan))


# The policy owner's review


class PlanReviewView(PlanAccessMixin, TemplateView):
    """The policy owner's page for a plan: adopt it with the decision, or return it with a comment."""

    template_name = "policies/plan_review.html"
    plan_permission = "review"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**review_forms(self.plan), **kwargs)


def review_forms(plan, **bound):
    return {
        "adopt_form": bound.get("adopt_form") or PlanAdoptForm(instance=plan),
        "return_form": bound.get("return_form") or PlanReturnForm(instance=plan, initial={"return_comment": ""}),
    }


def _review(request, slug, administration, form_class, form_name, write, done):
    """Adopt or return a plan: one form of the review page, written by a service."""
    plan = get_plan_for_user(request.user, slug=slug, administration=administration, may="review")
    form = form_class(request.POST, instance=plan)
    if form.is_valid():
        try:
            write(plan, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect(plan_url("plan_review", plan))
    plan.refresh_from_db()  # the form wrote the typed values onto the plan; show the stored ones
    context = {"plan": plan, **review_forms(plan, **{form_name: form})}
    return render(request, PlanReviewView.template_name, context)


@login_required
@require_POST
def plan_adopt(request, slug, administration):
    return _review(
        request,
        slug,
        administration,
        PlanAdoptForm,
        "adopt_form",
        lambda plan, data: services.plan_adopt(plan=plan, **data),
        _("The plan is recorded as adopted."),
    )


@login_required
@require_POST
def plan_return(request, slug, administration):
    return _review(
        request,
        slug,
        administration,
        PlanReturnForm,
        "return_form",
        lambda plan, data: services.plan_return(plan=plan, comment=data["return_comment"]),
        _("The plan is returned to the administration with your comment."),
    )


class PlanHistoryView(PlanAccessMixin, TemplateView):
    template_name = "policies/plan_history.html"
    plan_permission = "history"
    plan_prefetch = (Prefetch("policy__points", queryset=PolicyPoint.objects.order_by("number")),)

    def get_context_data(self, **kwargs):
        return super().get_context_data(entries=history.plan_history(self.plan), **kwargs)


# Follow-ups


class FollowUpFormMixin(PlanAccessMixin, SavesThroughService):
    template_name = "policies/follow_up_form.html"

    @property
    def submitting(self):
        return "submit" in self.request.POST

    def due_dates(self, own=None):
        """Dates on the plan's cadence, up to one period ahead, that have no follow-up yet."""
        cadence = self.plan.effective_follow_up_cadence
        if not cadence:
            return []
        taken = set(self.plan.follow_ups.values_list("due_on", flat=True)) - {own}
        until = add_months(timezone.localdate(), cadence)
        return [day for day in self.plan.follow_up_dates(until=until) if day not in taken]

    def actions(self):
        return self.plan.actions.select_related("point").order_by("point__number", "position", "pk")

    def get_success_url(self):
        if self.saved.status == FollowUpStatus.SUBMITTED:
            messages.success(self.request, _("The follow-up is submitted and published with the plan."))
        else:
            messages.success(self.request, _("The follow-up is saved as a draft."))
        return self.editor_url("#opfoelgning")


class FollowUpCreateView(FollowUpFormMixin, CreateView):
    form_class = FollowUpForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": FollowUp(plan=self.plan),
            "due_dates": self.due_dates(),
            "actions": self.actions(),
            "submitting": self.submitting,
        }

    def save(self, form):
        return services.follow_up_create(
            plan=self.plan, statuses=form.statuses(), submit=self.submitting, **form.changes()
        )


class FollowUpUpdateView(FollowUpFormMixin, UpdateView):
    form_class = FollowUpEditForm

    def get_object(self, queryset=None):
        return get_object_or_404(
            FollowUp.objects.editable_by(self.request.user).filter(plan=self.plan), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_locked:
            messages.info(request, _("The follow-up has been submitted and can no longer be changed."))
            return redirect(self.plan.get_absolute_url() + f"#opfoelgning-{self.object.pk}")
        return self.render_to_response(self.get_context_data())

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "due_dates": self.due_dates(own=self.object.due_on),
            "actions": self.actions(),
            "reports": self.object.action_reports.all(),
            "submitting": self.submitting,
        }

    def save(self, form):
        return services.follow_up_update(
            follow_up=self.object,
            version=form.cleaned_data["version"],
            changes=form.changes(),
            statuses=form.statuses(),
            submit=self.submitting,
        )


# Exports


class PlanExportView(PlanDetailView):
    """The plan as a file to download (``policies.exports``): the same plans as the plan's page,
    for the same readers."""

    export = None  # set in urls.py: exports.plan_xlsx_response or exports.plan_csv_response

    def get(self, request, *args, **kwargs):
        return self.export(self.get_object())
