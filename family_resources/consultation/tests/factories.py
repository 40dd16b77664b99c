"""Test data for consultations. The children's centres consultation itself comes from the data migration."""

from datetime import date

import factory

from family_resources.consultation import content
from family_resources.consultation.models import (
    AnswerType,
    Consultation,
    Edition,
    Question,
    QuestionOption,
    TranslationMethod,
)
from family_resources.consultation.services import consultation_transition, edition_add, question_translation_save


class ConsultationFactory(factory.django.DjangoModelFactory[Consultation]):
    class Meta:
        model = Consultation

    title = factory.Sequence(lambda n: f"Consultation {n:04d}")  # padded: name order is creation order
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    summary = "What we propose and why."
    opens_on = date(2026, 11, 1)
    closes_on = date(2026, 12, 31)


class EditionFactory(factory.django.DjangoModelFactory[Edition]):
    class Meta:
        model = Edition

    consultation = factory.SubFactory(ConsultationFactory)
    code = "en"
    language = "en"
    title = factory.SelfAttribute("consultation.title")
    summary = factory.SelfAttribute("consultation.summary")


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    class Meta:
        model = Question

    consultation = factory.SubFactory(ConsultationFactory)
    key = factory.Sequence(lambda n: f"question-{n}")
    position = factory.Sequence(lambda n: n + 1)
    page = factory.SelfAttribute("position")
    answer_type = AnswerType.FREE_TEXT
    text = factory.Sequence(lambda n: f"Question {n}?")


def choice_question(consultation: Consultation, key: str, values: list[str], **fields: object) -> Question:
    question = QuestionFactory.create(
        consultation=consultation, key=key, answer_type=AnswerType.SINGLE_CHOICE, **fields
    )
    for position, value in enumerate(values, start=1):
        QuestionOption.objects.create(question=question, value=value, label=value.title(), position=position)
    return question


def childrens_centres() -> Consultation:
    """The consultation loaded by the data migration."""
    return Consultation.objects.get(slug=content.CONSULTATION_SLUG)


def open_childrens_centres() -> Consultation:
    consultation = childrens_centres()
    if consultation.status != Consultation.Status.OPEN:
        consultation = consultation_transition(consultation=consultation, to=Consultation.Status.OPEN)
    return consultation


URDU_TITLE = "بچوں کے مراکز کی نئی تشکیل پر مشاورت"
URDU_QUESTIONS = {
    "respondent-type": "آپ کس حیثیت سے جواب دے رہے ہیں؟",
    "impact-how": "ہماری تجاویز آپ کو درکار مدد تک رسائی کو کیسے متاثر کریں گی؟",
}


def urdu_edition(consultation: Consultation) -> Edition:
    """An Urdu edition translated by a person, with every question worded in Urdu."""
    edition = edition_add(
        consultation=consultation,
        language="ur",
        easy_read=False,
        title=URDU_TITLE,
        summary="ہم بچوں اور خاندانوں کے لیے خدمات میں تبدیلیوں پر آپ کی رائے جاننا چاہتے ہیں۔",  # noqa: RUF001 -- the Urdu full stop
        method=TranslationMethod.HUMAN,
        translated_by="Luton Translation Service",
    )
    for number, question in enumerate(consultation.questions.prefetch_related("options"), start=1):
        question_translation_save(
            edition=edition,
            question=question,
            text=URDU_QUESTIONS.get(question.key, f"سوال {number}"),
            option_labels={option.value: f"جواب {option.value}" for option in question.options.all()},
        )
    return edition
