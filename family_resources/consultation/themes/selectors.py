"""Reads for themes, coding, the equality impact assessment and the outcome page."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from family_resources.consultation.models import (
    Answer,
    AnswerTheme,
    AnswerType,
    Consultation,
    Decision,
    Impact,
    QuestionKind,
    Theme,
)
from family_resources.consultation.themes import suggest
from family_resources.reporting.suppression import Suppressed, is_small, small_number_limit


def english_text(answer: Answer) -> str:
    """The words the model reads: the English translation where there is one, else the original."""
    return answer.translated_text or answer.original_text


def themes(consultation: Consultation) -> QuerySet[Theme]:
    """The consultation's themes, each with how many answers and responses are coded with it."""
    return consultation.themes.annotate(
        answer_count=Count("codings", distinct=True), response_count=Count("codings__answer__response", distinct=True)
    ).order_by("name")


def free_text_answers(consultation: Consultation, *, uncoded_only: bool = False) -> QuerySet[Answer]:
    """Every non-empty free-text answer to the consultation's views questions, oldest response first."""
    answers = (
        Answer.objects.filter(response__consultation=consultation, question__answer_type=AnswerType.FREE_TEXT)
        .exclude(original_text="")
        .exclude(question__kind=QuestionKind.RESPONDENT_TYPE)  # an organisation's name is not a view
        .select_related("response", "question")
        .prefetch_related(Prefetch("codings", queryset=AnswerTheme.objects.select_related("theme", "coded_by")))
        .order_by("response__submitted_at", "response_id", "question__position")
    )
    if uncoded_only:
        answers = answers.filter(codings__isnull=True)
    return answers


@dataclass(frozen=True)
class ThemeSuggestion:
    theme: Theme
    probability: float

    @property
    def percent(self) -> int:
        return round(self.probability * 100)


def suggestions(consultation: Consultation, answers: Sequence[Answer]) -> dict[int, list[ThemeSuggestion]]:
    """Suggested themes for each of `answers` (by answer id), learnt from the answers coded so far,
    leaving out themes an answer already has."""
    coded: dict[int, set[int]] = {}
    texts: dict[int, str] = {}
    for coding in AnswerTheme.objects.filter(theme__consultation=consultation).select_related("answer"):
        coded.setdefault(coding.answer_id, set()).add(coding.theme_id)
        texts[coding.answer_id] = english_text(coding.answer)
    by_id = {theme.pk: theme for theme in consultation.themes.all()}
    found = suggest.suggest(
        coded=[(texts[answer_id], set(theme_ids)) for answer_id, theme_ids in coded.items()],
        texts=[english_text(answer) for answer in answers],
    )
    result = {}
    for answer, proposals in zip(answers, found, strict=True):
        has = {coding.theme_id for coding in answer.codings.all()}
        result[answer.pk] = [
            ThemeSuggestion(theme=by_id[int(str(p.theme))], probability=p.probability)
            for p in proposals
            if int(str(p.theme)) in by_id and int(str(p.theme)) not in has
        ]
    return result


def theme_candidates(consultation: Consultation) -> list[suggest.Candidate]:
    """Groups of similar answers to start naming themes from, while nothing is coded yet."""
    if AnswerTheme.objects.filter(theme__consultation=consultation).exists():
        return []
    return suggest.candidates(texts=[english_text(answer) for answer in free_text_answers(consultation)])


def impacts(consultation: Consultation) -> QuerySet[Impact]:
    return consultation.impacts.select_related("decision").prefetch_related("themes")


def decisions(consultation: Consultation) -> QuerySet[Decision]:
    return consultation.decisions.prefetch_related("impacts").order_by("decided_on", "pk")


@dataclass(frozen=True)
class YouSaid:
    theme: Theme
    responses: int | Suppressed

    @property
    def suppressed(self) -> bool:
        return isinstance(self.responses, Suppressed)


@dataclass(frozen=True)
class Outcome:
    limit: int
    responses: int
    you_said: list[YouSaid]
    we_did: list[Decision]


def outcome(consultation: Consultation) -> Outcome:
    """What the outcome page shows. Counts of 1 to 4 read "fewer than 5" (reporting.suppression):
    the page is public, and a small count with a theme could point to a family."""
    limit = small_number_limit()
    counted = [(theme, int(getattr(theme, "response_count", 0))) for theme in themes(consultation)]
    counted.sort(key=lambda pair: (-pair[1], pair[0].name))
    rows = [
        YouSaid(theme=theme, responses=Suppressed(limit) if is_small(count, limit) else count)
        for theme, count in counted
        if count
    ]
    return Outcome(
        limit=limit,
        responses=consultation.responses.count(),
        you_said=rows,
        we_did=[decision for decision in decisions(consultation) if decision.we_did],
    )
