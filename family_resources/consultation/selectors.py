"""Reads about consultations."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from family_resources.consultation.models import (
    Channel,
    Consultation,
    Edition,
    Question,
    QuestionTranslation,
    Response,
)


def consultation_list() -> QuerySet[Consultation]:
    return Consultation.objects.order_by("-opens_on")


def public_consultations() -> QuerySet[Consultation]:
    """Consultations the public can read: everything but drafts."""
    return Consultation.objects.exclude(status=Consultation.Status.DRAFT).order_by("-opens_on")


@dataclass(frozen=True)
class OpenConsultation:
    """An open consultation as the public home page offers it: titled in the visitor's language if it can be."""

    slug: str
    title: str
    closes_on: date


def open_consultations(*, today: date, language: str) -> list[OpenConsultation]:
    """Consultations taking responses today, closing soonest first. The title is the published edition's in
    `language` (not the easy-read one) where there is one, and the consultation's own otherwise."""
    in_language = Edition.objects.filter(published=True, easy_read=False, language=language)
    consultations = (
        Consultation.objects.filter(status=Consultation.Status.OPEN, opens_on__lte=today, closes_on__gte=today)
        .prefetch_related(Prefetch("editions", queryset=in_language, to_attr="in_language"))
        .order_by("closes_on", "title")
    )
    return [
        OpenConsultation(
            slug=consultation.slug,
            title=consultation.in_language[0].title if consultation.in_language else consultation.title,
            closes_on=consultation.closes_on,
        )
        for consultation in consultations
    ]


def public_edition(*, slug: str, code: str) -> Edition | None:
    return (
        Edition.objects.select_related("consultation")
        .filter(consultation__slug=slug, code=code, published=True)
        .exclude(consultation__status=Consultation.Status.DRAFT)
        .first()
    )


def survey_questions(consultation: Consultation) -> list[Question]:
    return list(consultation.questions.prefetch_related("options").order_by("position"))


def question_translations(edition: Edition) -> dict[int, QuestionTranslation]:
    return {t.question_id: t for t in QuestionTranslation.objects.filter(edition=edition)}


@dataclass(frozen=True)
class ResponseCounts:
    total: int
    online: int
    assisted: int
    paper: int
    by_channel: dict[str, int]
    by_language: dict[str, int]


def response_counts(consultation: Consultation) -> ResponseCounts:
    """How many responses came in each way. Assisted (staff helped) and paper (keyed in later) are
    counted apart: a paper form a member of staff helped to fill in is both."""
    responses = Response.objects.filter(consultation=consultation)
    totals = responses.aggregate(
        total=Count("id"),
        online=Count("id", filter=Q(channel=Channel.ONLINE)),
        assisted=Count("id", filter=Q(assisted=True)),
        paper=Count("id", filter=Q(channel=Channel.PAPER)),
    )
    by_channel = {row["channel"]: row["n"] for row in responses.values("channel").annotate(n=Count("id"))}
    by_language = {row["language"]: row["n"] for row in responses.values("language").annotate(n=Count("id"))}
    return ResponseCounts(
        total=totals["total"],
        online=totals["online"],
        assisted=totals["assisted"],
        paper=totals["paper"],
        by_channel={value: by_channel.get(value, 0) for value in Channel.values},
        by_language=by_language,
    )


def responses_for_staff(consultation: Consultation) -> QuerySet[Response]:
    return (
        Response.objects.filter(consultation=consultation)
        .select_related("edition", "entered_by", "neighbourhood")
        .order_by("-submitted_at")
    )
