from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from portal import debate_views, news_views, views

portal_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("log-ind/", auth_views.LoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("oversigt/", views.DashboardView.as_view(), name="dashboard"),
    path("oversigt/kalender/", views.calendar_feed_issue, name="calendar_feed_issue"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("nyheder/", news_views.NewsListView.as_view(), name="news_list"),
    path("nyheder/nyheder.atom", news_views.NewsAtomFeed(), name="news_feed"),
    path("nyheder/ny/<slug:municipality>/", news_views.NewsCreateView.as_view(), name="news_create"),
    path("nyheder/<slug:municipality>/<slug:slug>/", news_views.NewsDetailView.as_view(), name="news_detail"),
    path("nyheder/<slug:municipality>/<slug:slug>/rediger/", news_views.NewsUpdateView.as_view(), name="news_update"),
    path("nyheder/<slug:municipality>/<slug:slug>/slet/", news_views.NewsDeleteView.as_view(), name="news_delete"),
]

# The debate forum: /debat/…
debate_patterns = [
    path("", debate_views.TopicListView.as_view(), name="topic_list"),
    path("nye.atom", debate_views.TopicAtomFeed(), name="topic_feed"),
    path("nyt-emne/", debate_views.TopicCreateView.as_view(), name="topic_create"),
    path("emne/<int:pk>/", debate_views.TopicDetailView.as_view(), name="topic_detail"),
    path("indlaeg/<int:pk>/", debate_views.post_in_thread, name="post_detail"),
    path("indlaeg/<int:pk>/rediger/", debate_views.PostUpdateView.as_view(), name="post_update"),
    path("indlaeg/<int:pk>/slet/", debate_views.PostDeleteView.as_view(), name="post_delete"),
    path("indlaeg/<int:pk>/anmeld/", debate_views.PostReportView.as_view(), name="post_report"),
    path("indlaeg/<int:pk>/godkend/", debate_views.post_approve, name="post_approve"),
    path("indlaeg/<int:pk>/skjul/", debate_views.PostHideView.as_view(), name="post_hide"),
    path("indlaeg/<int:pk>/gendan/", debate_views.post_restore, name="post_restore"),
    path("anmeldelser/<int:pk>/behold/", debate_views.report_dismiss, name="report_dismiss"),
    path("moderation/", debate_views.ModerationQueueView.as_view(), name="moderation"),
    path("mine/", debate_views.MyPostsView.as_view(), name="my_posts"),
    path("profil/", debate_views.ProfileView.as_view(), name="profile"),
    path("profil/send-link/", debate_views.confirmation_resend, name="confirmation_resend"),
    path("tilmeld/", debate_views.SignUpView.as_view(), name="sign_up"),
    path("bekraeft/<str:token>/", debate_views.EmailConfirmView.as_view(), name="email_confirm"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("debat/", include((debate_patterns, "debate"))),
    path("politik/", include("policies.urls")),
    path("vejviser/", include("organisations.urls")),
    path("tilskud/", include("grants.urls")),
    path("api/", include("organisations.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
