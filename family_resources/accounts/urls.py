from django.urls import path

from family_resources.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.staff_home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
]
