from django.urls import path

from family_resources.triage import views

app_name = "triage"

urlpatterns = [
    path("referrals/<str:reference>/decide/", views.decide, name="decide"),
    path("referrals/<str:reference>/override/", views.override, name="override"),
    path("referrals/<str:reference>/notes/add/", views.note_add, name="note_add"),
    path("guidance/", views.guidance, name="guidance"),
    path("guidance/level/<int:level>/edit/", views.guidance_edit, name="guidance_edit"),
]
