"""Reminding organisations before their safeguarding evidence runs out, and telling them when it has."""

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.utils import timezone

from family_resources.directory.models import EvidenceReminder, Organisation, ReminderStage, SafeguardingEvidence
from family_resources.directory.services.evidence import current_evidence
from family_resources.notifications.services import notify_email

DUE_SOON_DAYS = 30
DUE_VERY_SOON_DAYS = 7


def reminder_stage(evidence: SafeguardingEvidence, today: date) -> str | None:
    """Which reminder a piece of evidence has reached today, if any."""
    days_left = (evidence.valid_until - today).days
    if days_left < 0:
        return ReminderStage.LAPSED
    if days_left <= DUE_VERY_SOON_DAYS:
        return ReminderStage.DUE_7
    if days_left <= DUE_SOON_DAYS:
        return ReminderStage.DUE_30
    return None


@transaction.atomic
def safeguarding_reminders_send(*, today: date | None = None) -> int:
    """Email each organisation about evidence that has reached a new reminder stage; each stage goes once.

    Safe to run every day (`manage.py remind_safeguarding_evidence`). Returns how many emails were queued.
    """
    day = today or timezone.localdate()
    sent = 0
    for organisation in Organisation.objects.exclude(account_email="", email="").order_by("pk"):
        due: dict[str, list[SafeguardingEvidence]] = defaultdict(list)
        for evidence in current_evidence(organisation).values():
            stage = reminder_stage(evidence, day)
            if evidence.withdrawn_at is not None or stage is None:
                continue
            if EvidenceReminder.objects.filter(evidence=evidence, stage=stage).exists():
                continue
            due["lapsed" if stage == ReminderStage.LAPSED else "due"].append(evidence)
            EvidenceReminder.objects.create(evidence=evidence, stage=stage)
        for kind, items in due.items():
            notify_email(
                to=organisation.contact_email,
                template=f"safeguarding_evidence_{kind}",
                context={
                    "organisation": organisation.name,
                    "items": [
                        {"kind": str(item.get_kind_display()), "valid_until": item.valid_until}
                        for item in sorted(items, key=lambda item: item.valid_until)
                    ],
                },
                regarding=("directory.organisation", str(organisation.pk)),
            )
            sent += 1
    return sent
