"""Writing the resource centre: drafts, review and publishing. Only published articles reach families."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.catalogue.models import CeasedService
from family_resources.resources.models import Article, ArticleStatus, ArticleTranslation, Topic

CONTENT_FIELDS = ["title", "kind", "summary", "body", "easy_read_body", "media_path", "min_age", "max_age"]


def _problems(content: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    youngest, oldest = content.get("min_age"), content.get("max_age")
    if youngest is not None and oldest is not None and youngest > oldest:
        problems["max_age"] = _("The oldest age must be the same as or more than the youngest age")
    if content.get("kind") == Article.Kind.VIDEO and not content.get("media_path"):
        problems["media_path"] = _("Enter the path to the video on this site")
    return problems


def _unique_slug(title: str) -> str:
    base = slugify(title)[:45].strip("-") or "article"
    slug, number = base, 1
    while Article.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _set_links(article: Article, topics: Iterable[Topic], ceased_services: Iterable[CeasedService]) -> None:
    chosen = list(topics)
    article.topics.set(chosen)
    article.ceased_services.set(list(ceased_services))
    # Signposting packs pick articles by service area: follow the topics chosen.
    article.service_areas.set({topic.service_area for topic in chosen if topic.service_area is not None})


@transaction.atomic
def article_create(
    *, content: dict[str, Any], topics: Iterable[Topic], ceased_services: Iterable[CeasedService], created_by: User
) -> Article:
    """Start a draft. Nobody outside the editors sees it until it is reviewed and published.

    Its address comes from the title unless `content` gives a `slug` (the demo data keeps known ones).
    """
    if problems := _problems(content):
        raise ValidationError(problems)
    slug = content.get("slug") or _unique_slug(content["title"])
    if Article.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Another article already has this address")})
    article = Article.objects.create(
        slug=slug,
        created_by=created_by,
        **{field: content.get(field) if content.get(field) is not None else _blank(field) for field in CONTENT_FIELDS},
    )
    _set_links(article, topics, ceased_services)
    return article


def _blank(field: str) -> Any:
    return None if field in {"min_age", "max_age"} else ""


@transaction.atomic
def article_update(
    *, article: Article, content: dict[str, Any], topics: Iterable[Topic], ceased_services: Iterable[CeasedService]
) -> Article:
    """Change a draft. A published article is taken back to draft first, so every change is reviewed."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != ArticleStatus.DRAFT:
        raise ValidationError(_("Only a draft can be changed: take it back to draft first"))
    if problems := _problems(content):
        raise ValidationError(problems)
    for field in CONTENT_FIELDS:
        value = content.get(field)
        setattr(locked, field, value if value is not None else _blank(field))
    locked.save()
    _set_links(locked, topics, ceased_services)
    return locked


@transaction.atomic
def article_translation_save(
    *, article: Article, language: str, title: str, summary: str, body: str
) -> ArticleTranslation:
    """Add or replace a translation of a draft; it is reviewed and published with the article."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != ArticleStatus.DRAFT:
        raise ValidationError(_("Only a draft can be changed: take it back to draft first"))
    if language not in {code for code, _name in settings.LANGUAGES} or language == "en":
        raise ValidationError({"language": _("Choose one of the service's languages other than English")})
    translation, _created = ArticleTranslation.objects.update_or_create(
        article=locked, language=language, defaults={"title": title, "summary": summary, "body": body}
    )
    return translation


@transaction.atomic
def article_submit(*, article: Article, submitted_by: User) -> Article:
    """Send a draft for review by another editor."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != ArticleStatus.DRAFT:
        raise ValidationError(_("Only a draft can be sent for review"))
    locked.status = ArticleStatus.IN_REVIEW
    locked.submitted_by = submitted_by
    locked.submitted_at = timezone.now()
    locked.review_note = ""
    locked.save(update_fields=["status", "submitted_by", "submitted_at", "review_note", "updated_at"])
    return locked


@transaction.atomic
def article_publish(*, article: Article, published_by: User) -> Article:
    """Publish a reviewed article. The reviewer must be someone other than the editor who sent it for review."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != ArticleStatus.IN_REVIEW:
        raise ValidationError(_("Only an article in review can be published"))
    if locked.submitted_by_id == published_by.pk:
        raise ValidationError(_("Another editor must review and publish it: you sent it for review"))
    locked.status = ArticleStatus.PUBLISHED
    locked.published_by = published_by
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_by", "published_at", "updated_at"])
    return locked


@transaction.atomic
def article_return(*, article: Article, note: str, returned_by: User) -> Article:
    """Send an article in review back to draft, saying what to change."""
    if not note.strip():
        raise ValidationError({"note": _("Say what needs to change before it can be published")})
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != ArticleStatus.IN_REVIEW:
        raise ValidationError(_("Only an article in review can be sent back"))
    locked.status = ArticleStatus.DRAFT
    locked.review_note = note.strip()
    locked.save(update_fields=["status", "review_note", "updated_at"])
    return locked


@transaction.atomic
def article_unpublish(*, article: Article, unpublished_by: User) -> Article:
    """Take a published article down to change it; families stop seeing it at once."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status != ArticleStatus.PUBLISHED:
        raise ValidationError(_("Only a published article can be taken back to draft"))
    locked.status = ArticleStatus.DRAFT
    locked.save(update_fields=["status", "updated_at"])
    return locked
