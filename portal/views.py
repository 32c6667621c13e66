from django.views.generic import TemplateView

from policies.models import VolunteerPolicy


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        policies = VolunteerPolicy.objects.exclude(status="draft").select_related("municipality")
        return super().get_context_data(policies=policies, **kwargs)
