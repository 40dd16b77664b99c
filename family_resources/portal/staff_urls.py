"""Staff pages for what families asked in the portal, under /staff/portal/."""

from django.urls import path

from family_resources.portal.views import staff

app_name = "portal_staff"

urlpatterns = [
    path("requests/<uuid:public_id>/", staff.request_detail, name="request"),
    path("messages/<uuid:public_id>/read/", staff.message_read, name="message_read"),
]
