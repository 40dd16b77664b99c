"""Officers' forms on a referral: adding someone the contact names, and closing a contact that is not a referral."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.intake.eligibility import Relationship


class PersonForm(forms.Form):
    relationship = forms.ChoiceField(
        label=_("Who is this"),
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who this person is")},
    )
    given_name = forms.CharField(label=_("First name"), required=False, max_length=100)
    family_name = forms.CharField(label=_("Last name"), required=False, max_length=100)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("For example, 2019-03-27. Leave empty if not known."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date of birth as a real date, like 2019-03-27")},
    )
    expected_date_of_delivery = forms.DateField(
        label=_("Due date (unborn baby)"),
        required=False,
        help_text=_("For example, 2027-02-14."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the due date as a real date, like 2027-02-14")},
    )
    has_send = forms.BooleanField(label=_("Has special educational needs or disabilities"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        relationship = cleaned.get("relationship")
        if relationship == Relationship.UNBORN and not cleaned.get("expected_date_of_delivery"):
            self.add_error("expected_date_of_delivery", _("Enter the baby's due date"))
        if relationship and relationship != Relationship.UNBORN and not cleaned.get("given_name"):
            self.add_error("given_name", _("Enter their first name"))
        return cleaned


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this not a referral?"),
        help_text=_("For example: an automatic reply, a bounce, or a message meant for another service."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
        error_messages={"required": _("Say why this contact is not a referral")},
    )
