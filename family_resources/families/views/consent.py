"""The family's consent: recording it, and recording its withdrawal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.core.forms import form_add_service_errors
from family_resources.families import services
from family_resources.families.forms import ConsentForm, ConsentWithdrawForm
from family_resources.families.selectors import (
    consent_of_family,
    current_consent_of,
    family_by_reference,
    people_who_can_consent,
    person_of_family,
)
from family_resources.families.views.household import render_form


def consent_add(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    people = people_who_can_consent(family=family)
    current = current_consent_of(family)
    initial = {"given_on": timezone.localdate()}
    form = ConsentForm(request.POST if request.method == "POST" else None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.consent_record(
                family=family,
                given_by=person_of_family(family=family, person_id=data["given_by"]),
                given_on=data["given_on"],
                method=data["method"],
                agencies=data["agencies"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The family's consent was recorded."))
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    audit_views(instances=people)
    if current is not None:
        audit_view(instance=current)
    return render_form(
        request,
        family,
        form,
        title=_("Record the family's consent"),
        intro=_("This takes the place of the family's current consent.") if current else "",
        no_one=not people,
        button=_("Record consent"),
        template="families/consent_form.html",
    )


def consent_withdraw(request: HttpRequest, reference: str, consent_id: int) -> HttpResponse:
    family = family_by_reference(reference=reference)
    authorise(user=request.user, perm="families.change_family", instance=family)
    consent = consent_of_family(family=family, consent_id=consent_id)
    form = ConsentWithdrawForm(
        request.POST if request.method == "POST" else None, initial={"withdrawn_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_withdraw(
                consent=consent,
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                reason=form.cleaned_data["reason"],
                withdrawn_by=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The family's consent was recorded as withdrawn."))
            return redirect("families:detail", reference=family.reference)
    audit_view(instance=family)
    audit_view(instance=consent)
    return render_form(
        request,
        family,
        form,
        title=_("Record that the family withdrew consent"),
        intro=_("Once consent is withdrawn, no letters can be written until the family gives consent again."),
        button=_("Record the withdrawal"),
        warning=True,
    )
