from django import forms
from django.utils.translation import gettext_lazy as _


class PersonSearchForm(forms.Form):
    query = forms.CharField(
        label=_("Family reference or name"),
        max_length=100,
        help_text=_("For example, FAM-1234, or the person's given and family name."),
    )


class ReviewDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("What should happen to these records?"),
        choices=[("approve", _("Delete them")), ("keep", _("Keep them"))],
        widget=forms.RadioSelect,
    )
    keep_reason = forms.CharField(label=_("Why are they being kept?"), max_length=300, required=False)


class LegalHoldForm(forms.Form):
    reference = forms.CharField(label=_("Family reference"), max_length=20)
    reason = forms.CharField(
        label=_("Why must the records be kept?"),
        max_length=300,
        help_text=_("For example, the court case or complaint number. Do not enter names."),
    )
