"""Staff editing of an edition's words: title and summary, document pages and FAQ (ADR 0032)."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.consultation import editing
from family_resources.consultation.models import Consultation, DocumentPage, Edition, FaqItem, TranslationMethod
from family_resources.consultation.services import consultation_transition, edition_add
from family_resources.consultation.tests.factories import childrens_centres, open_childrens_centres

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(signed_in_client: Any) -> Client:
    return signed_in_client(staff(Role.CONSULTATION_OFFICER))


def _url(name: str, edition: Edition, *args: Any) -> str:
    return reverse(f"consultation_staff:{name}", args=[edition.consultation_id, edition.code, *args])


def _english() -> Edition:
    return childrens_centres().editions.get(code="en")


def _machine_polish() -> Edition:
    return edition_add(
        consultation=childrens_centres(),
        language="pl",
        easy_read=False,
        title="Konsultacja",
        summary="Streszczenie",
        method=TranslationMethod.MACHINE,
        translated_by="A translation service",
    )


def test_the_officer_changes_the_title_and_summary_and_it_is_audited(officer: Client) -> None:
    edition = _english()
    response = officer.post(_url("edition_details", edition), {"title": "New title", "summary": "New summary"})
    assert response.status_code == 302
    edition.refresh_from_db()
    assert (edition.title, edition.summary) == ("New title", "New summary")
    event = AuditEvent.objects.filter(object_type="consultation.edition", object_id=str(edition.pk)).last()
    assert event is not None
    assert event.action == AuditAction.UPDATE
    assert set(event.changed_fields) == {"title", "summary"}


def test_a_page_with_a_missing_heading_shows_the_error_summary_and_keeps_the_text(officer: Client) -> None:
    edition = _english()
    response = officer.post(_url("page_add", edition), {"heading": "", "slug": "", "body": "Words I typed"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html
    assert 'href="#id_heading"' in html
    assert "Words I typed" in html
    assert not edition.pages.filter(body="Words I typed").exists()


def test_a_clashing_web_address_is_refused_against_the_field(officer: Client) -> None:
    edition = _english()
    existing = edition.pages.order_by("position").first()
    assert existing is not None
    response = officer.post(_url("page_add", edition), {"heading": "Another", "slug": existing.slug, "body": "Text"})
    assert response.status_code == 400
    assert "Another page of this edition already uses this web address" in response.content.decode()
    assert "Another" in response.content.decode()


def test_pages_are_added_at_the_end_changed_moved_and_removed(officer: Client) -> None:
    edition = _english()
    count = edition.pages.count()
    officer.post(_url("page_add", edition), {"heading": "How to respond", "slug": "", "body": "Online or by phone."})
    page = edition.pages.get(slug="how-to-respond")
    assert page.position == max(edition.pages.values_list("position", flat=True))
    officer.post(_url("page_edit", edition, page.pk), {"heading": "How to respond", "slug": "", "body": "By post."})
    page.refresh_from_db()
    assert page.body == "By post."
    officer.post(_url("page_move", edition, page.pk), {"direction": "up"})
    slugs = list(edition.pages.order_by("position").values_list("slug", flat=True))
    assert slugs[-2] == "how-to-respond"
    officer.post(_url("page_remove", edition, page.pk))
    assert edition.pages.count() == count
    assert AuditEvent.objects.filter(
        object_type="consultation.documentpage", object_id=str(page.pk), action=AuditAction.DELETE
    ).exists()


def test_faq_items_are_added_changed_moved_and_removed(officer: Client) -> None:
    edition = _english()
    response = officer.post(_url("faq_add", edition), {"question": "", "answer": "An answer kept"})
    assert response.status_code == 400
    assert "An answer kept" in response.content.decode()
    officer.post(_url("faq_add", edition), {"question": "When does it close?", "answer": "In December."})
    item = edition.faqs.get(question="When does it close?")
    officer.post(_url("faq_edit", edition, item.pk), {"question": "When does it close?", "answer": "On the 31st."})
    item.refresh_from_db()
    assert item.answer == "On the 31st."
    first = edition.faqs.order_by("position", "pk").first()
    assert first is not None
    officer.post(_url("faq_move", edition, first.pk), {"direction": "down"})
    assert edition.faqs.order_by("position", "pk")[1].pk == first.pk
    officer.post(_url("faq_remove", edition, item.pk))
    assert not FaqItem.objects.filter(pk=item.pk).exists()


def test_a_translation_page_starts_from_the_english_page_and_keeps_its_address(officer: Client) -> None:
    polish = _machine_polish()
    english_page = _english().pages.order_by("position").first()
    assert english_page is not None
    content = officer.get(_url("edition_content", polish)).content.decode()
    assert "?from=" + english_page.slug in content
    assert 'data-testid="machine-label"' in content
    form = officer.get(_url("page_add", polish) + "?from=" + english_page.slug).content.decode()
    assert english_page.heading.replace("'", "&#x27;") in form
    assert 'lang="pl"' in form
    officer.post(
        _url("page_add", polish), {"heading": "Wprowadzenie", "slug": english_page.slug, "body": "Tekst po polsku."}
    )
    assert polish.pages.get(slug=english_page.slug).heading == "Wprowadzenie"
    polish.refresh_from_db()
    assert polish.method == TranslationMethod.MACHINE  # still labelled as a machine translation
    assert english_page.slug not in [p.slug for p in editing.untranslated_pages(polish)]


def test_a_closed_consultation_refuses_every_edit(officer: Client) -> None:
    consultation = open_childrens_centres()
    consultation_transition(consultation=consultation, to=Consultation.Status.CLOSED)
    edition = consultation.editions.get(code="en")
    page = edition.pages.order_by("position").first()
    item = edition.faqs.order_by("position").first()
    assert page is not None
    assert item is not None
    before = (edition.title, page.body, item.answer, edition.pages.count(), edition.faqs.count())

    with pytest.raises(ValidationError):
        editing.edition_details_update(edition=edition, title="Changed", summary="Changed")
    with pytest.raises(ValidationError):
        editing.document_page_save(edition=edition, heading="New", body="New")
    with pytest.raises(ValidationError):
        editing.faq_remove(item=item)

    officer.post(_url("edition_details", edition), {"title": "Changed", "summary": "Changed"})
    response = officer.post(_url("page_edit", edition, page.pk), {"heading": "X", "slug": page.slug, "body": "Y"})
    assert response.status_code == 302
    officer.post(_url("page_remove", edition, page.pk))
    officer.post(_url("faq_move", edition, item.pk), {"direction": "down"})
    followed = officer.get(response["Location"]).content.decode()
    assert "The consultation has closed" in followed
    assert f"/pages/{page.pk}/" not in followed
    edition.refresh_from_db()
    page.refresh_from_db()
    item.refresh_from_db()
    assert (edition.title, page.body, item.answer, edition.pages.count(), edition.faqs.count()) == before
    assert DocumentPage.objects.filter(pk=page.pk).exists()


def test_the_content_pages_are_the_consultation_officers(signed_in_client: Any) -> None:
    client = signed_in_client(staff(Role.PRACTITIONER))
    assert client.get(_url("edition_content", _english())).status_code == 403
