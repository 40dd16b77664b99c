"""The consultation's figures, each worked out one way: counts of responses, answers per question, and the
equality breakdown with small numbers hidden."""

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import formats
from django.utils.translation import gettext as _

from family_resources.consultation import survey
from family_resources.consultation.models import (
    Answer,
    AnswerType,
    Channel,
    Consultation,
    Edition,
    Question,
    QuestionKind,
    RespondentType,
    Response,
)
from family_resources.consultation.selectors import response_counts, survey_questions
from family_resources.reporting.suppression import Cell, suppress_grid
from family_resources.reporting.tables import Chart, Column, Figure, Row

# Questions whose answers are counted option by option.
COUNTED_TYPES = (AnswerType.SINGLE_CHOICE, AnswerType.MULTIPLE_CHOICE, AnswerType.RATING, AnswerType.YES_NO)
# Up to this many days the responses are counted a day at a time, after it a week at a time.
DAILY_UP_TO_DAYS = 62
NOT_GIVEN = "not-given"
ALL = "all"
RESPONSES = "responses"


def suppress_below() -> int:
    return int(settings.CONSULTATION_SUPPRESS_BELOW)


@dataclass(frozen=True)
class Filters:
    """Which responses the answer figures count: all of them unless a channel, edition or type is chosen."""

    channel: str = ""
    edition: str = ""  # an edition's code
    respondent_type: str = ""

    @property
    def any(self) -> bool:
        return bool(self.channel or self.edition or self.respondent_type)


def chosen_responses(consultation: Consultation, filters: Filters | None = None) -> QuerySet[Response]:
    responses = Response.objects.filter(consultation=consultation)
    if filters is None:
        return responses
    if filters.channel:
        responses = responses.filter(channel=filters.channel)
    if filters.edition:
        responses = responses.filter(edition__code=filters.edition)
    if filters.respondent_type:
        responses = responses.filter(respondent_type=filters.respondent_type)
    return responses


def _count_figure(
    slug: str, title: str, row_heading: str, rows: list[tuple[Any, str, int]], description: str
) -> Figure:
    return Figure(
        slug=slug,
        title=title,
        description=description,
        row_heading=row_heading,
        columns=(Column(RESPONSES, _("Responses")),),
        rows=tuple(Row(key=key, label=label, values=(count,)) for key, label, count in rows),
        chart=Chart(kind="bar", column=RESPONSES, title=title),
    )


# Responses: how, in which edition, from whom, and when. These always cover the whole consultation.


def responses_by_channel(consultation: Consultation) -> Figure:
    """By channel, then assisted and paper apart (a paper form staff helped with is in both), from `response_counts`."""
    counts = response_counts(consultation)
    rows: list[tuple[Any, str, int]] = [
        (value, str(label), counts.by_channel[value]) for value, label in Channel.choices
    ]
    rows += [("assisted", _("Assisted by staff (any channel)"), counts.assisted)]
    figure = _count_figure(
        "responses-by-channel",
        _("Responses by channel"),
        _("Channel"),
        rows,
        _("How responses came in. Assisted responses are also counted under their channel."),
    )
    return figure


def responses_by_language(consultation: Consultation) -> Figure:
    counts = response_counts(consultation)
    names = dict(settings.LANGUAGES)
    rows = [(code, str(names.get(code, code)), n) for code, n in sorted(counts.by_language.items())]
    return _count_figure(
        "responses-by-language", _("Responses by language"), _("Language"), rows, _("The language people answered in.")
    )


def responses_by_edition(consultation: Consultation) -> Figure:
    counts = dict(
        Response.objects.filter(consultation=consultation).values_list("edition").annotate(n=Count("id")).order_by()
    )
    editions = Edition.objects.filter(consultation=consultation).order_by("easy_read", "language")
    rows = [
        (
            edition.code,
            f"{edition.title} ({edition.code}{', ' + _('easy read') if edition.easy_read else ''})",
            counts.get(edition.pk, 0),
        )
        for edition in editions
    ]
    return _count_figure(
        "responses-by-edition",
        _("Responses by edition"),
        _("Edition"),
        rows,
        _("Each language's edition and the easy read edition share one set of questions."),
    )


def responses_easy_read(consultation: Consultation) -> int:
    return Response.objects.filter(consultation=consultation, easy_read=True).count()


def responses_by_respondent_type(consultation: Consultation) -> Figure:
    counts = dict(
        Response.objects.filter(consultation=consultation)
        .values_list("respondent_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows: list[tuple[Any, str, int]] = [
        (value, str(label), counts.get(value, 0)) for value, label in RespondentType.choices
    ]
    rows.append((NOT_GIVEN, _("Not given"), counts.get("", 0)))
    return _count_figure(
        "responses-by-respondent-type", _("Responses by respondent type"), _("Responding as"), rows, ""
    )


def responses_over_time(consultation: Consultation, *, today: date) -> Figure:
    """Responses a day (a week, from Monday, for a long consultation) across the open period so far."""
    by_day = dict(
        Response.objects.filter(consultation=consultation)
        .annotate(day=TruncDate("submitted_at"))
        .values_list("day")
        .annotate(n=Count("id"))
        .order_by()
    )
    start = min([consultation.opens_on, *by_day])
    end = max([min(consultation.closes_on, today), *by_day, start])
    weekly = (end - start).days > DAILY_UP_TO_DAYS
    if weekly:
        start -= timedelta(days=start.weekday())
    step = 7 if weekly else 1
    rows = []
    day = start
    while day <= end:
        count = sum(n for d, n in by_day.items() if day <= d < day + timedelta(days=step))
        # Short, so the chart's axis can show them; the page and the report give the year with the dates open.
        rows.append((day.isoformat(), formats.date_format(day, "j M"), count))
        day += timedelta(days=step)
    title = _("Responses a week") if weekly else _("Responses a day")
    figure = _count_figure("responses-over-time", title, _("Week beginning") if weekly else _("Day"), rows, "")
    return replace(figure, chart=Chart(kind="line", column=RESPONSES, title=title))


# Answers, question by question.


@dataclass(frozen=True)
class QuestionTally:
    question: Question
    answered: int
    figure: Figure | None  # None for a question answered in words


def _values_by_question(responses: QuerySet[Response]) -> dict[int, list[list[str]]]:
    answers = Answer.objects.filter(response__in=responses).values_list("question_id", "value")
    found: dict[int, list[list[str]]] = defaultdict(list)
    for question_id, value in answers:
        chosen = survey.chosen(value)
        if chosen:
            found[question_id].append(chosen)
    return found


def _options(question: Question) -> list[tuple[str, str]]:
    return survey.wording(question, None, {}).options


def question_tallies(consultation: Consultation, filters: Filters | None = None) -> list[QuestionTally]:
    """Every question but contact details and postcodes: counts per option, or how many answered in words."""
    values = _values_by_question(chosen_responses(consultation, filters))
    tallies = []
    for question in survey_questions(consultation):
        if question.kind == QuestionKind.CONTACT or question.answer_type in (AnswerType.EMAIL, AnswerType.POSTCODE):
            continue
        given = values.get(question.pk, [])
        figure = None
        if question.answer_type in COUNTED_TYPES:
            counts = Counter(value for chosen in given for value in chosen)
            rows = [(value, label, counts.get(value, 0)) for value, label in _options(question)]
            description = (
                _("People could choose more than one answer.")
                if question.answer_type == AnswerType.MULTIPLE_CHOICE
                else ""
            )
            figure = _count_figure(f"question-{question.key}", question.text, _("Answer"), rows, description)
        tallies.append(QuestionTally(question=question, answered=len(given), figure=figure))
    return tallies


# The equality breakdown, for the equality impact assessment.


def views_questions(consultation: Consultation) -> list[Question]:
    """The views questions with one set answer, any of which the equality breakdown can be crossed with
    (one answer each, so a row's answers add up to its total)."""
    single = (AnswerType.SINGLE_CHOICE, AnswerType.RATING, AnswerType.YES_NO)
    return [q for q in survey_questions(consultation) if q.kind == QuestionKind.VIEWS and q.answer_type in single]


@dataclass(frozen=True)
class EqualityTable:
    """One equality question: its counts (the first column) crossed with a views question's answers.

    `cells` are the figure's rows after the small-number rule: the only numbers any page or file shows.
    """

    question: Question
    figure: Figure
    cells: list[list[Cell]]
    views_question: Question | None

    @property
    def rows(self) -> list[tuple[Row, list[Cell]]]:
        return list(zip(self.figure.rows, self.cells, strict=True))


def equality_breakdown(
    consultation: Consultation,
    *,
    views_question: Question | None = None,
    filters: Filters | None = None,
    limit: int | None = None,
) -> list[EqualityTable]:
    """For each equality question, responses per answer, crossed with the views question, small numbers hidden.

    Rows are the question's answers, "Not answered" and a total; columns are all responses, then each answer
    to the views question and "Not answered". Hidden with `reporting.suppression.suppress_grid`.
    """
    limit = suppress_below() if limit is None else limit
    responses = chosen_responses(consultation, filters)
    questions = [q for q in survey_questions(consultation) if q.kind == QuestionKind.EQUALITY]
    wanted = [q.pk for q in questions] + ([views_question.pk] if views_question else [])
    answers: dict[int, dict[int, list[str]]] = defaultdict(dict)
    for response_id, question_id, value in Answer.objects.filter(
        response__in=responses, question_id__in=wanted
    ).values_list("response_id", "question_id", "value"):
        answers[question_id][response_id] = survey.chosen(value)
    views_options = _options(views_question) if views_question else []
    columns = [Column(ALL, _("All responses"))]
    columns += [Column(value, label) for value, label in views_options]
    if views_question:
        columns.append(Column(NOT_GIVEN, _("Did not answer this question")))
    views_of = answers.get(views_question.pk, {}) if views_question else {}
    response_ids = list(responses.values_list("pk", flat=True))
    tables = []
    for question in questions:
        given = answers.get(question.pk, {})
        counts: Counter[tuple[str, str]] = Counter()
        for response_id in response_ids:
            answered = given.get(response_id) or [NOT_GIVEN]
            column_keys = views_of.get(response_id) or [NOT_GIVEN] if views_question else []
            for row_key in answered:
                counts[(row_key, ALL)] += 1
                for column_key in column_keys:
                    counts[(row_key, column_key)] += 1
        row_keys = [*_options(question), (NOT_GIVEN, _("Not answered"))]
        rows = [Row(key, label, tuple(counts[(key, c.key)] for c in columns)) for key, label in row_keys]
        column_totals = tuple(sum(row.values[i] or 0 for row in rows) for i in range(len(columns)))
        rows.append(Row(ALL, _("All responses"), column_totals))
        title = question.text
        figure = Figure(
            slug=f"equality-{question.key}",
            title=title,
            description=_("Crossed with: %(question)s") % {"question": views_question.text} if views_question else "",
            row_heading=_("Answer"),
            columns=tuple(columns),
            rows=tuple(rows),
        )
        cells = suppress_grid(figure, total_row=ALL, total_column=ALL, limit=limit)
        tables.append(EqualityTable(question=question, figure=figure, cells=cells, views_question=views_question))
    return tables


def default_views_question(consultation: Consultation, key: str = "") -> Question | None:
    """The views question asked for by its key, or the first one."""
    questions = views_questions(consultation)
    return next((q for q in questions if q.key == key), questions[0] if questions else None)
