"""The language switch on a consultation's pages lands on the matching edition and page (ADR 0032)."""

import html
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from family_resources.consultation.models import DocumentPage, Edition, FaqItem
from family_resources.consultation.tests.factories import open_childrens_centres, urdu_edition

pytestmark = pytest.mark.django_db

SLUG = "childrens-centres-redesign"


def url(name: str, *args: object, code: str = "en") -> str:
    return reverse(f"consultation:{name}", args=[SLUG, code, *args])


def switch_link(client: Client, page: str, language: str) -> str:
    """The language link's own address on the page, as a visitor would follow it."""
    content = client.get(page).content.decode()
    found = re.search(rf'<a class="govuk-language-navigation__link" href="([^"]+)"[^>]*hreflang="{language}"', content)
    assert found, f"no link to {language}"
    return html.unescape(found.group(1))


def next_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["next"][0]


@pytest.fixture
def urdu() -> Edition:
    return urdu_edition(open_childrens_centres())


def _english_pages() -> list[DocumentPage]:
    return list(DocumentPage.objects.filter(edition__consultation__slug=SLUG, edition__code="en").order_by("position"))


def test_choosing_urdu_on_a_document_page_lands_on_the_urdu_page(client: Client, urdu: Edition) -> None:
    first = _english_pages()[0]
    DocumentPage.objects.create(edition=urdu, position=1, slug=first.slug, heading="تعارف", body="متن")
    link = switch_link(client, url("document", first.slug), "ur")
    assert next_of(link) == url("document", first.slug, code="ur")
    landed = client.get(link)
    assert landed.status_code == 302
    assert landed["Location"] == url("document", first.slug, code="ur")
    assert landed.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ur"
    page = client.get(landed["Location"]).content.decode()
    assert '<html lang="ur" dir="rtl"' in page or 'lang="ur"' in page
    assert "تعارف" in page


def test_a_page_the_urdu_edition_lacks_lands_on_its_home(client: Client, urdu: Edition) -> None:
    second = _english_pages()[1]
    assert next_of(switch_link(client, url("document", second.slug), "ur")) == url("home", code="ur")


def test_the_faq_goes_to_the_urdu_faq_only_when_there_is_one(client: Client, urdu: Edition) -> None:
    assert next_of(switch_link(client, url("faq"), "ur")) == url("home", code="ur")
    FaqItem.objects.create(edition=urdu, position=1, question="سوال", answer="جواب")
    assert next_of(switch_link(client, url("faq"), "ur")) == url("faq", code="ur")


def test_choosing_english_on_the_urdu_home_goes_to_the_english_home(client: Client, urdu: Edition) -> None:
    assert next_of(switch_link(client, url("home", code="ur"), "en")) == url("home")


def test_a_language_with_no_edition_goes_to_the_english_edition(client: Client, urdu: Edition) -> None:
    first = _english_pages()[0]
    DocumentPage.objects.create(edition=urdu, position=1, slug=first.slug, heading="تعارف", body="متن")
    # From the Urdu page, Polish (no Polish edition) goes to the English page, as the consultation's address does.
    assert next_of(switch_link(client, url("document", first.slug, code="ur"), "pl")) == url("document", first.slug)
    # From the English page it stays there: the edition is already the English one.
    assert next_of(switch_link(client, url("document", first.slug), "pl")) == url("document", first.slug)


def test_a_question_page_keeps_its_place_in_the_survey(client: Client, urdu: Edition) -> None:
    client.post(url("start"))
    assert next_of(switch_link(client, url("question", 1), "ur")) == url("question", 1, code="ur")


def test_an_unpublished_edition_is_not_a_target(client: Client, urdu: Edition) -> None:
    Edition.objects.filter(pk=urdu.pk).update(published=False)
    assert next_of(switch_link(client, url("home"), "ur")) == url("home")


def test_pages_outside_consultations_keep_the_current_page(client: Client) -> None:
    assert next_of(switch_link(client, reverse("consultation:index"), "ur")) == reverse("consultation:index")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_a_browser_without_javascript_help_the_switch_moves_to_the_urdu_page(live_server: Any, page: Any) -> None:
    from family_resources.core.tests.browser import assert_accessible

    urdu = urdu_edition(open_childrens_centres())
    first = _english_pages()[0]
    DocumentPage.objects.create(edition=urdu, position=1, slug=first.slug, heading="تعارف", body="متن")
    page.goto(live_server.url + url("document", first.slug))
    page.locator('.govuk-language-navigation a[hreflang="ur"]').click()
    page.locator("h1").wait_for()
    assert page.url.endswith(url("document", first.slug, code="ur"))
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    page.locator('.govuk-language-navigation a[hreflang="en"]').click()
    page.locator("h1").wait_for()
    assert page.url.endswith(url("document", first.slug))
