"""The analysis page and its downloads, for consultation officers (the permissions of the staff pages)."""

import logging

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from family_resources.audit.services import audit_views
from family_resources.consultation.analysis import exports, figures
from family_resources.consultation.analysis.forms import AnalysisFilterForm
from family_resources.consultation.models import Consultation, Response
from family_resources.consultation.selectors import response_counts
from family_resources.reporting.charts import draw
from family_resources.reporting.exports import CSV_TYPE, as_csv

logger = logging.getLogger(__name__)

RUN = "consultation.run_consultations"
VIEW_RESPONSES = "consultation.view_responses"


def _attachment(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required(RUN, raise_exception=True)
def analysis(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    form = AnalysisFilterForm(request.GET, consultation=consultation)
    filters = form.filters() if form.is_valid() else figures.Filters()
    views_question = figures.default_views_question(consultation, form.views_key())
    over_time = figures.responses_over_time(consultation, today=timezone.localdate())
    count_figures = [
        figures.responses_by_channel(consultation),
        figures.responses_by_language(consultation),
        figures.responses_by_edition(consultation),
        figures.responses_by_respondent_type(consultation),
    ]
    tallies = figures.question_tallies(consultation, filters)
    return render(
        request,
        "consultation/staff/analysis.html",
        {
            "consultation": consultation,
            "form": form,
            "filters": filters,
            "counts": response_counts(consultation),
            "easy_read": figures.responses_easy_read(consultation),
            "over_time": (over_time, draw(over_time)),
            "count_figures": [(figure, draw(figure)) for figure in count_figures],
            "tallies": [(tally, tally.figure and draw(tally.figure)) for tally in tallies],
            "equality": figures.equality_breakdown(consultation, views_question=views_question, filters=filters),
            "views_question": views_question,
            "limit": figures.suppress_below(),
        },
        status=400 if form.errors else 200,
    )


@permission_required(VIEW_RESPONSES, raise_exception=True)
def responses_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Every response, one row each, without personal details. Each response read is audited, as the
    responses list is, and the download is logged as the reporting downloads are."""
    consultation = get_object_or_404(Consultation, pk=pk)
    table = exports.responses_table(consultation)
    audit_views(instances=Response.objects.filter(consultation=consultation).only("pk"))
    logger.info("consultation download responses consultation=%s user=%s", consultation.pk, request.user.pk)
    return _attachment(as_csv(table), CSV_TYPE, f"{consultation.slug}-responses.csv")


@permission_required(RUN, raise_exception=True)
def equality_csv(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    views_question = figures.default_views_question(consultation, request.GET.get("views", ""))
    table = exports.equality_table(figures.equality_breakdown(consultation, views_question=views_question))
    logger.info(
        "consultation download equality consultation=%s views=%s user=%s",
        consultation.pk,
        views_question and views_question.key,
        request.user.pk,
    )
    return _attachment(as_csv(table), CSV_TYPE, f"{consultation.slug}-equality-breakdown.csv")


@permission_required(RUN, raise_exception=True)
def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    views_question = figures.default_views_question(consultation, request.GET.get("views", ""))
    report = exports.summary(consultation, views_question=views_question, today=timezone.localdate())
    logger.info("consultation download summary-pdf consultation=%s user=%s", consultation.pk, request.user.pk)
    return _attachment(exports.summary_pdf(report), exports.PDF_TYPE, f"{consultation.slug}-summary.pdf")
