"""The public resource centre shows published articles only."""

import pytest

from family_resources.resources.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    published = Article.objects.create(
        slug="sleep",
        title="Sleep",
        summary="Helping children sleep.",
        body="First paragraph.\n\nSecond.",
        published=True,
    )
    draft = Article.objects.create(slug="draft", title="Draft piece", summary="Not ready.", body="x", published=False)
    return published, draft


def test_the_list_shows_published_articles_only(client, articles):
    content = client.get("/resources/").content.decode()
    assert "Sleep" in content
    assert "Draft piece" not in content


def test_an_article_page_shows_its_paragraphs(client, articles):
    content = client.get("/resources/sleep/").content.decode()
    assert '<p class="govuk-body">First paragraph.</p>' in content
    assert '<p class="govuk-body">Second.</p>' in content


def test_a_draft_is_not_found(client, articles):
    assert client.get("/resources/draft/").status_code == 404
