"""Message templates: in the family's language where there is a translation, English otherwise."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.template import TemplateDoesNotExist

from family_resources.notifications.models import Channel
from family_resources.notifications.rendering import render_message, supported_language

MESSAGES = Path(__file__).resolve().parent.parent / "templates" / "notifications" / "messages"
SHIPPED = sorted((path.parent.name, path.stem) for path in MESSAGES.glob("*/*.txt"))
CONTEXT = {
    "reference": "REF-ABC123",
    "link": "https://example.org/refer/resume/abc",
    "expires_at": datetime(2026, 11, 30, 17, 0, tzinfo=UTC),
}


def test_a_referral_receipt_is_written_in_urdu_for_an_urdu_speaker():
    rendered = render_message(
        template="referral_received", language="ur", context={"reference": "REF-ABC123"}, channel=Channel.EMAIL
    )

    assert rendered.language == "ur"
    # Urdu letters and punctuation are what the family reads, not look-alikes of Latin ones.
    assert rendered.subject == "ہمیں آپ کا ریفرل مل گیا ہے – ریفرنس REF-ABC123"  # noqa: RUF001
    assert "آپ کا ریفرنس نمبر REF-ABC123 ہے۔" in rendered.body  # noqa: RUF001
    assert "999" in rendered.body
    assert not rendered.body.startswith("Subject:")


def test_a_language_without_a_translation_gets_english(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("cy", "Cymraeg")]  # offered, but no message is written in it yet

    rendered = render_message(
        template="referral_received", language="cy", context={"reference": "REF-ABC123"}, channel=Channel.EMAIL
    )

    assert rendered.language == "en"
    assert rendered.subject == "We have received your referral – reference REF-ABC123"  # noqa: RUF001 -- GOV.UK style's en dash
    assert "Your reference is REF-ABC123." in rendered.body


@pytest.mark.parametrize(
    ("given", "expected"), [("pl-PL", "pl"), ("UR", "ur"), ("fr", "en"), ("../../x", "en"), ("", "en")]
)
def test_language_tags_become_the_services_codes(given, expected):
    assert supported_language(given) == expected


@pytest.mark.parametrize(("template", "language"), SHIPPED)
def test_every_shipped_message_has_a_subject_and_mentions_its_details(template, language):
    rendered = render_message(template=template, language=language, context=CONTEXT, channel=Channel.EMAIL)

    assert rendered.subject
    assert "{{" not in rendered.body
    assert "\n\n\n" not in rendered.body
    assert rendered.language == language


def test_the_shipped_messages_are_the_ones_other_apps_use():
    assert {template for template, _ in SHIPPED} == {
        "referral_received",
        "referral_received_professional",
        "contact_acknowledged",
        "draft_resume_link",
        "signposting_pack",
        "signposting_followup",
        "signposting_reminder",
        "step_down_pack",
        "appointment_booked",
        "appointment_moved",
        "appointment_cancelled",
        "appointment_reminder",
        "programme_place_offered",
        "directory_sign_in_link",
        "directory_request_approved",
        "directory_request_rejected",
        "safeguarding_evidence_due",
        "safeguarding_evidence_lapsed",
        "portal_sign_in_code",
        "portal_team_alert",
        "consultation_resume_link",
        "consultation_response_receipt",
        "event_registration_confirmed",
        "event_waiting_list",
        "event_reminder",
        "event_cancelled",
        "consultation_notice",
    }
    # Every message a family gets is written in each of the service's languages.
    languages = {code for code, _name in django_settings.LANGUAGES}
    for key in {template for template, _ in SHIPPED}:
        assert {language for template, language in SHIPPED if template == key} == languages, key


def test_a_text_message_has_no_subject_line():
    rendered = render_message(
        template="referral_received", language="en", context={"reference": "REF-ABC123"}, channel=Channel.SMS
    )

    assert rendered.subject == ""
    assert rendered.body.startswith("We have received your referral")


def test_text_is_not_html_escaped():
    rendered = render_message(
        template="draft_resume_link",
        language="en",
        context={**CONTEXT, "link": "https://example.org/resume?a=1&b=O'Brien"},
        channel=Channel.EMAIL,
    )

    assert "https://example.org/resume?a=1&b=O'Brien" in rendered.body


def test_the_resume_link_expiry_is_shown_in_uk_time():
    rendered = render_message(template="draft_resume_link", language="en", context=CONTEXT, channel=Channel.EMAIL)

    assert "until 5:00pm on 30 November 2026." in rendered.body  # 17:00 UTC is 17:00 GMT in November


def test_an_unknown_template_is_a_mistake_in_the_code():
    with pytest.raises(TemplateDoesNotExist):
        render_message(template="no_such_message", language="ur", context={}, channel=Channel.EMAIL)


@pytest.mark.parametrize("template", ["../base", "Referral", "referral/received", ""])
def test_a_template_key_cannot_reach_other_templates(template):
    with pytest.raises(ValueError, match="lower-case words"):
        render_message(template=template, language="en", context={}, channel=Channel.EMAIL)
