"""Writes for themes, coding and the equality impact assessment of a consultation (issue 8).

Every record here is a TrackedModel, so each create, change and delete is in the audit trail; links
between themes and impacts (a many-to-many) are recorded with `audit_record` by hand.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.audit.models import AuditAction
from family_resources.audit.services import audit_record
from family_resources.consultation.models import (
    Answer,
    AnswerTheme,
    AnswerType,
    CodedOn,
    Consultation,
    Decision,
    Impact,
    ImpactDirection,
    ImpactSeverity,
    ProtectedCharacteristic,
    Theme,
)


def _clean_name(*, consultation: Consultation, name: str, exclude: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Enter a name for the theme")})
    if len(name) > 120:
        raise ValidationError({"name": _("The name must be 120 characters or fewer")})
    clash = Theme.objects.filter(consultation=consultation, name__iexact=name)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError({"name": _("This consultation already has a theme with that name")})
    return name


@transaction.atomic
def theme_create(*, consultation: Consultation, name: str, description: str = "", you_said: str = "") -> Theme:
    name = _clean_name(consultation=consultation, name=name)
    return Theme.objects.create(
        consultation=consultation, name=name, description=description.strip(), you_said=you_said.strip()
    )


@transaction.atomic
def theme_update(*, theme: Theme, name: str, description: str, you_said: str) -> Theme:
    """Rename a theme or change what it says; its codings stay with it."""
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    theme.name = _clean_name(consultation=theme.consultation, name=name, exclude=theme.pk)
    theme.description = description.strip()
    theme.you_said = you_said.strip()
    theme.save(update_fields=["name", "description", "you_said"])
    return theme


@transaction.atomic
def theme_merge(*, source: Theme, target: Theme) -> Theme:
    """Fold `source` into `target`: its codings and impact links move over, then it is removed.

    An answer coded with both keeps the target's coding (the earlier analyst's record).
    """
    if source.pk == target.pk:
        raise ValidationError({"target": _("Choose a different theme to merge into")})
    if source.consultation_id != target.consultation_id:
        raise ValidationError({"target": _("Choose a theme of the same consultation")})
    source = Theme.objects.select_for_update().get(pk=source.pk)
    target = Theme.objects.select_for_update().get(pk=target.pk)
    already = set(target.codings.values_list("answer_id", flat=True))
    for coding in list(source.codings.all()):
        if coding.answer_id in already:
            coding.delete()
        else:
            coding.theme = target
            coding.save(update_fields=["theme"])
    for impact in list(source.impacts.all()):
        impact.themes.add(target)
        audit_record(action=AuditAction.UPDATE, instance=impact, changed_fields=["themes"])
    if source.description and source.description not in target.description:
        target.description = "\n\n".join(part for part in (target.description, source.description) if part)
        target.save(update_fields=["description"])
    source.delete()
    return target


def _free_text(answer: Answer) -> None:
    if answer.question.answer_type != AnswerType.FREE_TEXT or not answer.original_text.strip():
        raise ValidationError(_("Only free-text answers can be coded with themes"))


@transaction.atomic
def answer_code(
    *,
    answer: Answer,
    themes: Iterable[Theme],
    coded_by: User,
    coded_on: str = CodedOn.ORIGINAL,
    suggestions: dict[int, float] | None = None,
) -> list[AnswerTheme]:
    """Code an answer with themes (adding to any it has). `suggestions` maps a theme's id to the
    probability it was suggested with, for themes accepted from a suggestion."""
    _free_text(answer)
    themes = list(themes)
    if not themes:
        raise ValidationError({"themes": _("Choose at least one theme")})
    if coded_on not in CodedOn.values:
        raise ValidationError({"coded_on": _("Say whether you read the original words or the translation")})
    if coded_on == CodedOn.TRANSLATION and not answer.translated_text:
        raise ValidationError({"coded_on": _("This answer has no translation: you read the original words")})
    consultation_id = answer.response.consultation_id
    if any(theme.consultation_id != consultation_id for theme in themes):
        raise ValidationError({"themes": _("Choose themes of this answer's consultation")})
    suggestions = suggestions or {}
    existing = set(answer.codings.values_list("theme_id", flat=True))
    created = []
    for theme in themes:
        if theme.pk in existing:
            continue
        score = suggestions.get(theme.pk)
        created.append(
            AnswerTheme.objects.create(
                answer=answer,
                theme=theme,
                coded_by=coded_by,
                coded_at=timezone.now(),
                coded_on=coded_on,
                from_suggestion=score is not None,
                suggestion_score=score,
            )
        )
    return created


@transaction.atomic
def answer_uncode(*, answer: Answer, theme: Theme) -> None:
    """Take a theme off an answer; the removal is in the audit trail."""
    coding = AnswerTheme.objects.filter(answer=answer, theme=theme).first()
    if coding is None:
        raise ValidationError({"theme": _("This answer is not coded with that theme")})
    coding.delete()


def _impact_fields(
    *, characteristic: str, group: str, description: str, direction: str, severity: str
) -> dict[str, str]:
    errors = {}
    if characteristic not in ProtectedCharacteristic.values:
        errors["characteristic"] = _("Choose the protected characteristic or group")
    if not group.strip():
        errors["group"] = _("Enter who is affected")
    if not description.strip():
        errors["description"] = _("Describe the impact")
    if direction not in ImpactDirection.values:
        errors["direction"] = _("Say whether the impact is positive, negative or neutral")
    if severity not in ImpactSeverity.values:
        errors["severity"] = _("Choose how severe the impact is")
    if errors:
        raise ValidationError(errors)
    return {
        "characteristic": characteristic,
        "group": group.strip(),
        "description": description.strip(),
        "direction": direction,
        "severity": severity,
    }


def _link_themes(impact: Impact, themes: Iterable[Theme]) -> None:
    themes = list(themes)
    if any(theme.consultation_id != impact.consultation_id for theme in themes):
        raise ValidationError({"themes": _("Choose themes of this consultation")})
    before = set(impact.themes.values_list("pk", flat=True))
    if before != {theme.pk for theme in themes}:
        impact.themes.set(themes)
        audit_record(action=AuditAction.UPDATE, instance=impact, changed_fields=["themes"])


@transaction.atomic
def impact_create(
    *,
    consultation: Consultation,
    characteristic: str,
    group: str,
    description: str,
    direction: str,
    severity: str,
    mitigation: str = "",
    themes: Iterable[Theme] = (),
) -> Impact:
    fields = _impact_fields(
        characteristic=characteristic, group=group, description=description, direction=direction, severity=severity
    )
    impact = Impact.objects.create(consultation=consultation, mitigation=mitigation.strip(), **fields)
    _link_themes(impact, themes)
    return impact


@transaction.atomic
def impact_update(
    *,
    impact: Impact,
    characteristic: str,
    group: str,
    description: str,
    direction: str,
    severity: str,
    mitigation: str,
    themes: Iterable[Theme],
) -> Impact:
    """Change an impact, its mitigation and the themes that raised it."""
    fields = _impact_fields(
        characteristic=characteristic, group=group, description=description, direction=direction, severity=severity
    )
    impact = Impact.objects.select_for_update().get(pk=impact.pk)
    for name, value in fields.items():
        setattr(impact, name, value)
    impact.mitigation = mitigation.strip()
    impact.save(update_fields=[*fields, "mitigation"])
    _link_themes(impact, themes)
    return impact


@transaction.atomic
def theme_link_impact(*, theme: Theme, impact: Impact) -> None:
    """Say that a theme raised an impact."""
    _link_themes(impact, [*impact.themes.all(), theme])


def _decision_errors(*, summary: str, we_did: str, decided_on: date, decided_by: str) -> dict[str, str]:
    """What is wrong with a decision's words and date, by field: empty when nothing is."""
    errors = {}
    if not summary.strip():
        errors["summary"] = _("Enter what was decided")
    if not we_did.strip():
        errors["we_did"] = _("Enter what the outcome page should say the council did")
    if not decided_by.strip():
        errors["decided_by"] = _("Enter who took the decision")
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("The date of the decision must be today or in the past")
    return errors


@transaction.atomic
def decision_record(
    *,
    consultation: Consultation,
    summary: str,
    we_did: str,
    decided_on: date,
    decided_by: str,
    recorded_by: User,
    impacts: Iterable[Impact] = (),
) -> Decision:
    """Record what the council decided and which impacts it settles; `we_did` goes on the outcome page."""
    errors = _decision_errors(summary=summary, we_did=we_did, decided_on=decided_on, decided_by=decided_by)
    impacts = list(impacts)
    if any(impact.consultation_id != consultation.pk for impact in impacts):
        errors["impacts"] = _("Choose impacts of this consultation")
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.create(
        consultation=consultation,
        summary=summary.strip(),
        we_did=we_did.strip(),
        decided_on=decided_on,
        decided_by=decided_by.strip(),
        recorded_by=recorded_by,
    )
    for impact in impacts:
        impact.decision = decision
        impact.save(update_fields=["decision"])
    return decision


def decision_changeable(consultation: Consultation) -> bool:
    """A decision can be corrected until the outcome is published: after that the public page has said
    "we did", and what it said stays as the record (ADR 0030)."""
    return consultation.status != Consultation.Status.OUTCOME_PUBLISHED


def decision_refuse_if_published(*, consultation: Consultation) -> None:
    if not decision_changeable(consultation):
        raise ValidationError(
            _("The outcome of this consultation has been published, so its decisions can no longer be changed")
        )


@transaction.atomic
def decision_update(*, decision: Decision, summary: str, we_did: str, decided_on: date, decided_by: str) -> Decision:
    """Correct a recorded decision: what was decided, the public "we did", its date and who took it.

    Refused once the consultation's outcome is published. The consultation is locked first, so a
    correction cannot slip in while the outcome is being published; the change is audited (TrackedModel),
    with the names of the fields it changed.
    """
    decision_refuse_if_published(consultation=Consultation.objects.select_for_update().get(pk=decision.consultation_id))
    errors = _decision_errors(summary=summary, we_did=we_did, decided_on=decided_on, decided_by=decided_by)
    if errors:
        raise ValidationError(errors)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    decision.summary = summary.strip()
    decision.we_did = we_did.strip()
    decision.decided_on = decided_on
    decision.decided_by = decided_by.strip()
    changed = decision.changed_field_names()
    if changed:
        decision.save(update_fields=changed)
    return decision


@transaction.atomic
def answer_set_themes(*, answer: Answer, themes: Iterable[Theme], coded_by: User, coded_on: str) -> None:
    """Make an answer's themes exactly `themes`: new ones are coded by `coded_by`, unticked ones removed."""
    _free_text(answer)
    chosen = {theme.pk: theme for theme in themes}
    existing = {coding.theme_id: coding for coding in answer.codings.select_related("theme")}
    if not chosen and not existing:
        raise ValidationError({"themes": _("Choose at least one theme")})
    for theme_id, coding in existing.items():
        if theme_id not in chosen:
            answer_uncode(answer=answer, theme=coding.theme)
    new = [theme for theme_id, theme in chosen.items() if theme_id not in existing]
    if new:
        answer_code(answer=answer, themes=new, coded_by=coded_by, coded_on=coded_on)
