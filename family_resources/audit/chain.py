"""The tamper-evident audit trail: each entry carries a hash of itself and of the entry before it.

The database already refuses UPDATE and DELETE on audit events (migration 0002); the chain is for
the cases that gets past, such as someone with the database owner's rights: changing, removing or
inserting an entry breaks every later link, and `verify_audit_chain` reports the first one.
"""

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils.ipv6 import clean_ipv6_address

from family_resources.audit.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64
HEAD_ID = 1


def _canonical_ip(address: str | None) -> str:
    # The database may store an IPv6 address in another spelling than the one written.
    if not address:
        return ""
    return clean_ipv6_address(address) if ":" in address else address


def entry_digest(event: AuditEvent, previous_hash: str) -> str:
    """The hash of an entry's content and its predecessor's hash, in a canonical form."""
    content = {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "action": event.action,
        "actor": event.actor_id,
        "actor_role": event.actor_role,
        "source": event.source,
        "ip_address": _canonical_ip(event.ip_address),
        "path": event.path,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "changed_fields": list(event.changed_fields or []),
        "previous_hash": previous_hash,
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _locked_head() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=HEAD_ID).first()
    if head is not None:
        return head
    try:
        # A database emptied by a test (or a new one) has no head yet: the first writer makes it.
        with transaction.atomic():
            AuditChainHead.objects.create(pk=HEAD_ID, sequence=0, entry_hash=GENESIS)
    except IntegrityError:
        pass
    return AuditChainHead.objects.select_for_update().get(pk=HEAD_ID)


# The columns the PostgreSQL COPY below writes: every stored field but the id.
_COPIED = (
    "occurred_at",
    "action",
    "actor_id",
    "actor_role",
    "source",
    "ip_address",
    "path",
    "object_type",
    "object_id",
    "changed_fields",
    "sequence",
    "previous_hash",
    "entry_hash",
)
# Where a value is stored otherwise than as it is held, as the ORM does it: a blank address as NULL, and
# the JSON as its text (a text COPY leaves the parsing to PostgreSQL).
_STORED_AS: dict[str, Callable[[Any], Any]] = {
    "ip_address": lambda address: address or None,
    "changed_fields": lambda fields: json.dumps(fields or []),
}


def _copy_row(event: AuditEvent) -> tuple[Any, ...]:
    return tuple(
        _STORED_AS[name](getattr(event, name)) if name in _STORED_AS else getattr(event, name) for name in _COPIED
    )


def _copy(events: Sequence[AuditEvent]) -> None:
    """Write the events with PostgreSQL's COPY.

    A page that shows a hundred records writes a hundred events while it holds the chain's head. The
    ORM's bulk insert builds its SQL and quotes every value in Python: appending a hundred events took
    17 ms that way and 12 ms with COPY (ADR 0019). COPY goes past Django's cursor wrapper, so it is
    logged here as the wrapper logs queries: the query-count tests and the benchmark count it.
    """
    meta = AuditEvent._meta
    quote = connection.ops.quote_name
    column_of = {field.attname: field.column for field in meta.concrete_fields}
    columns = ", ".join(quote(column_of[name]) for name in _COPIED)
    statement = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
    started = time.monotonic()
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for event in events:
            copy.write_row(_copy_row(event))
    if connection.queries_logged:
        connection.queries_log.append({"sql": statement, "time": f"{time.monotonic() - started:.3f}"})


def append(events: Sequence[AuditEvent]) -> None:
    """Link the events onto the end of the chain and save them, in one transaction.

    Several events at once go in with one COPY on PostgreSQL, which does not give back their ids;
    nothing that writes to the trail needs them.
    """
    if not events:
        return
    with transaction.atomic():
        head = _locked_head()
        for event in events:
            event.sequence = head.sequence + 1
            event.previous_hash = head.entry_hash
            event.entry_hash = entry_digest(event, event.previous_hash)
            head.sequence, head.entry_hash = event.sequence, event.entry_hash
        if len(events) > 1 and connection.vendor == "postgresql":
            _copy(events)
        else:
            AuditEvent.objects.bulk_create(events)
        head.save(update_fields=["sequence", "entry_hash"])


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None  # the sequence number of the first entry that does not fit
    event_id: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _in_order(batch_size: int) -> Iterator[AuditEvent]:
    last = 0
    while True:
        batch = list(AuditEvent.objects.filter(sequence__gt=last).order_by("sequence")[:batch_size])
        if not batch:
            return
        yield from batch
        last = batch[-1].sequence or last


def verify(*, batch_size: int = 5000) -> ChainReport:
    """Walk the chain from the start and report the first entry whose links do not hold."""
    expected_sequence, previous = 1, GENESIS
    checked = 0
    for event in _in_order(batch_size):
        if event.sequence != expected_sequence:
            return ChainReport(checked, expected_sequence, event.pk, f"entry {expected_sequence} is missing")
        if event.previous_hash != previous:
            return ChainReport(checked, event.sequence, event.pk, "it does not point to the entry before it")
        if entry_digest(event, previous) != event.entry_hash:
            return ChainReport(checked, event.sequence, event.pk, "its content does not match its hash")
        previous, expected_sequence, checked = event.entry_hash, expected_sequence + 1, checked + 1
    unchained = AuditEvent.objects.filter(sequence__isnull=True).order_by("id").first()
    if unchained is not None:
        return ChainReport(checked, expected_sequence, unchained.pk, "an entry is outside the chain")
    head = AuditChainHead.objects.filter(pk=HEAD_ID).first()
    if head is not None and head.sequence != checked:
        return ChainReport(checked, checked + 1, None, f"the chain should hold {head.sequence} entries")
    return ChainReport(checked)
