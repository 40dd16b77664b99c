"""The public resource centre: published articles only, searched by words, topic and age; translations and easy read."""

import pytest
from django.utils import timezone

from family_resources.resources.models import Article, ArticleStatus, ArticleTranslation, Topic

pytestmark = pytest.mark.django_db


def published(slug, title, **fields):
    return Article.objects.create(
        slug=slug,
        title=title,
        summary=fields.pop("summary", "A summary."),
        body=fields.pop("body", "Text."),
        status=ArticleStatus.PUBLISHED,
        published_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def articles():
    sleep = published(
        "sleep", "Sleep", summary="Helping children sleep.", body="First paragraph.\n\nSecond.", min_age=0, max_age=5
    )
    sleep.topics.add(Topic.objects.get(slug="toddlers"))
    teens = published("teens", "Talking with teenagers", min_age=13, max_age=19)
    teens.topics.add(Topic.objects.get(slug="teenagers"))
    draft = Article.objects.create(slug="draft", title="Draft piece", summary="Not ready.", body="x")
    return sleep, teens, draft


def listed(client, **query):
    return [a.title for a in client.get("/resources/", query).context["page"].object_list]


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


def test_families_search_by_words_topic_and_childs_age(client, articles):
    assert listed(client, q="sleep") == ["Sleep"]
    assert listed(client, topic="teenagers") == ["Talking with teenagers"]
    assert listed(client, age=3) == ["Sleep"]
    assert listed(client, age=15) == ["Talking with teenagers"]
    assert listed(client, q="draft") == []


def test_a_search_finds_words_in_a_translation(client, articles):
    ArticleTranslation.objects.create(
        article=articles[0], language="pl", title="Sen", summary="Sen dzieci.", body="Pierwszy akapit."
    )

    assert listed(client, q="akapit") == ["Sleep"]


def test_the_article_is_shown_in_the_visitors_language_where_translated(client, articles):
    ArticleTranslation.objects.create(
        article=articles[0], language="pl", title="Sen", summary="Sen dzieci.", body="Pierwszy akapit."
    )
    client.get("/language/pl/?next=/")

    content = client.get("/resources/sleep/").content.decode()

    assert "Pierwszy akapit." in content
    assert 'lang="pl"' in content
    assert "/resources/sleep/language/en/" in content


def test_each_translation_and_the_easy_read_version_have_their_own_page(client, articles):
    sleep = articles[0]
    sleep.easy_read_body = "Children need sleep.\n\nGo to bed at the same time."
    sleep.save()
    ArticleTranslation.objects.create(article=sleep, language="ur", title="نیند", summary="خلاصہ", body="متن")

    easy = client.get("/resources/sleep/easy-read/").content.decode()
    urdu = client.get("/resources/sleep/language/ur/").content.decode()

    assert '<p class="govuk-body-l">Go to bed at the same time.</p>' in easy
    assert 'dir="rtl"' in urdu
    assert "متن" in urdu
    assert client.get("/resources/teens/easy-read/").status_code == 404
    assert client.get("/resources/sleep/language/pl/").status_code == 404
