"""The municipalities' news: the public list with its Atom feed and each item's page; writing,
changing and deleting for the municipality's policy owners and caseworkers.

Who may do what is answered by ``NewsItemQuerySet`` (``visible_to``, ``editable_by``) and
``news_senders``, through ``get_news_for_user``: an item outside the user's reach is a 404, one
they may read but not change is a 403.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView

from organisations.views.directory import FilteredListView
from policies.models import Hearing, ImplementationPlan, Meeting, Municipality
from portal.models import NewsItem, news_municipalities, news_senders
from portal.news_filters import NewsFilter
from portal.news_forms import NewsItemForm


def get_news_for_user(user, municipality, slug, *, may="read"):
    """The item if ``user`` may ``may`` ("read" or "edit") it: 404 if they may not even read it, 403
    if they may read but not change it."""
    item = get_object_or_404(
        NewsItem.objects.visible_to(user).select_related("municipality", "administration"),
        municipality__slug=municipality,
        slug=slug,
    )
    if may == "edit" and not NewsItem.objects.editable_by(user).filter(pk=item.pk).exists():
        raise PermissionDenied
    return item


class NewsListView(FilteredListView):
    template_name = "portal/news/news_list.html"
    filterset_class = NewsFilter
    context_object_name = "items"

    def base_queryset(self):
        return NewsItem.objects.visible_to(self.request.user).select_related("municipality", "administration")

    def get_context_data(self, **kwargs):
        return super().get_context_data(writable=list(news_municipalities(self.request.user)), **kwargs)


class NewsAtomFeed(Feed):
    """The newest published items as Atom, filtered like the list (the same ``NewsFilter``)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return request

    def title(self):
        return _("News · Frivilligportalen")

    def subtitle(self):
        return _("News and press releases from the municipalities about their volunteer policy.")

    def link(self, request):
        query = request.GET.urlencode()
        return reverse("portal:news_list") + (f"?{query}" if query else "")

    def items(self, request):
        public = NewsItem.objects.visible_to(AnonymousUser()).select_related("municipality", "administration")
        return NewsFilter(request.GET or None, queryset=public).qs[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return str(item.administration or item.municipality)

    def item_categories(self, item):
        return [item.get_kind_display()]


class NewsDetailView(DetailView):
    template_name = "portal/news/news_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        return get_news_for_user(self.request.user, self.kwargs["municipality"], self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        user, item = self.request.user, self.object
        # A plan returned for changes after the item linked it is no longer public: leave it out.
        plans = ImplementationPlan.objects.visible_to(user).filter(news=item).select_related("policy", "administration")
        hearings = Hearing.objects.visible_to(user).filter(news=item).select_related("administration")
        meetings = Meeting.objects.visible_to(user).filter(news=item)
        return super().get_context_data(
            plans=plans,
            hearings=hearings,
            schemes=item.schemes.select_related("administration"),
            meetings=meetings,
            may_edit=NewsItem.objects.editable_by(user).filter(pk=item.pk).exists(),
            **kwargs,
        )


class NewsFormMixin(LoginRequiredMixin):
    model = NewsItem
    form_class = NewsItemForm
    template_name = "portal/news/news_form.html"

    def get_form_kwargs(self):
        senders, required = news_senders(self.request.user, self.municipality)
        return {**super().get_form_kwargs(), "municipality": self.municipality, "senders": senders, "sender_required": required}

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)


class NewsCreateView(NewsFormMixin, CreateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.municipality = get_object_or_404(Municipality, slug=kwargs["municipality"])
        if news_senders(request.user, self.municipality) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.created_by = self.request.user
        response = super().form_valid(form)
        messages.success(self.request, _published_message(self.object))
        return response


class NewsUpdateView(NewsFormMixin, UpdateView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.item = get_news_for_user(request.user, kwargs["municipality"], kwargs["slug"], may="edit")
        self.municipality = self.item.municipality
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.item

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _published_message(self.object))
        return response


class NewsDeleteView(LoginRequiredMixin, DeleteView):
    template_name = "portal/news/news_confirm_delete.html"
    context_object_name = "item"
    success_url = reverse_lazy("portal:news_list")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.item = get_news_for_user(request.user, kwargs["municipality"], kwargs["slug"], may="edit")
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.item

    def form_valid(self, form):
        messages.success(self.request, _("“%(title)s” is deleted.") % {"title": self.item.title})
        return super().form_valid(form)


def _published_message(item):
    if item.published_at is None:
        return _("Saved as a draft: only those who write the municipality's news see it.")
    if item.is_published():
        return _("Published.")
    return _("Saved: it is published on %(moment)s.") % {
        "moment": date_format(timezone.localtime(item.published_at), "j. F Y H:i")
    }
