import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_privacy_notice_is_public_and_gives_the_lawful_bases_rights_and_the_dpo(client, settings):
    settings.PRIVACY_DPO_EMAIL = "dpo@luton.example.org"
    response = client.get("/privacy/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Article 6(1)(e)",
        "Article 9(2)(g)",
        "Article 9(2)(h)",
        "Children Act 1989",
        "Children Act 2004",
        "subject access request",
        "until the youngest child is 25",
        "dpo@luton.example.org",
        "Information Commissioner",
    ):
        assert text in page, text


def test_every_page_links_to_the_privacy_notice_in_the_footer(client):
    assert f'href="{reverse("privacy:notice")}"' in client.get("/").content.decode()
