"""Other people named in free text: who a case note, reason or message mentions, for a subject access bundle.

Pure Python, no database: the bundle passes in the names it already holds (other family members, professionals,
referrers, people named on referrals) and the family's own contact details. A match is a prompt for the officer
to check, never a decision to remove anything (docs/decisions/0023).

Names are compared after folding: Unicode compatibility decomposition with accents dropped, then casefold, so
"Zoë", "ZOE" and "zoe" are one name (staff often type names without their accents). A name matches only as
whole words, so "Ann" is not found in "Annual". A given name alone counts when it is at least three letters and
is not also the subject's given name; a given name that is also a common English word ("Will", "May") counts
alone only when written with a capital letter.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

MIN_GIVEN_NAME_LETTERS = 3
# Honorifics in front of a professional's name ("Dr Pat Jones"): not part of the name to look for.
TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"})
# Given names that are also everyday words: alone they count only when capitalised ("Will said", not "will").
COMMON_WORD_NAMES = frozenset(
    {
        "april", "art", "bill", "carol", "chase", "dawn", "faith", "frank", "grace", "guy", "hope", "jack",
        "joy", "june", "mark", "may", "miles", "pat", "penny", "rich", "rob", "rose", "summer", "sunny", "will",
    }
)  # fmt: skip

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A UK number: +44 or 0, then nine or ten more digits, with the spaces, hyphens and brackets people write.
PHONE_RE = re.compile(r"(?<![\w+/-])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:[\s-]?\)?[\s-]?\d){8,9}(?![\w/-])")


@dataclass(frozen=True)
class Name:
    """A person's name as a record holds it; `label` is how a flag names them (their full name by default)."""

    given: str
    family: str = ""
    label: str = ""

    @property
    def shown(self) -> str:
        return self.label or " ".join(part for part in (self.given, self.family) if part).strip()


def fold(text: str) -> str:
    """`text` without accents, casefolded, with runs of whitespace made one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_from_text(text: str) -> Name:
    """A Name from one free-text name field (a professional's or referrer's): titles dropped, first word given."""
    words = text.split()
    while words and fold(words[0]).rstrip(".") in TITLES:
        words = words[1:]
    if not words:
        return Name(given="", label=text.strip())
    return Name(given=words[0], family=" ".join(words[1:]), label=text.strip())


def _words_pattern(words: str) -> str:
    return r"\s+".join(re.escape(word) for word in words.split())


def _whole(pattern: str) -> str:
    return rf"(?<!\w){pattern}(?!\w)"


def phone_digits(text: str) -> str:
    """A UK number as its digits from the leading 0: "+44 (0)7700 900123" becomes "07700900123"."""
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+44"):
        digits = digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    return digits


def _own_contact(value: str) -> str:
    return value.strip().casefold() if "@" in value else phone_digits(value)


@dataclass(frozen=True)
class _Pattern:
    label: str
    regex: re.Pattern[str]
    # True: search the accent-stripped text case-sensitively (a common-word given name must be capitalised).
    cased: bool = False
    # A given name: the full-name labels of the people who have it.
    people: tuple[str, ...] = ()


def _given_pattern(given: str, written: str, people: list[str]) -> _Pattern:
    if given not in COMMON_WORD_NAMES:
        return _Pattern(written, re.compile(_whole(_words_pattern(given))), people=tuple(people))
    plain = _strip_accents(written)
    first, rest = re.escape(plain[0].upper()), _words_pattern(plain[1:])
    return _Pattern(written, re.compile(_whole(f"{first}(?i:{rest})" if rest else first)), True, tuple(people))


class MentionFinder:
    """Finds which known other people, and which unknown contact details, a piece of free text mentions.

    Build it once (it compiles one pattern per name) and call `names_in` and `contacts_in` for each text.
    """

    def __init__(self, *, others: Iterable[Name], subject: Name, own_contacts: Iterable[str] = ()) -> None:
        subject_full = fold(f"{subject.given} {subject.family}")
        subject_given = fold(subject.given)
        self._full: list[_Pattern] = []
        seen_full: set[str] = set()
        # Folded given name -> (how it is written, the people who have it): one pattern for each given name.
        given_names: dict[str, tuple[str, list[str]]] = {}
        for person in others:
            given, full = fold(person.given), fold(f"{person.given} {person.family}")
            if not given or full == subject_full:
                continue
            if person.family and full not in seen_full:
                seen_full.add(full)
                self._full.append(_Pattern(person.shown, re.compile(_whole(_words_pattern(full)))))
            letters = sum(char.isalpha() for char in given)
            if letters < MIN_GIVEN_NAME_LETTERS or given == subject_given:
                continue
            given_names.setdefault(given, (" ".join(person.given.split()), []))[1].append(person.shown)
        self._given = [_given_pattern(given, written, people) for given, (written, people) in given_names.items()]
        self._own = {_own_contact(value) for value in own_contacts if value and value.strip()}

    def names_in(self, text: str) -> list[str]:
        """The other people `text` names, in the order they first appear: full names, else given names alone."""
        if not text:
            return []
        folded, plain = fold(text), " ".join(_strip_accents(text).split())
        found: list[tuple[int, str]] = []
        full_spans: list[tuple[int, int]] = []
        for pattern in self._full:
            for match in pattern.regex.finditer(folded):
                full_spans.append(match.span())
                found.append((match.start(), pattern.label))
        found_labels = {label for _position, label in found}
        for pattern in self._given:
            # "Dean" later in a note that already names Dean Lacey is the same person.
            if found_labels.intersection(pattern.people):
                continue
            haystack = plain if pattern.cased else folded
            for match in pattern.regex.finditer(haystack):
                # "Dean" inside "Dean Lacey" is already reported as Dean Lacey. (Folding keeps positions, but for
                # the rare letter that casefolds to two, such as "ß", so the cased search may be off by one.)
                if not any(start <= match.start() < end for start, end in full_spans):
                    found.append((match.start(), pattern.label))
                    break
        return _unique(label for _position, label in sorted(found))

    def contacts_in(self, text: str) -> list[str]:
        """Email addresses and UK phone numbers in `text` that are not the family's own, as written."""
        if not text:
            return []
        found = [(match.start(), match.group()) for match in EMAIL_RE.finditer(text)]
        found += [(match.start(), match.group()) for match in PHONE_RE.finditer(text)]
        return _unique(
            value.strip()
            for _position, value in sorted(found)
            if _own_contact(value) not in self._own and ("@" in value or _is_uk_number(phone_digits(value)))
        )


def _is_uk_number(digits: str) -> bool:
    return len(digits) in (10, 11) and digits.startswith("0") and digits[1] != "0"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def find_mentions(
    text: str, *, others: Iterable[Name], subject: Name, own_contacts: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """The other people and the unknown contact details `text` mentions (one-off use of MentionFinder)."""
    finder = MentionFinder(others=others, subject=subject, own_contacts=own_contacts)
    return finder.names_in(text), finder.contacts_in(text)
