"""Consultation officers' pages for events and notices, under /staff/outreach/."""

from django.urls import path

from family_resources.outreach import staff_views as views

app_name = "outreach_staff"

urlpatterns = [
    path("", views.events, name="events"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:event_id>/", views.event_detail, name="event_detail"),
    path("events/<int:event_id>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:event_id>/notes/", views.event_notes, name="event_notes"),
    path("events/<int:event_id>/attendance/", views.attendance, name="attendance"),
    path("notices/", views.notices, name="notices"),
    path("notices/new/", views.notice_create, name="notice_create"),
    path("notices/<int:notice_id>/", views.notice_detail, name="notice_detail"),
    path("notices/<int:notice_id>/send/", views.notice_send, name="notice_send"),
    path("notices/<int:notice_id>/letters.pdf", views.notice_letters, name="notice_letters"),
    # Opt-outs a family tells staff of, by phone, letter or in person, and their withdrawal.
    path("opt-outs/", views.opt_outs, name="opt_outs"),
    path("opt-outs/<int:opt_out_id>/withdraw/", views.opt_out_withdraw_view, name="opt_out_withdraw"),
]
