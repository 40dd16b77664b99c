from django.urls import path

from family_resources.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.search, name="search"),
]
