from django.urls import path

from family_resources.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("download/<slug:figure>.<slug:fmt>", views.download, name="download"),
    path("teams/<int:team_id>/", views.team_dashboard, name="team_dashboard"),
    path("teams/<int:team_id>/download/<slug:figure>.<slug:fmt>", views.team_download, name="team_download"),
    path("supporting-families/", views.supporting_families, name="supporting_families"),
    path("supporting-families/download/", views.supporting_families_download, name="supporting_families_download"),
]
