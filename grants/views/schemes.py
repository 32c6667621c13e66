"""What the municipality keeps in the portal: the caseworkers their administrations' schemes (with the
report tiers and the documents applications attach), the policy owners the municipality's legal
bases. Caseworkers of no administration, and owners of no municipality, are refused (403); a scheme
or legal basis outside the user's reach is a 404. Every rule is the models'; the writes are
``grants.services``'."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, TemplateView, UpdateView

from grants import services
from grants.forms import LegalBasisForm, ReportTierFormSet, RequiredAttachmentFormSet, SchemeForm
from grants.models import GrantScheme, LegalBasis
from policies.forms import show_refusal
from policies.models import Administration, Municipality


class CaseworkerRequiredMixin(LoginRequiredMixin):
    """For caseworkers of an administration: 403 for everyone else. Sets ``administrations``."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.administrations = Administration.objects.filter(caseworkers=request.user)
        if not self.administrations.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def get_scheme_for_user(user, pk):
    """A scheme the user keeps (a caseworker of its administration), or 404."""
    return get_object_or_404(GrantScheme.objects.managed_by(user).for_listing(), pk=pk)


class SchemeFormView(CaseworkerRequiredMixin, TemplateView):
    """The scheme's fields, its report tiers and the documents it asks for, on one page."""

    template_name = "grants/scheme_form.html"

    @cached_property
    def scheme(self):
        return GrantScheme()

    def forms(self, data=None):
        return (
            SchemeForm(data, instance=self.scheme, administrations=self.administrations),
            ReportTierFormSet(data, instance=self.scheme, prefix="krav"),
            RequiredAttachmentFormSet(data, instance=self.scheme, prefix="bilag"),
        )

    def get_context_data(self, **kwargs):
        form, tiers, attachments = kwargs.pop("forms", None) or self.forms()
        scheme = self.scheme if self.scheme.pk else None
        return super().get_context_data(
            scheme=scheme,
            terms_fixed=scheme is not None and scheme.has_received_applications(),
            form=form,
            tiers=tiers,
            attachments=attachments,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form, tiers, attachments = self.forms(request.POST)
        if form.is_valid() & tiers.is_valid() & attachments.is_valid():
            rows = [(formset.save(commit=False), formset.deleted_objects) for formset in (tiers, attachments)]
            creating = self.scheme._state.adding
            try:
                scheme = services.scheme_save(scheme=self.scheme, saved_by=request.user, tiers=rows[0], attachments=rows[1])
            except ValidationError as error:
                if creating:  # rolled back: the page is still the new scheme's
                    self.scheme.pk, self.scheme._state.adding = None, True
                show_refusal(form, error)
            else:
                messages.success(request, _("The scheme is saved."))
                return redirect(scheme)
        return self.render_to_response(self.get_context_data(forms=(form, tiers, attachments)))


class SchemeCreateView(SchemeFormView):
    pass


class SchemeEditView(SchemeFormView):
    @cached_property
    def scheme(self):
        return get_scheme_for_user(self.request.user, self.kwargs["pk"])


class SchemeDeleteView(CaseworkerRequiredMixin, TemplateView):
    """Asks before deleting; a scheme with applications is never deleted, and the page says why."""

    template_name = "grants/scheme_confirm_delete.html"

    def get_context_data(self, **kwargs):
        scheme = get_scheme_for_user(self.request.user, self.kwargs["pk"])
        return super().get_context_data(scheme=scheme, refusal=scheme.deletion_refusal(), **kwargs)

    def post(self, request, *args, **kwargs):
        scheme = get_scheme_for_user(request.user, kwargs["pk"])
        try:
            services.scheme_delete(scheme=scheme)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("grants:scheme_delete", pk=scheme.pk)
        messages.success(request, _("“%(name)s” is deleted.") % {"name": scheme.name})
        return redirect("grants:scheme_list")


# The legal bases


class PolicyOwnerRequiredMixin(LoginRequiredMixin):
    """For policy owners of a municipality: 403 for everyone else. Sets ``municipalities``."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.municipalities = Municipality.objects.filter(policy_owners=request.user).order_by("name")
        if not self.municipalities.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def get_legal_basis_for_user(user, pk):
    """A legal basis of a municipality whose policy the user owns, or 404."""
    return get_object_or_404(LegalBasis.objects.maintained_by(user).select_related("municipality"), pk=pk)


class LegalBasisListView(PolicyOwnerRequiredMixin, ListView):
    template_name = "grants/legal_basis_list.html"
    context_object_name = "legal_bases"

    def get_queryset(self):
        return (
            LegalBasis.objects.maintained_by(self.request.user)
            .select_related("municipality")
            .annotate(scheme_count=Count("schemes"))
            .order_by("municipality__name", "name", "pk")
        )


class LegalBasisCreateView(PolicyOwnerRequiredMixin, CreateView):
    template_name = "grants/legal_basis_form.html"
    form_class = LegalBasisForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipalities": self.municipalities}

    def form_valid(self, form):
        messages.success(self.request, _("The legal basis is saved."))
        form.save()
        return redirect("grants:legal_bases")


class LegalBasisEditView(PolicyOwnerRequiredMixin, UpdateView):
    template_name = "grants/legal_basis_form.html"
    form_class = LegalBasisForm
    context_object_name = "legal_basis"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipalities": self.municipalities}

    def get_object(self, queryset=None):
        return get_legal_basis_for_user(self.request.user, self.kwargs["pk"])

    def form_valid(self, form):
        messages.success(self.request, _("The legal basis is saved."))
        form.save()
        return redirect("grants:legal_bases")


class LegalBasisDeleteView(PolicyOwnerRequiredMixin, TemplateView):
    """Asks before deleting; a legal basis a scheme is given under is never deleted, and the page says why."""

    template_name = "grants/legal_basis_confirm_delete.html"

    def get_context_data(self, **kwargs):
        legal_basis = get_legal_basis_for_user(self.request.user, self.kwargs["pk"])
        schemes = legal_basis.schemes.select_related("administration").order_by("-year", "name", "pk")
        return super().get_context_data(
            legal_basis=legal_basis, refusal=legal_basis.deletion_refusal(), schemes=schemes, **kwargs
        )

    def post(self, request, *args, **kwargs):
        legal_basis = get_legal_basis_for_user(request.user, kwargs["pk"])
        try:
            services.legal_basis_delete(legal_basis=legal_basis)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("grants:legal_basis_delete", pk=legal_basis.pk)
        messages.success(request, _("“%(name)s” is deleted.") % {"name": legal_basis.name})
        return redirect("grants:legal_bases")
