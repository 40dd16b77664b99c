"""Theme suggestions for free-text answers, worked out on this machine (docs/decisions/0030).

Pure functions over English text, tested without the database:

- `suggest`: once analysts have coded some answers, a TF-IDF representation and a linear classifier,
  one-vs-rest so an answer can have several themes, propose themes for the answers not yet coded.
  Only themes whose probability reaches the threshold are proposed.
- `candidates`: before anything is coded, NMF over TF-IDF groups the answers and names each group
  by its top terms, as candidate themes for an analyst to name (or not).

Nothing here writes: an analyst accepts or rejects each suggestion. Fixed random states keep the
results the same from one run to the next.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

RANDOM_STATE = 0
# A theme is suggested when the model gives it at least this probability. Measured on the test
# data (test_theme_suggestion.py): lower thresholds bring in more wrong themes than right ones.
THRESHOLD = 0.35
# Below this many coded answers the model has too little to learn from to be worth showing.
MIN_CODED = 10


@dataclass(frozen=True)
class Suggestion:
    theme: Hashable
    probability: float


@dataclass(frozen=True)
class Candidate:
    """A group of similar answers found before any coding: its top terms and which answers are in it."""

    terms: list[str]
    members: list[int]


def _vectoriser() -> TfidfVectorizer:
    # Words and pairs of words; English stop words out; sublinear counts so one repeated word does not swamp.
    return TfidfVectorizer(
        ngram_range=(1, 2), stop_words="english", sublinear_tf=True, min_df=1, strip_accents="unicode"
    )


def suggest(
    *,
    coded: Sequence[tuple[str, set[Hashable]]],
    texts: Sequence[str],
    threshold: float = THRESHOLD,
    min_coded: int = MIN_CODED,
) -> list[list[Suggestion]]:
    """For each of `texts`, the themes to suggest, most likely first, learnt from `coded` (text, themes).

    Empty lists when there is too little coding to learn from or fewer than two themes in use.
    """
    coded = [(text, themes) for text, themes in coded if text.strip() and themes]
    labels = MultiLabelBinarizer()
    if len(coded) < min_coded or not texts:
        return [[] for _ in texts]
    y = labels.fit_transform([sorted(themes, key=str) for _text, themes in coded])
    if y.shape[1] < 2:
        return [[] for _ in texts]
    vectoriser = _vectoriser()
    x = vectoriser.fit_transform([text for text, _themes in coded])
    # Balanced weights: a theme few answers carry still gets suggested when its words turn up.
    model = OneVsRestClassifier(
        LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000, random_state=RANDOM_STATE)
    )
    model.fit(x, y)
    probabilities = np.asarray(model.predict_proba(vectoriser.transform(list(texts))))
    results = []
    for row in probabilities:
        ranked = sorted(
            (Suggestion(theme=labels.classes_[i], probability=float(p)) for i, p in enumerate(row) if p >= threshold),
            key=lambda s: -s.probability,
        )
        results.append(ranked)
    return results


def candidates(*, texts: Sequence[str], count: int = 6, terms: int = 6) -> list[Candidate]:
    """Up to `count` groups of similar answers, each with its `terms` top words, largest group first."""
    texts = list(texts)
    if len([t for t in texts if t.strip()]) < max(count, 2):
        return []
    vectoriser = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, strip_accents="unicode")
    try:
        x = vectoriser.fit_transform(texts)
    except ValueError:  # no word appears in two answers
        return []
    count = min(count, x.shape[1], x.shape[0])
    model = NMF(n_components=count, init="nndsvd", random_state=RANDOM_STATE, max_iter=500)
    weights = model.fit_transform(x)
    vocabulary = vectoriser.get_feature_names_out()
    groups = weights.argmax(axis=1)
    found = []
    for component in range(count):
        members = [i for i, group in enumerate(groups) if group == component and weights[i].sum() > 0]
        if not members:
            continue
        top = np.argsort(model.components_[component])[::-1][:terms]
        found.append(Candidate(terms=[str(vocabulary[i]) for i in top], members=members))
    return sorted(found, key=lambda c: -len(c.members))
