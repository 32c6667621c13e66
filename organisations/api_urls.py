"""The open-data API (/api/v1/) and its OpenAPI schema (/api/schema/)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from organisations import api

app_name = "api"

router = SimpleRouter()
router.register("organisationer", api.OrganisationViewSet, basename="organisation")
router.register("aktiviteter", api.ActivityViewSet, basename="activity")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(authentication_classes=[]), name="schema"),
]
