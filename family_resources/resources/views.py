"""The public resource centre."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from family_resources.resources.selectors import published_article, published_articles


@login_not_required
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    return render(request, "resources/article_list.html", {"articles": published_articles()})


@login_not_required
@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "resources/article_detail.html", {"article": published_article(slug=slug)})
