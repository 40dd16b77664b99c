"""Consultation officers' pages for an edition's words: title and summary, document pages and FAQ (ADR 0032).

The rules (and the audit trail) are in `editing.py`; a form that fails comes back with the GOV.UK error
summary and everything typed kept.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.consultation import editing
from family_resources.consultation.models import DocumentPage, Edition, FaqItem
from family_resources.core.forms import form_add_service_errors

RUN = "consultation.run_consultations"


class EditionDetailsForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter the edition's title")},
    )
    summary = forms.CharField(
        label=gettext_lazy("Summary"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Enter the edition's summary")},
    )


class DocumentPageForm(forms.Form):
    heading = forms.CharField(
        label=gettext_lazy("Heading"),
        max_length=200,
        error_messages={"required": gettext_lazy("Enter the page's heading")},
    )
    slug = forms.CharField(
        label=gettext_lazy("Web address"),
        max_length=80,
        required=False,
        help_text=gettext_lazy(
            "The last part of the page's address, like why-we-are-consulting. Leave empty to make it from the "
            "heading. Keep a translated page's address the same as the English page's."
        ),
    )
    body = forms.CharField(
        label=gettext_lazy("Text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy("Paragraphs with an empty line between them; start a line with '- ' for a list."),
        error_messages={"required": gettext_lazy("Enter the page's text")},
    )


class FaqForm(forms.Form):
    question = forms.CharField(
        label=gettext_lazy("Question"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Enter the question")},
    )
    answer = forms.CharField(
        label=gettext_lazy("Answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Enter the answer")},
    )


def _edition(pk: int, code: str) -> Edition:
    return get_object_or_404(Edition.objects.select_related("consultation"), consultation_id=pk, code=code)


def _back(edition: Edition) -> HttpResponse:
    return redirect("consultation_staff:edition_content", edition.consultation_id, edition.code)


def _form_page(request: HttpRequest, edition: Edition, form: forms.Form, title: str, **extra: Any) -> HttpResponse:
    return render(
        request,
        "consultation/staff/content_form.html",
        {
            "form": form,
            "title": title,
            "edition": edition,
            "consultation": edition.consultation,
            "can_edit": editing.can_edit(edition.consultation),
            **extra,
        },
        status=400 if form.errors else 200,
    )


def _refused(request: HttpRequest, error: ValidationError, edition: Edition) -> HttpResponse:
    messages.error(request, " ".join(error.messages))
    return _back(edition)


@permission_required(RUN, raise_exception=True)
def edition_content(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    edition = _edition(pk, code)
    return render(
        request,
        "consultation/staff/edition_content.html",
        {
            "edition": edition,
            "consultation": edition.consultation,
            "pages": list(edition.pages.order_by("position", "pk")),
            "faqs": list(edition.faqs.order_by("position", "pk")),
            "untranslated": editing.untranslated_pages(edition),
            "can_edit": editing.can_edit(edition.consultation),
        },
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def edition_details(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    edition = _edition(pk, code)
    form = EditionDetailsForm(request.POST or None, initial={"title": edition.title, "summary": edition.summary})
    if request.method == "POST" and form.is_valid():
        try:
            editing.edition_details_update(edition=edition, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _refused(request, error, edition)
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Title and summary saved"))
            return _back(edition)
    return _form_page(request, edition, form, _("Change the title and summary"))


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def page_add(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """A new page; `?from=<slug>` starts it from the English edition's page of that address."""
    edition = _edition(pk, code)
    initial: dict[str, str] = {}
    source = None
    english = editing.english_edition(edition)
    if request.method == "GET" and request.GET.get("from") and english is not None:
        source = english.pages.filter(slug=request.GET["from"]).first()
        if source is not None:
            initial = {"heading": source.heading, "slug": source.slug, "body": source.body}
    form = DocumentPageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.document_page_save(edition=edition, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _refused(request, error, edition)
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Page added"))
            return _back(edition)
    return _form_page(request, edition, form, _("Add a page"), started_from=source)


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, pk: int, code: str, page_id: int) -> HttpResponse:
    edition = _edition(pk, code)
    page = get_object_or_404(DocumentPage, pk=page_id, edition=edition)
    form = DocumentPageForm(
        request.POST or None, initial={"heading": page.heading, "slug": page.slug, "body": page.body}
    )
    if request.method == "POST" and form.is_valid():
        try:
            editing.document_page_save(edition=edition, page=page, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _refused(request, error, edition)
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Page saved"))
            return _back(edition)
    return _form_page(request, edition, form, _("Change a page"))


@permission_required(RUN, raise_exception=True)
@require_POST
def page_move(request: HttpRequest, pk: int, code: str, page_id: int) -> HttpResponse:
    edition = _edition(pk, code)
    page = get_object_or_404(DocumentPage, pk=page_id, edition=edition)
    try:
        editing.document_page_move(page=page, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        return _refused(request, error, edition)
    return _back(edition)


@permission_required(RUN, raise_exception=True)
@require_POST
def page_remove(request: HttpRequest, pk: int, code: str, page_id: int) -> HttpResponse:
    edition = _edition(pk, code)
    page = get_object_or_404(DocumentPage, pk=page_id, edition=edition)
    try:
        editing.document_page_remove(page=page)
    except ValidationError as error:
        return _refused(request, error, edition)
    messages.success(request, _("Page removed"))
    return _back(edition)


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def faq_add(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    edition = _edition(pk, code)
    form = FaqForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            editing.faq_save(edition=edition, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _refused(request, error, edition)
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Question and answer added"))
            return _back(edition)
    return _form_page(request, edition, form, _("Add a question and answer"))


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def faq_edit(request: HttpRequest, pk: int, code: str, faq_id: int) -> HttpResponse:
    edition = _edition(pk, code)
    item = get_object_or_404(FaqItem, pk=faq_id, edition=edition)
    form = FaqForm(request.POST or None, initial={"question": item.question, "answer": item.answer})
    if request.method == "POST" and form.is_valid():
        try:
            editing.faq_save(edition=edition, item=item, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                return _refused(request, error, edition)
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Question and answer saved"))
            return _back(edition)
    return _form_page(request, edition, form, _("Change a question and answer"))


@permission_required(RUN, raise_exception=True)
@require_POST
def faq_move(request: HttpRequest, pk: int, code: str, faq_id: int) -> HttpResponse:
    edition = _edition(pk, code)
    item = get_object_or_404(FaqItem, pk=faq_id, edition=edition)
    try:
        editing.faq_move(item=item, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        return _refused(request, error, edition)
    return _back(edition)


@permission_required(RUN, raise_exception=True)
@require_POST
def faq_remove(request: HttpRequest, pk: int, code: str, faq_id: int) -> HttpResponse:
    edition = _edition(pk, code)
    item = get_object_or_404(FaqItem, pk=faq_id, edition=edition)
    try:
        editing.faq_remove(item=item)
    except ValidationError as error:
        return _refused(request, error, edition)
    messages.success(request, _("Question and answer removed"))
    return _back(edition)
