"""What the municipality's caseworkers and policy owners do: the cases of their schemes (applications
awaiting decision, reports awaiting approval, overdue reports), assessing and deciding an
application, approving a report or sending it back, and registering cooperation agreements.
Caseworkers of the scheme's administration decide; policy owners read everything of their
municipality."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, FormView, ListView, TemplateView

from grants import services
from grants.access import get_application_for_user
from grants.forms import AgreementForm, AssessmentForm, DecisionForm, ReportAcceptForm, ReportReturnForm
from grants.models import Application, CooperationAgreement, GrantScheme, ReportStatus, granted_in_year
from grants.views.applicant import render_detail
from policies.forms import show_refusal
from policies.models import Administration, Municipality


class OverseerRequiredMixin(LoginRequiredMixin):
    """For caseworkers of an administration with schemes, and policy owners: 403 for everyone else."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.may_enter(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def may_enter(self, user):
        return GrantScheme.objects.overseen_by(user).exists()


class CaseListView(OverseerRequiredMixin, TemplateView):
    template_name = "grants/cases.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        schemes = GrantScheme.objects.overseen_by(user)
        applications = Application.objects.filter(scheme__in=schemes).for_listing()
        return super().get_context_data(
            awaiting_decision=applications.awaiting_decision().order_by("submitted_at", "pk"),
            awaiting_approval=applications.filter(report__status=ReportStatus.SUBMITTED).order_by("report__submitted_at", "pk"),
            overdue=applications.report_overdue().order_by("decision__report_due_on", "pk"),
            schemes=schemes.for_listing().with_decided_total().order_by("-year", "name", "pk"),
            handles=set(GrantScheme.objects.managed_by(user).values_list("pk", flat=True)),
            may_create_scheme=Administration.objects.filter(caseworkers=user).exists(),
            keeps_legal_bases=Municipality.objects.filter(policy_owners=user).exists(),
            **kwargs,
        )


@login_required
@require_POST
def application_assess(request, pk):
    application = get_application_for_user(request.user, pk, may="handle")
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            services.application_assess(application=application, assessed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The assessment is saved."))
            return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#vurdering")
    return render_detail(request, application, assessment_form=form)


class DecisionView(LoginRequiredMixin, FormView):
    """Grant or reject, with what the caseworker needs beside the form: the request, the assessment,
    what is left of the budget, and what the organisation has been granted that year."""

    template_name = "grants/decision_form.html"
    form_class = DecisionForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.application = get_application_for_user(request.user, kwargs["pk"], may="handle")
        if not self.application.is_awaiting_decision:
            messages.error(request, _("Only a submitted application awaiting decision is decided."))
            return redirect(self.application)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        assessment = getattr(self.application, "assessment", None)
        if assessment and assessment.recommended_amount:
            return {"amount_granted": assessment.recommended_amount}
        return {}

    def get_context_data(self, **kwargs):
        application = self.application
        scheme, organisation = application.scheme, application.organisation
        granted = scheme.decided_total()
        return super().get_context_data(
            application=application,
            assessment=getattr(application, "assessment", None),
            remaining=max(scheme.budget - granted, 0),
            granted=granted,
            year_total=granted_in_year(organisation, scheme.year),
            threshold=scheme.administration.municipality.cooperation_agreement_threshold,
            agreement=CooperationAgreement.objects.filter(organisation=organisation).in_force_during(scheme.year).first(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.application_decide(application=self.application, decided_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The decision is made; the organisation sees it with its reason."))
        return redirect(self.application)


@login_required
@require_POST
def report_accept(request, pk):
    application = get_application_for_user(request.user, pk, may="handle")
    form = ReportAcceptForm(request.POST)
    if form.is_valid():
        try:
            services.report_accept(application=application, assessed_by=request.user, comment=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The report is approved and its evaluation is published in the project database."))
    return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#rapport")


@login_required
@require_POST
def report_return(request, pk):
    application = get_application_for_user(request.user, pk, may="handle")
    form = ReportReturnForm(request.POST)
    if form.is_valid():
        try:
            services.report_return(application=application, assessed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The report is sent back; the organisation sees what it needs."))
            return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#rapport")
    return render_detail(request, application, return_form=form)


class AgreementListView(OverseerRequiredMixin, ListView):
    template_name = "grants/agreements.html"
    context_object_name = "agreements"

    def may_enter(self, user):
        return super().may_enter(user) or Administration.objects.filter(caseworkers=user).exists()

    def get_queryset(self):
        return CooperationAgreement.objects.overseen_by(self.request.user).select_related("organisation", "administration")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_register=Administration.objects.filter(caseworkers=self.request.user).exists(), **kwargs
        )


class AgreementCreateView(LoginRequiredMixin, CreateView):
    template_name = "grants/agreement_form.html"
    form_class = AgreementForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.administrations = Administration.objects.filter(caseworkers=request.user).order_by("name")
            if not self.administrations.exists():
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "administrations": self.administrations}

    def get_initial(self):
        return {"organisation": self.request.GET.get("organisation")}

    def form_valid(self, form):
        try:
            services.agreement_register(registered_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The cooperation agreement is on file."))
        return redirect("grants:agreements")
