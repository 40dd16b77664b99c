"""Recording threshold decisions, acting on their route, and revising the guidance."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from family_resources.casework.models import ClosureReason, Episode, PlanAction
from family_resources.casework.services import episode_close, episode_open
from family_resources.catalogue.models import Intervention, ServiceArea
from family_resources.directory.selectors import services_for_family
from family_resources.families.models import Family, Person
from family_resources.intake.models import Referral
from family_resources.intake.services import referral_mark_decided
from family_resources.notifications.services import notify_email, notify_sms
from family_resources.resources.selectors import articles_for
from family_resources.triage.followup import followup_schedule
from family_resources.triage.guidance import suggest_level
from family_resources.triage.models import (
    Decision,
    DecisionOverride,
    GuidanceIndicator,
    GuidanceLevel,
    GuidanceVersion,
    ScreeningNote,
    SignpostingPack,
    SocialCareReferral,
)
from family_resources.triage.routing import Route, route_for


def differs_message(*, level: int, suggested: int) -> str:
    return (
        f"You decided level {level} but the indicators you ticked suggest level {suggested}. "
        "Say why you decided differently"
    )


@transaction.atomic
def decision_record(
    *,
    referral: Referral,
    level: int,
    immediate_risk: bool,
    rationale: str,
    decided_by: Any,
    decided_at: datetime | None = None,
    indicators: Iterable[GuidanceIndicator] = (),
    needs: Iterable[Intervention] = (),
    service_areas: Iterable[ServiceArea] = (),
    differs_reason: str = "",
) -> Decision:
    """Record an officer's decision, then route: an accepted family gets an episode at once.

    The system suggests a level from the indicators ticked; the decision is the
    officer's, but one that differs from the suggestion must say why.
    """
    # of=("self",): PostgreSQL cannot lock the nullable side of the join to the family.
    referral = Referral.objects.select_for_update(of=("self",)).select_related("family").get(pk=referral.pk)
    if referral.status == Referral.Status.DECIDED:
        raise ValidationError("This referral already has a decision.")
    errors: dict[str, str] = {}
    if not rationale.strip():
        errors["rationale"] = "Write why you made this decision"
    ticked = list(indicators)
    versions = {indicator.version_id for indicator in ticked}
    guidance = GuidanceVersion.objects.order_by("-number").first()
    if guidance is not None and versions - {guidance.pk}:
        errors["indicators"] = (
            "The threshold guidance has changed since this page was opened: tick the indicators again"
        )
    suggested = suggest_level(indicator.level for indicator in ticked)
    if suggested is not None and suggested != level and not differs_reason.strip():
        errors["differs_reason"] = differs_message(level=level, suggested=suggested)
    family = referral.family
    if family is None:
        errors["__all__"] = "Match the referral to a family record, or make a new one, before deciding."
    if errors:
        raise ValidationError(errors)
    assert family is not None
    route = route_for(
        level=level,
        immediate_risk=immediate_risk,
        open_to_social_care=family.open_to_social_care or referral.open_to_social_care,
    )
    decision = Decision.objects.create(
        referral=referral,
        level=level,
        immediate_risk=immediate_risk,
        route=route,
        rationale=rationale.strip(),
        decided_by=decided_by,
        decided_at=decided_at or timezone.now(),
        guidance_version=guidance,
        suggested_level=suggested,
        differs_reason=differs_reason.strip() if suggested not in (None, level) else "",
    )
    decision.indicators.set(ticked)
    decision.needs.set(list(needs))
    decision.service_areas.set(list(service_areas))
    referral_mark_decided(referral=referral)
    _act_on_route(decision=decision, acting=decided_by)
    return decision


def _act_on_route(*, decision: Decision, acting: Any) -> None:
    """Make the route real: an episode for an accepted family, a record of the hand-off to social care."""
    referral = decision.referral
    if decision.route == Route.ACCEPTED and not Episode.objects.filter(referral=referral).exists():
        episode_open(referral=referral, opened_on=timezone.localdate(decision.decided_at))
    if decision.route == Route.SIGNPOSTED and not SignpostingPack.objects.filter(decision=decision).exists():
        signposting_pack_send(decision=decision)
    if decision.route == Route.SOCIAL_CARE and not SocialCareReferral.objects.filter(decision=decision).exists():
        SocialCareReferral.objects.create(
            decision=decision, urgent=True, passed_on_at=timezone.now(), passed_on_by=acting
        )


@transaction.atomic
def decision_override(*, decision: Decision, level: int, reason: str, overridden_by: Any) -> DecisionOverride:
    """A manager changes an officer's level, with a reason; the family is re-routed to match."""
    decision = Decision.objects.select_for_update(of=("self",)).select_related("referral__family").get(pk=decision.pk)
    errors: dict[str, str] = {}
    if level == decision.level:
        errors["level"] = f"The decision is already level {level}: choose a different level to override it"
    if not reason.strip():
        errors["reason"] = "Write why you are overriding the decision"
    if errors:
        raise ValidationError(errors)
    referral = decision.referral
    family = referral.family
    assert family is not None
    new_route = route_for(
        level=level,
        immediate_risk=decision.immediate_risk,
        open_to_social_care=family.open_to_social_care or referral.open_to_social_care,
    )
    override = DecisionOverride.objects.create(
        decision=decision,
        previous_level=decision.level,
        previous_route=decision.route,
        new_level=level,
        new_route=new_route,
        reason=reason.strip(),
        overridden_by=overridden_by,
    )
    if decision.route == Route.ACCEPTED and new_route != Route.ACCEPTED:
        for episode in Episode.objects.filter(referral=referral, status=Episode.Status.OPEN):
            episode_close(
                episode=episode,
                reason=ClosureReason.DECISION_CHANGED,
                note=reason.strip(),
                closed_by=overridden_by,
                closed_on=timezone.localdate(),
            )
    decision.level = level
    decision.route = new_route
    decision.save(update_fields=["level", "route"])
    _act_on_route(decision=decision, acting=overridden_by)
    return override


@transaction.atomic
def guidance_revise(
    *,
    level: int,
    title: str,
    description: str,
    indicators: Mapping[str, list[str]],
    change_note: str,
    revised_by: Any,
) -> GuidanceVersion:
    """Publish a new version of the guidance with one level changed; earlier versions stay as they were."""
    current = GuidanceVersion.objects.select_for_update().order_by("-number").first()
    number = (GuidanceVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
    version = GuidanceVersion.objects.create(number=number, change_note=change_note.strip(), created_by=revised_by)
    if current is not None:
        for old_level in current.levels.exclude(level=level):
            GuidanceLevel.objects.create(
                version=version, level=old_level.level, title=old_level.title, description=old_level.description
            )
        for old in current.indicators.exclude(level=level):
            GuidanceIndicator.objects.create(
                version=version, level=old.level, domain=old.domain, text=old.text, position=old.position
            )
    GuidanceLevel.objects.create(version=version, level=level, title=title.strip(), description=description.strip())
    for domain, texts in indicators.items():
        for position, text in enumerate(t.strip() for t in texts if t.strip()):
            GuidanceIndicator.objects.create(version=version, level=level, domain=domain, text=text, position=position)
    return version


def _children_ages(family: Family, today: date) -> set[int]:
    ages = set()
    for person in family.members.all():
        if person.kind == Person.Kind.UNBORN:
            ages.add(0)
        elif person.kind == Person.Kind.CHILD and person.date_of_birth is not None:
            ages.add(person.age_on(today) or 0)
    return ages


@transaction.atomic
def signposting_pack_send(*, decision: Decision, stepped_down_from: Episode | None = None) -> SignpostingPack:
    """Build the family's pack from their needs, children's ages, language and neighbourhood, keep it on
    the record, and send it by the family's chosen channel. Only vetted services are ever included.

    At step-down (`stepped_down_from`, the episode that closed) the needs are the front door's plus
    those the support plan worked on, and the message says the team's work has finished.
    """
    referral = decision.referral
    family = referral.family
    assert family is not None
    area_ids = set(decision.service_areas.values_list("id", flat=True)) | set(
        ServiceArea.objects.filter(interventions__in=decision.needs.all()).values_list("id", flat=True)
    )
    if stepped_down_from is not None:
        area_ids |= set(
            ServiceArea.objects.filter(
                interventions__in=Intervention.objects.filter(
                    pk__in=PlanAction.objects.filter(outcome__plan__episode=stepped_down_from).values("intervention")
                )
            ).values_list("id", flat=True)
        )
    services = services_for_family(
        neighbourhood_id=family.neighbourhood_id,
        ages=_children_ages(family, timezone.localdate()),
        service_area_ids=area_ids,
        language=family.preferred_language,
    )
    articles = articles_for(service_area_ids=area_ids)
    pack = SignpostingPack.objects.create(decision=decision, stepped_down_from=stepped_down_from)
    pack.services.set(services)
    pack.articles.set(articles)
    context = {
        "reference": referral.reference,
        "services": services,
        "articles": [
            {"title": a.title, "url": settings.PUBLIC_BASE_URL.rstrip("/") + reverse("resources:detail", args=[a.slug])}
            for a in articles
        ],
    }
    regarding = ("intake.referral", referral.reference)
    template = "signposting_pack" if stepped_down_from is None else "step_down_pack"
    if family.contact_channel == "sms" and family.contact_phone:
        pack.message = notify_sms(
            to=family.contact_phone, template=template, context=context,
            language=family.preferred_language, regarding=regarding,
        )  # fmt: skip
    elif family.contact_email:
        pack.message = notify_email(
            to=family.contact_email, template=template, context=context,
            language=family.preferred_language, regarding=regarding,
        )  # fmt: skip
    pack.save(update_fields=["message"])
    followup_schedule(pack=pack)
    return pack


@transaction.atomic
def screening_note_add(*, referral: Referral, kind: str, text: str, written_by: Any) -> ScreeningNote:
    if not text.strip():
        raise ValidationError({"text": "Write the note"})
    return ScreeningNote.objects.create(referral=referral, kind=kind, text=text.strip(), written_by=written_by)
