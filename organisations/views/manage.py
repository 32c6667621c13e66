"""The municipality's side: approve or reject organisations that ask to be listed, invite
organisations, hide a listing with a reason, and handle deletion requests. For the
municipality's policy owners (and staff); everyone else is refused."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from organisations import services
from organisations.forms import DeletionDecisionForm, ImportForm, InviteForm, ReasonForm
from organisations.imports import COLUMNS, ImportFileError, read_table
from organisations.models import DeletionRequest, DeletionRequestStatus, Organisation, municipalities_managed_by


class ManagerRequiredMixin(LoginRequiredMixin):
    """Log in first; then only a policy owner (or staff) gets further."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not municipalities_managed_by(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def managed_organisation(self):
        return get_object_or_404(
            Organisation.objects.managed_by(self.request.user).select_related("municipality"), pk=self.kwargs["pk"]
        )


class ManageView(ManagerRequiredMixin, TemplateView):
    template_name = "organisations/manage.html"

    def get_context_data(self, **kwargs):
        organisations = Organisation.objects.managed_by(self.request.user).select_related("municipality")
        return super().get_context_data(
            pending=organisations.pending().order_by("created_at"),
            hidden=organisations.exclude(hidden_reason="").order_by("name"),
            deletion_requests=DeletionRequest.objects.managed_by(self.request.user)
            .open()
            .select_related("municipality", "requested_by"),
            **kwargs,
        )


class OrganisationActionView(ManagerRequiredMixin, FormView):
    """A form about one organisation the user manages, with a reason."""

    template_name = "organisations/manage_reason.html"
    form_class = ReasonForm
    title = ""
    reason_label = ""
    reason_help = ""

    def get(self, request, *args, **kwargs):
        self.organisation = self.managed_organisation()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.organisation = self.managed_organisation()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "label": self.reason_label, "help_text": self.reason_help}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, title=self.title, **kwargs)

    def get_success_url(self):
        return reverse("organisations:manage")


class RejectView(OrganisationActionView):
    title = gettext_lazy("Reject the request")
    reason_label = gettext_lazy("Why the organisation is not approved")
    reason_help = gettext_lazy("The representative receives this by e-mail.")

    def form_valid(self, form):
        services.organisation_reject(organisation=self.organisation, reason=form.cleaned_data["reason"])
        messages.success(self.request, _("%(name)s was rejected.") % {"name": self.organisation})
        return super().form_valid(form)


class HideView(OrganisationActionView):
    title = gettext_lazy("Hide the listing")
    reason_label = gettext_lazy("Why the listing is hidden")
    reason_help = gettext_lazy("The organisation's representatives see this reason on their profile.")

    def form_valid(self, form):
        services.organisation_hide(organisation=self.organisation, reason=form.cleaned_data["reason"])
        messages.success(self.request, _("%(name)s is hidden from the directory.") % {"name": self.organisation})
        return super().form_valid(form)


class ApproveView(ManagerRequiredMixin, View):
    """POST only: approve, and the organisation is listed at once."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        organisation = self.managed_organisation()
        services.organisation_approve(
            organisation=organisation, url=request.build_absolute_uri(organisation.get_absolute_url())
        )
        messages.success(request, _("%(name)s is approved and listed.") % {"name": organisation})
        return redirect("organisations:manage")


class ShowView(ManagerRequiredMixin, View):
    """POST only: show a hidden listing again."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        organisation = self.managed_organisation()
        services.organisation_show(organisation=organisation)
        messages.success(request, _("%(name)s is shown in the directory again.") % {"name": organisation})
        return redirect("organisations:manage")


class DeletionDecisionView(ManagerRequiredMixin, FormView):
    template_name = "organisations/manage_deletion.html"
    form_class = DeletionDecisionForm

    def get(self, request, *args, **kwargs):
        self.deletion_request = self._open_request()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.deletion_request = self._open_request()
        return super().post(request, *args, **kwargs)

    def _open_request(self):
        return get_object_or_404(
            DeletionRequest.objects.managed_by(self.request.user).open().select_related("organisation"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(deletion_request=self.deletion_request, **kwargs)

    def form_valid(self, form):
        decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
        if decision == DeletionRequestStatus.CARRIED_OUT:
            services.deletion_request_carry_out(request=self.deletion_request, handled_by=self.request.user, note=note)
            messages.success(self.request, _("The organisation's data is deleted."))
        else:
            services.deletion_request_decline(request=self.deletion_request, handled_by=self.request.user, note=note)
            messages.success(self.request, _("The request is declined, and the organisation is told why."))
        return redirect("organisations:manage")


class InviteView(ManagerRequiredMixin, FormView):
    template_name = "organisations/manage_invite.html"
    form_class = InviteForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipalities": municipalities_managed_by(self.request.user)}

    def form_valid(self, form):
        organisation = services.organisation_invite(
            municipality=form.cleaned_data["municipality"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            person_name=form.cleaned_data["person_name"],
            base_url=self.request.build_absolute_uri("/")[:-1],
        )
        messages.success(self.request, _("%(name)s is listed, and the invitation is sent.") % {"name": organisation})
        return redirect(organisation.get_absolute_url())


class ImportView(ManagerRequiredMixin, FormView):
    """Upload a CSV or XLSX file; the report lists every refused row, and nothing is
    imported unless every row passes."""

    template_name = "organisations/manage_import.html"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipalities": municipalities_managed_by(self.request.user)}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            rows = read_table(upload, upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        report = services.organisations_import(
            municipality=form.cleaned_data["municipality"], rows=rows, dry_run=form.cleaned_data["dry_run"]
        )
        if report.imported:
            messages.success(
                self.request,
                _("Imported %(count)s organisations into %(municipality)s.")
                % {"count": len(report.created), "municipality": form.cleaned_data["municipality"]},
            )
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=list(COLUMNS), **kwargs)
