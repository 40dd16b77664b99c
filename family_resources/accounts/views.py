"""Staff sign-in, sign-out and each role's home page."""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView, redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.accounts import home, mfa
from family_resources.accounts.forms import MfaSetupForm, MfaVerifyForm, SignInForm
from family_resources.accounts.middleware import mfa_not_required
from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record
from family_resources.core.ratelimits import rate_limit

RECOVERY_CODES_SESSION_KEY = "accounts_new_recovery_codes"


@method_decorator(login_not_required, name="dispatch")
@method_decorator(rate_limit("staff_sign_in"), name="dispatch")
class SignInView(LoginView):
    """The password step. The person is signed in, but staff pages stay shut until the second factor."""

    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        user: Any = form.get_user()
        login(self.request, user)
        audit_record(action=AuditAction.UPDATE, instance=user, changed_fields=["signed_in_with_password"])
        step = "accounts:mfa_verify" if mfa.confirmed_app_device(user) else "accounts:mfa_setup"
        return HttpResponseRedirect(reverse(step) + "?" + urlencode({"next": self.get_success_url()}))


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


@mfa_not_required
@require_http_methods(["GET", "POST"])
def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: a QR code and the key as text, then the first code from the app."""
    user: Any = request.user
    next_url = _next_url(request)
    if mfa.confirmed_app_device(user) is not None:
        # Replacing a working app is an administrator's job, after checking who is asking.
        return HttpResponseRedirect(reverse("accounts:mfa_verify") + "?" + urlencode({"next": next_url}))
    device = mfa.pending_app_device(user)
    form = MfaSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.mfa_setup_confirm(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            mfa.session_mark_verified(request.session)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return HttpResponseRedirect(reverse("accounts:mfa_recovery_codes") + "?" + urlencode({"next": next_url}))
        form.add_error("code", _("The code is not right. Enter the code your app shows now"))
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": mfa.device_qr_svg(device, account=user.email),
        "secret": mfa.device_secret(device),
    }
    return render(request, "accounts/mfa/setup.html", context)


@require_http_methods(["GET"])
def mfa_recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes, shown once, straight after setting up the app."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(_next_url(request))
    return render(request, "accounts/mfa/recovery_codes.html", {"codes": codes, "next": _next_url(request)})


@mfa_not_required
@require_http_methods(["GET", "POST"])
def mfa_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app or a recovery code, which is then used up."""
    user: Any = request.user
    next_url = _next_url(request)
    if mfa.confirmed_app_device(user) is None:
        return HttpResponseRedirect(reverse("accounts:mfa_setup") + "?" + urlencode({"next": next_url}))
    if mfa.session_is_verified(request.session):
        return redirect(next_url)
    form = MfaVerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        used = mfa.mfa_verify(user=user, code=form.cleaned_data["code"])
        if used is not None:
            mfa.session_mark_verified(request.session)
            if used == "recovery":
                left = mfa.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code. You have %(left)d recovery code left.",
                        "You used a recovery code. You have %(left)d recovery codes left.",
                        left,
                    )
                    % {"left": left},
                )
            return redirect(next_url)
        form.add_error(
            "code", _("The code is not right. Enter the code your app shows now, or an unused recovery code")
        )
    return render(request, "accounts/mfa/verify.html", {"form": form, "next": next_url})


@login_not_required
@require_http_methods(["GET"])
def signed_out(request: HttpRequest) -> HttpResponse:
    """Where a session that went idle too long lands: it says why, and offers to sign in again."""
    context = {"idle_minutes": settings.SESSION_IDLE_MINUTES, "next": _next_url(request)}
    return render(request, "accounts/signed_out.html", context)


@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """The timeout warning's "Stay signed in": the request itself renews the session (StaffSessionMiddleware)."""
    return HttpResponse(status=204)


@mfa_not_required
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


def locked_out(request: HttpRequest, original_response: HttpResponse | None, credentials: Any) -> HttpResponse:
    """django-axes' answer once an email address and network address have failed too often (AXES_LOCKOUT_CALLABLE)."""
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": round(settings.AXES_COOLOFF_TIME * 60)}
    return render(request, "accounts/locked_out.html", context, status=429)


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The email address django-axes counts failures against (AXES_USERNAME_CALLABLE), in lower case."""
    value = (credentials or {}).get("username") or request.POST.get("username")
    return str(value).strip().lower() if value else None
