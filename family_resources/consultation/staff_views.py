"""Consultation officers' pages: consultations and their lifecycle, editions, the survey builder,
responses entered for people who cannot respond online, and the list of responses."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from family_resources.accounts.models import User
from family_resources.audit.services import audit_view, audit_views
from family_resources.consultation import selectors, survey
from family_resources.consultation.forms import (
    AnswersForm,
    AssistedDetailsForm,
    ConsultationForm,
    EditionForm,
    QuestionForm,
    RewordForm,
)
from family_resources.consultation.models import AnswerType, Consultation, Edition, Question, Response
from family_resources.consultation.services import (
    TRANSITIONS,
    ResponseInput,
    TextTranslation,
    consultation_create,
    consultation_transition,
    edition_add,
    parse_options,
    question_add,
    question_move,
    question_reword,
    question_translation_save,
    response_submit,
)
from family_resources.core.forms import form_add_service_errors

RUN = "consultation.run_consultations"
VIEW_RESPONSES = "consultation.view_responses"
ENTER = "consultation.enter_response"


def acting(request: HttpRequest) -> User:
    return cast(User, request.user)


@permission_required(RUN, raise_exception=True)
def staff_list(request: HttpRequest) -> HttpResponse:
    return render(request, "consultation/staff/list.html", {"consultations": selectors.consultation_list()})


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_create(request: HttpRequest) -> HttpResponse:
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = consultation_create(**form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Consultation created as a draft"))
            return redirect("consultation_staff:detail", consultation.pk)
    return render(
        request,
        "consultation/staff/form.html",
        {"form": form, "title": _("New consultation")},
        status=400 if form.errors else 200,
    )


@permission_required(RUN, raise_exception=True)
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    return render(
        request,
        "consultation/staff/detail.html",
        {
            "consultation": consultation,
            "transitions": [(to, Consultation.Status(to).label) for to in TRANSITIONS[consultation.status]],
            "editions": consultation.editions.all(),
            "questions": selectors.survey_questions(consultation),
            "counts": selectors.response_counts(consultation),
            "has_responses": consultation.responses.exists(),
        },
    )


@permission_required(RUN, raise_exception=True)
@require_POST
def staff_transition(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    try:
        consultation_transition(consultation=consultation, to=request.POST.get("to", ""))
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("consultation_staff:detail", pk)


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_edition_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    form = EditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            edition_add(consultation=consultation, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Edition added. Now translate its questions."))
            return redirect("consultation_staff:detail", pk)
    return render(
        request,
        "consultation/staff/form.html",
        {"form": form, "title": _("Add a translation or easy read edition"), "consultation": consultation},
        status=400 if form.errors else 200,
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_question_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    questions = selectors.survey_questions(consultation)
    form = QuestionForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        condition = next((q for q in questions if q.key == data["condition_question"]), None)
        try:
            question_add(
                consultation=consultation,
                key=data["key"],
                text=data["text"],
                hint=data["hint"],
                answer_type=data["answer_type"],
                kind=data["kind"],
                required=data["required"],
                page=data["page"],
                options=parse_options(data["options"]),
                condition_question=condition,
                condition_value=data["condition_value"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Question added"))
            return redirect("consultation_staff:detail", pk)
    return render(
        request,
        "consultation/staff/form.html",
        {"form": form, "title": _("Add a question"), "consultation": consultation},
        status=400 if form.errors else 200,
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_question_reword(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    question = get_object_or_404(Question, consultation_id=pk, key=key)
    form = RewordForm(request.POST or None, initial={"text": question.text, "hint": question.hint})
    if request.method == "POST" and form.is_valid():
        question_reword(question=question, **form.cleaned_data)
        messages.success(request, _("Question changed"))
        return redirect("consultation_staff:detail", pk)
    return render(
        request,
        "consultation/staff/form.html",
        {"form": form, "title": _("Change the wording of a question"), "consultation": question.consultation},
        status=400 if form.errors else 200,
    )


@permission_required(RUN, raise_exception=True)
@require_POST
def staff_question_move(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    question = get_object_or_404(Question, consultation_id=pk, key=key)
    try:
        question_move(question=question, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("consultation_staff:detail", pk)


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_question_translate(request: HttpRequest, pk: int, code: str, key: str) -> HttpResponse:
    """A question's wording in one edition: the text, the hint and each option's label."""
    from django import forms

    edition = get_object_or_404(Edition, consultation_id=pk, code=code)
    question = get_object_or_404(Question, consultation_id=pk, key=key)
    words = survey.wording(question, edition, selectors.question_translations(edition))
    form = forms.Form(request.POST or None)
    form.fields["text"] = forms.CharField(
        label=_("Question"), help_text=question.text, widget=forms.Textarea(attrs={"rows": 2})
    )
    form.fields["hint"] = forms.CharField(label=_("Hint"), help_text=question.hint, required=False)
    english = dict(survey.wording(question, None, {}).options)
    for value, _label in words.options:
        form.fields[f"option_{value}"] = forms.CharField(label=english[value], max_length=300)
    if request.method == "GET":
        form.initial = {"text": "" if words.fallback else words.text, "hint": "" if words.fallback else words.hint}
        form.initial |= {f"option_{v}": ("" if words.fallback else label) for v, label in words.options}
    if request.method == "POST" and form.is_valid():
        question_translation_save(
            edition=edition,
            question=question,
            text=form.cleaned_data["text"],
            hint=form.cleaned_data["hint"],
            option_labels={v: form.cleaned_data[f"option_{v}"] for v, _l in words.options},
        )
        messages.success(request, _("Translation saved"))
        return redirect("consultation_staff:detail", pk)
    return render(
        request,
        "consultation/staff/form.html",
        {
            "form": form,
            "title": _("Translate a question"),
            "consultation": edition.consultation,
            "input_lang": edition.language,
        },
        status=400 if form.errors else 200,
    )


@permission_required(ENTER, raise_exception=True)
@require_http_methods(["GET", "POST"])
def staff_response_enter(request: HttpRequest, pk: int) -> HttpResponse:
    """A response given by phone, with an interpreter, or on paper, typed in by a member of staff.

    Every question is on one page, none required here: the service checks the survey's own rules,
    including follow-ups, and its errors go against the questions they concern.
    """
    consultation = get_object_or_404(Consultation, pk=pk)
    code = request.GET.get("edition", "en")
    edition = consultation.editions.filter(code=code).first()
    if edition is None:
        raise Http404
    questions = selectors.survey_questions(consultation)
    translations = selectors.question_translations(edition)
    details = AssistedDetailsForm(request.POST or None, prefix="how")
    answers = AnswersForm(
        request.POST or None, questions=questions, edition=edition, translations=translations, prefix="answer"
    )
    for field in answers.fields.values():
        field.required = False
    text_keys = [q.key for q in questions if q.answer_type == AnswerType.FREE_TEXT]
    if request.method == "POST":
        details_ok, answers_ok = details.is_valid(), answers.is_valid()
        translated_by = details.cleaned_data.get("translated_by", "") if details_ok else ""
        translated = {k: request.POST.get(f"translation-{k}", "").strip() for k in text_keys}
        if edition.language != "en" and any(translated.values()) and not translated_by:
            details.add_error("translated_by", _("Enter who translated the answers"))
            details_ok = False
        if details_ok and answers_ok:
            try:
                response = response_submit(
                    data=ResponseInput(
                        edition=edition,
                        answers=answers.answers(),
                        channel=details.cleaned_data["channel"],
                        assisted=details.cleaned_data["assisted"],
                        entered_by=acting(request),
                        received_on=details.cleaned_data["received_on"],
                        translations={
                            k: TextTranslation(text=v, translated_by=translated_by) for k, v in translated.items() if v
                        },
                    )
                )
            except ValidationError as error:
                form_add_service_errors(answers, error)
            else:
                messages.success(request, _("Response %(reference)s recorded") % {"reference": response.reference})
                return redirect("consultation_staff:detail", pk)
    return render(
        request,
        "consultation/staff/enter_response.html",
        {
            "consultation": consultation,
            "edition": edition,
            "editions": consultation.editions.all(),
            "details": details,
            "answers": answers,
            "rows": [
                (
                    answers[q.key],
                    q.key in text_keys and edition.language != "en",
                    request.POST.get(f"translation-{q.key}", ""),
                )
                for q in questions
            ],
        },
        status=400 if details.errors or answers.errors else 200,
    )


@permission_required(VIEW_RESPONSES, raise_exception=True)
def staff_responses(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    responses = list(selectors.responses_for_staff(consultation)[:200])
    audit_views(instances=responses)
    return render(
        request,
        "consultation/staff/responses.html",
        {"consultation": consultation, "responses": responses, "counts": selectors.response_counts(consultation)},
    )


@permission_required(VIEW_RESPONSES, raise_exception=True)
def staff_response_detail(request: HttpRequest, pk: int, reference: str) -> HttpResponse:
    response = get_object_or_404(
        Response.objects.select_related("consultation", "edition", "entered_by"),
        consultation_id=pk,
        reference=reference,
    )
    audit_view(instance=response)
    answers = list(response.answers.select_related("question").prefetch_related("question__options"))
    rows = [
        {
            "answer": answer,
            "value": survey.display_value(
                answer.question, answer.value, survey.wording(answer.question, None, {}).options
            ),
        }
        for answer in answers
    ]
    return render(request, "consultation/staff/response_detail.html", {"response": response, "rows": rows})
