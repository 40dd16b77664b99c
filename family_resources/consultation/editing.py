"""Staff editing of an edition's words: its title and summary, its document pages and its FAQ (ADR 0032).

Editing is open while the consultation is a draft or open. Once it has closed, what people were consulted
on is part of the record: the title, summary, pages and FAQ of every edition are frozen, and these
functions refuse. (Publishing the outcome is done elsewhere; editions' `published` flag is not changed here.)

A translated edition keeps its translation label: editing its words by hand does not turn a machine
translation into a person's. Every change is written to the audit trail.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record
from family_resources.consultation.models import Consultation, DocumentPage, Edition, FaqItem

EDITABLE = (Consultation.Status.DRAFT, Consultation.Status.OPEN)


def can_edit(consultation: Consultation) -> bool:
    return consultation.status in EDITABLE


def _check_editable(edition: Edition) -> Edition:
    """The edition, locked with its consultation; ValidationError once the consultation has closed."""
    consultation = Consultation.objects.select_for_update().get(pk=edition.consultation_id)
    if not can_edit(consultation):
        raise ValidationError(
            _("The consultation has closed, so its document and questions and answers can no longer change")
        )
    return edition


def english_edition(edition: Edition) -> Edition | None:
    """The edition a translation starts from: the consultation's English, not easy read, edition."""
    return Edition.objects.filter(consultation_id=edition.consultation_id, language="en", easy_read=False).first()


@transaction.atomic
def edition_details_update(*, edition: Edition, title: str, summary: str) -> Edition:
    _check_editable(edition)
    title, summary = title.strip(), summary.strip()
    errors = {}
    if not title:
        errors["title"] = _("Enter the edition's title")
    if not summary:
        errors["summary"] = _("Enter the edition's summary")
    if errors:
        raise ValidationError(errors)
    changed = [name for name, value in (("title", title), ("summary", summary)) if getattr(edition, name) != value]
    edition.title, edition.summary = title, summary
    edition.save(update_fields=["title", "summary"])
    if changed:
        audit_record(action=AuditAction.UPDATE, instance=edition, changed_fields=changed)
    return edition


@transaction.atomic
def document_page_save(
    *, edition: Edition, heading: str, body: str, slug: str = "", page: DocumentPage | None = None
) -> DocumentPage:
    """Add a page at the end of the edition's document, or change one. The web address (slug) is made from
    the heading when left empty; a translated page keeps the English page's address so the language
    switch can find it."""
    _check_editable(edition)
    heading, body = heading.strip(), body.strip()
    slug = slugify(slug.strip() or heading)[:80]
    errors = {}
    if not heading:
        errors["heading"] = _("Enter the page's heading")
    if not body:
        errors["body"] = _("Enter the page's text")
    if heading and not slug:
        errors["slug"] = _("Enter a web address using letters, numbers and hyphens")
    clash = DocumentPage.objects.filter(edition=edition, slug=slug)
    if page is not None:
        clash = clash.exclude(pk=page.pk)
    if slug and clash.exists():
        errors["slug"] = _("Another page of this edition already uses this web address")
    if errors:
        raise ValidationError(errors)
    if page is None:
        last = edition.pages.aggregate(position=Max("position"))["position"] or 0
        page = DocumentPage.objects.create(edition=edition, position=last + 1, slug=slug, heading=heading, body=body)
        audit_record(action=AuditAction.CREATE, instance=page)
        return page
    changed = [
        name for name, value in (("heading", heading), ("slug", slug), ("body", body)) if getattr(page, name) != value
    ]
    page.heading, page.slug, page.body = heading, slug, body
    page.save(update_fields=["heading", "slug", "body"])
    if changed:
        audit_record(action=AuditAction.UPDATE, instance=page, changed_fields=changed)
    return page


@transaction.atomic
def faq_save(*, edition: Edition, question: str, answer: str, item: FaqItem | None = None) -> FaqItem:
    """Add a question and answer at the end of the edition's FAQ, or change one."""
    _check_editable(edition)
    question, answer = question.strip(), answer.strip()
    errors = {}
    if not question:
        errors["question"] = _("Enter the question")
    if not answer:
        errors["answer"] = _("Enter the answer")
    if errors:
        raise ValidationError(errors)
    if item is None:
        last = edition.faqs.aggregate(position=Max("position"))["position"] or 0
        item = FaqItem.objects.create(edition=edition, position=last + 1, question=question, answer=answer)
        audit_record(action=AuditAction.CREATE, instance=item)
        return item
    changed = [name for name, value in (("question", question), ("answer", answer)) if getattr(item, name) != value]
    item.question, item.answer = question, answer
    item.save(update_fields=["question", "answer"])
    if changed:
        audit_record(action=AuditAction.UPDATE, instance=item, changed_fields=changed)
    return item


def _move(item: DocumentPage | FaqItem, siblings: list[DocumentPage] | list[FaqItem], up: bool) -> None:
    index = [s.pk for s in siblings].index(item.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(siblings):
        return
    mine, other = siblings[index], siblings[other_index]
    mine.position, other.position = other.position, mine.position
    for moved in (mine, other):
        moved.save(update_fields=["position"])
        audit_record(action=AuditAction.UPDATE, instance=moved, changed_fields=["position"])


@transaction.atomic
def document_page_move(*, page: DocumentPage, up: bool) -> None:
    """Swap a page with the one before (or after) it."""
    _check_editable(page.edition)
    _move(page, list(DocumentPage.objects.filter(edition_id=page.edition_id).order_by("position", "pk")), up)


@transaction.atomic
def faq_move(*, item: FaqItem, up: bool) -> None:
    _check_editable(item.edition)
    _move(item, list(FaqItem.objects.filter(edition_id=item.edition_id).order_by("position", "pk")), up)


@transaction.atomic
def document_page_remove(*, page: DocumentPage) -> None:
    _check_editable(page.edition)
    audit_record(action=AuditAction.DELETE, instance=page)
    page.delete()


@transaction.atomic
def faq_remove(*, item: FaqItem) -> None:
    _check_editable(item.edition)
    audit_record(action=AuditAction.DELETE, instance=item)
    item.delete()


def untranslated_pages(edition: Edition) -> list[DocumentPage]:
    """The English edition's pages this edition has no page for (by web address): a translator's to-do list."""
    english = english_edition(edition)
    if english is None or english.pk == edition.pk:
        return []
    have = set(edition.pages.values_list("slug", flat=True))
    return [page for page in english.pages.order_by("position") if page.slug not in have]
