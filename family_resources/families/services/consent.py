"""Writes to the family's consent: recording what the family agrees to, and its withdrawal."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from family_resources.families.models import AgencyType, Consent, ConsentMethod, Family, Person
from family_resources.families.selectors import current_consent_of


@transaction.atomic
def consent_record(
    *,
    family: Family,
    given_by: Person,
    given_on: date,
    method: str,
    agencies: Iterable[str],
    recorded_by: Any,
) -> Consent:
    """Record the family's consent. It takes the place of the consent that was current."""
    family = Family.objects.select_for_update().get(pk=family.pk)
    chosen = list(dict.fromkeys(agencies))
    current = current_consent_of(family)
    problems: dict[str, str] = {}
    if given_by.family_id != family.pk:
        problems["given_by"] = "Choose someone in this family"
    elif not given_by.can_give_consent:
        problems["given_by"] = "Consent must come from an adult in the family, or a young person aged 16 or over"
    if given_on > timezone.localdate():
        problems["given_on"] = "The date consent was given must be today or in the past"
    elif current is not None and given_on < current.given_on:
        problems["given_on"] = (
            f"The date must be on or after {format_date(current.given_on, 'j F Y')}, when the current consent was given"
        )
    if method not in ConsentMethod.values:
        problems["method"] = "Choose whether consent was written or verbal"
    if any(agency not in AgencyType.values for agency in chosen):
        problems["agencies"] = "Choose agencies from the list"
    if problems:
        raise ValidationError(problems)
    if current is not None:
        current.replaced_on = given_on
        current.save(update_fields=["replaced_on"])
    consent = Consent(
        family=family,
        given_by=given_by,
        given_on=given_on,
        method=method,
        agencies=[agency for agency in AgencyType.values if agency in chosen],
        recorded_by=recorded_by,
    )
    consent.full_clean()
    consent.save()
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, withdrawn_on: date, reason: str, withdrawn_by: Any) -> Consent:
    """The family takes their consent back: from then on nothing may be shared until they give it again."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if not consent.is_current:
        raise ValidationError("This consent is no longer current, so it cannot be withdrawn")
    problems: dict[str, str] = {}
    if withdrawn_on > timezone.localdate():
        problems["withdrawn_on"] = "The date consent was withdrawn must be today or in the past"
    elif withdrawn_on < consent.given_on:
        problems["withdrawn_on"] = "The date consent was withdrawn must be on or after the date it was given"
    if not reason.strip():
        problems["reason"] = "Say why consent was withdrawn"
    if problems:
        raise ValidationError(problems)
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_reason = reason.strip()
    consent.withdrawn_by = withdrawn_by
    consent.save(update_fields=["withdrawn_on", "withdrawn_reason", "withdrawn_by"])
    return consent
