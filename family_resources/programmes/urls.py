from django.urls import path

from family_resources.programmes.views import contact, enrolments, programmes, registers

app_name = "programmes"

urlpatterns = [
    path("", programmes.programme_list, name="list"),
    path("new/", programmes.programme_new, name="create"),
    path("<int:programme_id>/", programmes.programme_detail, name="detail"),
    path("<int:programme_id>/open/", programmes.programme_open_view, name="open"),
    path("<int:programme_id>/complete/", programmes.programme_complete_view, name="complete"),
    path("sessions/<int:session_id>/register/", registers.register, name="register"),
    path("sessions/<int:session_id>/cancel/", programmes.session_cancel, name="session_cancel"),
    path("episodes/<int:episode_id>/enrol/", enrolments.enrol, name="enrol"),
    path("enrolments/<int:enrolment_id>/", enrolments.enrolment_detail, name="enrolment"),
    path("enrolments/<int:enrolment_id>/withdraw/", enrolments.withdraw, name="withdraw"),
    path("enrolments/<int:enrolment_id>/accept/", enrolments.accept, name="offer_accept"),
    path("enrolments/<int:enrolment_id>/decline/", enrolments.decline, name="offer_decline"),
    path("contact/", contact.contact_list, name="contact_list"),
    path("episodes/<int:episode_id>/contact/book/", contact.book, name="contact_book"),
    path("contact/<int:contact_id>/", contact.contact_detail, name="contact"),
    path("contact/<int:contact_id>/observation/", contact.observation, name="contact_observation"),
    path("contact/<int:contact_id>/cancel/", contact.contact_cancel_view, name="contact_cancel"),
]
