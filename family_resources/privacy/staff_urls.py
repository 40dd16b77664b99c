"""Data protection pages for managers, at /staff/privacy/."""

from django.urls import path

from family_resources.privacy import views

app_name = "privacy_staff"

urlpatterns = [
    path("subject-access/", views.subject_access_search, name="sar_search"),
    path("subject-access/<int:person_id>/", views.subject_access_bundle_page, name="sar_bundle"),
    path("subject-access/<int:person_id>/download/", views.subject_access_download, name="sar_download"),
    path("retention/", views.retention_review, name="retention"),
    path("retention/check/", views.retention_refresh, name="retention_refresh"),
    path("retention/<int:item_id>/", views.retention_decide, name="retention_decide"),
    path("retention/delete/", views.retention_delete, name="retention_delete"),
    path("legal-holds/", views.legal_hold, name="legal_hold"),
    path("legal-holds/<str:reference>/lift/", views.legal_hold_remove, name="legal_hold_lift"),
]
