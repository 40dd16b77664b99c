from django.urls import path

from family_resources.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("<int:message_id>/", views.message_detail, name="detail"),
]
