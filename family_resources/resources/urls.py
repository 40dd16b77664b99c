from django.urls import path

from family_resources.resources import views

app_name = "resources"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("<slug:slug>/", views.article_detail, name="detail"),
]
