"""The public community directory, and organisations' own pages, under /directory/."""

from django.urls import path

from family_resources.directory.views import organisations, public

app_name = "directory"

urlpatterns = [
    path("", public.search, name="search"),
    path("services/<uuid:service_uuid>/", public.service_detail, name="service"),
    path("service-stopped/", public.stopped, name="stopped"),
    path("list-your-organisation/", organisations.apply, name="apply"),
    path("list-your-organisation/sent/", organisations.apply_done, name="apply_done"),
    path("organisation/sign-in/", organisations.sign_in, name="sign_in"),
    path("organisation/sign-in/sent/", organisations.sign_in_sent, name="sign_in_sent"),
    path("organisation/sign-in/<str:token>/", organisations.sign_in_link, name="sign_in_link"),
    path("organisation/sign-out/", organisations.sign_out, name="sign_out"),
    path("organisation/", organisations.organisation_home, name="organisation_home"),
    path(
        "organisation/evidence/<int:evidence_id>/document/",
        organisations.evidence_document,
        name="evidence_document",
    ),
    path("organisation/details/", organisations.organisation_edit, name="organisation_edit"),
    path("organisation/services/new/", organisations.service_edit, name="service_add"),
    path("organisation/services/<uuid:service_uuid>/", organisations.service_edit, name="service_edit"),
]
