"""Letters to other professionals: the practitioner writes a paragraph, the service prints the letter."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.families import services
from family_resources.families.addresses import without_hidden_addresses
from family_resources.families.forms import LetterForm
from family_resources.families.selectors import (
    children_of,
    family_by_reference,
    letter_of_family,
    open_episode_of_writer,
    professional_of_family,
)
from family_resources.families.services.letters import consent_problem
from family_resources.families.views.household import render_form


def letter_write(request: HttpRequest, reference: str, professional_id: int) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.write_letter", instance=family)
    professional = professional_of_family(family=family, professional_id=professional_id)
    form = LetterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.letter_write(
                professional=professional, paragraph=form.cleaned_data["paragraph"], written_by=request.user
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("families:letter", reference=family.reference, letter_id=letter.pk)
    children = list(children_of(family=family))
    audit_view(instance=family)
    audit_view(instance=professional)
    audit_views(instances=children)
    refusal = consent_problem(professional=professional) if professional.is_current else None
    return render_form(
        request,
        family,
        form,
        template="families/letter_form.html",
        title=_("Write to %(name)s") % {"name": professional.name},
        professional=professional,
        children=children,
        episode=open_episode_of_writer(family=family, user=request.user),
        refusal=refusal,
        button=_("Write the letter"),
    )


def letter_detail(request: HttpRequest, reference: str, letter_id: int) -> HttpResponse:
    """The letter laid out for printing. Letters go to other parties: no hidden address is ever shown."""
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.view_family", instance=family)
    letter = letter_of_family(family=family, letter_id=letter_id)
    audit_view(instance=family)
    audit_view(instance=letter)
    body = without_hidden_addresses(text=letter.body, family=family)
    return render(
        request,
        "families/letter.html",
        {
            "family": family,
            "letter": letter,
            "recipient_lines": without_hidden_addresses(text=letter.recipient, family=family).splitlines(),
            "paragraphs": [paragraph.splitlines() for paragraph in body.split("\n\n")],
        },
    )
