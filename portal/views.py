from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView

from policies.models import Municipality, VolunteerPolicy
from portal.deadlines import deadlines_for
from portal.ical import calendar_response, deadlines_calendar
from portal.models import CalendarFeed, NewsItem, moderation_backlog


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        policies = VolunteerPolicy.objects.exclude(status="draft").select_related("municipality")
        news = NewsItem.objects.published().select_related("municipality", "administration")[:3]
        return super().get_context_data(policies=policies, news=news, **kwargs)


class DashboardView(LoginRequiredMixin, TemplateView):
    """Every deadline that concerns the signed-in user, soonest first, and their calendar address."""

    template_name = "portal/dashboard.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        deadlines = deadlines_for(self.request.user, today)
        rows = [{"deadline": deadline, "days_left": deadline.days_left(today)} for deadline in deadlines]
        feed = CalendarFeed.objects.filter(user=self.request.user).first()
        feed_url = self.request.build_absolute_uri(feed.get_absolute_url()) if feed else None
        return super().get_context_data(
            today=today,
            rows=rows,
            overdue_count=sum(deadline.is_overdue for deadline in deadlines),
            feed=feed,
            feed_url=feed_url,
            # webcal:// opens the subscription in the user's calendar program in one click.
            webcal_url=feed_url and "webcal://" + feed_url.split("://", 1)[1],
            # What awaits the user as a moderator of a municipality's debate, or None.
            moderation=moderation_backlog(self.request.user),
            owned_municipalities=owned_municipalities(self.request.user),
            **kwargs,
        )


def owned_municipalities(user):
    """The municipalities ``user`` keeps as policy owner, each with its volunteer council or None:
    the dashboard links to their settings and council."""
    municipalities = list(Municipality.objects.owned_by(user).select_related("volunteer_council__body"))
    for municipality in municipalities:
        municipality.council = getattr(municipality, "volunteer_council", None)
    return municipalities


@login_required
@require_POST
def calendar_feed_issue(request):
    """Make the user's calendar address, or a new one that replaces (and ends) the old."""
    _feed, renewed = CalendarFeed.objects.issue(request.user)
    if renewed:
        messages.success(request, _("Your calendar has a new address. The old address no longer works."))
    else:
        messages.success(request, _("Your calendar address is ready. Subscribe to it in your calendar program."))
    return redirect(reverse("portal:dashboard") + "#kalender")


@require_safe
@never_cache
def calendar_feed(request, token):
    """The deadlines of the feed's owner as iCalendar. No sign-in: calendar programs cannot, so the
    secret token in the address is the key; an unknown or renewed one is a 404."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token, user__is_active=True)
    calendar = deadlines_calendar(
        deadlines_for(feed.user),
        name=_("Deadlines of %(user)s · Frivilligportalen") % {"user": feed.user},
        absolute_url=request.build_absolute_uri,
    )
    response = calendar_response(calendar, "frivilligportalen.ics")
    # The address is a secret: keep it out of search engines.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
