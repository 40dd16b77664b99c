"""Responding in a real browser, in English and in Urdu (right to left): save part-way, come back by the
emailed link, and send. Axe-core checks the pages on the way."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from family_resources.consultation.models import Channel, Response
from family_resources.consultation.tests.factories import open_childrens_centres, urdu_edition
from family_resources.core.tests.browser import assert_accessible
from family_resources.notifications.models import Message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SLUG = "childrens-centres-redesign"


def continue_(page: Page) -> None:
    """The form's main button, whatever language it is in."""
    page.locator("main form button.govuk-button:not(.govuk-button--secondary)").first.click()


def save_for_later(page: Page, email: str) -> None:
    page.locator("button[name=save_for_later]").click()
    page.locator("input[name=email]").fill(email)
    continue_(page)
    page.locator(".govuk-panel--confirmation").wait_for()


def resume_path(email: str) -> str:
    """The link in the newest email to this address, as a path on the test server."""
    message = Message.objects.filter(template="consultation_resume_link", recipient=email).latest("id")
    match = re.search(r"https?://\S+/consultations/resume/\S+/", message.body)
    assert match, message.body
    return urlparse(match.group(0)).path


def answer_until_check(page: Page, *, impact: str, text_answers: dict[str, str] | None = None) -> None:
    """From wherever the journey is, answer what is asked until check your answers."""
    for _ in range(20):
        if "/respond/check/" in page.url:
            return
        if page.locator("input[name=agree-integrated-service]").count():
            page.locator("input[name=agree-integrated-service][value=disagree]").check()
        if page.locator("textarea[name=impact-how]").count():
            page.locator("textarea[name=impact-how]").fill(impact)
        if page.locator("input[name=postcode]").count():
            page.locator("input[name=postcode]").fill("lu4 8bw")
        if page.locator("input[name=sex]").count():
            page.locator("input[name=sex][value=prefer-not-to-say]").check()
        continue_(page)
    raise AssertionError("never reached check your answers")


def test_a_parent_responds_in_english_saves_part_way_and_comes_back_by_the_emailed_link(live_server, page, browser):
    open_childrens_centres()
    base = live_server.url
    page.goto(f"{base}/consultations/{SLUG}/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert_accessible(page)
    page.get_by_role("link", name="What is the impact?").click()
    page.get_by_text("Pregnancy Club, Bump to Babe antenatal education").wait_for()
    page.get_by_role("link", name="Back to the consultation").click()
    page.get_by_role("button", name="Respond to this consultation").click()
    page.get_by_role("button", name="Start now").click()

    # Required question left unanswered: the GOV.UK error summary, then the answer.
    page.get_by_role("button", name="Continue").click()
    page.locator(".govuk-error-summary").get_by_role("link", name="Select an answer").wait_for()
    assert page.title().startswith("Error: ")
    page.get_by_label("A parent of a child who uses a children's centre").check()
    continue_(page)

    # The organisation follow-up is skipped for a parent: next is which services they have used.
    page.get_by_role("heading", name="Which of these services have you used?").wait_for()
    assert_accessible(page)
    page.get_by_label("Stay and Play").check()
    page.get_by_label("Baby Massage").check()
    continue_(page)
    page.get_by_label("Beech Hill Children's Centre").check()
    save_for_later(page, "sam@example.com")

    # A new visit, as from the email on another day.
    later = browser.new_context(locale="en-GB").new_page()
    later.goto(base + resume_path("sam@example.com"))
    later.get_by_role(
        "heading", name=re.compile("To what extent do you agree or disagree with the proposal")
    ).wait_for()
    answer_until_check(later, impact="We would have to travel much further to a hub.")
    later.get_by_role("heading", name="Check your answers before sending your response").wait_for()
    assert "Baby Massage, Stay and Play" in later.content()
    assert "Beech Hill Children&#x27;s Centre" in later.content() or "Beech Hill Children's Centre" in later.content()
    assert_accessible(later)
    later.get_by_role("button", name="Send response").click()
    reference = later.get_by_test_id("reference").inner_text().strip()

    response = Response.objects.get(reference=reference)
    assert (response.language, response.channel, response.respondent_type) == ("en", Channel.ONLINE, "parent")
    assert response.postcode == "LU4 8BW"
    answers = {a.question_key: a.value for a in response.answers.all()}
    assert answers["services-used"] == ["baby-massage", "stay-and-play"]
    assert answers["centres-used"] == ["beech-hill"]
    assert answers["sex"] == "prefer-not-to-say"
    # The saved link was used up by sending.
    later.goto(base + resume_path("sam@example.com"))
    later.get_by_role("heading", name="This link does not work").wait_for()


def test_a_parent_responds_in_urdu_right_to_left_saves_part_way_and_comes_back(live_server, page, browser):
    consultation = open_childrens_centres()
    edition = urdu_edition(consultation)
    base = live_server.url
    page.goto(f"{base}/consultations/{SLUG}/ur/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ur", "rtl")
    page.get_by_role("heading", name=edition.title).wait_for()
    page.get_by_test_id("human-translation").wait_for()
    assert page.get_by_test_id("machine-translation").count() == 0
    assert_accessible(page)
    page.locator("a.govuk-button--start").click()
    continue_(page)

    page.get_by_role("heading", name="آپ کس حیثیت سے جواب دے رہے ہیں؟").wait_for()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(page)
    page.locator("input[name=respondent-type][value=parent]").check()
    continue_(page)
    save_for_later(page, "noor@example.com")
    assert page.locator("html").get_attribute("dir") == "rtl"

    later = browser.new_context(locale="ur-PK").new_page()
    later.goto(base + resume_path("noor@example.com"))
    assert "/consultations/childrens-centres-redesign/ur/respond/" in later.url
    assert later.locator("html").get_attribute("dir") == "rtl"
    answer_until_check(later, impact="مرکز بند ہونے سے ہمیں بہت دور جانا پڑے گا")
    assert later.locator("html").get_attribute("dir") == "rtl"
    assert "مرکز بند ہونے سے ہمیں بہت دور جانا پڑے گا" in later.content()
    assert_accessible(later)
    continue_(later)
    reference = later.get_by_test_id("reference").inner_text().strip()

    response = Response.objects.get(reference=reference)
    assert (response.language, response.edition, response.respondent_type) == ("ur", edition, "parent")
    impact = response.answers.get(question_key="impact-how")
    assert (impact.original_text, impact.original_language) == ("مرکز بند ہونے سے ہمیں بہت دور جانا پڑے گا", "ur")
    # The same question identifiers as the English edition: one dataset.
    assert set(response.answers.values_list("question_key", flat=True)) >= {
        "respondent-type",
        "agree-integrated-service",
    }
