"""Other professionals working with the family: adding, correcting and ending their involvement."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.families import services
from family_resources.families.forms import ProfessionalEndForm, ProfessionalForm
from family_resources.families.selectors import family_by_reference, professional_of_family
from family_resources.families.views.household import render_form


def professional_add(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    form = ProfessionalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            professional = services.professional_add(family=family, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s was added to the professionals involved.") % {"name": professional.name}
            )
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    return render_form(
        request, family, form, title=_("Add a professional working with the family"), button=_("Add the professional")
    )


def professional_change(request: HttpRequest, reference: str, professional_id: int) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    professional = professional_of_family(family=family, professional_id=professional_id)
    initial = {name: getattr(professional, name) for name in ProfessionalForm.base_fields}
    form = ProfessionalForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.professional_update(professional=professional, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The details of %(name)s were saved.") % {"name": form.cleaned_data["name"]})
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    audit_view(instance=professional)
    return render_form(
        request, family, form, title=_("Change the details of %(name)s") % {"name": professional.name}, button=_("Save")
    )


def professional_end(request: HttpRequest, reference: str, professional_id: int) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    professional = professional_of_family(family=family, professional_id=professional_id)
    form = ProfessionalEndForm(
        request.POST if request.method == "POST" else None, initial={"ended_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.professional_end(professional=professional, ended_on=form.cleaned_data["ended_on"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is now listed as no longer working with the family.") % {"name": professional.name}
            )
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    audit_view(instance=professional)
    return render_form(
        request,
        family,
        form,
        title=_("Remove %(name)s from the professionals involved") % {"name": professional.name},
        intro=_("They stay in the family's history, with any letters written to them."),
        button=_("Remove"),
        warning=True,
    )
