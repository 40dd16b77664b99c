"""Forms for the family portal and for a practitioner answering what a family asked."""

from datetime import datetime
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.portal.models import RequestKind


class ContactForm(forms.Form):
    contact = forms.CharField(
        label=_("Email address or mobile phone number"),
        help_text=_("The one we have for your family. We will send a code to it."),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
        error_messages={"required": _("Enter your email address or mobile phone number")},
    )


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code"),
        help_text=_("6 numbers, for example 123456"),
        regex=r"^\s*\d{6}\s*$",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "govuk-input--width-5"}
        ),
        error_messages={
            "required": _("Enter the code we sent you"),
            "invalid": _("Enter the 6 numbers of the code we sent you"),
        },
    )


class AppointmentChangeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like to do?"),
        choices=[
            (RequestKind.REARRANGE.value, _("Move it to another day or time")),
            (RequestKind.CANCEL.value, _("Cancel it")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to move or cancel the appointment")},
    )
    message = forms.CharField(
        label=_("Which days and times suit you?"),
        help_text=_("If you are cancelling, you can tell us why. Your support worker will contact you."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Your message must be 2000 characters or fewer")},
    )


class EnrolForm(forms.Form):
    person = forms.ChoiceField(
        label=_("Who will go?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who will go")},
    )

    def __init__(self, *args: Any, adults: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.adults = {str(index): adult for index, adult in enumerate(adults, start=1)}
        cast(forms.ChoiceField, self.fields["person"]).choices = [
            (key, str(adult)) for key, adult in self.adults.items()
        ]

    def chosen(self) -> Any:
        return self.adults.get(self.cleaned_data["person"])


class LeaveForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you leaving? (optional)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(),
        error_messages={"max_length": _("Your reason must be 200 characters or fewer")},
    )


class ContactDetailsForm(forms.Form):
    email = forms.CharField(
        label=_("Email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    channel = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=[("email", _("Email")), ("sms", _("Text message"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want us to contact you")},
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Which language should we use when we write to you?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a language")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["language"]).choices = [(code, name) for code, name in settings.LANGUAGES]


class FollowUpForm(forms.Form):
    helped = forms.ChoiceField(
        label=_("Did you get the help you needed?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no")},
    )
    comments = forms.CharField(
        label=_("Tell us more (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ConsentWithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I want to withdraw my consent for the service to share information about my family"),
        error_messages={"required": _("Tick the box to confirm you want to withdraw your consent")},
    )
    reason = forms.CharField(
        label=_("Why? (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        help_text=_("Do not use this if a child is in danger: call 999."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your message"),
            "max_length": _("Your message must be 2000 characters or fewer"),
        },
    )


class ConfirmMoveForm(forms.Form):
    """A practitioner's new time for an appointment the family asked to move."""

    day = forms.DateField(
        label=_("New date"),
        help_text=_("For example, 2026-12-01"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the new date"), "invalid": _("Enter the date as a real date")},
    )
    time = forms.TimeField(
        label=_("New start time"),
        help_text=_("For example, 10:00"),
        widget=forms.TimeInput(attrs={"type": "time", "step": 900}),
        error_messages={"required": _("Enter the new start time"), "invalid": _("Enter the time like 10:00")},
    )
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=300)

    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.cleaned_data["day"], self.cleaned_data["time"]))


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Needed if you are not doing what the family asked: say why."),
    )
