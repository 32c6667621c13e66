from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Volunteer policies")

    def ready(self):
        from policies import (  # noqa: F401  (register their deadlines with the portal)
            council_deadlines,
            deadlines,
            hearing_deadlines,
            meeting_deadlines,
        )
