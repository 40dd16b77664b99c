"""Which questions a respondent is asked, page by page, given what they have answered so far.

Answers are a plain dict of question key to value (a string, or a list for multiple choice),
so the same rules serve the online journey, a saved draft and a response keyed in by staff.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from family_resources.consultation.models import AnswerType, Edition, Question

RATINGS = ["1", "2", "3", "4", "5"]
YES_NO = ["yes", "no"]


def chosen(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value not in (None, "") else []


def is_asked(question: Question, answers: Mapping[str, Any], by_id: Mapping[int, Question]) -> bool:
    """A follow-up is asked only when the question it follows was asked and answered with its value."""
    if question.condition_question_id is None:
        return True
    parent = by_id[question.condition_question_id]
    return is_asked(parent, answers, by_id) and question.condition_value in chosen(answers.get(parent.key))


def asked_questions(questions: Sequence[Question], answers: Mapping[str, Any]) -> list[Question]:
    by_id = {q.pk: q for q in questions}
    return [q for q in questions if is_asked(q, answers, by_id)]


def pages(questions: Sequence[Question], answers: Mapping[str, Any]) -> list[int]:
    """The page numbers still to show, in order: a page whose questions are all skipped disappears."""
    return sorted({q.page for q in asked_questions(questions, answers)})


def page_questions(questions: Sequence[Question], answers: Mapping[str, Any], page: int) -> list[Question]:
    return [q for q in asked_questions(questions, answers) if q.page == page]


def kept_answers(questions: Sequence[Question], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Drop answers to follow-ups no longer asked, so a changed answer never leaves a stray one behind."""
    keys = {q.key for q in asked_questions(questions, answers)}
    return {key: value for key, value in answers.items() if key in keys}


def first_unanswered_page(questions: Sequence[Question], answers: Mapping[str, Any], seen: Sequence[int]) -> int | None:
    """The first page not yet visited (or with a required question unanswered), or None when all are done."""
    for page in pages(questions, answers):
        if page not in seen:
            return page
        if any(q.required and not chosen(answers.get(q.key)) for q in page_questions(questions, answers, page)):
            return page
    return None


@dataclass(frozen=True)
class Wording:
    """A question as shown in one edition, with whether it had to fall back to English."""

    text: str
    hint: str
    options: list[tuple[str, str]]
    fallback: bool


def wording(question: Question, edition: Edition | None, translations: Mapping[int, Any]) -> Wording:
    """The edition's wording of a question, or the English when the edition has none yet."""
    english = [(o.value, o.label) for o in question.options.all()]
    if question.answer_type == AnswerType.RATING:
        english = [(r, r) for r in RATINGS]
    elif question.answer_type == AnswerType.YES_NO:
        english = [("yes", "Yes"), ("no", "No")]
    translation = translations.get(question.pk)
    if translation is None:
        return Wording(question.text, question.hint, english, fallback=edition is not None and edition.is_translation)
    labels = translation.option_labels or {}
    return Wording(
        translation.text,
        translation.hint,
        [(value, labels.get(value, label)) for value, label in english],
        fallback=False,
    )


def display_value(question: Question, value: Any, options: Sequence[tuple[str, str]]) -> str:
    """An answer as words, for check your answers and the staff view."""
    labels = dict(options)
    return ", ".join(labels.get(v, v) for v in chosen(value))
