"""What leaves the system: the responses without personal details, the equality breakdown with small numbers
hidden, and the PDF summary report. Files are written with `reporting.exports`."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.consultation import survey
from family_resources.consultation.analysis import figures
from family_resources.consultation.models import Answer, AnswerType, Consultation, Question, QuestionKind
from family_resources.consultation.selectors import ResponseCounts, response_counts, survey_questions
from family_resources.reporting.exports import Table
from family_resources.reporting.suppression import Cell
from family_resources.reporting.tables import Figure

PDF_TYPE = "application/pdf"
PRINT_STYLESHEET = Path(__file__).with_name("summary.css")
# Answers never exported: they are the contact details and the full postcode.
LEFT_OUT_TYPES = (AnswerType.EMAIL, AnswerType.POSTCODE)
# If an answer is ever flagged as holding personal details (names, addresses), its words are left out.
PERSONAL_FLAG = "contains_personal_data"


def exported_questions(consultation: Consultation) -> list[Question]:
    return [
        q
        for q in survey_questions(consultation)
        if q.kind != QuestionKind.CONTACT and q.answer_type not in LEFT_OUT_TYPES
    ]


def postcode_district(postcode: str) -> str:
    """The outward code, "LU1" of "LU1 3QZ": an area of thousands of homes."""
    return postcode.split()[0] if postcode.strip() else ""


def _answer_cell(question: Question, answer: Answer) -> str:
    if question.answer_type == AnswerType.FREE_TEXT:
        if getattr(answer, PERSONAL_FLAG, False):
            return _("[left out: holds personal details]")
        if answer.translated_text:
            return f"{answer.translated_text} [{_('original')}: {answer.original_text}]"
        return answer.original_text
    return ";".join(survey.chosen(answer.value))


def responses_table(consultation: Consultation) -> Table:
    """One row a response, numbered in the order they came in; no reference, email, postcode or staff name.

    Option answers are the option values (stable identifiers), several joined with ";".
    """
    questions = exported_questions(consultation)
    responses = list(
        figures.chosen_responses(consultation)
        .select_related("edition", "neighbourhood")
        .prefetch_related("answers")
        .order_by("submitted_at", "pk")
    )
    headings = [
        _("Row"),
        _("Submitted on"),
        _("Channel"),
        _("Assisted"),
        _("Language"),
        _("Edition"),
        _("Easy read"),
        _("Respondent type"),
        _("Postcode district"),
        _("Neighbourhood"),
        *(q.key for q in questions),
    ]
    rows: list[list[Cell]] = []
    for number, response in enumerate(responses, start=1):
        given = {answer.question_id: answer for answer in response.answers.all()}
        rows.append(
            [
                number,
                timezone.localtime(response.submitted_at).date().isoformat(),
                response.channel,
                _("yes") if response.assisted else _("no"),
                response.language,
                response.edition.code,
                _("yes") if response.easy_read else _("no"),
                response.respondent_type,
                postcode_district(response.postcode),
                response.neighbourhood.name if response.neighbourhood else "",
                *(_answer_cell(q, given[q.pk]) if q.pk in given else "" for q in questions),
            ]
        )
    return Table(title=_("Responses"), headings=headings, rows=rows)


def equality_table(tables: list[figures.EqualityTable]) -> Table:
    """The equality breakdown, one block of rows a question, with the small numbers already hidden."""
    views = tables[0].views_question if tables else None
    headings = [_("Question"), _("Answer"), *(column.label for column in tables[0].figure.columns)] if tables else []
    rows: list[list[Cell]] = []
    for table in tables:
        for row, cells in table.rows:
            rows.append([table.question.text, row.label, *cells])
    title = _("Equality breakdown")
    if views is not None:
        title += " " + _("by %(question)s") % {"question": views.key}
    return Table(title=title, headings=headings, rows=rows)


@dataclass(frozen=True)
class Summary:
    """Everything the summary report shows, worked out by `figures`."""

    consultation: Consultation
    counts: ResponseCounts
    easy_read: int
    by_channel: Figure
    by_edition: Figure
    by_respondent_type: Figure
    over_time: Figure
    tallies: list[figures.QuestionTally]
    equality: list[figures.EqualityTable]
    views_question: Question | None
    limit: int
    made_on: date

    @property
    def count_figures(self) -> list[Figure]:
        return [self.by_channel, self.by_edition, self.by_respondent_type, self.over_time]


def summary(consultation: Consultation, *, views_question: Question | None, today: date) -> Summary:
    return Summary(
        consultation=consultation,
        counts=response_counts(consultation),
        easy_read=figures.responses_easy_read(consultation),
        by_channel=figures.responses_by_channel(consultation),
        by_edition=figures.responses_by_edition(consultation),
        by_respondent_type=figures.responses_by_respondent_type(consultation),
        over_time=figures.responses_over_time(consultation, today=today),
        tallies=figures.question_tallies(consultation),
        equality=figures.equality_breakdown(consultation, views_question=views_question),
        views_question=views_question,
        limit=figures.suppress_below(),
        made_on=today,
    )


def summary_html(report: Summary) -> str:
    return render_to_string("consultation/staff/analysis_pdf.html", {"report": report})


def summary_pdf(report: Summary) -> bytes:
    """The report as PDF, drawn by WeasyPrint from the template and the print stylesheet; nothing is fetched."""
    from weasyprint import CSS, HTML

    html = HTML(string=summary_html(report), base_url=str(PRINT_STYLESHEET.parent), url_fetcher=_no_fetch)
    return bytes(html.write_pdf(stylesheets=[CSS(filename=str(PRINT_STYLESHEET))]))


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The report needs nothing from outside: refuse any address a template might name."""
    raise ValueError("The summary report fetches nothing.")
