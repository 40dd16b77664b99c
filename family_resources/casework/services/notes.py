"""Writing case notes: the dated, typed record of the work. A note is never changed once written."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.casework.models import CaseNote, Episode


@transaction.atomic
def case_note_add(
    *, episode: Episode, kind: str, occurred_at: datetime | None, text: str, sensitive: bool, author: Any
) -> CaseNote:
    """Add a note to an open episode, written by a member of the episode's team."""
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("Notes can only be added while the family's support is open.")
    if not author.has_perm("casework.work_on_episode", episode):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if kind not in CaseNote.Kind.values:
        errors["kind"] = "Choose the type of note"
    if occurred_at is None:
        errors["occurred_at"] = "Enter the date it happened"
    elif occurred_at > timezone.now():
        # The page asks for a date and a time: say which one is wrong.
        errors["occurred_at"] = (
            "The date it happened must be today or in the past"
            if timezone.localdate(occurred_at) > timezone.localdate()
            else "The time it started must be now or in the past"
        )
    if not text.strip():
        errors["text"] = "Write the note"
    if errors:
        raise ValidationError(errors)
    assert occurred_at is not None
    return CaseNote.objects.create(
        episode=episode, kind=kind, occurred_at=occurred_at, text=text.strip(), sensitive=sensitive, author=author
    )
