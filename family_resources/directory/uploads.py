"""Safeguarding evidence documents: PDF, PNG or JPEG only, recognised by their first bytes, never their name.

Files are kept below MEDIA_ROOT (outside the static files, and no URL serves it) under random names, and are
downloaded only through views that check who is asking and write to the audit trail (docs/decisions/0023).
"""

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

# The signature each allowed type starts with, and the extension the stored copy is given.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
)


def sniff(file: Any) -> tuple[str, str] | None:
    """(content type, extension) from the file's first bytes, or None when it is none of the allowed types."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    for signature, content_type, extension in SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    return None


def evidence_document_check(file: UploadedFile) -> str:
    """The document's content type; raises ValidationError when it is too big or not a PDF, PNG or JPEG."""
    limit = settings.DIRECTORY_EVIDENCE_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(_("The file must be smaller than %(size)s") % {"size": filesizeformat(limit)})
    if file.size == 0:
        raise ValidationError(_("The selected file is empty"))
    found = sniff(file)
    if found is None:
        raise ValidationError(_("The selected file must be a PDF, PNG or JPG"))
    return found[0]


def evidence_document_path(instance: Any, filename: str) -> str:
    """A random name: the sender's file name could hold personal data and is not needed."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"directory-evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"
