"""Draft, review, publish: every article is checked by a second editor before families see it."""

import pytest
from django.core.exceptions import ValidationError

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.catalogue.models import CeasedService
from family_resources.resources.models import Article, ArticleStatus, Topic
from family_resources.resources.services import (
    article_create,
    article_publish,
    article_return,
    article_submit,
    article_translation_save,
    article_unpublish,
    article_update,
)

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "Play ideas at home",
    "kind": "article",
    "summary": "Cheap games.",
    "body": "Use boxes.",
    "min_age": 1,
    "max_age": 4,
}


@pytest.fixture
def author():
    return staff(Role.DIRECTORY_OFFICER)


@pytest.fixture
def reviewer():
    return staff(Role.SERVICE_MANAGER)


def draft(author):
    return article_create(
        content=CONTENT,
        topics=[Topic.objects.get(slug="toddlers")],
        ceased_services=[CeasedService.objects.get(slug="stay-and-play")],
        created_by=author,
    )


def test_a_draft_goes_through_review_to_published(author, reviewer):
    article = article_submit(article=draft(author), submitted_by=author)
    assert article.status == ArticleStatus.IN_REVIEW

    article = article_publish(article=article, published_by=reviewer)

    assert article.status == ArticleStatus.PUBLISHED
    assert (article.published_by, article.submitted_by) == (reviewer, author)
    assert list(article.service_areas.values_list("slug", flat=True)) == [
        "early-years"
    ]  # from the topic, for signposting


def test_the_editor_who_sent_it_for_review_cannot_publish_it(author):
    article = article_submit(article=draft(author), submitted_by=author)

    with pytest.raises(ValidationError, match="Another editor must review and publish it"):
        article_publish(article=article, published_by=author)


def test_a_reviewer_sends_it_back_with_a_note(author, reviewer):
    article = article_submit(article=draft(author), submitted_by=author)

    article = article_return(article=article, note="Add where to get free toys.", returned_by=reviewer)

    assert (article.status, article.review_note) == (ArticleStatus.DRAFT, "Add where to get free toys.")


def test_only_a_draft_can_be_changed(author, reviewer):
    article = article_publish(article=article_submit(article=draft(author), submitted_by=author), published_by=reviewer)

    with pytest.raises(ValidationError, match="Only a draft can be changed"):
        article_update(article=article, content=CONTENT, topics=[], ceased_services=[])
    with pytest.raises(ValidationError, match="Only a draft can be changed"):
        article_translation_save(article=article, language="pl", title="t", summary="s", body="b")

    article = article_unpublish(article=article, unpublished_by=reviewer)
    assert (
        article_update(article=article, content={**CONTENT, "title": "Better"}, topics=[], ceased_services=[]).title
        == "Better"
    )


def test_a_video_needs_a_file_on_this_site(author):
    with pytest.raises(ValidationError) as raised:
        article_create(
            content={**CONTENT, "kind": "video", "media_path": ""}, topics=[], ceased_services=[], created_by=author
        )

    assert "media_path" in raised.value.message_dict


@pytest.mark.parametrize("path", ["https://youtube.example/watch", "//evil.example/x.mp4", "/static/../../etc/passwd"])
def test_media_links_to_other_sites_are_refused(signed_in_client, author, path):
    response = signed_in_client(author).post("/staff/resources/new/", {**CONTENT, "kind": "video", "media_path": path})

    assert "Enter a path to a file on this site" in response.content.decode()
    assert not Article.objects.exists()


def test_a_practitioner_cannot_edit_the_resource_centre(signed_in_client):
    assert signed_in_client(staff(Role.PRACTITIONER)).get("/staff/resources/").status_code == 403


def test_the_reviewer_page_offers_publish_only_to_another_editor(signed_in_client, author, reviewer):
    article = article_submit(article=draft(author), submitted_by=author)

    as_author = signed_in_client(author).get(f"/staff/resources/{article.pk}/").content.decode()
    as_reviewer = signed_in_client(reviewer).get(f"/staff/resources/{article.pk}/").content.decode()

    assert ">Publish<" not in as_author
    assert ">Publish<" in as_reviewer
