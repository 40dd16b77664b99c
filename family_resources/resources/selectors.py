"""Reads of the resource centre."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from family_resources.resources.models import Article


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(published=True).prefetch_related("service_areas").order_by("title")


def published_article(*, slug: str) -> Article:
    return get_object_or_404(published_articles(), slug=slug)
