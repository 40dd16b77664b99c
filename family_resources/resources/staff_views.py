"""The editors' pages: write a draft, send it for review, and (another editor) publish it."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.accounts.models import User
from family_resources.catalogue.models import CeasedService
from family_resources.core.forms import form_add_service_errors
from family_resources.resources.forms import ArticleForm, ReturnForm, TranslationForm
from family_resources.resources.models import Article, ArticleStatus, Topic
from family_resources.resources.selectors import article_for_editor, editor_articles
from family_resources.resources.services import (
    CONTENT_FIELDS,
    article_create,
    article_publish,
    article_return,
    article_submit,
    article_translation_save,
    article_unpublish,
    article_update,
)

EDIT = "resources.edit_article"


def acting(request: HttpRequest) -> User:
    """The signed-in member of staff: every view here requires a permission, so never anonymous."""
    return cast(User, request.user)


@permission_required(EDIT, raise_exception=True)
def editor_list(request: HttpRequest) -> HttpResponse:
    articles = list(editor_articles())
    groups = [
        (label, [a for a in articles if a.status == status])
        for status, label in [
            (ArticleStatus.IN_REVIEW, _("Waiting for review")),
            (ArticleStatus.DRAFT, _("Drafts")),
            (ArticleStatus.PUBLISHED, _("Published")),
        ]
    ]
    return render(request, "resources/staff/list.html", {"groups": groups})


def _chosen(form: ArticleForm) -> tuple[list[Topic], list[CeasedService]]:
    return (
        list(Topic.objects.filter(slug__in=form.cleaned_data["topics"])),
        list(CeasedService.objects.filter(slug__in=form.cleaned_data["ceased_services"])),
    )


@permission_required(EDIT, raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        topics, ceased = _chosen(form)
        try:
            article = article_create(
                content=form.cleaned_data, topics=topics, ceased_services=ceased, created_by=acting(request)
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Draft saved."))
            return redirect("resources_staff:article", article_id=article.pk)
    return render(request, "resources/staff/article_form.html", {"form": form, "article": None})


@permission_required(EDIT, raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_edit(request: HttpRequest, article_id: int) -> HttpResponse:
    article = article_for_editor(article_id=article_id)
    initial = {field: getattr(article, field) for field in CONTENT_FIELDS}
    initial["topics"] = [t.slug for t in article.topics.all()]
    initial["ceased_services"] = [c.slug for c in article.ceased_services.all()]
    form = ArticleForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        topics, ceased = _chosen(form)
        try:
            article_update(article=article, content=form.cleaned_data, topics=topics, ceased_services=ceased)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Draft saved."))
            return redirect("resources_staff:article", article_id=article.pk)
    return render(request, "resources/staff/article_form.html", {"form": form, "article": article})


@permission_required(EDIT, raise_exception=True)
def article_review(request: HttpRequest, article_id: int) -> HttpResponse:
    """The article as families will see it, with what can be done next."""
    article = article_for_editor(article_id=article_id)
    return render(
        request,
        "resources/staff/article_detail.html",
        {
            "article": article,
            "can_publish": article.status == ArticleStatus.IN_REVIEW and article.submitted_by_id != request.user.pk,
        },
    )


def _transition(request: HttpRequest, article: Article, action: str) -> None:
    if action == "submit":
        article_submit(article=article, submitted_by=acting(request))
        messages.success(request, _("Sent for review. Another editor must publish it."))
    elif action == "publish":
        article_publish(article=article, published_by=acting(request))
        messages.success(request, _("Published: families can now find it."))
    else:
        article_unpublish(article=article, unpublished_by=acting(request))
        messages.success(request, _("Taken back to draft: families no longer see it."))


@permission_required(EDIT, raise_exception=True)
@require_POST
def article_action(request: HttpRequest, article_id: int, action: str) -> HttpResponse:
    if action not in {"submit", "publish", "unpublish"}:
        raise Http404
    article = article_for_editor(article_id=article_id)
    try:
        _transition(request, article, action)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    return redirect("resources_staff:article", article_id=article.pk)


@permission_required(EDIT, raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_send_back(request: HttpRequest, article_id: int) -> HttpResponse:
    article = article_for_editor(article_id=article_id)
    form = ReturnForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            article_return(article=article, note=form.cleaned_data["note"], returned_by=acting(request))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Sent back to draft with your note."))
            return redirect("resources_staff:article", article_id=article.pk)
    return render(request, "resources/staff/send_back.html", {"form": form, "article": article})


@permission_required(EDIT, raise_exception=True)
@require_http_methods(["GET", "POST"])
def translation_edit(request: HttpRequest, article_id: int) -> HttpResponse:
    article = article_for_editor(article_id=article_id)
    language = request.GET.get("language", "")
    existing = next((t for t in article.translations.all() if t.language == language), None)
    initial = (
        {"language": language, "title": existing.title, "summary": existing.summary, "body": existing.body}
        if existing
        else {"language": language}
    )
    form = TranslationForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            article_translation_save(article=article, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Translation saved."))
            return redirect("resources_staff:article", article_id=article.pk)
    return render(request, "resources/staff/translation_form.html", {"form": form, "article": article})
