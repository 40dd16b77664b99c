"""The analysis page's filters: by channel, edition and respondent type, and which views question the
equality breakdown is crossed with."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.consultation.analysis.figures import Filters, views_questions
from family_resources.consultation.models import Channel, Consultation, RespondentType


class AnalysisFilterForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    edition = forms.ChoiceField(label=_("Edition"), required=False)
    respondent_type = forms.ChoiceField(label=_("Responding as"), required=False)
    views = forms.ChoiceField(label=_("Cross the equality breakdown with"), required=False)

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every: list[tuple[str, Any]] = [("", _("All"))]
        editions = [(e.code, e.title) for e in consultation.editions.order_by("pk")]
        self._choices("channel", every + list(Channel.choices))
        self._choices("edition", every + editions)
        self._choices("respondent_type", every + list(RespondentType.choices))
        self._choices("views", [(q.key, q.text) for q in views_questions(consultation)])

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        cast(forms.ChoiceField, self.fields[name]).choices = choices

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(channel=data["channel"], edition=data["edition"], respondent_type=data["respondent_type"])

    def views_key(self) -> str:
        return str(self.cleaned_data.get("views") or "") if self.is_valid() else ""
