"""Turn a document page's plain text into GOV.UK markup: paragraphs, bulleted and numbered lists."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_BULLET = re.compile(r"^\s*[-*]\s+")
_NUMBER = re.compile(r"^\s*\d+\.\s+")


def _block(lines: list[str]) -> str:
    if all(_BULLET.match(line) for line in lines):
        items = "".join(f"<li>{escape(_BULLET.sub('', line))}</li>" for line in lines)
        return f'<ul class="govuk-list govuk-list--bullet">{items}</ul>'
    if all(_NUMBER.match(line) for line in lines):
        items = "".join(f"<li>{escape(_NUMBER.sub('', line))}</li>" for line in lines)
        return f'<ol class="govuk-list govuk-list--number">{items}</ol>'
    return f'<p class="govuk-body">{escape(" ".join(line.strip() for line in lines))}</p>'


@register.filter
def document_body(text: str) -> SafeString:
    """Everything is escaped first: staff type these pages, and no HTML of theirs reaches the page."""
    blocks = [block.splitlines() for block in re.split(r"\n\s*\n", text or "") if block.strip()]
    return mark_safe("".join(_block([line for line in lines if line.strip()]) for lines in blocks))  # noqa: S308 -- every piece is escaped above
