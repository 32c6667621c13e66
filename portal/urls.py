from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from portal import views

portal_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("log-ind/", auth_views.LoginView.as_view(), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("oversigt/", views.DashboardView.as_view(), name="dashboard"),
    path("oversigt/kalender/", views.calendar_feed_issue, name="calendar_feed_issue"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("politik/", include("policies.urls")),
    path("vejviser/", include("organisations.urls")),
    path("tilskud/", include("grants.urls")),
    path("api/", include("organisations.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
