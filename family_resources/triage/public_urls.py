"""Triage pages families reach from a link in a message: no staff sign-in."""

from django.urls import path

from family_resources.triage import views

app_name = "help_check"

urlpatterns = [
    path("<str:token>/", views.followup, name="followup"),
]
