from django.urls import path

from family_resources.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.staff_home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("sign-in/set-up-app/", views.mfa_setup, name="mfa_setup"),
    path("sign-in/recovery-codes/", views.mfa_recovery_codes, name="mfa_recovery_codes"),
    path("sign-in/security-code/", views.mfa_verify, name="mfa_verify"),
    path("signed-out/", views.signed_out, name="signed_out"),
    path("session/keep-alive/", views.keep_alive, name="keep_alive"),
]
