from django.urls import path

from family_resources.families import views

app_name = "families"

urlpatterns = [
    path("<str:reference>/", views.family_detail, name="detail"),
]
