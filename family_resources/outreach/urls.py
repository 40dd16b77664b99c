"""Public pages for consultation sessions and notices, under /events/ (clear of /consultations/<slug>/)."""

from django.urls import path

from family_resources.outreach import views

app_name = "outreach"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.event_list, name="list"),
    path("<slug:slug>/<int:event_id>/", views.event_page, name="event"),
    path("<slug:slug>/<int:event_id>/register/", views.register, name="register"),
    path("<slug:slug>/<int:event_id>/registered/", views.confirmation, name="confirmation"),
]
