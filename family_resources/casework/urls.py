from django.urls import path

from family_resources.casework.views import allocation, episodes

app_name = "casework"

urlpatterns = [
    path("episodes/<int:episode_id>/", episodes.episode_detail, name="episode"),
    path("episodes/<int:episode_id>/allocate/", allocation.allocate, name="allocate"),
]
