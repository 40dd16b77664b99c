"""The early-help assessment: writing it by domain, and a manager's sign-off or return."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from family_resources.casework.models import Assessment, Domain
from family_resources.casework.services.assessments import FindingInput, needs_error_key


def _text(label: Any, help_text: Any = "", rows: int = 4) -> forms.CharField:
    # Nothing is required here: "Save and come back later" keeps a half-written assessment, and
    # sending it for sign-off is where the service says what is still missing.
    return forms.CharField(
        label=label, help_text=help_text, required=False, widget=forms.Textarea(attrs={"rows": rows})
    )


@dataclass(frozen=True)
class DomainFields:
    """One domain's fields, shown together as a fieldset."""

    domain: str
    label: str
    strengths: forms.BoundField
    needs: forms.BoundField
    need_identified: forms.BoundField


class AssessmentForm(forms.Form):
    family_view = _text(
        _("The family's view"),
        _("In the family's own words: what is going well, what worries them, what they want to change."),
        rows=5,
    )
    child_view = _text(_("The child's or young person's view"), _("Their own view, where they can give it."), rows=5)
    summary = _text(
        _("Summary"), _("Your analysis: what most needs to change, and what the family's strengths are."), rows=6
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for domain in Domain:
            self.fields[f"{domain}_strengths"] = _text(_("Strengths"))
            self.fields[needs_error_key(domain)] = _text(_("Needs"))
            self.fields[f"{domain}_need_identified"] = forms.BooleanField(
                label=_("This is a need the plan should address"), required=False
            )
        # Fields in page order, so the error summary lists problems in the order they appear.
        domain_fields = [name for name in self.fields if name not in ("family_view", "child_view", "summary")]
        self.order_fields(["family_view", "child_view", *domain_fields, "summary"])

    @staticmethod
    def initial_for(assessment: Assessment) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "family_view": assessment.family_view,
            "child_view": assessment.child_view,
            "summary": assessment.summary,
        }
        for finding in assessment.findings.all():
            initial[f"{finding.domain}_strengths"] = finding.strengths
            initial[needs_error_key(finding.domain)] = finding.needs
            initial[f"{finding.domain}_need_identified"] = finding.need_identified
        return initial

    def domains(self) -> list[DomainFields]:
        return [
            DomainFields(
                domain=domain.value,
                label=str(domain.label),
                strengths=self[f"{domain}_strengths"],
                needs=self[needs_error_key(domain)],
                need_identified=self[f"{domain}_need_identified"],
            )
            for domain in Domain
        ]

    def findings(self) -> dict[str, FindingInput]:
        data = self.cleaned_data
        return {
            domain.value: FindingInput(
                strengths=data[f"{domain}_strengths"],
                needs=data[needs_error_key(domain)],
                need_identified=data[f"{domain}_need_identified"],
            )
            for domain in Domain
        }

    @staticmethod
    def service_field_names() -> dict[str, str]:
        """Where submit's "no need marked" error goes: on the first domain's checkbox, where the marking starts."""
        return {"need_identified": f"{Domain.values[0]}_need_identified"}


class SignOffForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the practitioner (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What needs to change"),
        help_text=_("The practitioner sees this when they open the assessment again."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what needs to change before the assessment can be signed off")},
    )
