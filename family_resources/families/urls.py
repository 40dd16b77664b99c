from django.urls import path

from family_resources.families.views import consent, household, letters, professionals, record

app_name = "families"

urlpatterns = [
    path("<str:reference>/", record.family_detail, name="detail"),
    path("<str:reference>/export.csv", record.family_export, name="export"),
    path("<str:reference>/people/add/", household.person_add, name="person_add"),
    path("<str:reference>/people/<int:person_id>/change/", household.person_change, name="person_change"),
    path("<str:reference>/people/<int:person_id>/address/", household.person_address_change, name="person_address"),
    path("<str:reference>/address/", household.address_change, name="address"),
    path("<str:reference>/social-care/", household.social_care_change, name="social_care"),
    path("<str:reference>/professionals/add/", professionals.professional_add, name="professional_add"),
    path(
        "<str:reference>/professionals/<int:professional_id>/change/",
        professionals.professional_change,
        name="professional_change",
    ),
    path(
        "<str:reference>/professionals/<int:professional_id>/remove/",
        professionals.professional_end,
        name="professional_end",
    ),
    path("<str:reference>/professionals/<int:professional_id>/letter/", letters.letter_write, name="letter_write"),
    path("<str:reference>/letters/<int:letter_id>/", letters.letter_detail, name="letter"),
    path("<str:reference>/consent/add/", consent.consent_add, name="consent_add"),
    path("<str:reference>/consent/<int:consent_id>/withdraw/", consent.consent_withdraw, name="consent_withdraw"),
]
