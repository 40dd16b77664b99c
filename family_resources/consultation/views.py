"""The public consultation pages: read the document and FAQ, and respond, in any edition.

Every page of an edition is shown in that edition's language (so Urdu pages are right to left),
whatever language the visitor last chose. Responding follows the GOV.UK question pages pattern:
one page at a time, check your answers, save and come back later by an emailed link.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from family_resources.consultation import selectors, survey
from family_resources.consultation.forms import AnswersForm, SaveForm
from family_resources.consultation.models import Consultation, Edition
from family_resources.consultation.services import (
    ResponseInput,
    response_draft_find,
    response_draft_save,
    response_submit,
)
from family_resources.consultation.switch import language_alternates

# Identifiers only: never what anyone typed.
logger = logging.getLogger(__name__)


class Progress:
    """One respondent's answers to one consultation, kept in their session."""

    def __init__(self, request: HttpRequest, consultation: Consultation) -> None:
        self.session = request.session
        self.key = f"consultation:{consultation.pk}"
        self.data: dict[str, Any] = self.session.get(self.key) or {}

    @property
    def started(self) -> bool:
        return "answers" in self.data

    @property
    def answers(self) -> dict[str, Any]:
        return dict(self.data.get("answers", {}))

    @property
    def seen(self) -> list[int]:
        return list(self.data.get("seen", []))

    @property
    def draft_id(self) -> int | None:
        return self.data.get("draft_id")

    @property
    def sent(self) -> str:
        return str(self.session.get(self.key + ":sent", ""))

    def start(
        self, *, answers: dict[str, Any] | None = None, seen: list[int] | None = None, draft_id: int | None = None
    ) -> None:
        self.data = {"answers": answers or {}, "seen": seen or [], "draft_id": draft_id}
        self.session[self.key] = self.data
        self.session.pop(self.key + ":sent", None)

    def save_page(self, questions: list[Any], page: int, page_answers: dict[str, Any]) -> None:
        keys = {q.key for q in survey.page_questions(questions, self.answers, page)}
        answers = {k: v for k, v in self.answers.items() if k not in keys} | page_answers
        self.data["answers"] = survey.kept_answers(questions, answers)
        self.data["seen"] = sorted(set(self.seen) | {page})
        self.session[self.key] = self.data

    def set_draft(self, draft_id: int) -> None:
        self.data["draft_id"] = draft_id
        self.session[self.key] = self.data

    def finish(self, reference: str) -> None:
        self.session.pop(self.key, None)
        self.session[self.key + ":sent"] = reference


def _edition(slug: str, code: str) -> Edition:
    edition = selectors.public_edition(slug=slug, code=code)
    if edition is None:
        raise Http404
    return edition


def _render(
    request: HttpRequest, edition: Edition, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render in the edition's language: the page's lang and dir follow it, not the visitor's last choice."""
    # The language links go to this page in the matching edition (ADR 0032, core's context processor).
    request.language_alternates = language_alternates(request, edition)  # type: ignore[attr-defined]
    with translation.override(edition.language):
        response = render(
            request,
            template,
            {"edition": edition, "consultation": edition.consultation, **context},
            status=status,
        )
    response.headers["Content-Language"] = edition.language
    return response


def _url(name: str, edition: Edition, *args: Any) -> str:
    return reverse(f"consultation:{name}", args=[edition.consultation.slug, edition.code, *args])


def _page_url(edition: Edition, page: int, changing: bool = False) -> str:
    url = _url("question", edition, page)
    return f"{url}?change=1" if changing else url


def _where_to_resume(edition: Edition, questions: list[Any], progress: Progress) -> str:
    page = survey.first_unanswered_page(questions, progress.answers, progress.seen)
    return _page_url(edition, page) if page is not None else _url("check", edition)


def resume_link(token: str) -> str:
    """The full address in the email: from settings, never from the request's Host header."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("consultation:resume", args=[token])


@login_not_required
@require_GET
def consultation_index(request: HttpRequest) -> HttpResponse:
    return render(request, "consultation/public/index.html", {"consultations": selectors.public_consultations()})


@login_not_required
@require_GET
def consultation_home(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _edition(slug, code)
    consultation = edition.consultation
    others = consultation.editions.filter(published=True).exclude(pk=edition.pk)
    progress = Progress(request, consultation)
    return _render(
        request,
        edition,
        "consultation/public/home.html",
        {
            "pages": edition.pages.all(),
            "has_faq": edition.faqs.exists(),
            "other_editions": others,
            "is_open": consultation.status == Consultation.Status.OPEN,
            "started": progress.started,
        },
    )


@login_not_required
@require_GET
def consultation_default(request: HttpRequest, slug: str) -> HttpResponse:
    """The edition in the visitor's language where there is one, otherwise English."""
    language = translation.get_language() or "en"
    edition = selectors.public_edition(slug=slug, code=language) or _edition(slug, "en")
    return redirect(_url("home", edition))


@login_not_required
@require_GET
def document_page(request: HttpRequest, slug: str, code: str, page: str) -> HttpResponse:
    edition = _edition(slug, code)
    pages = list(edition.pages.all())
    current = next((p for p in pages if p.slug == page), None)
    if current is None:
        raise Http404
    index = pages.index(current)
    return _render(
        request,
        edition,
        "consultation/public/document_page.html",
        {
            "page": current,
            "pages": pages,
            "previous": pages[index - 1] if index > 0 else None,
            "next": pages[index + 1] if index + 1 < len(pages) else None,
        },
    )


@login_not_required
@require_GET
def faq(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _edition(slug, code)
    return _render(request, edition, "consultation/public/faq.html", {"faqs": edition.faqs.all()})


def _open_edition(slug: str, code: str) -> Edition:
    edition = _edition(slug, code)
    if edition.consultation.status != Consultation.Status.OPEN:
        raise Http404
    return edition


@login_not_required
@require_http_methods(["GET", "POST"])
def respond_start(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _open_edition(slug, code)
    progress = Progress(request, edition.consultation)
    questions = selectors.survey_questions(edition.consultation)
    if request.method == "POST":
        if not progress.started:
            progress.start()
        return redirect(_where_to_resume(edition, questions, progress))
    return _render(request, edition, "consultation/public/start.html", {"started": progress.started})


@login_not_required
@require_http_methods(["GET", "POST"])
def respond_question(request: HttpRequest, slug: str, code: str, page: int) -> HttpResponse:
    edition = _open_edition(slug, code)
    consultation = edition.consultation
    progress = Progress(request, consultation)
    if not progress.started:
        return redirect(_url("start", edition))
    questions = selectors.survey_questions(consultation)
    page_numbers = survey.pages(questions, progress.answers)
    if page not in page_numbers:
        return redirect(_where_to_resume(edition, questions, progress))
    on_page = survey.page_questions(questions, progress.answers, page)
    translations = selectors.question_translations(edition)
    changing = request.GET.get("change") == "1"
    saving = "save_for_later" in request.POST
    if request.method == "POST":
        form = AnswersForm(request.POST, questions=on_page, edition=edition, translations=translations)
        if saving:
            # Save and come back later keeps whatever is valid on the page, even if not all of it is.
            form.is_valid()
            valid = {k: v for k, v in form.cleaned_data.items() if k not in form.errors and v not in (None, "", [])}
            progress.save_page(questions, page, valid)
            return redirect(_url("save", edition))
        if form.is_valid():
            progress.save_page(questions, page, form.answers())
            logger.info("consultation %s page %s answered", consultation.pk, page)
            if changing:
                return redirect(_where_to_resume(edition, questions, progress))
            following = [p for p in survey.pages(questions, progress.answers) if p > page]
            return redirect(_page_url(edition, following[0]) if following else _url("check", edition))
    else:
        form = AnswersForm(initial=progress.answers, questions=on_page, edition=edition, translations=translations)
    index = page_numbers.index(page)
    if changing:
        back_url = _url("check", edition)
    elif index > 0:
        back_url = _page_url(edition, page_numbers[index - 1])
    else:
        back_url = _url("start", edition)
    fields = [form[q.key] for q in on_page]
    return _render(
        request,
        edition,
        "consultation/public/question.html",
        {
            "form": form,
            "fields": fields,
            "single": len(fields) == 1,
            "title": fields[0].label if len(fields) == 1 else "",
            "back_url": back_url,
            "page_number": index + 1,
            "page_count": len(page_numbers),
        },
        status=400 if form.errors else 200,
    )


def _summary_rows(edition: Edition, questions: list[Any], answers: dict[str, Any]) -> list[dict[str, Any]]:
    translations = selectors.question_translations(edition)
    rows = []
    for question in survey.asked_questions(questions, answers):
        words = survey.wording(question, edition, translations)
        rows.append(
            {
                "key": words.text,
                "value": survey.display_value(question, answers.get(question.key), words.options),
                "change_url": _page_url(edition, question.page, changing=True),
            }
        )
    return rows


@login_not_required
@require_http_methods(["GET", "POST"])
def respond_check(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _open_edition(slug, code)
    consultation = edition.consultation
    progress = Progress(request, consultation)
    if not progress.started:
        return redirect(_url("start", edition))
    questions = selectors.survey_questions(consultation)
    if survey.first_unanswered_page(questions, progress.answers, progress.seen) is not None:
        return redirect(_where_to_resume(edition, questions, progress))
    errors: list[str] = []
    if request.method == "POST":
        try:
            response = response_submit(
                data=ResponseInput(edition=edition, answers=progress.answers), draft_id=progress.draft_id
            )
        except ValidationError as error:
            errors = error.messages
        else:
            progress.finish(response.reference)
            logger.info("consultation %s response received", consultation.pk)
            return redirect(_url("confirmation", edition))
    return _render(
        request,
        edition,
        "consultation/public/check.html",
        {"rows": _summary_rows(edition, questions, progress.answers), "errors": errors},
        status=400 if errors else 200,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def respond_save(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _open_edition(slug, code)
    progress = Progress(request, edition.consultation)
    if not progress.started:
        return redirect(_url("start", edition))
    if request.method == "POST":
        form = SaveForm(request.POST)
        if form.is_valid():
            answers = {**progress.answers, "_seen": progress.seen}
            draft = response_draft_save(
                edition=edition,
                answers=answers,
                email=form.cleaned_data["email"],
                link_for=resume_link,
                replaces=progress.draft_id,
            )
            progress.set_draft(draft.pk)
            return _render(
                request,
                edition,
                "consultation/public/saved.html",
                {"email": form.cleaned_data["email"], "expires_at": draft.expires_at},
            )
    else:
        form = SaveForm()
    questions = selectors.survey_questions(edition.consultation)
    return _render(
        request,
        edition,
        "consultation/public/save.html",
        {"form": form, "back_url": _where_to_resume(edition, questions, progress)},
        status=400 if form.errors else 200,
    )


@login_not_required
@require_GET
def resume(request: HttpRequest, token: str) -> HttpResponse:
    draft = response_draft_find(token=token)
    if draft is None:
        return render(request, "consultation/public/resume_problem.html", status=404)
    edition = draft.edition
    consultation = edition.consultation
    if consultation.status != Consultation.Status.OPEN:
        return _render(request, edition, "consultation/public/resume_problem.html", {"closed": True}, status=410)
    answers = dict(draft.answers)
    seen = [int(p) for p in answers.pop("_seen", [])]
    progress = Progress(request, consultation)
    progress.start(answers=answers, seen=seen, draft_id=draft.pk)
    questions = selectors.survey_questions(consultation)
    return redirect(_where_to_resume(edition, questions, progress))


@login_not_required
@require_GET
def respond_confirmation(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = _edition(slug, code)
    reference = Progress(request, edition.consultation).sent
    if not reference:
        return redirect(_url("home", edition))
    return _render(request, edition, "consultation/public/confirmation.html", {"reference": reference})
