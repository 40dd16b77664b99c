"""Reads of the resource centre."""

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from family_resources.resources.models import Article, ArticleStatus, ArticleTranslation, Topic


def published_articles() -> QuerySet[Article]:
    return (
        Article.objects.filter(status=ArticleStatus.PUBLISHED)
        .prefetch_related("service_areas", "topics", "translations")
        .order_by("title")
    )


def published_article(*, slug: str) -> Article:
    return get_object_or_404(published_articles(), slug=slug)


def articles_for(*, service_area_ids: Collection[int], limit: int = 3) -> list[Article]:
    """Published articles for these service areas; any published articles when none match."""
    published = published_articles()
    matched = list(published.filter(service_areas__in=service_area_ids).distinct()[:limit]) if service_area_ids else []
    return matched or list(published[:limit])


def articles_replacing(*, ceased_service_id: int | None, limit: int = 5) -> list[Article]:
    """Published self-help for families whose children's-centre service stopped."""
    if ceased_service_id is None:
        return []
    return list(published_articles().filter(ceased_services=ceased_service_id).distinct()[:limit])


@dataclass(frozen=True)
class ArticleSearch:
    text: str = ""
    topic: Topic | None = None
    age: int | None = None


def article_search(search: ArticleSearch) -> QuerySet[Article]:
    """Published articles matching every word (in English, easy read or any translation), topic and age."""
    found = published_articles()
    for word in search.text.split():
        in_translation = ArticleTranslation.objects.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        ).values("article")
        found = found.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Q(easy_read_body__icontains=word)
            | Q(pk__in=in_translation)
        )
    if search.topic is not None:
        found = found.filter(topics=search.topic)
    if search.age is not None:
        found = found.filter(Q(min_age__isnull=True) | Q(min_age__lte=search.age)).filter(
            Q(max_age__isnull=True) | Q(max_age__gte=search.age)
        )
    return found.distinct()


def topics() -> QuerySet[Topic]:
    return Topic.objects.order_by("position", "name")


def topic_by_slug(slug: str) -> Topic | None:
    return Topic.objects.filter(slug=slug).first() if slug else None


def editor_articles() -> QuerySet[Article]:
    """Every article, for editors, the most recently changed first."""
    return Article.objects.select_related("submitted_by", "published_by").order_by("-updated_at", "-pk")


def article_for_editor(*, article_id: int) -> Article:
    return get_object_or_404(
        Article.objects.select_related("created_by", "submitted_by", "published_by").prefetch_related(
            "topics", "ceased_services", "translations"
        ),
        pk=article_id,
    )
