"""What an organisation's representatives do: start an application, write it (goals, budget,
documents), submit it, follow it to its decision, and write the report afterwards. Every
application is reached through ``grants.access``; writes go through ``grants.services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import CreateView, TemplateView

from grants import services
from grants.access import get_application_for_user
from grants.forms import (
    ApplicationForm,
    AssessmentForm,
    AttachmentForm,
    BudgetFormSet,
    GoalFormSet,
    GoalResultForm,
    ReportAcceptForm,
    ReportForm,
    ReportReturnForm,
)
from grants.models import Application, ApplicationAttachment, GoalResult, GrantScheme, Report
from organisations.models import Organisation
from policies.forms import show_refusal


class MyGrantsView(LoginRequiredMixin, TemplateView):
    """The applications and grants of the organisations the user represents, and the schemes open to them."""

    template_name = "grants/mine.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organisations = Organisation.objects.editable_by(user)
        applications = Application.objects.of_representative(user).for_listing().order_by("-created_at", "-pk")
        return super().get_context_data(
            applications=applications,
            open_schemes=GrantScheme.objects.open_for_applications()
            .filter(administration__municipality__in=organisations.values("municipality"))
            .for_listing()
            .order_by("closes_on", "name", "pk"),
            represents=organisations.exists(),
            oversees=GrantScheme.objects.overseen_by(user).exists(),
            **kwargs,
        )


class ApplicationCreateView(LoginRequiredMixin, CreateView):
    template_name = "grants/application_create.html"
    form_class = ApplicationForm

    def dispatch(self, request, *args, **kwargs):
        self.scheme = get_object_or_404(GrantScheme.objects.for_listing(), pk=kwargs["pk"])
        if request.user.is_authenticated:
            self.organisations = Organisation.objects.editable_by(request.user).filter(
                municipality=self.scheme.administration.municipality_id
            ).order_by("name", "pk")
            if not self.organisations.exists():
                raise PermissionDenied(_("Only representatives of an approved organisation of the municipality can apply."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Application(scheme=self.scheme, created_by=self.request.user)
        kwargs["organisations"] = self.organisations
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(scheme=self.scheme, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            application = services.application_start(
                scheme=self.scheme,
                organisation=data["organisation"],
                started_by=self.request.user,
                title=data["title"],
                purpose=data["purpose"],
                amount_requested=data["amount_requested"],
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your draft is saved. Add what the scheme asks for, then submit it."))
        return redirect("grants:application_edit", pk=application.pk)


def detail_context(request, application, **forms):
    """What the application's page shows the user, with the forms of what they may do there."""
    user_represents, user_handles = application.user_represents, application.user_handles
    report = application._report()
    decision = application._decision()
    context = {
        "application": application,
        "state": application.state(),
        "decision": decision,
        "report": report,
        # The assessment is the municipality's own: its caseworkers and policy owners read it.
        "municipality_side": user_handles or not user_represents,
        "user_represents": user_represents,
        "user_handles": user_handles,
        "report_goals": application.goals_with_results(report),
        "report_tier": application.scheme.report_tier_for(decision.amount_granted) if decision and decision.is_granted else None,
    }
    if application.is_draft:
        context["problems"] = application.submission_problems()
    if user_represents and application.is_draft:
        context["attachment_form"] = forms.get("attachment_form") or AttachmentForm(
            instance=ApplicationAttachment(application=application)
        )
    if user_handles and application.is_awaiting_decision:
        assessment = getattr(application, "assessment", None)
        initial = {"notes": assessment.notes, "recommended_amount": assessment.recommended_amount} if assessment else None
        context["assessment_form"] = forms.get("assessment_form") or AssessmentForm(initial=initial)
    if user_handles and report is not None and report.status == "submitted":
        context["accept_form"] = forms.get("accept_form") or ReportAcceptForm()
        context["return_form"] = forms.get("return_form") or ReportReturnForm()
    context["submit_errors"] = forms.get("submit_errors")
    return context


def render_detail(request, application, status=200, **forms):
    return render(request, "grants/application_detail.html", detail_context(request, application, **forms), status=status)


class ApplicationDetailView(LoginRequiredMixin, TemplateView):
    template_name = "grants/application_detail.html"

    def get_context_data(self, **kwargs):
        application = get_application_for_user(self.request.user, self.kwargs["pk"])
        return {**super().get_context_data(**kwargs), **detail_context(self.request, application)}


def refuse_if_locked(request, application):
    """Send the user back to the application with why, if it is no longer a draft."""
    if application.is_draft:
        return None
    messages.error(request, _("The application has been submitted and can no longer be changed."))
    return redirect(application)


class ApplicationEditView(LoginRequiredMixin, TemplateView):
    """The draft's text, goals and budget, on one page."""

    template_name = "grants/application_edit.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.application = get_application_for_user(request.user, kwargs["pk"], may="represent")
        return refuse_if_locked(request, self.application) or super().dispatch(request, *args, **kwargs)

    def forms(self, data=None):
        application = self.application
        return (
            ApplicationForm(data, instance=application),
            GoalFormSet(data, instance=application, prefix="maal"),
            BudgetFormSet(data, instance=application, prefix="budget"),
        )

    def get_context_data(self, **kwargs):
        form, goals, budget = kwargs.pop("forms", None) or self.forms()
        return super().get_context_data(application=self.application, form=form, goals=goals, budget=budget, **kwargs)

    def post(self, request, *args, **kwargs):
        form, goals, budget = self.forms(request.POST)
        if form.is_valid() & goals.is_valid() & budget.is_valid():
            saved = [*goals.save(commit=False), *budget.save(commit=False)]
            deleted = [*goals.deleted_objects, *budget.deleted_objects]
            try:
                services.application_revise(application=form.instance, saved=saved, deleted=deleted)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The draft is saved."))
                return redirect(self.application)
        return self.render_to_response(self.get_context_data(forms=(form, goals, budget)))


@login_required
@require_POST
def attachment_add(request, pk):
    application = get_application_for_user(request.user, pk, may="represent")
    if locked := refuse_if_locked(request, application):
        return locked
    form = AttachmentForm(request.POST, request.FILES, instance=ApplicationAttachment(application=application))
    if not form.is_valid():
        return render_detail(request, application, attachment_form=form)
    form.save()
    messages.success(request, _("The document is attached."))
    return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#bilag")


@login_required
@require_safe
def attachment_download(request, pk, attachment):
    application = get_application_for_user(request.user, pk)
    attachment = get_object_or_404(application.attachments.all(), pk=attachment)
    return file_response(attachment.file, attachment.download_name(), attachment.content_type)


def file_response(file, name, content_type):
    try:
        opened = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # the row outlived its file (a restored database without the media)
    response = FileResponse(opened, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_POST
def attachment_remove(request, pk, attachment):
    application = get_application_for_user(request.user, pk, may="represent")
    if locked := refuse_if_locked(request, application):
        return locked
    get_object_or_404(application.attachments.all(), pk=attachment).delete()
    messages.success(request, _("The document is removed."))
    return redirect(reverse("grants:application_detail", kwargs={"pk": pk}) + "#bilag")


@login_required
@require_POST
def application_submit(request, pk):
    application = get_application_for_user(request.user, pk, may="represent")
    try:
        services.application_submit(application=application, submitted_by=request.user)
    except ValidationError as error:
        return render_detail(request, get_application_for_user(request.user, pk), submit_errors=error.messages)
    messages.success(
        request,
        _("Your application is received. %(administration)s assesses it, and you see the decision here.")
        % {"administration": application.scheme.administration},
    )
    return redirect(application)


@login_required
@require_POST
def application_withdraw(request, pk):
    application = get_application_for_user(request.user, pk, may="represent")
    try:
        services.application_withdraw(application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The application is withdrawn."))
    return redirect(application)


@login_required
@require_POST
def application_delete(request, pk):
    application = get_application_for_user(request.user, pk, may="represent")
    try:
        services.application_delete(application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(application)
    messages.success(request, _("The draft is deleted."))
    return redirect("grants:mine")


class ReportEditView(LoginRequiredMixin, TemplateView):
    """The report on a grant: the evaluation, a result for each goal, the numbers the legal basis
    requires and the accounts the scheme's tier asks for. Saved as a draft, or submitted."""

    template_name = "grants/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.application = get_application_for_user(request.user, kwargs["pk"], may="represent")
        if not self.application.is_granted:
            messages.error(request, _("Only a grant is reported on."))
            return redirect(self.application)
        self.report = self.application._report() or Report(application=self.application)
        if not self.report.is_editable:
            messages.error(request, _("The report has been submitted and can no longer be changed."))
            return redirect(self.application)
        return super().dispatch(request, *args, **kwargs)

    def forms(self, data=None, files=None):
        report_form = ReportForm(data, files, instance=self.report)
        existing = {result.goal_id: result for result in self.report.goal_results.all()} if self.report.pk else {}
        goal_forms = [
            (goal, GoalResultForm(data, instance=existing.get(goal.pk) or GoalResult(goal=goal), prefix=f"maal-{goal.pk}"))
            for goal in self.application.goals.all()
        ]
        return report_form, goal_forms

    def get_context_data(self, **kwargs):
        report_form, goal_forms = kwargs.pop("forms", None) or self.forms()
        return super().get_context_data(
            application=self.application, report=self.report, form=report_form, goal_forms=goal_forms, **kwargs
        )

    def post(self, request, *args, **kwargs):
        report_form, goal_forms = self.forms(request.POST, request.FILES)
        submit = "indsend" in request.POST
        valid = report_form.is_valid()
        for _goal, form in goal_forms:
            valid = form.is_valid() and valid
        if valid:
            try:
                services.report_save(
                    report=report_form.instance,
                    results=[form.instance for _goal, form in goal_forms],
                    submit=submit,
                    submitted_by=request.user,
                )
            except ValidationError as error:
                show_refusal(report_form, error)
            else:
                if submit:
                    messages.success(request, _("Your report is submitted. The municipality reads it and tells you if anything is missing."))
                else:
                    messages.success(request, _("The report is saved as a draft."))
                return redirect(reverse("grants:application_detail", kwargs={"pk": self.application.pk}) + "#rapport")
        return self.render_to_response(self.get_context_data(forms=(report_form, goal_forms)))


@login_required
@require_safe
def report_accounts(request, pk):
    application = get_application_for_user(request.user, pk)
    report = application._report()
    if report is None or not report.accounts:
        raise Http404
    return file_response(report.accounts, report.accounts_download_name(), report.accounts_content_type)

