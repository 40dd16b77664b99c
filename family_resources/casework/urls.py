from django.urls import path

from family_resources.casework import views

app_name = "casework"

urlpatterns = [
    path("episodes/<int:episode_id>/allocate/", views.allocate, name="allocate"),
]
