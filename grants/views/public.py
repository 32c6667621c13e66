"""What every citizen reads: the schemes and what they ask for, and the project database of funded
projects with their goals and, once the report is approved, their evaluation and measured effects."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from grants import exports
from grants.filters import ProjectFilter, SchemeFilter
from grants.models import Application, GoalResult, GrantScheme
from organisations.models import Organisation
from policies.models import Administration, Municipality
from organisations.views.directory import FilteredListView


class SchemeListView(FilteredListView):
    template_name = "grants/scheme_list.html"
    filterset_class = SchemeFilter
    context_object_name = "schemes"

    def base_queryset(self):
        return GrantScheme.objects.for_listing().with_decided_total().order_by("-year", "-closes_on", "name", "pk")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            oversees=GrantScheme.objects.overseen_by(user).exists(),
            may_create_scheme=user.is_authenticated and Administration.objects.filter(caseworkers=user).exists(),
            keeps_legal_bases=user.is_authenticated and Municipality.objects.filter(policy_owners=user).exists(),
            **kwargs,
        )


def funded_projects():
    """The public rows of the project database: every grant, with what its page and row show."""
    return (
        Application.objects.granted()
        .select_related(
            "scheme__administration__municipality", "scheme__legal_basis", "organisation__municipality", "decision", "report"
        )
        .prefetch_related(
            "goals", Prefetch("report__goal_results", queryset=GoalResult.objects.select_related("goal"))
        )
        .order_by("-scheme__year", "title", "pk")
    )


class SchemeDetailView(DetailView):
    template_name = "grants/scheme_detail.html"
    context_object_name = "scheme"

    def get_queryset(self):
        return GrantScheme.objects.for_listing().with_decided_total().prefetch_related("report_tiers", "required_attachments")

    def get_context_data(self, **kwargs):
        scheme, user = self.object, self.request.user
        applicants = Organisation.objects.editable_by(user).filter(municipality=scheme.administration.municipality_id)
        return super().get_context_data(
            projects=funded_projects().filter(scheme=scheme),
            may_apply=scheme.takes_drafts() and applicants.exists(),
            oversees=GrantScheme.objects.overseen_by(user).filter(pk=scheme.pk).exists(),
            may_edit=GrantScheme.objects.managed_by(user).filter(pk=scheme.pk).exists(),
            remaining=max(scheme.budget - scheme.decided_total, 0),
            **kwargs,
        )


class ProjectListView(FilteredListView):
    template_name = "grants/project_list.html"
    filterset_class = ProjectFilter
    context_object_name = "projects"

    def base_queryset(self):
        return funded_projects()


def _filtered_projects(request):
    return ProjectFilter(request.GET or None, queryset=funded_projects()).qs


def project_csv(request):
    return exports.project_csv_response(_filtered_projects(request))


def project_xlsx(request):
    return exports.project_xlsx_response(_filtered_projects(request))


class ProjectDetailView(DetailView):
    """A funded project as the public reads it: the grant, its goals, and the approved evaluation."""

    template_name = "grants/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return get_object_or_404(funded_projects(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        project = self.object
        report = project._report()
        evaluation = report if report is not None and report.is_public else None
        return super().get_context_data(evaluation=evaluation, goals=project.goals_with_results(evaluation), **kwargs)
