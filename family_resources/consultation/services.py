"""Writes for consultations: the lifecycle, editions, the survey, responses and saved drafts."""

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.consultation import survey
from family_resources.consultation.models import (
    Answer,
    AnswerType,
    Channel,
    Consultation,
    Edition,
    Question,
    QuestionKind,
    QuestionOption,
    QuestionTranslation,
    RespondentType,
    Response,
    ResponseDraft,
    TranslationMethod,
)
from family_resources.core.references import new_reference
from family_resources.notifications.services import notify_email
from family_resources.places.postcodes import normalise_postcode
from family_resources.places.selectors import area_of

Status = Consultation.Status

# Which state each state may move to. Outcome published is the end.
TRANSITIONS: dict[str, list[str]] = {
    Status.DRAFT: [Status.OPEN],
    Status.OPEN: [Status.CLOSED],
    Status.CLOSED: [Status.OPEN, Status.ANALYSED],
    Status.ANALYSED: [Status.OUTCOME_PUBLISHED],
    Status.OUTCOME_PUBLISHED: [],
}


def draft_lifetime() -> timedelta:
    return timedelta(days=settings.CONSULTATION_DRAFT_LIFETIME_DAYS)


@transaction.atomic
def consultation_create(*, title: str, slug: str, summary: str, opens_on: date, closes_on: date) -> Consultation:
    """A new draft consultation with its English edition."""
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The closing date must be the same as or after the opening date")})
    if Consultation.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("Another consultation already uses this web address")})
    consultation = Consultation.objects.create(
        title=title, slug=slug, summary=summary, opens_on=opens_on, closes_on=closes_on
    )
    Edition.objects.create(consultation=consultation, code="en", language="en", title=title, summary=summary)
    return consultation


@transaction.atomic
def consultation_reschedule(*, consultation: Consultation, opens_on: date, closes_on: date) -> Consultation:
    """Set the dates a consultation runs between, before it has closed."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status not in (Status.DRAFT, Status.OPEN):
        raise ValidationError(_("The dates of a consultation that has closed cannot change"))
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The closing date must be the same as or after the opening date")})
    consultation.opens_on, consultation.closes_on = opens_on, closes_on
    consultation.save(update_fields=["opens_on", "closes_on"])
    return consultation


@transaction.atomic
def consultation_transition(*, consultation: Consultation, to: str) -> Consultation:
    """Move a consultation on in its lifecycle, by the rules in TRANSITIONS."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if to not in TRANSITIONS[consultation.status]:
        raise ValidationError(
            _("A consultation that is %(now)s cannot become %(to)s")
            % {"now": consultation.get_status_display().lower(), "to": Status(to).label.lower()}
        )
    if to == Status.OPEN:
        if not consultation.questions.exists():
            raise ValidationError(_("Add at least one question before opening the consultation"))
        if not consultation.editions.filter(language="en", easy_read=False).exists():
            raise ValidationError(_("The consultation needs an English edition before it opens"))
    consultation.status = to
    consultation.save(update_fields=["status"])
    return consultation


@transaction.atomic
def edition_add(
    *,
    consultation: Consultation,
    language: str,
    easy_read: bool,
    title: str,
    summary: str,
    method: str,
    translated_by: str,
    translated_on: date | None = None,
) -> Edition:
    """A translation or easy read edition. Its pages, FAQ and question wording are added after."""
    if method == TranslationMethod.ORIGINAL and (language != "en" or easy_read):
        raise ValidationError({"method": _("Say whether a person or a machine translated this edition")})
    if method != TranslationMethod.ORIGINAL and not translated_by.strip():
        raise ValidationError({"translated_by": _("Enter who translated this edition")})
    if consultation.editions.filter(language=language, easy_read=easy_read).exists():
        raise ValidationError({"language": _("This consultation already has that edition")})
    code = f"{language}-easy-read" if easy_read else language
    return Edition.objects.create(
        consultation=consultation,
        code=code,
        language=language,
        easy_read=easy_read,
        title=title,
        summary=summary,
        method=method,
        translated_by=translated_by.strip(),
        translated_on=translated_on or (timezone.localdate() if method != TranslationMethod.ORIGINAL else None),
    )


@transaction.atomic
def question_translation_save(
    *, edition: Edition, question: Question, text: str, hint: str = "", option_labels: Mapping[str, str] | None = None
) -> QuestionTranslation:
    translation, _created = QuestionTranslation.objects.update_or_create(
        edition=edition,
        question=question,
        defaults={"text": text, "hint": hint, "option_labels": dict(option_labels or {})},
    )
    return translation


def parse_options(text: str) -> list[tuple[str, str]]:
    """One option a line, 'value | label' or just the label (its value is made from it)."""
    options = []
    for line in text.splitlines():
        if not line.strip():
            continue
        value, _sep, label = line.partition("|")
        if not _sep:
            label, value = value, slugify(value)[:60]
        options.append((value.strip(), label.strip()))
    return options


@transaction.atomic
def question_add(
    *,
    consultation: Consultation,
    key: str,
    text: str,
    answer_type: str,
    kind: str = QuestionKind.VIEWS,
    hint: str = "",
    required: bool = False,
    page: int | None = None,
    options: list[tuple[str, str]] | None = None,
    condition_question: Question | None = None,
    condition_value: str = "",
) -> Question:
    """Add a question at the end of the survey (on its own page unless `page` groups it)."""
    if consultation.responses.exists():
        raise ValidationError(_("Questions cannot be added once responses have been received"))
    if consultation.questions.filter(key=key).exists():
        raise ValidationError({"key": _("Another question already uses this identifier")})
    options = options or []
    if answer_type in (AnswerType.SINGLE_CHOICE, AnswerType.MULTIPLE_CHOICE) and len(options) < 2:
        raise ValidationError({"options": _("Enter at least two options, one a line")})
    if condition_question is not None and not condition_value:
        raise ValidationError({"condition_value": _("Enter the answer that makes this question appear")})
    last = consultation.questions.aggregate(position=Max("position"), page=Max("page"))
    question = Question.objects.create(
        consultation=consultation,
        key=key,
        text=text,
        hint=hint,
        answer_type=answer_type,
        kind=kind,
        required=required,
        position=(last["position"] or 0) + 1,
        page=page or (last["page"] or 0) + 1,
        condition_question=condition_question,
        condition_value=condition_value if condition_question else "",
    )
    QuestionOption.objects.bulk_create(
        QuestionOption(question=question, value=value, label=label, position=index)
        for index, (value, label) in enumerate(options, start=1)
    )
    return question


@transaction.atomic
def question_reword(*, question: Question, text: str, hint: str) -> Question:
    """Change a question's English wording. Once answers exist the version goes up, so each answer
    keeps the version of the wording it was given to."""
    if text == question.text and hint == question.hint:
        return question
    if question.answers.exists():
        question.version += 1
    question.text = text
    question.hint = hint
    question.save(update_fields=["text", "hint", "version"])
    return question


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    """Swap a question with the one before (or after) it. Not once responses exist: the pages would change."""
    if question.consultation.responses.exists():
        raise ValidationError(_("Questions cannot be moved once responses have been received"))
    siblings = list(question.consultation.questions.order_by("position"))
    index = siblings.index(question)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(siblings):
        return
    other = siblings[other_index]
    question.position, other.position = other.position, question.position
    question.page, other.page = other.page, question.page
    for moved in (question, other):
        moved.save(update_fields=["position", "page"])


@dataclass(frozen=True)
class TextTranslation:
    """An English translation of a free-text answer given in another language, and who made it."""

    text: str
    translated_by: str
    method: str = TranslationMethod.HUMAN


@dataclass
class ResponseInput:
    """What every channel gives response_submit."""

    edition: Edition
    answers: dict[str, Any]
    channel: str = Channel.ONLINE
    assisted: bool = False
    entered_by: User | None = None
    received_on: date | None = None
    translations: dict[str, TextTranslation] = field(default_factory=dict)


def _validate(questions: list[Question], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Check every asked question against its type; returns the cleaned answers or raises ValidationError."""
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for question in survey.asked_questions(questions, answers):
        value = answers.get(question.key)
        values = survey.chosen(value)
        if not values:
            if question.required:
                errors[question.key] = _("Answer this question")
            continue
        allowed = {o.value for o in question.options.all()}
        if question.answer_type == AnswerType.RATING:
            allowed = set(survey.RATINGS)
        elif question.answer_type == AnswerType.YES_NO:
            allowed = set(survey.YES_NO)
        if question.answer_type == AnswerType.MULTIPLE_CHOICE:
            if not set(values) <= allowed:
                errors[question.key] = _("Choose from the options given")
            cleaned[question.key] = values
        elif question.answer_type in (AnswerType.SINGLE_CHOICE, AnswerType.RATING, AnswerType.YES_NO):
            if len(values) != 1 or values[0] not in allowed:
                errors[question.key] = _("Choose one of the options given")
            cleaned[question.key] = values[0]
        elif question.answer_type == AnswerType.POSTCODE:
            postcode = normalise_postcode(values[0])
            if postcode is None:
                errors[question.key] = _("Enter a real postcode, like LU1 3QZ")
            cleaned[question.key] = postcode or values[0]
        else:
            cleaned[question.key] = str(value).strip()
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def response_submit(*, data: ResponseInput, draft_id: int | None = None) -> Response:
    """Record a response from any channel, with one answer row per question asked; queue the receipt.

    Raises ValidationError (keyed by question identifier) when a required answer is missing or a
    value is not one the question allows.
    """
    edition = data.edition
    consultation = Consultation.objects.select_for_update().get(pk=edition.consultation_id)
    online = data.channel == Channel.ONLINE
    if online and consultation.status != Status.OPEN:
        raise ValidationError(_("This consultation is not open for responses"))
    if not online and consultation.status not in (Status.OPEN, Status.CLOSED):
        raise ValidationError(_("Responses can be entered only while the consultation is open or just closed"))
    if not online and data.entered_by is None:
        raise ValidationError(_("Say which member of staff entered this response"))
    questions = list(consultation.questions.prefetch_related("options").select_related("condition_question"))
    answers = _validate(questions, data.answers)
    by_kind = {q.key: q for q in questions}
    respondent_type = next(
        (
            v
            for k, v in answers.items()
            if by_kind[k].kind == QuestionKind.RESPONDENT_TYPE and v in RespondentType.values
        ),
        "",
    )
    postcode = next((v for k, v in answers.items() if by_kind[k].answer_type == AnswerType.POSTCODE), "")
    email = next((v for k, v in answers.items() if by_kind[k].answer_type == AnswerType.EMAIL), "")
    response = Response.objects.create(
        consultation=consultation,
        edition=edition,
        reference=new_reference("CR"),
        language=edition.language,
        easy_read=edition.easy_read,
        channel=data.channel,
        assisted=data.assisted and not online,
        entered_by=None if online else data.entered_by,
        respondent_type=respondent_type,
        postcode=postcode,
        neighbourhood=area_of(postcode).neighbourhood if postcode else None,
        email=email,
        received_on=data.received_on,
    )
    for question in questions:
        if question.key not in answers:
            continue
        value = answers[question.key]
        is_text = question.answer_type == AnswerType.FREE_TEXT
        translation = data.translations.get(question.key) if is_text else None
        Answer.objects.create(
            response=response,
            question=question,
            question_key=question.key,
            question_version=question.version,
            value=value,
            original_text=value if is_text else "",
            original_language=edition.language if is_text else "",
            translated_text=translation.text if translation else "",
            translated_by=translation.translated_by if translation else "",
            translation_method=translation.method if translation else "",
        )
    if email:
        notify_email(
            to=email,
            template="consultation_response_receipt",
            context={"reference": response.reference, "consultation_title": edition.title},
            language=edition.language,
            regarding=("consultation.response", response.reference),
        )
    if draft_id is not None:
        ResponseDraft.objects.filter(pk=draft_id, used_at__isnull=True).update(used_at=timezone.now())
    return response


@transaction.atomic
def answer_translate(*, answer: Answer, text: str, translated_by: str, method: str) -> Answer:
    """Add or replace the English translation of a text answer; the original words stay as they were."""
    if not translated_by.strip():
        raise ValidationError({"translated_by": _("Enter who translated the answer")})
    answer.translated_text = text
    answer.translated_by = translated_by.strip()
    answer.translation_method = method
    answer.save(update_fields=["translated_text", "translated_by", "translation_method"])
    return answer


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def response_draft_save(
    *,
    edition: Edition,
    answers: dict[str, Any],
    email: str,
    link_for: Callable[[str], str],
    replaces: int | None = None,
) -> ResponseDraft:
    """Keep the answers and email a link back to them. Saving again retires the older link."""
    now = timezone.now()
    if replaces is not None:
        ResponseDraft.objects.filter(pk=replaces, used_at__isnull=True).update(used_at=now)
    token = secrets.token_urlsafe(32)
    draft = ResponseDraft.objects.create(
        consultation=edition.consultation,
        edition=edition,
        token_hash=_hash(token),
        answers=answers,
        email=email,
        created_at=now,
        expires_at=now + draft_lifetime(),
    )
    notify_email(
        to=email,
        template="consultation_resume_link",
        context={"link": link_for(token), "expires_at": draft.expires_at, "consultation_title": edition.title},
        language=edition.language,
        regarding=("consultation.responsedraft", str(draft.pk)),
    )
    return draft


def response_draft_find(*, token: str) -> ResponseDraft | None:
    """The draft behind a link while it can still be opened; None when unknown, used or expired."""
    return (
        ResponseDraft.objects.select_related("edition__consultation")
        .filter(token_hash=_hash(token), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def response_drafts_delete_expired() -> int:
    """Remove drafts whose link no longer works: the answers are kept for no purpose."""
    deleted, _by_model = ResponseDraft.objects.filter(
        Q(expires_at__lte=timezone.now()) | Q(used_at__isnull=False)
    ).delete()
    return deleted
