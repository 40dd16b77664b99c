"""Sending a safeguarding evidence document: as a download, with the browser told not to guess its type."""

from django.http import Http404, HttpResponse

from family_resources.audit.services import audit_view
from family_resources.directory.models import SafeguardingEvidence


def evidence_document_response(evidence: SafeguardingEvidence) -> HttpResponse:
    """The document as an attachment (at most DIRECTORY_EVIDENCE_MAX_BYTES, so read whole), audited."""
    if not evidence.document:
        raise Http404
    try:
        with evidence.document.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError as error:
        raise Http404 from error
    audit_view(instance=evidence)
    extension = evidence.document.name.rsplit(".", 1)[-1]
    response = HttpResponse(content, content_type=evidence.document_content_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{evidence.kind}-evidence-{evidence.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
