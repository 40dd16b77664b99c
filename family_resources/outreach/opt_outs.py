"""Opt-outs from consultation notices that staff record for a family that told them by phone, by letter
or in person, and their withdrawal when the family changes its mind.

The unsubscribe link's own opt-out is `services.notice_opt_out`. These writes are for staff pages only,
kept out of `services.py` (a public source) so their messages stay English-first. `NoticeOptOut` is a
`TrackedModel`: recording one is a create, and withdrawing it a delete, in the audit trail.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.families.models import Family
from family_resources.outreach.models import NoticeOptOut, OptOutSource

# What staff may record: the link's opt-outs come only from the link itself.
STAFF_SOURCES = (OptOutSource.PHONE, OptOutSource.LETTER, OptOutSource.IN_PERSON)


def family_by_reference(reference: str) -> Family | None:
    """The family a reference names, however it was typed (spaces, lower case)."""
    cleaned = "".join(reference.split()).upper()
    return Family.objects.filter(reference=cleaned).first() if cleaned else None


def _already(family: Family, opt_out: NoticeOptOut | None) -> ValidationError:
    when = date_format(timezone.localtime(opt_out.opted_out_at), "j F Y") if opt_out else ""
    message = (
        _("Family %(reference)s already opted out on %(date)s") if when else _("Family %(reference)s already opted out")
    )
    return ValidationError({"reference": message % {"reference": family.reference, "date": when}})


@transaction.atomic
def opt_out_record(*, reference: str, source: str, by: User) -> NoticeOptOut:
    """Record that the family with `reference` asked, through `source`, not to be sent consultation notices."""
    errors = {}
    family = family_by_reference(reference)
    if not reference.strip():
        errors["reference"] = _("Enter the family's reference")
    elif family is None:
        errors["reference"] = _("There is no family with that reference: check it and try again")
    if source not in STAFF_SOURCES:
        errors["source"] = _("Say how the family told us: by phone, by letter or in person")
    if errors or family is None:
        raise ValidationError(errors)
    existing = NoticeOptOut.objects.filter(family=family).first()
    if existing is not None:
        raise _already(family, existing)
    try:
        with transaction.atomic():
            return NoticeOptOut.objects.create(
                family=family, source=source, recorded_by=by, opted_out_at=timezone.now()
            )
    except IntegrityError:  # recorded at the same moment by someone else, or by the link
        raise _already(family, None) from None


@transaction.atomic
def opt_out_withdraw(*, opt_out: NoticeOptOut) -> Family:
    """The family changed its mind: it is sent consultation notices again. The deletion is audited."""
    opt_out = NoticeOptOut.objects.select_for_update().select_related("family").get(pk=opt_out.pk)
    family = opt_out.family
    opt_out.delete()
    return family
