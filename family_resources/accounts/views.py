"""Staff sign-in, sign-out and each role's home page."""

from typing import Any

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView, redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_http_methods

from family_resources.accounts import home
from family_resources.accounts.forms import SignInForm


@method_decorator(login_not_required, name="dispatch")
class SignInView(LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    # Sign-out changes state, so it is a POST from a button; GET shows the button.
    if request.method == "POST":
        logout(request)
        return redirect("accounts:sign_in")
    return render(request, "accounts/sign_out.html")


def staff_home(request: HttpRequest) -> HttpResponse:
    """Each role lands on the page it works from."""
    user: Any = request.user
    page = home.home_page_for(user)
    return render(request, page.template, page.context)


@login_not_required
def admin_sign_in(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    """The admin has no sign-in page of its own: staff sign in once, at the service's page."""
    return redirect_to_login(request.GET.get("next", "/staff/admin/"), login_url=reverse("accounts:sign_in"))
