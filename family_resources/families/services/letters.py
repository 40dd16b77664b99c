"""Letters to other professionals, introducing the service's work with a family.

A letter is written only when the family's current consent lets us tell that kind of agency.
It names the children and the team to contact; it never carries an address marked do not
disclose, even one typed into the practitioner's own paragraph.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateformat import format as format_date

from family_resources.families.addresses import mentions_hidden_address
from family_resources.families.models import Letter, Person, Professional
from family_resources.families.selectors import children_of, current_consent_of, open_episode_of_writer

PARAGRAPH_MAX_LENGTH = 3000


def consent_problem(*, professional: Professional) -> str | None:
    """Why a letter to this professional may not be written, or None if the family's consent allows it."""
    consent = current_consent_of(professional.family)
    agency = professional.get_agency_type_display()
    if consent is None:
        return f"The family has no current consent, so we cannot write to their {agency.lower()}"
    if not consent.covers(professional.agency_type):
        return f"The family's current consent does not let us tell their {agency.lower()} about our work"
    return None


def _child_line(child: Person) -> str:
    if child.kind == Person.Kind.UNBORN and child.expected_date_of_delivery:
        return f"- Unborn child, due {format_date(child.expected_date_of_delivery, 'j F Y')}"
    born = f", born {format_date(child.date_of_birth, 'j F Y')}" if child.date_of_birth else ""
    return f"- {child}{born}"


def letter_compose(*, professional: Professional, paragraph: str, writer: Any, episode: Any) -> str:
    """The letter's words, from the greeting to the signature. No address goes in."""
    family = professional.family
    team = episode.team
    lead = episode.lead_practitioner
    children = [_child_line(child) for child in children_of(family=family)]
    based = f", based at {team.base.full_address}" if team.base and team.base.has_address else ""
    if lead is not None:
        contact = f"The family's lead practitioner is {lead.full_name} ({lead.email})."
    else:
        contact = "A lead practitioner for the family is being chosen."
    signature = [writer.full_name, writer.job_title or writer.get_role_display(), f"{team}, {settings.SERVICE_NAME}"]
    parts = [
        f"Dear {professional.name},",
        f"I am writing to let you know that the {settings.SERVICE_NAME} at {settings.COUNCIL_NAME} is working "
        f"with the {family.family_name} family. The family has agreed that we may tell you about this.",
        "The children in the family:\n" + "\n".join(children) if children else "",
        paragraph.strip(),
        f"{contact} You can contact the {team}{based}, on {settings.SERVICE_PHONE} or at {settings.SERVICE_EMAIL}.",
        "Yours sincerely,",
        "\n".join(signature),
    ]
    return "\n\n".join(part for part in parts if part)


def _recipient(professional: Professional) -> str:
    lines = [professional.name, professional.get_agency_type_display(), professional.organisation]
    return "\n".join(line for line in lines if line)


@transaction.atomic
def letter_write(*, professional: Professional, paragraph: str, written_by: Any) -> Letter:
    """Write a letter to a professional working with the family, and keep it on the family's record."""
    professional = Professional.objects.select_for_update().select_related("family").get(pk=professional.pk)
    family = professional.family
    if not professional.is_current:
        raise ValidationError(f"{professional.name} no longer works with the family, so we do not write to them")
    problem = consent_problem(professional=professional)
    if problem:
        raise ValidationError(problem)
    episode = open_episode_of_writer(family=family, user=written_by)
    if episode is None:
        raise ValidationError("Only a member of a team working with the family now can write to other professionals")
    problems: dict[str, str] = {}
    if not paragraph.strip():
        problems["paragraph"] = "Write what you want to tell them"
    elif len(paragraph) > PARAGRAPH_MAX_LENGTH:
        problems["paragraph"] = f"What you write must be {PARAGRAPH_MAX_LENGTH} characters or fewer"
    elif mentions_hidden_address(text=paragraph, family=family):
        problems["paragraph"] = "Take the address out: it is marked do not disclose, and letters go to other parties"
    if problems:
        raise ValidationError(problems)
    return Letter.objects.create(
        family=family,
        professional=professional,
        recipient=_recipient(professional),
        body=letter_compose(professional=professional, paragraph=paragraph, writer=written_by, episode=episode),
        written_by=written_by,
    )
