"""Notice letters as one PDF to print and post (WeasyPrint), one page per family, in the family's language.

A letter carries the family's address, so it is never made for an address marked do not disclose: those
families are skipped when the notice is sent, and checked again here in case the address was hidden since.
"""

from typing import Any

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from family_resources.audit.services import audit_views
from family_resources.families.addresses import address_seen_by
from family_resources.outreach.models import Notice, NoticeChannel, NoticeDelivery

RIGHT_TO_LEFT = {"ur"}
# Given to WeasyPrint as a stylesheet, not in the template: no template carries a <style> element (ADR 0022).
LETTER_CSS = """
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Noto Sans Bengali", "Noto Sans Gurmukhi", sans-serif;
       font-size: 11pt; line-height: 1.4; }
.letter { page-break-after: always; }
.letter:last-child { page-break-after: auto; }
.address { margin: 20mm 0 15mm 0; }
h1 { font-size: 14pt; }
"""


def letters_for(*, notice: Notice, user: Any) -> list[dict[str, Any]]:
    deliveries = (
        NoticeDelivery.objects.filter(notice=notice, channel=NoticeChannel.LETTER, sent=True)
        .select_related("family")
        .order_by("family__postcode", "family__reference")
    )
    letters = []
    for delivery in deliveries:
        family = delivery.family
        if family.address_hidden:
            continue
        address = address_seen_by(user=user, holder=family)
        if address.withheld or not address.known:
            continue
        heading, _blank, body = delivery.letter_body.partition("\n\n")
        letters.append(
            {
                "family": family,
                "address_lines": [part.strip() for part in address.line.split(",") if part.strip()],
                "postcode": address.postcode,
                "language": delivery.language or "en",
                "rtl": delivery.language in RIGHT_TO_LEFT,
                "heading": heading,
                "paragraphs": [p for p in body.split("\n\n") if p.strip()],
            }
        )
    return letters


def letters_pdf(*, notice: Notice, user: Any) -> bytes:
    """The print batch; reading the families' addresses for it is audited."""
    letters = letters_for(notice=notice, user=user)
    audit_views(instances=[letter["family"] for letter in letters])
    html = render_to_string("outreach/staff/letters.html", {"notice": notice, "letters": letters})
    return bytes(HTML(string=html).write_pdf(stylesheets=[CSS(string=LETTER_CSS)]))
