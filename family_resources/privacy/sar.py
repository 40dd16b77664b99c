"""A subject access request: everything held about one person, with other people's details marked.

The bundle starts from the person's family record and every row that depends on it (collect.dependents),
adds referrals that name the person but were never matched to a family, the messages sent about those
records or to the family's contact details, and the audit trail's entries about them. Each value that is
about someone else (another family member, a referrer, a professional) is marked "redact: third party" for
the officer to check before the bundle is sent; sensitive case notes are flagged. Free text that names another
known person, or holds an email address or phone number that is not the family's own, is flagged too (mentions.py).
"""

import io
import json
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.privacy.collect import Key, dependents, record_key
from family_resources.privacy.mentions import MentionFinder, Name, name_from_text

# Fields that describe the person who made a referral: third-party unless they referred themselves.
REFERRER_FIELDS = frozenset(
    {"referrer_name", "referrer_organisation", "referrer_role", "referrer_email", "referrer_phone"}
)
# Whole records about someone other than the subject.
THIRD_PARTY_MODELS = frozenset({"families.professional"})
# Never shown: secrets and hashes, not information about the person.
HIDDEN_FIELDS = frozenset({"token_hash", "password", "entry_hash", "previous_hash"})
# A character field at least this long is free text (reasons, addresses, subjects) and is searched for mentions.
FREE_TEXT_MIN_LENGTH = 200
# The service's own published contact details: in letters and messages, never someone else's.
SERVICE_CONTACT_SETTINGS = (
    "SERVICE_EMAIL",
    "SERVICE_PHONE",
    "CHILDRENS_SOCIAL_CARE_PHONE",
    "CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE",
    "PRIVACY_DPO_EMAIL",
    "DEFAULT_FROM_EMAIL",
)


@dataclass
class Cell:
    label: str
    value: str
    redact: bool = False
    # Free text only: other people it names, and email addresses or phone numbers that are not the family's.
    mentions: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)


@dataclass
class Row:
    record: str
    cells: list[Cell]
    flags: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    rows: list[Row]


@dataclass
class Bundle:
    subject: str
    family_reference: str
    made_at: str
    sections: list[Section]

    def as_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d %B %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d %B %Y")
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _is_subject_referral_person(row: models.Model, subject: models.Model) -> bool:
    return (
        str(getattr(row, "given_name", "")).casefold() == str(getattr(subject, "given_name", "")).casefold()
        and str(getattr(row, "family_name", "")).casefold() == str(getattr(subject, "family_name", "")).casefold()
        and getattr(row, "date_of_birth", None) == getattr(subject, "date_of_birth", None)
    )


def _is_free_text(model_field: Any) -> bool:
    if isinstance(model_field, models.TextField):
        return True
    return (
        isinstance(model_field, models.CharField)
        and not model_field.choices
        and (model_field.max_length or 0) >= FREE_TEXT_MIN_LENGTH
    )


def _is_third_party_person(row: models.Model, subject: models.Model) -> bool:
    if row._meta.label_lower == "families.person":
        return row.pk != subject.pk
    return not _is_subject_referral_person(row, subject)


def bundle_mention_finder(rows: list[models.Model], subject: Any, own_contacts: set[str]) -> MentionFinder:
    """One finder for the bundle, from the rows already loaded: other people, professionals, referrers."""
    others: list[Name] = []
    for row in rows:
        label = row._meta.label_lower
        if label in ("families.person", "intake.referralperson") and _is_third_party_person(row, subject):
            others.append(Name(getattr(row, "given_name", ""), getattr(row, "family_name", "")))
        elif label == "families.professional":
            others.append(name_from_text(str(getattr(row, "name", ""))))
        # A self-referral was made by the subject or someone in the household, who is already a family member.
        # An empty referrer name makes an empty Name, which the finder skips.
        elif label == "intake.referral" and getattr(row, "referrer_type", "") != "self":
            others.append(name_from_text(str(getattr(row, "referrer_name", ""))))
    service = {str(getattr(settings, name, "") or "") for name in SERVICE_CONTACT_SETTINGS}
    return MentionFinder(
        others=others,
        subject=Name(subject.given_name, subject.family_name),
        own_contacts=own_contacts | service,
    )


def _row(instance: models.Model, subject: models.Model, finder: MentionFinder | None = None) -> Row:
    label = instance._meta.label_lower
    whole_row_third_party = label in THIRD_PARTY_MODELS
    if label == "families.person" and instance.pk != subject.pk:
        whole_row_third_party = True
    if label == "intake.referralperson" and not _is_subject_referral_person(instance, subject):
        whole_row_third_party = True
    self_referral = getattr(instance, "referrer_type", None) == "self"
    cells: list[Cell] = []
    for model_field in instance._meta.concrete_fields:
        if model_field.name in HIDDEN_FIELDS or model_field.name == "id":
            continue
        redact = whole_row_third_party or (model_field.name in REFERRER_FIELDS and not self_referral)
        if model_field.is_relation:
            related_id = getattr(instance, model_field.attname)
            target = model_field.related_model._meta.label_lower  # type: ignore[union-attr]
            if related_id is None:
                value = ""
            elif (target == "families.person" and related_id != subject.pk) or target in THIRD_PARTY_MODELS:
                value, redact = str(getattr(instance, model_field.name)), True
            else:
                value = str(getattr(instance, model_field.name))
        elif model_field.choices:
            value = _text(getattr(instance, f"get_{model_field.attname}_display")())
        else:
            value = _text(getattr(instance, model_field.attname))
        if not value:
            continue
        cell = Cell(str(model_field.verbose_name).capitalize(), value, redact)
        if finder is not None and not redact and _is_free_text(model_field):
            cell.mentions, cell.contacts = finder.names_in(value), finder.contacts_in(value)
        cells.append(cell)
    flags = []
    if getattr(instance, "sensitive", False):
        flags.append(_("Sensitive case note: check with the team before disclosure"))
    if getattr(instance, "address_hidden", False):
        flags.append(_("Address marked do not disclose: check before sending"))
    names = list(dict.fromkeys(name for cell in cells for name in cell.mentions))
    if names:
        flags.append(_("Mentions other people: %(names)s. Check before sending") % {"names": ", ".join(names)})
    contacts = list(dict.fromkeys(contact for cell in cells for contact in cell.contacts))
    if contacts:
        flags.append(
            _("Possible contact details of someone else: %(details)s. Check before sending")
            % {"details": ", ".join(contacts)}
        )
    return Row(record=f"{instance._meta.verbose_name} {instance.pk}", cells=cells, flags=flags)


def _messages(keys: set[Key], references: set[str], contacts: set[str]) -> list[models.Model]:
    from family_resources.notifications.models import Message

    labels = {label for label, _pk in keys}
    ids = {str(pk) for _label, pk in keys} | references
    query = Q(regarding_type__in=labels, regarding_id__in=ids)
    if contacts:
        query |= Q(recipient__in=contacts)
    return list(Message.objects.filter(query).order_by("created_at", "pk"))


def _audit_rows(keys: set[Key]) -> list[Row]:
    from family_resources.audit.models import AuditEvent

    by_type: dict[str, set[str]] = {}
    for label, pk in keys:
        by_type.setdefault(label, set()).add(str(pk))
    query = Q(pk__in=[])
    for label, ids in by_type.items():
        query |= Q(object_type=label, object_id__in=ids)
    rows = []
    for event in AuditEvent.objects.filter(query).select_related("actor").order_by("occurred_at", "pk"):
        rows.append(
            Row(
                record=_("Audit entry %(number)s") % {"number": event.sequence or event.pk},
                cells=[
                    Cell(_("When"), _text(event.occurred_at)),
                    Cell(_("What"), event.get_action_display()),
                    Cell(_("Record"), f"{event.object_type} {event.object_id}"),
                    Cell(_("Who (role)"), event.actor_role or _("The system")),
                ],
            )
        )
    return rows


def subject_access_bundle(*, person: Any) -> Bundle:
    """Everything held about `person` (a families.Person), grouped by kind of record."""
    from family_resources.intake.models import Referral

    family = person.family
    rows: list[models.Model] = dependents(family)
    seen = {record_key(row) for row in rows}
    # Referrals naming the person that were never matched to a family record.
    unmatched = Referral.objects.filter(
        family__isnull=True,
        people__given_name__iexact=person.given_name,
        people__family_name__iexact=person.family_name,
    ).distinct()
    for referral in unmatched:
        for row in dependents(referral):
            if record_key(row) not in seen:
                seen.add(record_key(row))
                rows.append(row)
    references = {str(row.reference) for row in rows if hasattr(row, "reference")}
    contacts = {value for value in (family.contact_email, family.contact_phone) if value}
    contacts |= {
        value
        for row in rows
        if isinstance(row, Referral) and row.referrer_type == "self"
        for value in (row.referrer_email, row.referrer_phone)
        if value
    }

    finder = bundle_mention_finder(rows, person, contacts)

    grouped: dict[str, list[Row]] = {}
    for row in sorted(rows, key=lambda instance: (instance._meta.label_lower, instance.pk)):
        grouped.setdefault(str(row._meta.verbose_name_plural).capitalize(), []).append(_row(row, person, finder))
    sections = [Section(title, section_rows) for title, section_rows in grouped.items()]
    messages = [_row(message, person, finder) for message in _messages(seen, references, contacts)]
    if messages:
        sections.append(Section(_("Messages sent"), messages))
    audit = _audit_rows(seen)
    if audit:
        sections.append(Section(_("Audit trail: who looked at or changed these records"), audit))
    return Bundle(
        subject=f"{person.given_name} {person.family_name}".strip(),
        family_reference=family.reference,
        made_at=_text(timezone.now()),
        sections=sections,
    )


def bundle_zip(bundle: Bundle) -> bytes:
    """A ZIP of the readable page (bundle.html) and the same content as data (bundle.json)."""
    page = render_to_string("privacy/sar_bundle_file.html", {"bundle": bundle})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bundle.html", page)
        archive.writestr("bundle.json", bundle.as_json())
        archive.writestr(
            "README.txt",
            _(
                "Subject access request bundle. Values marked 'redact: third party' are about someone else and "
                "must be checked, and usually removed, before the bundle is sent. Values tagged 'Check' are free text "
                "that names someone else or holds contact details that are not the family's own: read each one.\n"
            ),
        )
    return buffer.getvalue()
