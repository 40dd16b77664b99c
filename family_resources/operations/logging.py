"""Structured JSON logs with personal data scrubbed (docs/decisions/0023-data-protection-and-operations.md).

Code is written to log identifiers and event types only. The filter is the second line of defence: it
replaces anything that looks like an email address, a UK phone number or a UK postcode, and drops request
bodies and the extra attributes Django adds (the request object, which holds the POST body and cookies).
"""

import json
import logging
import re
import traceback
from datetime import UTC, datetime
from typing import Any

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# UK numbers: +44 or 0, then 9 or 10 more digits, with spaces, dots or dashes between groups.
PHONE = re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?|\(?0)(?:[\s.-]?\d){9,10}(?!\d)")
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b", re.IGNORECASE)

# Attributes a log record may carry that can hold personal data; never written.
DROPPED_ATTRIBUTES = frozenset({"request", "body", "data", "POST", "cookies", "headers"})
# The standard attributes of a LogRecord: everything else was passed in `extra`.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def scrub(text: str) -> str:
    """The text with email addresses, phone numbers and postcodes replaced by placeholders."""
    text = EMAIL.sub("[email]", text)
    text = PHONE.sub("[phone]", text)
    return POSTCODE.sub("[postcode]", text)


class PersonalDataFilter(logging.Filter):
    """Scrubs the formatted message and extra values, and drops request objects and bodies."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        for name in list(vars(record)):
            if name in DROPPED_ATTRIBUTES:
                delattr(record, name)
            elif name not in STANDARD_ATTRIBUTES and isinstance(getattr(record, name), str):
                setattr(record, name, scrub(getattr(record, name)))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, extras, exception type (never its text)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        for name, value in vars(record).items():
            if name not in STANDARD_ATTRIBUTES and name not in DROPPED_ATTRIBUTES:
                entry[name] = scrub(value) if isinstance(value, str) else value
        if record.exc_info and record.exc_info[0] is not None:
            # An exception's text can repeat what was typed (a database error quotes the row): type only.
            entry["exception"] = record.exc_info[0].__name__
            frames = traceback.extract_tb(record.exc_info[2])
            if frames:
                entry["where"] = f"{frames[-1].filename}:{frames[-1].lineno}"
        return json.dumps(entry, default=str)
