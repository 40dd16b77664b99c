"""The public privacy notice, at /privacy/."""

from django.urls import path

from family_resources.privacy import views

app_name = "privacy"

urlpatterns = [path("", views.privacy_notice, name="notice")]
