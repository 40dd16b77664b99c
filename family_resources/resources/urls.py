from django.urls import path

from family_resources.resources import views

app_name = "resources"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:slug>/easy-read/", views.article_easy_read, name="easy_read"),
    path("<slug:slug>/language/<str:language>/", views.article_in_language, name="in_language"),
]
