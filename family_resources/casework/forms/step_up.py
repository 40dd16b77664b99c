"""Stepping a family up to children's social care, and recording social care's reference later."""

from django import forms
from django.utils.translation import gettext_lazy as _

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class StepUpForm(forms.Form):
    immediate_risk = forms.ChoiceField(
        label=_("Is a child at immediate risk of harm?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether a child is at immediate risk of harm")},
    )
    reason = forms.CharField(
        label=_("Why are you stepping the family up?"),
        help_text=_("What has changed, the risk to the child, and what you have already done about it."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Say why you are stepping the family up to children's social care")},
    )


class StepUpReferenceForm(forms.Form):
    reference = forms.CharField(
        label=_("Children's social care's reference"),
        help_text=_("The reference social care gave for this family, as they wrote it."),
        max_length=40,
        error_messages={
            "required": _("Enter children's social care's reference"),
            "max_length": _("Children's social care's reference must be 40 characters or fewer"),
        },
    )
