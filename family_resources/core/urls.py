from django.urls import path

from family_resources.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("language/<str:code>/", views.set_language, name="language"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
]
