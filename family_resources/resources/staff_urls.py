"""The resource centre's editors' pages, under /staff/resources/."""

from django.urls import path

from family_resources.resources import staff_views

app_name = "resources_staff"

urlpatterns = [
    path("", staff_views.editor_list, name="list"),
    path("new/", staff_views.article_new, name="new"),
    path("<int:article_id>/", staff_views.article_review, name="article"),
    path("<int:article_id>/edit/", staff_views.article_edit, name="edit"),
    path("<int:article_id>/translation/", staff_views.translation_edit, name="translation"),
    path("<int:article_id>/send-back/", staff_views.article_send_back, name="send_back"),
    path("<int:article_id>/<str:action>/", staff_views.article_action, name="action"),
]
