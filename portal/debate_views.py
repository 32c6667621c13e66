"""The debate forum: the public list of topics with its feed, each topic's thread with the reply
form, starting a topic, one's own posts (edit for a short while, delete), reporting a post, the
moderators' queue and decisions, and signing up with a confirmed e-mail address.

Who may do what is answered once, by the models (``TopicQuerySet.visible_to``,
``PostQuerySet.visible_to``, ``moderated_municipalities``), through ``get_topic_for_user`` and
``get_post_for_user``: what is outside the user's reach is a 404, what they may read but not do
this with is a 403.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import FormView, ListView, TemplateView, UpdateView

from organisations.views.directory import FilteredListView
from portal import debate_services as services
from portal.debate_filters import TopicFilter
from portal.debate_forms import (
    AboutChoiceField,
    DisplayNameForm,
    HideForm,
    PostEditForm,
    ReplyForm,
    ReportForm,
    SignUpForm,
    TopicForm,
)
from policies.forms import show_refusal
from policies.models import Municipality, VolunteerPolicy
from portal.models import Post, PostStatus, Report, Topic, author_refusal, moderated_municipalities, moderates

# The moderation queue shows this many of the most recently hidden posts, to restore one.
RECENTLY_HIDDEN = 20
# A topic's page shows this many replies; the next are on the following pages (?side=2 …).
REPLIES_PER_PAGE = 50


def get_topic_for_user(user, pk):
    return get_object_or_404(
        Topic.objects.visible_to(user).select_related("municipality", "policy", "point", "author"), pk=pk
    )


def get_post_for_user(user, pk, *, may="read"):
    """The post ``pk`` if ``user`` may do ``may`` with it ("read", "author" or "moderate"): 404 if they
    may not even see it, 403 if they see it but may not do this."""
    post = get_object_or_404(
        Post.objects.visible_to(user)
        .filter(topic__in=Topic.objects.visible_to(user))
        .select_related("topic__municipality", "author"),
        pk=pk,
    )
    if may == "author" and post.author_id != user.pk:
        raise PermissionDenied
    if may == "moderate" and not moderates(user, post.topic.municipality):
        raise PermissionDenied
    return post


def may_post(user):
    """Whether ``user`` has what posting asks of a person, so that the page offers the form."""
    return user.is_authenticated and author_refusal(user) is None


# The public list and feed


class TopicListView(FilteredListView):
    template_name = "portal/debate/topic_list.html"
    filterset_class = TopicFilter
    context_object_name = "topics"

    def base_queryset(self):
        return Topic.objects.public().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            moderates_any=moderated_municipalities(self.request.user).exists(), **kwargs
        )


class TopicAtomFeed(Feed):
    """New topics as Atom, filtered like the list (the same ``TopicFilter``)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return request

    def title(self):
        return _("New debate topics · Frivilligportalen")

    def link(self, request):
        query = request.GET.urlencode()
        return reverse("debate:topic_list") + (f"?{query}" if query else "")

    def subtitle(self):
        return _("Topics started in the debate forum for citizens and volunteers.")

    def items(self, request):
        opening = Post.objects.shown().filter(topic=OuterRef("pk"), is_opening=True)
        topics = Topic.objects.public().select_related("municipality", "author").annotate(
            opening_text=Subquery(opening.values("body")[:1]),
            opening_shown_at=Subquery(Post.objects.filter(topic=OuterRef("pk"), is_opening=True).values("published_at")[:1]),
        )
        return TopicFilter(request.GET or None, queryset=topics).qs.order_by("-opening_shown_at", "-pk")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return Truncator(item.opening_text or _("The post was deleted by its author.")).words(80)

    def item_pubdate(self, item):
        return item.opening_shown_at

    def item_author_name(self, item):
        return item.author.display_name

    def item_categories(self, item):
        return [str(item.municipality)]


# A topic and its thread


@dataclass
class ThreadPost:
    """A post as one reader sees it: what of it they read, and what they may do with it."""

    post: Post
    text_shown: bool
    reason_shown: bool
    own: bool
    may_edit: bool
    may_delete: bool
    may_report: bool


def thread_entry(post, user, *, moderator, now):
    own = user.is_authenticated and post.author_id == user.pk
    return ThreadPost(
        post=post,
        text_shown=post.text_readable_by(user, moderator=moderator),
        reason_shown=post.reason_readable_by(user, moderator=moderator),
        own=own,
        may_edit=own and post.may_be_edited(now),
        may_delete=own and not post.is_deleted,
        may_report=not own and post.is_shown,
    )


def thread_posts(topic, user):
    """The topic's posts ``user`` sees, in the order they were written."""
    return topic.posts.visible_to(user).select_related("author").with_open_reports().order_by("created_at", "pk")


class TopicDetailView(TemplateView):
    """The topic and its thread, the replies a page at a time; the reply form is sent here too, so
    that a refusal is shown on the same page with the text kept."""

    template_name = "portal/debate/topic_detail.html"
    replies_per_page = REPLIES_PER_PAGE

    def dispatch(self, request, *args, **kwargs):
        self.topic = get_topic_for_user(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        moderator = moderates(user, self.topic.municipality)
        now = timezone.now()
        posts = thread_posts(self.topic, user)
        opening = posts.filter(is_opening=True).first()
        # An address's page past the last shows the last, as a reply may have gone since the link was made.
        page = Paginator(posts.filter(is_opening=False), self.replies_per_page).get_page(self.request.GET.get("side"))
        kwargs.setdefault("form", ReplyForm())
        return super().get_context_data(
            topic=self.topic,
            opening=opening and thread_entry(opening, user, moderator=moderator, now=now),
            replies=[thread_entry(post, user, moderator=moderator, now=now) for post in page],
            page_obj=page,
            is_paginated=page.has_other_pages(),
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            moderator=moderator,
            may_post=may_post(user),
            topic_public=opening is not None and opening.status == PostStatus.PUBLISHED,
            pre_moderated=self.topic.municipality.debate_moderation == "before",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('portal:login')}?next={self.topic.get_absolute_url()}")
        form = ReplyForm(request.POST)
        if form.is_valid():
            try:
                reply = services.reply_create(topic=self.topic, author=request.user, body=form.cleaned_data["body"])
            except ValidationError as error:
                show_refusal(form, error, ReplyForm.RENAMED)
            else:
                messages.success(request, _written_message(reply))
                return redirect(reply.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


@require_safe
def post_in_thread(request, pk):
    """A post's own address: the page of its topic's thread it stands on, scrolled to it."""
    post = get_post_for_user(request.user, pk)
    url = post.topic.get_absolute_url()
    if not post.is_opening:
        # The replies before it in the thread's order (``thread_posts``), as this reader sees them.
        earlier = (
            post.topic.posts.visible_to(request.user)
            .filter(is_opening=False)
            .filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk))
            .count()
        )
        page = earlier // TopicDetailView.replies_per_page + 1
        if page > 1:
            url = f"{url}?side={page}"
    return redirect(f"{url}#indlaeg-{post.pk}")


def _written_message(post):
    if post.status == PostStatus.PUBLISHED:
        return _("Your post is shown.")
    return _(
        "Your post is saved and shown once a moderator has approved it. Until then only you and the "
        "moderators see it."
    )


class TopicCreateView(LoginRequiredMixin, FormView):
    template_name = "portal/debate/topic_form.html"
    form_class = TopicForm

    def get_initial(self):
        """The municipality and the policy or point a link asked for (?kommune=…&politik=…&punkt=…)."""
        initial = {}
        params = self.request.GET
        if params.get("kommune"):
            initial["municipality"] = Municipality.objects.filter(slug=params["kommune"]).first()
        policy, point = AboutChoiceField.resolve(f"punkt-{params['punkt']}" if params.get("punkt", "").isdigit() else "")
        if point is None and params.get("politik"):
            policy = VolunteerPolicy.objects.filter(slug=params["politik"]).first()
        if policy is not None:
            initial["about"] = AboutChoiceField.value_for(policy, point)
            initial.setdefault("municipality", policy.municipality)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(may_post=may_post(self.request.user), **kwargs)

    def form_valid(self, form):
        policy, point = form.about_values()
        try:
            topic = services.topic_create(
                author=self.request.user,
                municipality=form.cleaned_data["municipality"],
                policy=policy,
                point=point,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            show_refusal(form, error, TopicForm.RENAMED)
            return self.form_invalid(form)
        messages.success(self.request, _written_message(topic.posts.get(is_opening=True)))
        return redirect(topic.get_absolute_url())


# The author's own posts


class PostUpdateView(LoginRequiredMixin, FormView):
    template_name = "portal/debate/post_form.html"
    form_class = PostEditForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.post_obj = get_post_for_user(request.user, kwargs["pk"], may="author")
        if request.method == "GET" and not self.post_obj.may_be_edited():
            messages.error(request, _("The post can no longer be changed. You can still delete it."))
            return redirect(self.post_obj.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "opening": self.post_obj.is_opening}

    def get_initial(self):
        return {"title": self.post_obj.topic.title, "body": self.post_obj.body}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            post_obj=self.post_obj,
            topic=self.post_obj.topic,
            pre_moderated=self.post_obj.topic.municipality.debate_moderation == "before",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            post = services.post_update(
                post=self.post_obj, body=form.cleaned_data["body"], title=form.cleaned_data.get("title")
            )
        except ValidationError as error:
            show_refusal(form, error, {**PostEditForm.RENAMED, "title": "title" if "title" in form.fields else None})
            return self.form_invalid(form)
        if post.status == PostStatus.PENDING:
            messages.success(self.request, _("Your change is saved and shown once a moderator has approved it."))
        else:
            messages.success(self.request, _("Your change is saved."))
        return redirect(post.get_absolute_url())


class PostDeleteView(LoginRequiredMixin, TemplateView):
    template_name = "portal/debate/post_confirm_delete.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.post_obj = get_post_for_user(request.user, kwargs["pk"], may="author")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(post_obj=self.post_obj, topic=self.post_obj.topic, **kwargs)

    def post(self, request, *args, **kwargs):
        post = services.post_delete(post=self.post_obj)
        messages.success(request, _("Your post is deleted. The thread shows that it was."))
        if Topic.objects.visible_to(request.user).filter(pk=post.topic_id).exists():
            return redirect(post.get_absolute_url())
        return redirect("debate:my_posts")


class MyPostsView(LoginRequiredMixin, ListView):
    """The user's own posts in every state, with the reason of those a moderator hid."""

    template_name = "portal/debate/my_posts.html"
    context_object_name = "posts"
    paginate_by = 25
    page_kwarg = "side"

    def get_queryset(self):
        return (
            Post.objects.filter(author=self.request.user)
            .select_related("topic__municipality")
            .order_by("-created_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(may_post=may_post(self.request.user), **kwargs)


# Reports


class PostReportView(FormView):
    """Anyone, signed in or not, tells the moderators what is wrong with a shown post."""

    template_name = "portal/debate/post_report.html"
    form_class = ReportForm

    def dispatch(self, request, *args, **kwargs):
        self.post_obj = get_post_for_user(request.user, kwargs["pk"])
        if not self.post_obj.is_shown:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(post_obj=self.post_obj, topic=self.post_obj.topic, **kwargs)

    def form_valid(self, form):
        try:
            services.report_create(
                post=self.post_obj, reason=form.cleaned_data["reason"], reported_by=self.request.user
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you. The moderators will look at the post."))
        return redirect(self.post_obj.get_absolute_url())


# Moderation


class ModerationQueueView(LoginRequiredMixin, TemplateView):
    """What awaits the moderators of the user's municipalities: posts to approve, reports to handle,
    and the posts hidden lately, to restore one."""

    template_name = "portal/debate/moderation.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        municipalities = list(moderated_municipalities(user).order_by("name"))
        if not municipalities:
            raise PermissionDenied
        posts = Post.objects.moderated_by(user).select_related("topic__municipality", "author")
        reports = (
            Report.objects.moderated_by(user)
            .open()
            .select_related("post__topic__municipality", "post__author", "reported_by")
            .order_by("created_at", "pk")
        )
        reported = {}
        for report in reports:
            reported.setdefault(report.post, []).append(report)
        return super().get_context_data(
            municipalities=municipalities,
            pending=posts.awaiting_approval().order_by("created_at", "pk"),
            reported=list(reported.items()),
            hidden=posts.filter(status=PostStatus.HIDDEN).order_by("-moderated_at", "-pk")[:RECENTLY_HIDDEN],
            **kwargs,
        )


def _moderation_action(request, pk, write, done):
    post = get_post_for_user(request.user, pk, may="moderate")
    try:
        write(post)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(_next_or_queue(request))


def _next_or_queue(request):
    """Back where the moderator acted (the thread or the queue): a path on this site, or the queue."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("debate:moderation")


@login_required
@require_POST
def post_approve(request, pk):
    return _moderation_action(
        request, pk, lambda post: services.post_approve(post=post, moderator=request.user),
        _("The post is approved and shown."),
    )


@login_required
@require_POST
def post_restore(request, pk):
    return _moderation_action(
        request, pk, lambda post: services.post_restore(post=post, moderator=request.user),
        _("The post is shown again, and its author has been told."),
    )


class PostHideView(LoginRequiredMixin, FormView):
    """A moderator hides a post with the reason its author will read; its open reports are shown
    beside it and handled with it."""

    template_name = "portal/debate/post_hide.html"
    form_class = HideForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.post_obj = get_post_for_user(request.user, kwargs["pk"], may="moderate")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            post_obj=self.post_obj,
            topic=self.post_obj.topic,
            reports=self.post_obj.reports.open().select_related("reported_by"),
            next=self.request.POST.get("next") or self.request.GET.get("next", ""),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.post_hide(post=self.post_obj, moderator=self.request.user, reason=form.cleaned_data["hidden_reason"])
        except ValidationError as error:
            show_refusal(form, error, {"status": None})
            return self.form_invalid(form)
        messages.success(self.request, _("The post is hidden, and its author has been told why."))
        return redirect(_next_or_queue(self.request))


@login_required
@require_POST
def report_dismiss(request, pk):
    """The moderator keeps the reported post: the report is handled (once)."""
    report = get_object_or_404(Report.objects.select_related("post"), pk=pk)
    get_post_for_user(request.user, report.post_id, may="moderate")
    try:
        services.report_dismiss(report=report, moderator=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The report is handled: the post is kept."))
    return redirect(_next_or_queue(request))


# Participants


class SignUpView(FormView):
    template_name = "portal/debate/sign_up.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("debate:profile")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            user = services.participant_sign_up(
                email=form.cleaned_data["email"],
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            show_refusal(form, error, {"username": "email"})
            return self.form_invalid(form)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            self.request,
            _("Welcome. We have e-mailed a link to %(email)s: follow it to confirm the address, and you can post.")
            % {"email": user.email},
        )
        return redirect("debate:profile")


class ProfileView(LoginRequiredMixin, UpdateView):
    """The user's display name, and whether their e-mail address is confirmed."""

    template_name = "portal/debate/profile.html"
    form_class = DisplayNameForm

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_post=may_post(self.request.user), confirmation_days=settings.DEBATE_CONFIRMATION_DAYS, **kwargs
        )

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Your display name is saved."))
        return redirect("debate:profile")


class EmailConfirmView(TemplateView):
    """The link mailed to a new participant: a button confirms the address (a mail program that
    opens links to check them confirms nothing)."""

    template_name = "portal/debate/email_confirm.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            confirming=services.user_for_confirmation(self.kwargs["token"]), **kwargs
        )

    def post(self, request, *args, **kwargs):
        user = services.email_confirm(token=kwargs["token"])
        if user is None:
            messages.error(request, _("The link is invalid or too old. Ask for a new one on your profile."))
            return redirect("debate:profile" if request.user.is_authenticated else "portal:login")
        messages.success(request, _("Your e-mail address is confirmed. You can take part in the debate."))
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect("debate:topic_list")
        return redirect(f"{reverse('portal:login')}?next={reverse('debate:topic_list')}")


@login_required
@require_POST
def confirmation_resend(request):
    user = request.user
    if user.has_confirmed_email:
        messages.info(request, _("Your e-mail address is confirmed already."))
    elif not user.email:
        messages.error(request, _("Your account has no e-mail address. Ask the municipality to add it."))
    else:
        services.confirmation_send(user=user)
        messages.success(request, _("We have e-mailed a new link to %(email)s.") % {"email": user.email})
    return redirect("debate:profile")
