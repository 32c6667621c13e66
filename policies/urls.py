from django.urls import include, path, register_converter

from policies import exports, views

app_name = "policies"


class DirectionConverter:
    """"op" (up) or "ned" (down): the two ways an action moves in its list."""

    regex = "op|ned"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DirectionConverter, "direction")

# Everything under one plan: /politik/<policy>/planer/<administration>/…
plan_patterns = [
    path("", views.PlanDetailView.as_view(), name="plan_detail"),
    path("plan.xlsx", views.PlanExportView.as_view(export=exports.plan_xlsx_response), name="plan_export_xlsx"),
    path("plan.csv", views.PlanExportView.as_view(export=exports.plan_csv_response), name="plan_export_csv"),
    path("start/", views.plan_start, name="plan_start"),
    path("rediger/", views.PlanEditView.as_view(), name="plan_edit"),
    path("rediger/oplysninger/", views.PlanUpdateView.as_view(), name="plan_update"),
    path("rediger/punkt/<int:number>/ny-indsats/", views.ActionCreateView.as_view(), name="action_create"),
    path("rediger/indsats/<int:pk>/", views.ActionUpdateView.as_view(), name="action_update"),
    path("rediger/indsats/<int:pk>/fjern/", views.ActionDeleteView.as_view(), name="action_delete"),
    path("rediger/indsats/<int:pk>/flyt-<direction:direction>/", views.action_move, name="action_move"),
    path("rediger/punkt/<int:number>/ikke-relevant/", views.ExemptionCreateView.as_view(), name="exemption_create"),
    path("rediger/ikke-relevant/<int:pk>/", views.ExemptionUpdateView.as_view(), name="exemption_update"),
    path("rediger/ikke-relevant/<int:pk>/fortryd/", views.exemption_delete, name="exemption_delete"),
    path("indsend/", views.plan_submit, name="plan_submit"),
    path("behandling/", views.PlanReviewView.as_view(), name="plan_review"),
    path("behandling/vedtag/", views.plan_adopt, name="plan_adopt"),
    path("behandling/send-tilbage/", views.plan_return, name="plan_return"),
    path("historik/", views.PlanHistoryView.as_view(), name="plan_history"),
    path("opfoelgning/ny/", views.FollowUpCreateView.as_view(), name="follow_up_create"),
    path("opfoelgning/<int:pk>/", views.FollowUpUpdateView.as_view(), name="follow_up_update"),
]

urlpatterns = [
    # Before "<slug>/", which would take "mine-planer" for a policy's address.
    path("mine-planer/", views.MyPlansView.as_view(), name="my_plans"),
    path("<slug:slug>/", views.PolicyDetailView.as_view(), name="policy_detail"),
    path("<slug:slug>/overblik/", views.PolicyOverviewView.as_view(), name="policy_overview"),
    path("<slug:slug>/planer/<slug:administration>/", include(plan_patterns)),
]
