"""Changing the household: its people, addresses and social-care status."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.families import services
from family_resources.families.addresses import address_seen_by
from family_resources.families.forms import AddressForm, PersonForm, SocialCareStatusForm
from family_resources.families.models import Family, Person
from family_resources.families.selectors import family_by_reference, person_of_family


def render_form(request: HttpRequest, family: Family, form: Any, **page: Any) -> HttpResponse:
    """One page layout for the record's forms: the view names the page, its button and anything above the form."""
    return render(
        request,
        page.pop("template", "families/form.html"),
        {"family": family, "form": form, "back_url": reverse("families:detail", args=[family.reference]), **page},
    )


def _person_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in PersonForm.base_fields}


def person_add(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    form = PersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_add(family=family, **_person_fields(form.cleaned_data))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s was added to the family.") % {"name": person})
            if person.lives_elsewhere:
                # Someone living elsewhere has an address of their own: ask for it next.
                return redirect("families:person_address", reference=family.reference, person_id=person.pk)
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    return render_form(request, family, form, title=_("Add someone to the family"), button=_("Add the person"))


def person_change(request: HttpRequest, reference: str, person_id: int) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    person = person_of_family(family=family, person_id=person_id)
    initial = {name: getattr(person, name) for name in PersonForm.base_fields}
    form = PersonForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_update(person=person, **_person_fields(form.cleaned_data))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The details of %(name)s were saved.") % {"name": person})
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    audit_view(instance=person)
    return render_form(
        request, family, form, title=_("Change the details of %(name)s") % {"name": person}, button=_("Save")
    )


def _address_page(request: HttpRequest, family: Family, holder: Family | Person, title: str) -> HttpResponse:
    authorise(user=request.user, perm="families.change_address", instance=holder)
    # Filling in the form shows the address: through the addresses module, so a hidden one is audited.
    shown = address_seen_by(user=request.user, holder=holder)
    initial = {"address_line": shown.line, "postcode": shown.postcode, "hidden": holder.address_hidden}
    form = AddressForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.address_update(
                holder=holder,
                address_line=data["address_line"],
                postcode=data["postcode"],
                hidden=data["hidden"],
                reason=data["reason"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The address was saved."))
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    if isinstance(holder, Person):
        audit_view(instance=holder)
    return render_form(
        request, family, form, title=title, button=_("Save the address"), template="families/address_form.html"
    )


def address_change(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_by_reference(reference=reference)
    return _address_page(request, family, family, _("The family's address"))


def person_address_change(request: HttpRequest, reference: str, person_id: int) -> HttpResponse:
    family = family_by_reference(reference=reference)
    person = person_of_family(family=family, person_id=person_id)
    if not person.lives_elsewhere:
        raise Http404("Only an adult who lives elsewhere has an address of their own.")
    return _address_page(request, family, person, _("The address of %(name)s") % {"name": person})


def social_care_change(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    form = SocialCareStatusForm(
        request.POST if request.method == "POST" else None, initial={"status": family.social_care_status}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.family_set_social_care_status(family=family, status=form.cleaned_data["status"])
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The social-care status was saved."))
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    return render_form(request, family, form, title=_("Social-care status"), button=_("Save"))
