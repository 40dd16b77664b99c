"""The service's contact email address: every message sent to it becomes a contact in the front door's queue.

Messages are read from the address's mailbox over IMAP, or from a folder of `.eml` files, and
each one is kept exactly as it arrived, with its attachments, in private storage. The sender is
emailed that we received it, unless the message is automatic (an auto-reply, a bounce or a
mailing list), which stops two robots answering each other for ever. A message that cannot be
read is kept and flagged for the officer, never dropped.

Logs name messages by their database id or mailbox UID and count them; never a sender, a
subject or a Message-ID, which can all carry personal data.
"""

import hashlib
import html
import imaplib
import logging
import mimetypes
import re
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message, MIMEPart
from email.parser import BytesParser
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import strip_tags

from family_resources.intake.models import ContactAttachment, ContactEmail, Referral
from family_resources.intake.services import contact_record_unstructured
from family_resources.notifications.services import notify_email

logger = logging.getLogger(__name__)

ACKNOWLEDGEMENT_TEMPLATE = "contact_acknowledged"
# Precedence values that mean "sent in bulk or by a machine" (RFC 3834 section 3.1.8 and common practice).
_AUTOMATIC_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
_BOUNCE_SENDERS = frozenset({"mailer-daemon", "postmaster"})
_UNREADABLE = "The email could not be read. Open the original message from the email inbox."
EMAIL_CONTACT_NOTE = (
    "Sent by email: find out who the family are, where they live and whether they agree to the referral."
)
UNREADABLE_NOTE = "Part of this email could not be read: open the original message from the email inbox."


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class ParsedEmail:
    """What could be read from one message. `problems` says what could not, in words that quote none of it."""

    message_id: str
    sender_name: str = ""
    sender_address: str = ""
    subject: str = ""
    sent_at: datetime | None = None
    body_text: str = ""
    attachments: tuple[ParsedAttachment, ...] = ()
    automatic: bool = False
    problems: tuple[str, ...] = ()


@dataclass
class ImportSummary:
    """Counts for one run, for the log, the command's output and the task's result."""

    imported: int = 0
    already_imported: int = 0
    flagged: int = 0
    acknowledged: int = 0
    failed: int = 0
    failed_sources: list[str] = field(default_factory=list)

    def add(self, other: "ImportSummary") -> None:
        self.imported += other.imported
        self.already_imported += other.already_imported
        self.flagged += other.flagged
        self.acknowledged += other.acknowledged
        self.failed += other.failed
        self.failed_sources.extend(other.failed_sources)

    def count(self, contact: ContactEmail, created: bool) -> None:
        if not created:
            self.already_imported += 1
            return
        self.imported += 1
        self.flagged += bool(contact.parse_error)
        self.acknowledged += contact.acknowledged

    def as_dict(self) -> dict[str, int | list[str]]:
        return {
            "imported": self.imported,
            "already_imported": self.already_imported,
            "flagged": self.flagged,
            "acknowledged": self.acknowledged,
            "failed": self.failed,
            "failed_sources": list(self.failed_sources),
        }


class MailboxError(Exception):
    """The mailbox could not be read. The message names the step, never the account."""


# Reading one message -----------------------------------------------------------------------------------------


def email_parse(raw: bytes) -> ParsedEmail:
    """Read what can be read from a message; never raises, whatever the bytes are."""
    problems: list[str] = []
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception as error:
        # The parser is lenient and should not get here, but a message must not be lost to a bug in it.
        return ParsedEmail(
            message_id=_fallback_message_id(raw), problems=(f"The message could not be read ({type(error).__name__})",)
        )
    assert isinstance(message, EmailMessage)  # policy.default makes EmailMessage objects

    sender_name, sender_address = _sender(message)
    if not sender_address:
        problems.append("No sender address could be read")
    body_text = _body_text(message, problems)
    attachments = _attachments(message, problems)
    # Defects are collected last: decoding the body and attachments adds some.
    defects = sorted({type(defect).__name__ for part in message.walk() for defect in part.defects})
    if defects:
        problems.append(f"The message's structure is damaged ({', '.join(defects)})")
    return ParsedEmail(
        message_id=_message_id(message, raw),
        sender_name=sender_name,
        sender_address=sender_address,
        subject=_header(message, "Subject")[:500],
        sent_at=_sent_at(message),
        body_text=body_text,
        attachments=tuple(attachments),
        automatic=is_automatic(message, sender_address),
        problems=tuple(problems),
    )


def is_automatic(message: Message, sender_address: str = "") -> bool:
    """An auto-reply, bounce or bulk message: answering it could start a loop, so it is never acknowledged."""
    auto_submitted = _header(message, "Auto-Submitted").lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if _header(message, "Precedence").lower() in _AUTOMATIC_PRECEDENCE:
        return True
    if any(_header(message, name) for name in ("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe")):
        return True
    if message.get_content_type() == "multipart/report" or _header(message, "Return-Path") == "<>":
        return True
    return sender_address.split("@")[0].lower() in _BOUNCE_SENDERS


def _printable(text: str) -> str:
    """PostgreSQL's text cannot hold NUL, which a damaged or hostile message may contain."""
    return text.replace("\x00", "\ufffd")


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
        return _printable(" ".join(str(value).split())) if value is not None else ""
    except Exception:
        # A header too damaged to decode is treated as missing; the raw message keeps it.
        return ""


def _fallback_message_id(raw: bytes) -> str:
    return f"<sha256-{hashlib.sha256(raw).hexdigest()}@contact-import.invalid>"


def _message_id(message: Message, raw: bytes) -> str:
    value = _header(message, "Message-ID")
    if not value:
        return _fallback_message_id(raw)
    if len(value) > 255:
        return f"<sha256-{hashlib.sha256(value.encode()).hexdigest()}@contact-import.invalid>"
    return value


def _sender(message: Message) -> tuple[str, str]:
    try:
        header = message.get("From")
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except Exception:
        return "", ""
    for address in addresses:
        candidate = (address.addr_spec or "").strip()
        try:
            validate_email(candidate)
        except ValidationError:
            continue
        if len(candidate) > 254:
            continue
        return _printable(" ".join((address.display_name or "").split()))[:200], candidate
    return "", ""


def _sent_at(message: Message) -> datetime | None:
    try:
        header = message.get("Date")
        moment = getattr(header, "datetime", None) if header is not None else None
    except Exception:
        return None
    if not isinstance(moment, datetime):
        return None
    # RFC 5322 "-0000" means the zone is not known; UTC is the honest guess.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _decoded_text(part: MIMEPart, problems: list[str]) -> str:
    try:
        content = part.get_content()
    except LookupError:
        payload = part.get_payload(decode=True)
        problems.append("The text is in a character set we do not know, so some letters may show wrongly")
        return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    except Exception as error:
        problems.append(f"The text could not be decoded ({type(error).__name__})")
        return ""
    if not isinstance(content, str):
        return ""
    if any("\udc80" <= char <= "\udcff" for char in content):
        # The email package keeps undecodable bytes as surrogates; show them as replacement marks.
        problems.append("Some of the text is not in the character set the message says")
        content = content.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
    return content


def _html_to_text(markup: str) -> str:
    without_code = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    with_breaks = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</li\s*>|</h[1-6]\s*>", "\n", without_code)
    text = html.unescape(strip_tags(with_breaks))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _body_text(message: EmailMessage, problems: list[str]) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception as error:
        problems.append(f"The text could not be found ({type(error).__name__})")
        return ""
    if part is None:  # not `if not part`: a message with no headers is falsy
        return ""
    text = _printable(_decoded_text(part, problems))
    if part.get_content_type() == "text/html":
        text = _html_to_text(text)
    return text.strip()


def _safe_filename(name: str | None, content_type: str, index: int) -> str:
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(char for char in base if char.isprintable()).strip().lstrip(".")
    if not base:
        base = f"attachment-{index}{mimetypes.guess_extension(content_type) or '.bin'}"
    return base[-255:]


def _attachment_bytes(part: MIMEPart) -> bytes:
    if part.is_multipart() or part.get_content_maintype() == "message":
        # A forwarded email or a bounce report: keep the enclosed message as it is.
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return inner[0].as_bytes(policy=policy.default)
        return part.as_bytes(policy=policy.default)
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _attachments(message: EmailMessage, problems: list[str]) -> list[ParsedAttachment]:
    attachments: list[ParsedAttachment] = []
    if not message.is_multipart():
        if message.get_content_maintype() in {"text", "multipart"}:
            return attachments
        # A message that is one file and nothing else: keep the file.
        parts: Sequence[MIMEPart] = [message]
    else:
        try:
            parts = list(message.iter_attachments())
        except Exception as error:
            problems.append(f"The attachments could not be listed ({type(error).__name__})")
            return attachments
    for index, part in enumerate(parts, start=1):
        try:
            content_type = part.get_content_type()
            attachments.append(
                ParsedAttachment(
                    filename=_safe_filename(part.get_filename(), content_type, index),
                    content_type=content_type[:255],
                    content=_attachment_bytes(part),
                )
            )
        except Exception as error:
            problems.append(f"Attachment {index} could not be read ({type(error).__name__})")
    return attachments


# Recording a message --------------------------------------------------------------------------------------------


def _concerns(parsed: ParsedEmail) -> str:
    text = parsed.body_text.strip()
    if parsed.subject:
        text = f"Subject: {parsed.subject}\n\n{text}"
    return text.strip() or _UNREADABLE


def _should_acknowledge(parsed: ParsedEmail) -> bool:
    if parsed.automatic or not parsed.sender_address:
        return False
    # Our own addresses: an acknowledgement would come straight back.
    own = {settings.SERVICE_EMAIL.lower(), settings.CONTACT_IMAP_USER.lower()}
    return parsed.sender_address.lower() not in own


@transaction.atomic
def _contact_email_create(
    *, parsed: ParsedEmail, raw: bytes, source: ContactEmail.Source, stored: list[str]
) -> ContactEmail:
    now = timezone.now()
    # The Date header is when it was sent; one ahead of our clock is not believed.
    received_at = parsed.sent_at if parsed.sent_at is not None and parsed.sent_at <= now else now
    parse_error = "; ".join(parsed.problems)[:500]
    notes = [EMAIL_CONTACT_NOTE, *([UNREADABLE_NOTE] if parse_error else [])]
    referral = contact_record_unstructured(
        concerns=_concerns(parsed),
        received_at=received_at,
        referrer_name=parsed.sender_name,
        referrer_email=parsed.sender_address,
        notes=notes,
    )
    acknowledge = _should_acknowledge(parsed)
    contact = ContactEmail(
        message_id=parsed.message_id,
        source=source,
        sender_name=parsed.sender_name,
        sender_address=parsed.sender_address,
        subject=parsed.subject,
        received_at=received_at,
        imported_at=now,
        body_text=parsed.body_text,
        parse_error=parse_error,
        automatic=parsed.automatic,
        acknowledged=acknowledge,
        referral=referral,
    )
    # Random names: a sender's file name is personal data and must not become a path.
    contact.raw_message.save(f"{uuid4().hex}.eml", ContentFile(raw), save=False)
    stored.append(contact.raw_message.name)
    contact.save()
    for item in parsed.attachments:
        attachment = ContactAttachment(
            contact_email=contact, filename=item.filename, content_type=item.content_type, size=len(item.content)
        )
        attachment.file.save(uuid4().hex, ContentFile(item.content), save=False)
        stored.append(attachment.file.name)
        attachment.save()
    if acknowledge:
        # Sent once this transaction commits, so a rolled-back import acknowledges nothing.
        notify_email(
            to=parsed.sender_address,
            template=ACKNOWLEDGEMENT_TEMPLATE,
            context={"reference": referral.reference},
            regarding=("intake.referral", referral.reference),
        )
    return contact


def contact_email_import(*, raw: bytes, source: ContactEmail.Source) -> tuple[ContactEmail, bool]:
    """Make one message a contact in the queue. Returns (contact email, created).

    A message already imported (the same Message-ID) returns the first import and changes nothing.
    """
    parsed = email_parse(raw)
    existing = ContactEmail.objects.filter(message_id=parsed.message_id).first()
    if existing is not None:
        return existing, False
    stored: list[str] = []
    try:
        contact = _contact_email_create(parsed=parsed, raw=raw, source=source, stored=stored)
    except IntegrityError:
        _delete_stored(stored)
        # Two imports raced for the same message: the other one recorded it.
        existing = ContactEmail.objects.filter(message_id=parsed.message_id).first()
        if existing is None:
            raise
        return existing, False
    except BaseException:
        _delete_stored(stored)  # files are not part of the transaction: remove what a rollback left behind
        raise
    logger.info(
        "contact email %s imported as referral %s: attachments=%d flagged=%s automatic=%s acknowledged=%s",
        contact.pk,
        contact.referral_id,
        len(parsed.attachments),
        bool(contact.parse_error),
        contact.automatic,
        contact.acknowledged,
    )
    return contact, True


def _delete_stored(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


# Where messages come from -----------------------------------------------------------------------------------------


def contact_emails_import_folder(*, folder: Path) -> ImportSummary:
    """Import every `.eml` file in the folder, removing each once it is safely recorded.

    Whatever writes the files should write under another name and rename to `.eml` when done,
    so a half-written file is never read. A file that fails is left in place for the next run.
    """
    summary = ImportSummary()
    for path in sorted(folder.glob("*.eml")):
        try:
            contact, created = contact_email_import(raw=path.read_bytes(), source=ContactEmail.Source.DROP_FOLDER)
        except Exception as error:
            summary.failed += 1
            # File names can be chosen by whoever drops them: the log gives the error type only.
            logger.error("a contact email file was left in the drop folder: %s", type(error).__name__)
            continue
        summary.count(contact, created)
        # The stored copy is the record now; keeping a second one here would outlive its retention.
        path.unlink()
    return summary


def _imap_connect() -> imaplib.IMAP4:
    host, port = settings.CONTACT_IMAP_HOST, settings.CONTACT_IMAP_PORT
    if settings.CONTACT_IMAP_USE_SSL:
        return imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(), timeout=60)
    return imaplib.IMAP4(host, port, timeout=60)


def _fetched_bytes(data: list[object]) -> bytes | None:
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    return None


def contact_emails_import_mailbox() -> ImportSummary:
    """Import the unseen messages in the contact mailbox, marking each seen only once it is recorded.

    BODY.PEEK fetches without setting the \\Seen flag, so a message whose import fails stays
    unseen and is tried again on the next run.
    """
    summary = ImportSummary()
    folder = settings.CONTACT_IMAP_FOLDER
    with _imap_connect() as imap:
        imap.login(settings.CONTACT_IMAP_USER, settings.CONTACT_IMAP_PASSWORD)
        status, _data = imap.select(f'"{folder}"' if " " in folder else folder)
        if status != "OK":
            raise MailboxError("The contact mailbox's folder could not be opened")
        status, found = imap.uid("SEARCH", "UNSEEN")
        if status != "OK":
            raise MailboxError("The contact mailbox could not be searched")
        uids = found[0].split() if found and isinstance(found[0], bytes) else []
        for uid in uids:
            status, fetched = imap.uid("FETCH", uid.decode(), "(BODY.PEEK[])")
            raw = _fetched_bytes(list(fetched)) if status == "OK" else None
            if raw is None:
                summary.failed += 1
                logger.error("contact mailbox message uid %s could not be fetched", uid.decode())
                continue
            try:
                contact, created = contact_email_import(raw=raw, source=ContactEmail.Source.MAILBOX)
            except Exception as error:
                summary.failed += 1
                logger.error("contact mailbox message uid %s left unseen: %s", uid.decode(), type(error).__name__)
                continue
            summary.count(contact, created)
            # Only now, with the contact committed, is the message marked as read.
            imap.uid("STORE", uid.decode(), "+FLAGS", "(\\Seen)")
    return summary


def contact_emails_import() -> ImportSummary:
    """Import from every source the settings name: the mailbox, then the drop folder.

    One source failing does not stop the other; `failed_sources` names it for the caller.
    """
    summary = ImportSummary()
    if settings.CONTACT_IMAP_HOST:
        try:
            summary.add(contact_emails_import_mailbox())
        except (imaplib.IMAP4.error, MailboxError, OSError) as error:
            summary.failed_sources.append("mailbox")
            # Not the error's text: a server may repeat the account name in it.
            logger.error("the contact mailbox could not be read: %s", type(error).__name__)
    if settings.CONTACT_EMAIL_DROP_DIR:
        folder = Path(settings.CONTACT_EMAIL_DROP_DIR)
        if folder.is_dir():
            summary.add(contact_emails_import_folder(folder=folder))
        else:
            summary.failed_sources.append("drop folder")
            logger.error("the contact email drop folder does not exist")
    logger.info("contact email import: %s", summary.as_dict())
    return summary


# Reading the inbox ------------------------------------------------------------------------------------------------


def contact_emails_waiting() -> QuerySet[ContactEmail]:
    """Emails whose contact is still waiting for a decision, oldest first, with their attachment counts."""
    return (
        ContactEmail.objects.filter(referral__status=Referral.Status.RECEIVED)
        .select_related("referral")
        .annotate(attachment_count=Count("attachments"))
        .order_by("received_at", "id")
    )


def contact_email_detail(*, pk: int) -> ContactEmail:
    return get_object_or_404(ContactEmail.objects.select_related("referral").prefetch_related("attachments"), pk=pk)
