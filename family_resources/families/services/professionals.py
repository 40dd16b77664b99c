"""Writes to the list of other professionals working with a family."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.families.models import AgencyType, Family, Professional


def _save_professional(professional: Professional) -> Professional:
    problems: dict[str, str] = {}
    if not professional.name:
        problems["name"] = "Enter the professional's name"
    if professional.agency_type not in AgencyType.values:
        problems["agency_type"] = "Choose the professional's role"
    if problems:
        raise ValidationError(problems)
    professional.full_clean()
    professional.save()
    return professional


@transaction.atomic
def professional_add(
    *,
    family: Family,
    name: str,
    agency_type: str,
    organisation: str = "",
    phone: str = "",
    email: str = "",
    notes: str = "",
) -> Professional:
    return _save_professional(
        Professional(
            family=family,
            name=name.strip(),
            agency_type=agency_type,
            organisation=organisation.strip(),
            phone=phone.strip(),
            email=email.strip(),
            notes=notes.strip(),
        )
    )


@transaction.atomic
def professional_update(
    *,
    professional: Professional,
    name: str,
    agency_type: str,
    organisation: str,
    phone: str,
    email: str,
    notes: str,
) -> Professional:
    professional = Professional.objects.select_for_update().get(pk=professional.pk)
    if not professional.is_current:
        raise ValidationError(
            "This professional no longer works with the family, so their details are kept as they were"
        )
    professional.name = name.strip()
    professional.agency_type = agency_type
    professional.organisation = organisation.strip()
    professional.phone = phone.strip()
    professional.email = email.strip()
    professional.notes = notes.strip()
    return _save_professional(professional)


@transaction.atomic
def professional_end(*, professional: Professional, ended_on: date | None = None) -> Professional:
    """They no longer work with the family: kept, so the history and earlier letters still name them."""
    professional = Professional.objects.select_for_update().get(pk=professional.pk)
    ended_on = ended_on or timezone.localdate()
    if not professional.is_current:
        raise ValidationError("This professional is already recorded as no longer working with the family")
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": "The date they stopped must be today or in the past"})
    if ended_on < timezone.localtime(professional.added_at).date():
        raise ValidationError({"ended_on": "The date they stopped must be on or after the date they were added"})
    professional.ended_on = ended_on
    professional.save(update_fields=["ended_on"])
    return professional
