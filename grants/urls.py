from django.urls import path

from grants.views import applicant, casework, public, results, schemes

app_name = "grants"

urlpatterns = [
    # Public: the schemes, the project database, the results
    path("", public.SchemeListView.as_view(), name="scheme_list"),
    path("puljer/<int:pk>/", public.SchemeDetailView.as_view(), name="scheme_detail"),
    path("projekter/", public.ProjectListView.as_view(), name="project_list"),
    path("projekter/eksport.csv", public.project_csv, name="project_csv"),
    path("projekter/eksport.xlsx", public.project_xlsx, name="project_xlsx"),
    path("projekter/<int:pk>/", public.ProjectDetailView.as_view(), name="project_detail"),
    path("resultater/", results.ResultsIndexView.as_view(), name="results_index"),
    path("resultater/<slug:municipality>/", results.ResultsView.as_view(), name="results"),
    path("resultater/<slug:municipality>/tal.csv", results.results_csv, name="results_csv"),
    path("resultater/<slug:municipality>/tal.xlsx", results.results_xlsx, name="results_xlsx"),
    path(
        "status/<slug:municipality>/<slug:administration>/<int:year>/",
        results.StatusReportView.as_view(),
        name="status_report",
    ),
    path(
        "status/<slug:municipality>/<slug:administration>/<int:year>/status.xlsx",
        results.status_report_xlsx,
        name="status_report_xlsx",
    ),
    # The organisations' representatives
    path("mine/", applicant.MyGrantsView.as_view(), name="mine"),
    path("puljer/<int:pk>/ansoeg/", applicant.ApplicationCreateView.as_view(), name="application_create"),
    path("ansoegninger/<int:pk>/", applicant.ApplicationDetailView.as_view(), name="application_detail"),
    path("ansoegninger/<int:pk>/rediger/", applicant.ApplicationEditView.as_view(), name="application_edit"),
    path("ansoegninger/<int:pk>/bilag/", applicant.attachment_add, name="attachment_add"),
    path("ansoegninger/<int:pk>/bilag/<int:attachment>/", applicant.attachment_download, name="attachment_download"),
    path("ansoegninger/<int:pk>/bilag/<int:attachment>/fjern/", applicant.attachment_remove, name="attachment_remove"),
    path("ansoegninger/<int:pk>/indsend/", applicant.application_submit, name="application_submit"),
    path("ansoegninger/<int:pk>/traek-tilbage/", applicant.application_withdraw, name="application_withdraw"),
    path("ansoegninger/<int:pk>/slet/", applicant.application_delete, name="application_delete"),
    path("ansoegninger/<int:pk>/rapport/", applicant.ReportEditView.as_view(), name="report_edit"),
    path("ansoegninger/<int:pk>/rapport/regnskab/", applicant.report_accounts, name="report_accounts"),
    # The caseworkers and policy owners
    path("behandling/", casework.CaseListView.as_view(), name="cases"),
    path("ansoegninger/<int:pk>/vurdering/", casework.application_assess, name="application_assess"),
    path("ansoegninger/<int:pk>/afgoerelse/", casework.DecisionView.as_view(), name="application_decide"),
    path("ansoegninger/<int:pk>/rapport/godkend/", casework.report_accept, name="report_accept"),
    path("ansoegninger/<int:pk>/rapport/send-tilbage/", casework.report_return, name="report_return"),
    path("samarbejdsaftaler/", casework.AgreementListView.as_view(), name="agreements"),
    path("samarbejdsaftaler/ny/", casework.AgreementCreateView.as_view(), name="agreement_create"),
    # The caseworkers keep their administrations' schemes; the policy owners the legal bases
    path("puljer/ny/", schemes.SchemeCreateView.as_view(), name="scheme_create"),
    path("puljer/<int:pk>/rediger/", schemes.SchemeEditView.as_view(), name="scheme_edit"),
    path("puljer/<int:pk>/slet/", schemes.SchemeDeleteView.as_view(), name="scheme_delete"),
    path("lovgrundlag/", schemes.LegalBasisListView.as_view(), name="legal_bases"),
    path("lovgrundlag/ny/", schemes.LegalBasisCreateView.as_view(), name="legal_basis_create"),
    path("lovgrundlag/<int:pk>/rediger/", schemes.LegalBasisEditView.as_view(), name="legal_basis_edit"),
    path("lovgrundlag/<int:pk>/slet/", schemes.LegalBasisDeleteView.as_view(), name="legal_basis_delete"),
]
