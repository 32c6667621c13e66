"""The municipality's settings as its policy owners keep them in the portal: the rules it adopted
with its policy (the minimum hearing period, the cooperation agreement threshold, the dialogue
meetings a year, the debate's moderation) and its public contact person for voluntary work.

Only the municipality's policy owners reach the page (``Municipality.objects.owned_by``); for anyone
else it is a 404. The rules are the model's (``Municipality.clean`` and the fields' validators).
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import UpdateView

from policies.forms import MunicipalitySettingsForm
from policies.models import Municipality, VolunteerCouncil


def get_owned_municipality(user, slug):
    """The municipality with ``slug`` if ``user`` is one of its policy owners; 404 otherwise."""
    return get_object_or_404(Municipality.objects.owned_by(user), slug=slug)


class MunicipalitySettingsView(LoginRequiredMixin, UpdateView):
    template_name = "policies/municipality_settings.html"
    form_class = MunicipalitySettingsForm
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        return get_owned_municipality(self.request.user, self.kwargs["municipality"])

    def get_context_data(self, **kwargs):
        council = VolunteerCouncil.objects.filter(municipality=self.object).first()
        return super().get_context_data(council=council, **kwargs)

    def form_valid(self, form):
        # The form has validated the whole municipality (``full_clean``); save only what it edits.
        form.instance.save(update_fields=form._meta.fields)
        messages.success(self.request, _("The settings of %(municipality)s are saved.") % {"municipality": self.object})
        return redirect(self.get_success_url())

    def get_success_url(self):
        return reverse("policies:municipality_settings", kwargs={"municipality": self.object.slug})
