"""The online referral, at /refer/: public pages for parents, carers and professionals."""

from django.urls import path

from family_resources.intake.journey import views

app_name = "journey"

urlpatterns = [
    path("", views.start, name="start"),
    path("people/", views.people, name="people"),
    path("people/<int:index>/who/", views.person_relationship, name="person_relationship"),
    path("people/<int:index>/details/", views.person_details, name="person_details"),
    path("people/<int:index>/remove/", views.person_remove, name="person_remove"),
    path("eligibility/<str:stage>/", views.eligibility, name="eligibility"),
    path("check-answers/", views.check_answers, name="check"),
    path("confirmation/", views.confirmation, name="confirmation"),
    path("save/", views.save, name="save"),
    path("saved/", views.saved, name="saved"),
    path("resume/<str:token>/", views.resume, name="resume"),
    path("<slug:slug>/", views.question, name="question"),
]
