"""The public pages and the language switcher."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from family_resources.consultation.models import Consultation
from family_resources.consultation.tests.factories import ConsultationFactory, EditionFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_says_who_the_service_is_for_and_how_to_reach_it(client):
    content = client.get("/").content.decode()

    assert "Get help for your family" in content
    assert "aged 0 to 19" in content
    assert "up to 25 with special educational needs" in content
    assert "We do not run drop-in sessions" in content
    assert settings.SERVICE_PHONE in content
    assert "Manor Contact Centre" in content
    assert "Chase Street, Luton, LU1 3QZ" in content
    assert "Address to be confirmed" in content  # the Leagrave hub


def test_the_layout_has_the_govuk_parts_without_crown_or_gds_font(client):
    content = client.get("/").content.decode()

    assert 'class="govuk-skip-link"' in content
    assert "govuk-generic-header" in content
    assert "govuk-phase-banner" in content
    assert "govuk-footer" in content
    assert "govuk-language-navigation" in content
    assert "govuk-header__logotype" not in content
    assert "crown" not in content.lower()


def test_every_language_is_offered_in_its_own_name(client):
    content = client.get("/").content.decode()
    for code, name in settings.LANGUAGES:
        assert f'lang="{code}"' in content
        assert name in content


def test_choosing_a_language_remembers_it_and_returns_to_the_page(client):
    response = client.get(reverse("core:language", args=["ur"]), {"next": "/resources/"})

    assert response.status_code == 302
    assert response["Location"] == "/resources/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ur"
    page = client.get("/resources/").content.decode()
    assert '<html lang="ur" dir="rtl"' in page


@pytest.mark.parametrize("next_url", ["https://evil.example.com/", "//evil.example.com/"])
def test_the_language_switch_never_sends_people_off_site(client, next_url):
    response = client.get(reverse("core:language", args=["pl"]), {"next": next_url})
    assert response["Location"] == "/"


def test_an_unknown_language_changes_nothing(client):
    response = client.get(reverse("core:language", args=["xx"]), {"next": "/"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_missing_page_gets_the_govuk_not_found_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_compiled_stylesheet_and_scripts_are_served_by_the_app(client):
    for path in ["/static/css/application.css", "/static/govuk/govuk-frontend.min.js", "/static/core/application.mjs"]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body, path


def test_the_accessibility_statement_follows_the_model_and_is_linked_from_every_page(client, settings):
    settings.ACCESSIBILITY_STATEMENT_REVIEWED_ON = "2027-01-15"

    content = client.get(reverse("core:accessibility")).content.decode()

    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert heading in content
    assert "partially compliant" in content
    assert "It was last reviewed on 15 January 2027." in content
    assert settings.SERVICE_EMAIL in content
    assert f'href="{reverse("core:accessibility")}"' in client.get("/").content.decode()


def test_a_page_in_urdu_is_written_in_urdu_from_the_compiled_catalogue(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"

    content = client.get("/").content.decode()

    assert "اپنی فیملی کے لیے مدد حاصل کریں" in content  # "Get help for your family"
    assert "Get help for your family" not in content


def test_the_home_page_leads_families_to_their_portal_and_community_groups_to_the_directory(client):
    content = client.get("/").content.decode()

    assert "Already getting support from us?" in content
    assert f'href="{reverse("portal:sign_in")}"' in content
    assert f'href="{reverse("directory:apply")}"' in content
    assert f'href="{reverse("directory:sign_in")}"' in content
    assert f'href="{reverse("consultation:index")}"' in content  # the footer, on every page


def test_an_open_consultation_is_offered_on_the_home_page_until_it_closes(client):
    today = timezone.localdate()
    open_now = ConsultationFactory.create(
        title="Changes to youth clubs", status=Consultation.Status.OPEN, opens_on=today, closes_on=today + timedelta(30)
    )
    EditionFactory.create(consultation=open_now, code="pl", language="pl", title="Zmiany w klubach", published=True)
    ConsultationFactory.create(title="Still a draft", opens_on=today, closes_on=today + timedelta(30))
    ConsultationFactory.create(
        title="Past its date",
        status=Consultation.Status.OPEN,
        opens_on=today - timedelta(60),
        closes_on=today - timedelta(1),
    )
    ConsultationFactory.create(
        title="Already closed", status=Consultation.Status.CLOSED, opens_on=today - timedelta(9), closes_on=today
    )

    content = client.get("/").content.decode()

    assert "Have your say" in content
    assert "Changes to youth clubs" in content
    assert f'href="{reverse("consultation:default", args=[open_now.slug])}"' in content
    assert f"until {open_now.closes_on:%-d %B %Y}" in content
    for hidden in ("Still a draft", "Past its date", "Already closed"):
        assert hidden not in content

    client.get(reverse("core:language", args=["pl"]))
    assert "Zmiany w klubach" in client.get("/").content.decode()  # the edition's own title in Polish


def test_the_home_page_has_no_banner_when_nothing_is_open(client):
    assert "Have your say" not in client.get("/").content.decode()
