"""Who is acting and from where, for the audit trail, set once per request or command."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AuditContext:
    actor: Any | None  # a staff User, or None for the system
    source: str
    ip_address: str | None = None
    path: str = ""


SYSTEM = AuditContext(actor=None, source="system")
_current: ContextVar[AuditContext] = ContextVar("audit_context", default=SYSTEM)


def current() -> AuditContext:
    return _current.get()


@contextmanager
def acting_as(context: AuditContext) -> Iterator[AuditContext]:
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)
