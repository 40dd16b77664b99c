from django.urls import path

from family_resources.intake import contacts, views

app_name = "intake"

urlpatterns = [
    # Phone and email contacts: before <str:reference>/, which would otherwise match these words.
    path("log-contact/", contacts.contact_log, name="log_contact"),
    path("inbox/", contacts.contact_inbox, name="inbox"),
    path("inbox/check/", contacts.contact_inbox_check, name="inbox_check"),
    path("inbox/<int:pk>/", contacts.contact_email_detail, name="inbox_email"),
    path("inbox/<int:pk>/original/", contacts.contact_email_original, name="inbox_original"),
    path(
        "inbox/<int:pk>/attachments/<int:attachment_pk>/",
        contacts.contact_attachment_download,
        name="inbox_attachment",
    ),
    path("<str:reference>/", views.referral_detail, name="detail"),
    path("<str:reference>/link/", views.referral_link, name="link"),
    path("<str:reference>/reject/", views.referral_reject, name="reject"),
    path("<str:reference>/new-family/", views.referral_new_family, name="new_family"),
    path("<str:reference>/people/add/", views.person_add, name="person_add"),
    path("<str:reference>/close/", views.close, name="close"),
]
