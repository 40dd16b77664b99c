"""Reads of the resource centre."""

from collections.abc import Collection

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from family_resources.resources.models import Article


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True).prefetch_related("service_areas").order_by("title")


def published_article(*, slug: str) -> Article:
    return get_object_or_404(published_articles(), slug=slug)


def articles_for(*, service_area_ids: Collection[int], limit: int = 3) -> list[Article]:
    """Published articles for these service areas; any published articles when none match."""
    published = published_articles()
    matched = list(published.filter(service_areas__in=service_area_ids).distinct()[:limit]) if service_area_ids else []
    return matched or list(published[:limit])
