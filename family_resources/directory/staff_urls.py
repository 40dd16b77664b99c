"""The directory officer's pages, under /staff/directory/."""

from django.urls import path

from family_resources.directory.views import staff

app_name = "directory_staff"

urlpatterns = [
    path("", staff.dashboard, name="dashboard"),
    path("organisations/<int:organisation_id>/", staff.organisation_detail, name="organisation"),
    path("organisations/<int:organisation_id>/evidence/", staff.evidence_verify, name="evidence_verify"),
    path(
        "organisations/<int:organisation_id>/evidence/<int:evidence_id>/withdraw/",
        staff.evidence_withdraw,
        name="evidence_withdraw",
    ),
    path(
        "organisations/<int:organisation_id>/evidence/<int:evidence_id>/document/",
        staff.evidence_document,
        name="evidence_document",
    ),
    path("requests/<int:request_id>/", staff.request_detail, name="request"),
]
