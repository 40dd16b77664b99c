"""The early-help assessment: written by the team, sent for sign-off, then signed off or returned by a manager."""

from collections.abc import Mapping
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from family_resources.casework.models import Assessment, AssessmentFinding, Domain, Episode


class FindingInput(NamedTuple):
    """What the practitioner wrote about one domain."""

    strengths: str
    needs: str
    need_identified: bool


def needs_error_key(domain: str) -> str:
    """The key of submit's error about a domain marked as a need with no needs written."""
    return f"{domain}_needs"


def _lock(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update().select_related("episode").get(pk=assessment.pk)


def _require_in_progress(assessment: Assessment) -> None:
    if assessment.episode.status != Episode.Status.OPEN:
        raise ValidationError("The family's support has ended: the assessment can no longer be changed.")
    if assessment.status == Assessment.Status.AWAITING_SIGN_OFF:
        raise ValidationError("The assessment is waiting for sign-off: a manager must return it before it can change.")
    if assessment.status == Assessment.Status.SIGNED_OFF:
        raise ValidationError("The assessment is signed off and can no longer be changed.")


def _require_manager_decision(assessment: Assessment, manager: Any) -> None:
    if assessment.episode.status != Episode.Status.OPEN:
        raise ValidationError("The family's support has ended: the assessment can no longer be signed off or returned.")
    if assessment.status != Assessment.Status.AWAITING_SIGN_OFF:
        raise ValidationError("Only an assessment waiting for sign-off can be signed off or returned.")
    if not manager.has_perm("casework.sign_off_assessment", assessment.episode):
        raise ValidationError("Only a manager of the family's team can sign off or return its assessment.")


@transaction.atomic
def assessment_start(*, episode: Episode, started_by: Any) -> Assessment:
    """Start the family's assessment; an episode has at most one that is not yet signed off."""
    # Locking the episode serialises two starts at once, so the second sees the first.
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("The family's support has ended: an assessment can no longer be started.")
    if episode.assessments.exclude(status=Assessment.Status.SIGNED_OFF).exists():
        raise ValidationError("The family already has an assessment that is not signed off: carry on with that one.")
    return Assessment.objects.create(episode=episode, started_by=started_by, started_on=timezone.localdate())


@transaction.atomic
def assessment_update(
    *,
    assessment: Assessment,
    family_view: str,
    child_view: str,
    summary: str,
    findings: Mapping[str, FindingInput],
) -> Assessment:
    """Save what has been written so far; only an assessment in progress can change.

    A domain's finding is created the first time something is written in it. Records are saved
    only when a value changed, so the audit trail lists real changes and nothing else.
    """
    unknown = set(findings) - set(Domain.values)
    if unknown:
        raise ValueError(f"Not assessment domains: {sorted(unknown)}")
    assessment = _lock(assessment)
    _require_in_progress(assessment)

    values = {"family_view": family_view.strip(), "child_view": child_view.strip(), "summary": summary.strip()}
    changed = [name for name, value in values.items() if getattr(assessment, name) != value]
    for name in changed:
        setattr(assessment, name, values[name])
    if changed:
        assessment.save(update_fields=changed)

    existing = {finding.domain: finding for finding in assessment.findings.all()}
    for domain, given in findings.items():
        wanted = {
            "strengths": given.strengths.strip(),
            "needs": given.needs.strip(),
            "need_identified": given.need_identified,
        }
        finding = existing.get(domain)
        if finding is None:
            if any(wanted.values()):
                AssessmentFinding.objects.create(assessment=assessment, domain=domain, **wanted)
            continue
        changed = [name for name, value in wanted.items() if getattr(finding, name) != value]
        for name in changed:
            setattr(finding, name, wanted[name])
        if changed:
            finding.save(update_fields=changed)
    return assessment


@transaction.atomic
def assessment_submit(*, assessment: Assessment, submitted_by: Any) -> Assessment:
    """Send the assessment to a team manager for sign-off, once it says enough to plan from."""
    assessment = _lock(assessment)
    _require_in_progress(assessment)
    problems: dict[str, str] = {}
    if not assessment.family_view.strip():
        problems["family_view"] = "Record the family's view before sending the assessment for sign-off"
    findings = list(assessment.findings.all())
    needs = [finding for finding in findings if finding.need_identified]
    if not needs:
        problems["need_identified"] = "Mark at least one area as a need the plan should address"
    for finding in needs:
        if not finding.needs.strip():
            problems[needs_error_key(finding.domain)] = (
                f"Write what the family needs for {finding.get_domain_display()}, or untick it as a need"
            )
    if not assessment.summary.strip():
        problems["summary"] = "Write a summary of what most needs to change before sending the assessment for sign-off"
    if problems:
        raise ValidationError(problems)
    assessment.status = Assessment.Status.AWAITING_SIGN_OFF
    assessment.submitted_at = timezone.now()
    assessment.submitted_by = submitted_by
    # The manager's reason for returning it has been answered by this submission.
    assessment.returned_reason = ""
    assessment.save(update_fields=["status", "submitted_at", "submitted_by", "returned_reason"])
    return assessment


@transaction.atomic
def assessment_sign_off(*, assessment: Assessment, signed_off_by: Any, comment: str = "") -> Assessment:
    """A manager of the family's team agrees the assessment; nobody signs off their own submission."""
    assessment = _lock(assessment)
    _require_manager_decision(assessment, signed_off_by)
    if assessment.submitted_by_id == signed_off_by.pk:
        raise ValidationError("You sent this assessment for sign-off, so another manager of the team must sign it off.")
    assessment.status = Assessment.Status.SIGNED_OFF
    assessment.signed_off_at = timezone.now()
    assessment.signed_off_by = signed_off_by
    assessment.manager_comment = comment.strip()
    assessment.save(update_fields=["status", "signed_off_at", "signed_off_by", "manager_comment"])
    return assessment


@transaction.atomic
def assessment_return(*, assessment: Assessment, returned_by: Any, reason: str) -> Assessment:
    """A manager sends the assessment back to the practitioner, saying what must change."""
    assessment = _lock(assessment)
    _require_manager_decision(assessment, returned_by)
    if not reason.strip():
        raise ValidationError({"reason": "Say what needs to change before the assessment can be signed off"})
    assessment.status = Assessment.Status.IN_PROGRESS
    assessment.returned_reason = reason.strip()
    # Submitted again later by whoever finishes it; the trail keeps the earlier submission.
    assessment.submitted_at = None
    assessment.submitted_by = None
    assessment.save(update_fields=["status", "returned_reason", "submitted_at", "submitted_by"])
    return assessment
