"""The hand-coded test answers (data/theme_responses.json) loaded as real responses to the children's
centres consultation, for the theme tests."""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from family_resources.accounts.models import User
from family_resources.consultation.models import Answer, Channel, Consultation, Theme, TranslationMethod
from family_resources.consultation.services import ResponseInput, TextTranslation, edition_add, response_submit
from family_resources.consultation.themes.services import theme_create

DATA = Path(__file__).parent / "data" / "theme_responses.json"
QUESTION = "impact-how"


def load() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def english(record: dict[str, Any]) -> str:
    return str(record.get("translation") or record["text"])


@dataclass
class Loaded:
    themes: dict[str, Theme]  # by the data's key
    answers: list[Answer]  # in the data's order
    gold: list[set[str]]  # the hand-coded theme keys of each answer


def respond(
    consultation: Consultation,
    entered_by: User,
    text: str,
    language: str = "en",
    translation: TextTranslation | None = None,
) -> Answer:
    """A paper response (so a member of staff can add the translation) with one free-text answer."""
    edition = consultation.editions.filter(language=language, easy_read=False).first() or edition_add(
        consultation=consultation,
        language=language,
        easy_read=False,
        title=f"Consultation ({language})",
        summary="Summary",
        method=TranslationMethod.HUMAN,
        translated_by="Luton Translation Service",
    )
    translations = {QUESTION: translation} if translation else {}
    response = response_submit(
        data=ResponseInput(
            edition=edition,
            answers={"respondent-type": "parent", "agree-integrated-service": "disagree", QUESTION: text},
            channel=Channel.PAPER,
            entered_by=entered_by,
            translations=translations,
        )
    )
    return response.answers.get(question_key=QUESTION)


def load_into(consultation: Consultation, entered_by: User) -> Loaded:
    data = load()
    themes = {
        key: theme_create(consultation=consultation, name=theme["name"], description=theme["description"])
        for key, theme in data["themes"].items()
    }
    answers, gold = [], []
    for record in data["responses"]:
        translation = (
            TextTranslation(text=record["translation"], translated_by=record["translated_by"])
            if "translation" in record
            else None
        )
        answers.append(respond(consultation, entered_by, record["text"], record.get("language", "en"), translation))
        gold.append(set(record["themes"]))
    return Loaded(themes=themes, answers=answers, gold=gold)
