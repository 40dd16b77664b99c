"""Staff sign-in."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    """Email and password, with GOV.UK error messages that say what to do."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password")},
    )

    error_messages = {
        "invalid_login": _("Enter a correct email address and password. Both are case-sensitive for the password."),
        "inactive": _("This account has been switched off. Ask your administrator to switch it back on."),
    }

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).lower()


class MfaSetupForm(forms.Form):
    """The first code from a newly added authenticator app, which proves it was set up."""

    code = forms.CharField(
        label=_("Enter the 6-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": "govuk-input--width-5",
            }
        ),
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
    )


class MfaVerifyForm(forms.Form):
    """A code from the app, or one of the recovery codes given when the app was set up."""

    code = forms.CharField(
        label=_("Security code"),
        help_text=_("Enter the 6-digit code from your authenticator app, or one of your recovery codes."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "class": "govuk-input--width-10"}
        ),
        error_messages={"required": _("Enter the code from your authenticator app or a recovery code")},
    )
