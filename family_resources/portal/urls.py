"""The family portal, under /my-family/: public to families, who sign in with a code (no staff account)."""

from django.urls import path

from family_resources.portal.views import public

app_name = "portal"

urlpatterns = [
    path("", public.home, name="home"),
    path("sign-in/", public.sign_in, name="sign_in"),
    path("sign-in/code/", public.code, name="code"),
    path("sign-out/", public.sign_out, name="sign_out"),
    path("appointments/<str:token>/calendar.ics", public.appointment_calendar, name="appointment_calendar"),
    path("appointments/<str:token>/change/", public.appointment_change, name="appointment_change"),
    path("groups/<str:token>/book/", public.programme_book, name="programme_book"),
    path("places/<str:token>/leave/", public.enrolment_leave, name="enrolment_leave"),
    path("contact-details/", public.contact_details, name="contact_details"),
    path("language/", public.language, name="language"),
    path("support-you-were-sent/<str:token>/", public.followup, name="followup"),
    path("consent/withdraw/", public.consent_withdraw, name="consent_withdraw"),
    path("message/", public.message, name="message"),
]
