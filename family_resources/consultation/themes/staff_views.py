"""Analysts' pages for a consultation's free text: themes, coding answers (with suggestions to accept
or reject), and the equality impact assessment with its decisions. Consultation officers only, as the
other consultation staff pages; reading answers is audited."""

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from family_resources.accounts.models import User
from family_resources.audit.services import audit_view, audit_views
from family_resources.consultation.models import Answer, CodedOn, Consultation, Decision, Impact, Theme
from family_resources.consultation.themes import selectors
from family_resources.consultation.themes.forms import (
    CodingForm,
    DecisionChangeForm,
    DecisionForm,
    ImpactForm,
    MergeForm,
    ThemeForm,
)
from family_resources.consultation.themes.services import (
    answer_code,
    answer_set_themes,
    answer_uncode,
    decision_changeable,
    decision_record,
    decision_refuse_if_published,
    decision_update,
    impact_create,
    impact_update,
    theme_create,
    theme_merge,
    theme_update,
)
from family_resources.core.forms import form_add_service_errors

RUN = "consultation.run_consultations"
VIEW_RESPONSES = "consultation.view_responses"
PAGE_SIZE = 10


def _acting(request: HttpRequest) -> User:
    return cast(User, request.user)


def _posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (so an empty POST shows its errors), else None."""
    return request.POST if request.method == "POST" else None


def _status(*forms: object) -> int:
    return 400 if any(getattr(form, "errors", None) for form in forms) else 200


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def theme_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The themes with how many answers carry each, a form to add one, and, before any coding,
    candidate themes found by grouping similar answers."""
    consultation = get_object_or_404(Consultation, pk=pk)
    form = ThemeForm(_posted(request), initial={"name": request.GET.get("name", "")})
    if request.method == "POST" and form.is_valid():
        try:
            theme = theme_create(consultation=consultation, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Theme %(name)s added") % {"name": theme.name})
            return redirect("consultation_staff:themes", pk)
    return render(
        request,
        "consultation/staff/themes/list.html",
        {
            "consultation": consultation,
            "themes": selectors.themes(consultation),
            "candidates": selectors.theme_candidates(consultation),
            "form": form,
        },
        status=_status(form),
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def theme_edit(request: HttpRequest, pk: int, theme_id: int) -> HttpResponse:
    theme = get_object_or_404(Theme.objects.select_related("consultation"), pk=theme_id, consultation_id=pk)
    form = ThemeForm(
        _posted(request), initial={"name": theme.name, "description": theme.description, "you_said": theme.you_said}
    )
    if request.method == "POST" and form.is_valid():
        try:
            theme_update(theme=theme, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Theme saved"))
            return redirect("consultation_staff:themes", pk)
    return render(
        request,
        "consultation/staff/themes/edit.html",
        {"consultation": theme.consultation, "theme": theme, "form": form, "impacts": theme.impacts.all()},
        status=_status(form),
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def theme_merge_view(request: HttpRequest, pk: int, theme_id: int) -> HttpResponse:
    theme = get_object_or_404(Theme.objects.select_related("consultation"), pk=theme_id, consultation_id=pk)
    others = list(theme.consultation.themes.exclude(pk=theme.pk))
    form = MergeForm(_posted(request), others=others)
    if request.method == "POST" and form.is_valid():
        target = next(other for other in others if str(other.pk) == form.cleaned_data["target"])
        try:
            theme_merge(source=theme, target=target)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("%(source)s merged into %(target)s") % {"source": theme, "target": target})
            return redirect("consultation_staff:themes", pk)
    return render(
        request,
        "consultation/staff/themes/merge.html",
        {"consultation": theme.consultation, "theme": theme, "form": form},
        status=_status(form),
    )


def _coding_rows(
    consultation: Consultation, answers: list[Answer], themes: list[Theme], bound: dict[int, CodingForm] | None = None
) -> list[dict[str, object]]:
    suggested = selectors.suggestions(consultation, answers)
    rows = []
    for answer in answers:
        form = (bound or {}).get(answer.pk) or CodingForm(
            answer=answer, themes=themes, initial={"themes": [str(c.theme_id) for c in answer.codings.all()]}
        )
        rows.append({"answer": answer, "form": form, "suggestions": suggested.get(answer.pk, [])})
    return rows


@permission_required(VIEW_RESPONSES, raise_exception=True)
def coding(request: HttpRequest, pk: int) -> HttpResponse:
    """Free-text answers, ten a page, each with its themes, suggested themes and a form to code it."""
    consultation = get_object_or_404(Consultation, pk=pk)
    show_all = request.GET.get("show") == "all"
    answers = selectors.free_text_answers(consultation, uncoded_only=not show_all)
    page = Paginator(answers, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    audit_views(instances=shown)
    themes = list(consultation.themes.all())
    return render(
        request,
        "consultation/staff/themes/coding.html",
        {
            "consultation": consultation,
            "page": page,
            "rows": _coding_rows(consultation, shown, themes),
            "themes": themes,
            "show_all": show_all,
            "here": request.get_full_path(),
            "uncoded_count": selectors.free_text_answers(consultation, uncoded_only=True).count(),
        },
    )


def _back(request: HttpRequest, pk: int, answer: Answer) -> str:
    """Where to go after coding: the list the analyst came from (a path on this site only)."""
    back = request.POST.get("next", "")
    coding_url = reverse("consultation_staff:coding", args=[pk])
    if not back.startswith(coding_url) or "//" in back or "\\" in back:
        back = coding_url
    return back.split("#")[0] + f"#answer-{answer.pk}"


@permission_required(VIEW_RESPONSES, raise_exception=True)
@require_http_methods(["GET", "POST"])
def code_answer(request: HttpRequest, pk: int, answer_id: int) -> HttpResponse:
    """One answer: tick its themes, or accept or remove one theme with a button."""
    answer = get_object_or_404(selectors.free_text_answers(get_object_or_404(Consultation, pk=pk)), pk=answer_id)
    consultation = answer.response.consultation
    themes = list(consultation.themes.all())
    by_id = {str(theme.pk): theme for theme in themes}
    form = None
    if request.method == "POST":
        action = request.POST.get("action", "save")
        try:
            if action == "accept" and request.POST.get("theme") in by_id:
                theme = by_id[request.POST["theme"]]
                offered = {s.theme.pk: s.probability for s in selectors.suggestions(consultation, [answer])[answer.pk]}
                answer_code(
                    answer=answer,
                    themes=[theme],
                    coded_by=_acting(request),
                    coded_on=CodedOn.TRANSLATION if answer.translated_text else CodedOn.ORIGINAL,
                    suggestions={theme.pk: offered[theme.pk]} if theme.pk in offered else None,
                )
                messages.success(request, _("Theme %(name)s added") % {"name": theme.name})
                return redirect(_back(request, pk, answer))
            if action == "remove" and request.POST.get("theme") in by_id:
                answer_uncode(answer=answer, theme=by_id[request.POST["theme"]])
                messages.success(request, _("Theme removed"))
                return redirect(_back(request, pk, answer))
            form = CodingForm(request.POST, answer=answer, themes=themes)
            if form.is_valid():
                answer_set_themes(
                    answer=answer,
                    themes=[by_id[value] for value in form.cleaned_data["themes"]],
                    coded_by=_acting(request),
                    coded_on=form.cleaned_data.get("coded_on") or CodedOn.ORIGINAL,
                )
                messages.success(request, _("Themes saved"))
                return redirect(_back(request, pk, answer))
        except ValidationError as error:
            form = form or CodingForm(request.POST, answer=answer, themes=themes)
            form.is_valid()
            form_add_service_errors(form, error)
    audit_view(instance=answer)
    rows = _coding_rows(consultation, [answer], themes, {answer.pk: form} if form else None)
    return render(
        request,
        "consultation/staff/themes/answer.html",
        {
            "consultation": consultation,
            "row": rows[0],
            "form": rows[0]["form"],
            "themes": themes,
            "here": request.POST.get("next") or reverse("consultation_staff:coding", args=[pk]),
        },
        status=_status(form),
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def impact_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The equality impact assessment: impacts, the themes that raised them, mitigation and decisions,
    and how each theme was considered."""
    consultation = get_object_or_404(Consultation, pk=pk)
    themes = list(selectors.themes(consultation))
    form = ImpactForm(_posted(request), themes=themes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            impact_create(consultation=consultation, **_impact_values(data, themes))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Impact added"))
            return redirect("consultation_staff:impacts", pk)
    impacts = list(selectors.impacts(consultation))
    considered = [
        {"theme": theme, "impacts": [impact for impact in impacts if theme in impact.themes.all()]} for theme in themes
    ]
    return render(
        request,
        "consultation/staff/themes/impacts.html",
        {
            "consultation": consultation,
            "impacts": impacts,
            "considered": considered,
            "decisions": selectors.decisions(consultation),
            "form": form,
        },
        status=_status(form),
    )


def _impact_values(data: dict[str, Any], themes: list[Theme]) -> dict[str, Any]:
    """The impact form's answers as the impact services take them, with the ticked themes as records."""
    fields = ("characteristic", "group", "description", "direction", "severity", "mitigation")
    return {field: data[field] for field in fields} | {"themes": [t for t in themes if str(t.pk) in data["themes"]]}


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def impact_edit(request: HttpRequest, pk: int, impact_id: int) -> HttpResponse:
    impact = get_object_or_404(Impact.objects.select_related("consultation"), pk=impact_id, consultation_id=pk)
    themes = list(impact.consultation.themes.all())
    initial = {
        "characteristic": impact.characteristic,
        "group": impact.group,
        "description": impact.description,
        "direction": impact.direction,
        "severity": impact.severity,
        "mitigation": impact.mitigation,
        "themes": [str(theme.pk) for theme in impact.themes.all()],
    }
    form = ImpactForm(_posted(request), themes=themes, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            impact_update(impact=impact, **_impact_values(data, themes))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Impact saved"))
            return redirect("consultation_staff:impacts", pk)
    return render(
        request,
        "consultation/staff/themes/form.html",
        {"consultation": impact.consultation, "form": form, "title": _("Change an impact")},
        status=_status(form),
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    impacts = list(selectors.impacts(consultation))
    form = DecisionForm(_posted(request), impacts=impacts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision_record(
                consultation=consultation,
                summary=data["summary"],
                we_did=data["we_did"],
                decided_on=data["decided_on"],
                decided_by=data["decided_by"],
                recorded_by=_acting(request),
                impacts=[impact for impact in impacts if str(impact.pk) in data["impacts"]],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Decision recorded"))
            return redirect("consultation_staff:impacts", pk)
    return render(
        request,
        "consultation/staff/themes/form.html",
        {"consultation": consultation, "form": form, "title": _("Record a decision")},
        status=_status(form),
    )


@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def decision_edit(request: HttpRequest, pk: int, decision_id: int) -> HttpResponse:
    """Correct a decision until the outcome is published; after that the page says why it cannot be changed."""
    decision = get_object_or_404(Decision.objects.select_related("consultation"), pk=decision_id, consultation_id=pk)
    initial = {
        "summary": decision.summary,
        "we_did": decision.we_did,
        "decided_on": decision.decided_on,
        "decided_by": decision.decided_by,
    }
    form = DecisionChangeForm(_posted(request), initial=initial)
    if request.method == "POST":
        try:
            decision_refuse_if_published(consultation=decision.consultation)
            if form.is_valid():
                decision_update(decision=decision, **form.cleaned_data)
                messages.success(request, _("Decision saved"))
                return redirect("consultation_staff:impacts", pk)
        except ValidationError as error:
            form.is_valid()
            form_add_service_errors(form, error)
    return render(
        request,
        "consultation/staff/themes/decision_edit.html",
        {
            "consultation": decision.consultation,
            "decision": decision,
            "form": form,
            "changeable": decision_changeable(decision.consultation),
        },
        status=_status(form),
    )
