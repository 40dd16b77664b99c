"""The journey's step graph: which question pages a referrer sees, in which order.

Parents and carers, and professionals, answer mostly the same questions; each has a
page of their own details, and only professionals are asked about social care.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ReferrerKind(models.TextChoices):
    PARENT = "parent", _("A parent or carer, asking for help for my own family")
    PROFESSIONAL = "professional", _("A professional working with the family")


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    only_for: ReferrerKind | None = None  # None: every referrer sees it

    @property
    def is_people(self) -> bool:
        """The people in the family are added one at a time on pages of their own, not one question page."""
        return self.slug == PEOPLE


WHO = "who"
YOUR_DETAILS = "your-details"
ABOUT_YOU = "about-you"
IMMEDIATE_RISK = "immediate-risk"
POSTCODE = "postcode"
ADDRESS = "address"
PEOPLE = "people"
LANGUAGE = "language"
SOCIAL_CARE = "social-care"
CONCERNS = "concerns"
CONSENT = "consent"

STEPS = [
    Step(WHO, _("Who are you?")),
    Step(YOUR_DETAILS, _("Your details"), ReferrerKind.PROFESSIONAL),
    Step(ABOUT_YOU, _("Your name and how we can contact you"), ReferrerKind.PARENT),
    Step(IMMEDIATE_RISK, _("Is a child at immediate risk of harm right now?")),
    Step(POSTCODE, _("Postcode")),
    Step(ADDRESS, _("What is the family's address?")),
    Step(PEOPLE, _("People in the family")),
    Step(LANGUAGE, _("Language")),
    Step(SOCIAL_CARE, _("Children's social care"), ReferrerKind.PROFESSIONAL),
    Step(CONCERNS, _("What help is needed")),
    Step(CONSENT, _("Consent")),
]
BY_SLUG = {step.slug: step for step in STEPS}
QUESTION_SLUGS = frozenset(step.slug for step in STEPS if not step.is_people)


def steps_for(referrer: str | None) -> list[Step]:
    """The pages this referrer sees; before they say who they are, only the first."""
    if referrer not in ReferrerKind.values:
        return [STEPS[0]]
    return [step for step in STEPS if step.only_for in (None, referrer)]


def step_after(slug: str, referrer: str | None) -> Step | None:
    steps = steps_for(referrer)
    slugs = [step.slug for step in steps]
    index = slugs.index(slug) if slug in slugs else -1
    return steps[index + 1] if 0 <= index < len(steps) - 1 else None


def step_before(slug: str, referrer: str | None) -> Step | None:
    steps = steps_for(referrer)
    slugs = [step.slug for step in steps]
    index = slugs.index(slug) if slug in slugs else 0
    return steps[index - 1] if index > 0 else None
