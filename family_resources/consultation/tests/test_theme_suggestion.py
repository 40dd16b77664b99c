"""How good are the theme suggestions? The must-show test of issue 8.

78 made-up but realistic answers (data/theme_responses.json), each coded by hand with one or more of
six themes, go in as real responses. Two thirds are coded through the service, as an analyst would;
the model suggests themes for the other third, and the suggestions are scored against the hand coding.
The report is printed (`pytest -s`) and attached to the test report.

Measured (scikit-learn 1.9.1, threshold 0.35): micro precision 0.79, recall 0.87, F1 0.83; 69% of
held-out answers get exactly their hand-coded themes. The floors below sit about 0.1 under that:
the model is deterministic, so a drop that large means the method or its settings got worse.
A model trained on the same answers with the themes shuffled between them must do far worse, so the
test fails if the score comes from the data's shape (say, always suggesting the commonest theme)
rather than from the words.
"""

import random
from collections.abc import Sequence
from typing import Any

import pytest

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.consultation.models import AnswerTheme, CodedOn
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.consultation.tests.theme_data import english, load, load_into
from family_resources.consultation.themes import selectors, suggest
from family_resources.consultation.themes.services import answer_code

pytestmark = pytest.mark.django_db

F1_FLOOR = 0.75
EXACT_FLOOR = 0.55


def held_out(index: int) -> bool:
    return index % 3 == 2


def score(gold: Sequence[set[str]], predicted: Sequence[set[str]], themes: Sequence[str]) -> dict[str, Any]:
    tp = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    fp = sum(len(p - g) for g, p in zip(gold, predicted, strict=True))
    fn = sum(len(g - p) for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    per_theme = {}
    for theme in themes:
        t_tp = sum(theme in g and theme in p for g, p in zip(gold, predicted, strict=True))
        t_fp = sum(theme not in g and theme in p for g, p in zip(gold, predicted, strict=True))
        t_fn = sum(theme in g and theme not in p for g, p in zip(gold, predicted, strict=True))
        per_theme[theme] = (
            t_tp / (t_tp + t_fp) if t_tp + t_fp else 0.0,
            t_tp / (t_tp + t_fn) if t_tp + t_fn else 0.0,
            t_tp + t_fn,
        )
    cells = len(gold) * len(themes)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "exact": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
        "label_accuracy": (cells - sum(len(g ^ p) for g, p in zip(gold, predicted, strict=True))) / cells,
        "per_theme": per_theme,
    }


def report(title: str, result: dict[str, Any], trained: int, tested: int) -> str:
    lines = [
        f"{title}: trained on {trained} coded answers, scored on {tested} held out, threshold {suggest.THRESHOLD}",
        f"  micro precision {result['precision']:.2f}  recall {result['recall']:.2f}  F1 {result['f1']:.2f}",
        f"  exact match (all themes right) {result['exact']:.0%}  per-label accuracy {result['label_accuracy']:.0%}",
        "  theme            precision  recall  held-out answers",
    ]
    per_theme = result["per_theme"]
    assert isinstance(per_theme, dict)
    for theme, (precision, recall, support) in per_theme.items():
        lines.append(f"  {theme:<16} {precision:9.2f} {recall:7.2f} {support:6d}")
    return "\n".join(lines)


def test_suggestions_for_uncoded_answers_match_the_hand_coding(record_property):
    consultation = open_childrens_centres()
    analyst = staff(Role.CONSULTATION_OFFICER)
    loaded = load_into(consultation, analyst)
    keys = {theme.pk: key for key, theme in loaded.themes.items()}
    for index, (answer, hand_coded) in enumerate(zip(loaded.answers, loaded.gold, strict=True)):
        if not held_out(index):
            coded_on = CodedOn.TRANSLATION if answer.translated_text else CodedOn.ORIGINAL
            answer_code(
                answer=answer, themes=[loaded.themes[k] for k in hand_coded], coded_by=analyst, coded_on=coded_on
            )
    tested = [a for i, a in enumerate(loaded.answers) if held_out(i)]
    gold = [g for i, g in enumerate(loaded.gold) if held_out(i)]

    suggested = selectors.suggestions(
        consultation, list(selectors.free_text_answers(consultation).filter(pk__in=[a.pk for a in tested]))
    )
    predicted = [{keys[s.theme.pk] for s in suggested[answer.pk]} for answer in tested]
    result = score(gold, predicted, list(loaded.themes))

    # The same answers with the hand-coded themes shuffled between them: words no longer predict themes.
    data = load()["responses"]
    training = [(english(r), set(r["themes"])) for i, r in enumerate(data) if not held_out(i)]
    labels = [themes for _text, themes in training]
    random.Random(0).shuffle(labels)  # noqa: S311 -- a fixed shuffle for the control, not a secret
    shuffled_out = suggest.suggest(
        coded=[(text, themes) for (text, _real), themes in zip(training, labels, strict=True)],
        texts=[english(r) for i, r in enumerate(data) if held_out(i)],
    )
    shuffled = score(gold, [{str(s.theme) for s in row} for row in shuffled_out], list(loaded.themes))

    text = "\n".join(
        [
            report("Theme suggestions", result, len(loaded.answers) - len(tested), len(tested)),
            report("Shuffled-labels control", shuffled, len(training), len(tested)),
        ]
    )
    print("\n" + text)
    record_property("theme_suggestion_report", text)
    record_property("theme_suggestion_f1", round(result["f1"], 3))

    assert not AnswerTheme.objects.filter(answer__in=tested).exists(), "suggestions are never applied by themselves"
    assert result["f1"] >= F1_FLOOR, text
    assert result["exact"] >= EXACT_FLOOR, text
    assert shuffled["f1"] < result["f1"] - 0.3, text


def test_suggestions_read_the_translation_of_an_answer_given_in_another_language():
    data = load()["responses"]
    coded = [(english(r), set(r["themes"])) for r in data if "translation" not in r]

    [urdu] = suggest.suggest(coded=coded, texts=["The hub is too far and the bus fare costs too much for us."])
    [original] = suggest.suggest(coded=coded, texts=["ہب بہت دور ہے اور بس کا کرایہ بہت مہنگا ہے"])

    assert [s.theme for s in urdu][:1] == ["travel"]
    assert original == []  # the Urdu words alone share nothing with the English the model learnt from


def test_nothing_is_suggested_until_enough_answers_are_coded():
    data = load()["responses"]
    few = [(english(r), set(r["themes"])) for r in data[: suggest.MIN_CODED - 1]]

    assert suggest.suggest(coded=few, texts=["The bus is too expensive"]) == [[]]


def test_before_any_coding_the_answers_group_into_candidate_themes_the_same_way_every_time():
    texts = [english(r) for r in load()["responses"]]

    first = suggest.candidates(texts=texts)
    again = suggest.candidates(texts=texts)

    assert first == again
    assert 2 <= len(first) <= 6
    words = {term for candidate in first for term in candidate.terms}
    assert {"bus", "online"} & words, first
    assert sum(len(candidate.members) for candidate in first) <= len(texts)
