"""The public resource centre: search by words, topic and age; articles in English, easy read and translation."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from family_resources.resources.forms import ArticleSearchForm
from family_resources.resources.models import Article, ArticleTranslation
from family_resources.resources.selectors import ArticleSearch, article_search, published_article, topic_by_slug, topics

PAGE_SIZE = 20


@login_not_required
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    searched = bool(set(request.GET) - {"page"})
    form = ArticleSearchForm(request.GET if searched else None)
    articles = article_search(ArticleSearch())
    topic = None
    if searched:
        if form.is_valid():
            topic = topic_by_slug(form.cleaned_data["topic"])
            articles = article_search(
                ArticleSearch(text=form.cleaned_data["q"].strip(), topic=topic, age=form.cleaned_data["age"])
            )
        else:
            articles = articles.none()
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "resources/article_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "topics": topics(),
            "topic": topic,
            "searched": searched,
        },
    )


def _languages(article: Article) -> list[dict[str, str]]:
    names = dict(settings.LANGUAGES)
    return [{"code": t.language, "name": names.get(t.language, t.language)} for t in article.translations.all()]


@login_not_required
@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The article in the visitor's chosen language where there is a translation, English otherwise."""
    article = published_article(slug=slug)
    current = (get_language() or "en").split("-")[0]
    translation = next((t for t in article.translations.all() if t.language == current), None)
    return _render_article(request, article, translation)


@login_not_required
@require_GET
def article_in_language(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    article = published_article(slug=slug)
    if language == "en":
        return _render_article(request, article, None)
    translation = next((t for t in article.translations.all() if t.language == language), None)
    if translation is None:
        raise Http404
    return _render_article(request, article, translation)


def _render_article(request: HttpRequest, article: Article, translation: ArticleTranslation | None) -> HttpResponse:
    shown = translation or article
    language = translation.language if translation else "en"
    return render(
        request,
        "resources/article_detail.html",
        {
            "article": article,
            "title": shown.title,
            "summary": shown.summary,
            "paragraphs": shown.paragraphs,
            "language": language,
            "text_direction": "rtl" if language == "ur" else "ltr",
            "languages": _languages(article),
        },
    )


@login_not_required
@require_GET
def article_easy_read(request: HttpRequest, slug: str) -> HttpResponse:
    article = published_article(slug=slug)
    if not article.easy_read_body.strip():
        raise Http404
    return render(request, "resources/article_easy_read.html", {"article": article})
