"""Who may do what with an application, answered once (``ApplicationQuerySet.visible_to`` and
``with_permissions``): an application outside the user's reach is a 404, one they may read but not
do this with is a 403. The representatives of its organisation write it and its report; the
caseworkers of the scheme's administration assess and decide it and approve the report; the
municipality's policy owners read it."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from grants.models import Application, GoalResult

MAY = {
    "read": lambda application: True,
    "represent": lambda application: application.user_represents,
    "handle": lambda application: application.user_handles,
}


def get_application_for_user(user, pk, *, may="read"):
    application = get_object_or_404(
        Application.objects.visible_to(user)
        .with_permissions(user)
        .select_related(
            "scheme__administration__municipality",
            "scheme__legal_basis",
            "organisation__municipality",
            "decision__decided_by",
            "assessment__assessed_by",
            "report__assessed_by",
            "submitted_by",
        )
        .prefetch_related(
            "goals",
            "budget_lines",
            "attachments__requirement",
            "scheme__required_attachments",
            "scheme__report_tiers",
            Prefetch("report__goal_results", queryset=GoalResult.objects.select_related("goal")),
        ),
        pk=pk,
    )
    if not MAY[may](application):
        raise PermissionDenied
    return application
