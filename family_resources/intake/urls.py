from django.urls import path

from family_resources.intake import views

app_name = "intake"

urlpatterns = [
    path("<str:reference>/", views.referral_detail, name="detail"),
    path("<str:reference>/link/", views.referral_link, name="link"),
    path("<str:reference>/reject/", views.referral_reject, name="reject"),
    path("<str:reference>/new-family/", views.referral_new_family, name="new_family"),
]
