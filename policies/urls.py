from django.urls import path

from policies import views

app_name = "policies"

urlpatterns = [
    path("<slug:slug>/", views.PolicyDetailView.as_view(), name="policy_detail"),
    path("<slug:slug>/overblik/", views.PolicyOverviewView.as_view(), name="policy_overview"),
    path("<slug:slug>/planer/<slug:administration>/", views.PlanDetailView.as_view(), name="plan_detail"),
]
