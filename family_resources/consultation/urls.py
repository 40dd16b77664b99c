"""Public consultation pages, under /consultations/."""

from django.urls import path

from family_resources.consultation import views
from family_resources.consultation.themes import views as theme_views

app_name = "consultation"

urlpatterns = [
    path("", views.consultation_index, name="index"),
    path("resume/<str:token>/", views.resume, name="resume"),
    path("<slug:slug>/", views.consultation_default, name="default"),
    path("<slug:slug>/<slug:code>/", views.consultation_home, name="home"),
    path("<slug:slug>/<slug:code>/faq/", views.faq, name="faq"),
    path("<slug:slug>/<slug:code>/outcome/", theme_views.outcome, name="outcome"),
    path("<slug:slug>/<slug:code>/document/<slug:page>/", views.document_page, name="document"),
    path("<slug:slug>/<slug:code>/respond/", views.respond_start, name="start"),
    path("<slug:slug>/<slug:code>/respond/<int:page>/", views.respond_question, name="question"),
    path("<slug:slug>/<slug:code>/respond/check/", views.respond_check, name="check"),
    path("<slug:slug>/<slug:code>/respond/save/", views.respond_save, name="save"),
    path("<slug:slug>/<slug:code>/respond/confirmation/", views.respond_confirmation, name="confirmation"),
]
