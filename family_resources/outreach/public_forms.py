"""The public registration form: its words are translated (PUBLIC_SOURCES). Rules are checked by the service."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    """Everything optional here: the service says what is missing, so its messages are the ones shown."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    email = forms.CharField(
        label=_("Email address"),
        max_length=254,
        required=False,
        help_text=_("We will send the joining details here. Leave it empty if you give a mobile number."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=30,
        required=False,
        help_text=_("For a text message instead of an email."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "class": "govuk-input--width-20"}),
    )
    language = forms.ChoiceField(
        label=_("Which language should we write to you in?"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        required=False,
    )
    interpreter = forms.BooleanField(label=_("I would like an interpreter at the session"), required=False)
    access_needs = forms.CharField(
        label=_("Do you need any help to take part? (optional)"),
        help_text=_("For example, British Sign Language, captions, or someone to help you join online."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
