from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from policies.models import (
    Action,
    ImplementationPlan,
    PolicyPoint,
    PolicyStatus,
    VolunteerPolicy,
)


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
            "consulted_bodies",
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
        return super().get_context_data(points=points, rows=rows, **kwargs)


class PlanDetailView(DetailView):
    """The plan as the source documents show it: each point beside its actions."""

    template_name = "policies/plan_detail.html"
    context_object_name = "plan"

    def get_object(self, queryset=None):
        policy = get_object_or_404(public_policies(), slug=self.kwargs["slug"])
        return get_object_or_404(
            ImplementationPlan.objects.visible_to(self.request.user)
            .select_related("policy__municipality", "administration")
            .prefetch_related(
                Prefetch("actions", queryset=Action.objects.order_by("position", "pk")),
                "exemptions",
                Prefetch("policy__points", queryset=PolicyPoint.objects.order_by("number")),
            ),
            policy=policy,
            administration__slug=self.kwargs["administration"],
        )

    def get_context_data(self, **kwargs):
        plan = self.object
        actions_by_point, exemption_by_point = {}, {}
        for action in plan.actions.all():
            actions_by_point.setdefault(action.point_id, []).append(action)
        for exemption in plan.exemptions.all():
            exemption_by_point[exemption.point_id] = exemption
        rows = [
            {
                "point": point,
                "actions": actions_by_point.get(point.pk, []),
                "exemption": exemption_by_point.get(point.pk),
            }
            for point in plan.policy.points.all()
        ]
        return super().get_context_data(rows=rows, **kwargs)
