"""Top-level routes: public pages at the root, staff pages under /staff/."""

from django.contrib import admin
from django.urls import include, path

from family_resources.accounts.views import admin_sign_in

admin.site.site_header = "Family Resources Service administration"
admin.site.site_title = "Family Resources Service"
admin.site.login = admin_sign_in  # type: ignore[method-assign]

urlpatterns = [
    path("", include("family_resources.core.urls")),
    path("refer/", include("family_resources.intake.journey.urls")),
    path("resources/", include("family_resources.resources.urls")),
    path("consultations/", include("family_resources.consultation.urls")),
    path("events/", include("family_resources.outreach.urls")),
    path("directory/", include("family_resources.directory.urls")),
    path("help-check/", include("family_resources.triage.public_urls")),
    path("my-family/", include("family_resources.portal.urls")),
    path("staff/", include("family_resources.accounts.urls")),
    path("staff/audit/", include("family_resources.audit.urls")),
    path("staff/families/", include("family_resources.families.urls")),
    path("staff/casework/", include("family_resources.casework.urls")),
    path("staff/reports/", include("family_resources.reporting.urls")),
    path("staff/scheduling/", include("family_resources.scheduling.urls")),
    path("staff/programmes/", include("family_resources.programmes.urls")),
    path("staff/portal/", include("family_resources.portal.staff_urls")),
    path("staff/", include("family_resources.triage.urls")),
    path("staff/referrals/", include("family_resources.intake.urls")),
    path("staff/outbox/", include("family_resources.notifications.urls")),
    path("staff/directory/", include("family_resources.directory.staff_urls")),
    path("staff/resources/", include("family_resources.resources.staff_urls")),
    path("staff/consultations/", include("family_resources.consultation.staff_urls")),
    path("staff/outreach/", include("family_resources.outreach.staff_urls")),
    path("staff/admin/", admin.site.urls),
    path("api/v1/", include("family_resources.api.urls")),
    path("api/oruk/", include("family_resources.directory.oruk_urls")),
    path("", include("family_resources.operations.urls")),
    path("privacy/", include("family_resources.privacy.urls")),
    path("staff/privacy/", include("family_resources.privacy.staff_urls")),
]

handler404 = "family_resources.core.views.page_not_found"
handler500 = "family_resources.core.views.server_error"
handler403 = "family_resources.core.views.permission_denied"
