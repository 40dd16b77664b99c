"""The answers so far, kept in the visitor's session, and what they add up to.

The session holds plain JSON: each question page's answers under its slug, the people
in the family as a list, and whether the referrer has finished adding people.
"""

from datetime import date
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

from family_resources.intake.eligibility import (
    Eligibility,
    EligibilityStatus,
    Ineligibility,
    PersonFacts,
    Relationship,
    assess_eligibility,
)
from family_resources.intake.journey.fields import YES
from family_resources.intake.journey.steps import (
    CONSENT,
    PEOPLE,
    POSTCODE,
    WHO,
    ReferrerKind,
    Step,
    steps_for,
)
from family_resources.places.selectors import area_of

SESSION_KEY = "referral_journey"
SENT_KEY = "referral_journey_sent"


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def person_facts(person: dict[str, Any]) -> PersonFacts:
    return PersonFacts(
        relationship=person.get("relationship", ""),
        date_of_birth=_as_date(person.get("date_of_birth")),
        expected_date_of_delivery=_as_date(person.get("expected_date_of_delivery")),
        has_send=person.get("has_send") == YES,
    )


class Journey:
    """One visitor's referral in progress."""

    def __init__(self, session: SessionBase) -> None:
        self.session = session
        stored = session.get(SESSION_KEY)
        self.data: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self.data.setdefault("answers", {})

    # Keeping answers

    def _save(self) -> None:
        self.session[SESSION_KEY] = self.data
        self.session.modified = True

    @property
    def answers(self) -> dict[str, Any]:
        answers: dict[str, Any] = self.data["answers"]
        return answers

    @property
    def started(self) -> bool:
        return bool(self.answers)

    def page(self, slug: str) -> dict[str, Any]:
        page = self.answers.get(slug)
        return page if isinstance(page, dict) else {}

    def save_page(self, slug: str, values: dict[str, Any]) -> None:
        if not self.started:
            # A new referral: the last one's confirmation is no longer needed.
            self.session.pop(SENT_KEY, None)
        if slug == WHO and self.referrer and values.get("referrer") != self.referrer:
            # Parents and professionals are asked about consent differently: ask again.
            self.answers.pop(CONSENT, None)
        self.answers[slug] = values
        self._save()

    @property
    def referrer(self) -> str | None:
        referrer = self.page(WHO).get("referrer")
        return referrer if referrer in ReferrerKind.values else None

    @property
    def is_professional(self) -> bool:
        return self.referrer == ReferrerKind.PROFESSIONAL

    @property
    def people(self) -> list[dict[str, Any]]:
        people = self.answers.get(PEOPLE)
        return people if isinstance(people, list) else []

    @property
    def people_complete(self) -> bool:
        return bool(self.people) and bool(self.answers.get("people_complete"))

    def save_person(self, index: int, person: dict[str, Any]) -> None:
        people = self.people
        if index == len(people):
            people.append(person)
        else:
            people[index] = person
        self.answers[PEOPLE] = people
        self.data.pop("pending_person", None)
        self._save()

    def remove_person(self, index: int) -> None:
        people = self.people
        del people[index]
        self.answers[PEOPLE] = people
        if not people:
            self.answers["people_complete"] = False
        self._save()

    def set_people_complete(self, complete: bool) -> None:
        self.answers["people_complete"] = complete
        self._save()

    def pending_relationship(self, index: int) -> str | None:
        """The relationship chosen for person `index` on the page before their details."""
        pending = self.data.get("pending_person") or {}
        return pending.get("relationship") if pending.get("index") == index else None

    def set_pending_relationship(self, index: int, relationship: str) -> None:
        self.data["pending_person"] = {"index": index, "relationship": relationship}
        self._save()

    # Drafts and the end of the journey

    @property
    def draft_id(self) -> int | None:
        draft_id = self.data.get("draft_id")
        return draft_id if isinstance(draft_id, int) else None

    def restore(self, *, answers: dict[str, Any], draft_id: int) -> None:
        self.data = {"answers": answers, "draft_id": draft_id}
        self.session.pop(SENT_KEY, None)
        self._save()

    def remember_draft(self, draft_id: int, email: str) -> None:
        self.data["draft_id"] = draft_id
        self.data["saved_to"] = email
        self._save()

    @property
    def saved_to(self) -> str:
        return str(self.data.get("saved_to", ""))

    def finish(self, sent: dict[str, Any]) -> None:
        """Forget the answers once the referral is sent, keeping only what the confirmation page shows."""
        self.session.pop(SESSION_KEY, None)
        self.session[SENT_KEY] = sent
        self.data = {"answers": {}}

    # Where the referrer is

    def steps(self) -> list[Step]:
        return steps_for(self.referrer)

    def is_complete(self, step: Step) -> bool:
        if step.is_people:
            return self.people_complete
        return bool(self.page(step.slug))

    def first_incomplete(self) -> Step | None:
        return next((step for step in self.steps() if not self.is_complete(step)), None)

    def can_show(self, step: Step) -> bool:
        """A page is shown once every page before it has been answered."""
        for earlier in self.steps():
            if earlier.slug == step.slug:
                return True
            if not self.is_complete(earlier):
                return False
        return False

    # What the answers add up to

    @property
    def postcode(self) -> str:
        return str(self.page(POSTCODE).get("postcode", ""))

    def eligibility(self, *, today: date | None = None) -> Eligibility:
        """Eligibility from what is known so far: nobody is told no child fits before the people are all added."""
        in_area = area_of(self.postcode).in_area if self.postcode else None
        assessed = assess_eligibility(
            people=[person_facts(person) for person in self.people],
            in_area=in_area,
            today=today or timezone.localdate(),
        )
        reasons = tuple(
            reason
            for reason in assessed.reasons
            if reason != Ineligibility.NO_CHILD_IN_AGE_RANGE or self.people_complete
        )
        if reasons:
            status = EligibilityStatus.NOT_ELIGIBLE
        elif assessed.status == EligibilityStatus.NOT_ELIGIBLE:
            status = EligibilityStatus.TO_CHECK
        else:
            status = assessed.status
        return Eligibility(status, reasons, assessed.notes)

    @property
    def out_of_area(self) -> bool:
        return Ineligibility.OUT_OF_AREA in self.eligibility().reasons

    @property
    def no_child_in_range(self) -> bool:
        return Ineligibility.NO_CHILD_IN_AGE_RANGE in self.eligibility().reasons


def person_name(person: dict[str, Any]) -> str:
    if person.get("relationship") == Relationship.UNBORN:
        return str(Relationship.UNBORN.label)
    return f"{person.get('given_name', '')} {person.get('family_name', '')}".strip()
