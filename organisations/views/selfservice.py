"""What an organisation does for itself: ask to be listed, accept an invitation, keep the
profile current, download its data and ask for deletion."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.tokens import default_token_generator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView, UpdateView

from organisations import services
from organisations.forms import AccountRequestForm, DeletionRequestForm, OrganisationProfileForm
from organisations.models import Organisation


def get_editable_organisation(user, municipality, slug):
    """The organisation at this address if ``user`` represents it (and it is approved), else 404."""
    return get_object_or_404(
        Organisation.objects.editable_by(user).select_related("municipality"),
        municipality__slug=municipality,
        slug=slug,
    )


class RequestAccountView(FormView):
    template_name = "organisations/request_account.html"
    form_class = AccountRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user if self.request.user.is_authenticated else None
        services.organisation_request_account(
            organisation=form.instance,
            user=user,
            person_name=form.cleaned_data.get("person_name", ""),
            email=form.cleaned_data.get("person_email", ""),
            password=form.cleaned_data.get("password1", ""),
            url=self.request.build_absolute_uri(reverse("organisations:manage")),
        )
        return redirect("organisations:request_received")


class RequestReceivedView(TemplateView):
    template_name = "organisations/request_received.html"


class AcceptInvitationView(FormView):
    """The invited representative chooses a password, through the link from the e-mail."""

    template_name = "organisations/accept_invitation.html"
    form_class = SetPasswordForm

    def dispatch(self, request, *args, **kwargs):
        self.invited = self._invited_user(kwargs["uidb64"], kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def _invited_user(uidb64, token):
        try:
            user = get_user_model().objects.get(pk=urlsafe_base64_decode(uidb64).decode())
        except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
            return None
        return user if default_token_generator.check_token(user, token) else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.invited}

    def get_context_data(self, **kwargs):
        return super().get_context_data(valid_link=self.invited is not None, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.invited is None:
            raise Http404
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.save()
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Welcome. Your password is set, and you are logged in."))
        return redirect("organisations:mine")


class MyOrganisationsView(LoginRequiredMixin, ListView):
    template_name = "organisations/mine.html"
    context_object_name = "organisations"

    def get_queryset(self):
        return self.request.user.organisations.select_related("municipality").order_by("name")


class OrganisationUpdateView(LoginRequiredMixin, UpdateView):
    """Changes are visible at once: there is no second approval of a profile."""

    template_name = "organisations/organisation_form.html"
    form_class = OrganisationProfileForm
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        return get_editable_organisation(self.request.user, self.kwargs["municipality"], self.kwargs["slug"])

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("The profile is saved and shown at once."))
        return response


class OrganisationDataView(LoginRequiredMixin, TemplateView):
    """The representative's own data: download it, or ask the municipality to delete it."""

    template_name = "organisations/organisation_data.html"

    def get_context_data(self, **kwargs):
        organisation = get_editable_organisation(self.request.user, self.kwargs["municipality"], self.kwargs["slug"])
        return super().get_context_data(
            organisation=organisation,
            form=kwargs.pop("form", None) or DeletionRequestForm(),
            open_requests=organisation.deletion_requests.open(),
            **kwargs,
        )


@login_required
def organisation_data_json(request, municipality, slug):
    organisation = get_editable_organisation(request.user, municipality, slug)
    data = services.organisation_data(organisation=organisation)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}.json"'
    return response


@login_required
@require_POST
def request_deletion(request, municipality, slug):
    organisation = get_editable_organisation(request.user, municipality, slug)
    form = DeletionRequestForm(request.POST)
    if not form.is_valid():
        view = OrganisationDataView(request=request, kwargs={"municipality": municipality, "slug": slug})
        return render(request, view.template_name, view.get_context_data(form=form))
    services.deletion_request_create(
        organisation=organisation,
        requested_by=request.user,
        reason=form.cleaned_data["reason"],
        url=request.build_absolute_uri(reverse("organisations:manage")),
    )
    messages.success(request, _("Your request is sent. The municipality handles it and tells you by e-mail."))
    return redirect("organisations:data", municipality=municipality, slug=slug)
