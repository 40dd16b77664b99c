"""Reads about threshold decisions."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone

from family_resources.casework.models import Episode
from family_resources.intake.models import Referral
from family_resources.intake.selectors import front_door_queue
from family_resources.triage.models import (
    Decision,
    Domain,
    GuidanceIndicator,
    GuidanceLevel,
    GuidanceVersion,
    SignpostingPack,
)
from family_resources.triage.routing import LEVELS, Route
from family_resources.triage.timeliness import decision_due


def decision_counts_by_level() -> list[tuple[int, int]]:
    """Every level with its number of decisions, including levels with none."""
    counts = dict(Decision.objects.values_list("level").annotate(n=Count("id")).values_list("level", "n"))
    return [(level, counts.get(level, 0)) for level in LEVELS]


def current_guidance() -> GuidanceVersion:
    """The newest version of the threshold guidance, with its levels and indicators."""
    version = GuidanceVersion.objects.prefetch_related("levels", "indicators").order_by("-number").first()
    if version is None:
        raise GuidanceVersion.DoesNotExist("No threshold guidance has been loaded.")
    return version


def guidance_history() -> QuerySet[GuidanceVersion]:
    return GuidanceVersion.objects.select_related("created_by").annotate(decision_count=Count("decisions"))


def indicators_by_level_and_domain(
    version: GuidanceVersion,
) -> list[tuple[GuidanceLevel, list[tuple[str, list[GuidanceIndicator]]]]]:
    """The guidance laid out as the screening page shows it: each level, then each domain's indicators."""
    indicators = list(version.indicators.all())
    layout = []
    for level in version.levels.all():
        domains = [
            (str(label), [i for i in indicators if i.level == level.level and i.domain == value])
            for value, label in Domain.choices
        ]
        layout.append((level, domains))
    return layout


@dataclass(frozen=True)
class QueueItem:
    referral: Referral
    due_at: datetime
    overdue: bool


def queue_with_deadlines(*, now: datetime | None = None) -> list[QueueItem]:
    """The front door's queue with each referral's decision deadline, so overdue work stands out."""
    moment = now or timezone.now()
    items = []
    for referral in front_door_queue():
        due = decision_due(
            received_at=referral.received_at,
            immediate_risk=referral.immediate_risk,
            target_hours=settings.DECISION_TARGET_HOURS,
            urgent_target_minutes=settings.DECISION_TARGET_IMMEDIATE_RISK_MINUTES,
        )
        items.append(QueueItem(referral=referral, due_at=due, overdue=due < moment))
    return items


@dataclass(frozen=True)
class FamilyHistory:
    earlier_referrals: list[Referral]
    closed_episodes: list[Episode]
    re_referral_within_12_months: bool
    previous_child_removal: bool


def family_history(*, referral: Referral) -> FamilyHistory:
    """What the service already knows about this referral's family, for the screening officer."""
    family = referral.family
    if family is None:
        return FamilyHistory([], [], False, False)
    earlier = list(
        family.referrals.exclude(pk=referral.pk)
        .filter(received_at__lt=referral.received_at)
        .select_related("decision")
        .order_by("-received_at")
    )
    closed = list(family.episodes.filter(status=Episode.Status.CLOSED).select_related("team"))
    year_before = referral.received_at - timedelta(days=365)
    return FamilyHistory(
        earlier_referrals=earlier,
        closed_episodes=closed,
        re_referral_within_12_months=any(r.received_at >= year_before for r in earlier),
        previous_child_removal=family.previous_child_removal,
    )


@dataclass(frozen=True)
class SignpostItem:
    kind: str  # "service" or "article"
    name: str
    organisation: str | None
    phone: str | None
    email: str | None
    url: str | None


@dataclass(frozen=True)
class Outcome:
    route: str
    team: str | None
    signposting: list[SignpostItem]


def decision_outcome(*, decision: Decision) -> Outcome:
    """Where a decision sent the family: the route, the neighbourhood team, and the signposting pack."""
    episode = Episode.objects.filter(referral_id=decision.referral_id).select_related("team").first()
    items: list[SignpostItem] = []
    pack = SignpostingPack.objects.filter(decision=decision).first()
    if pack is not None:
        for service in pack.services.select_related("organisation"):
            organisation = service.organisation
            items.append(
                SignpostItem(
                    "service",
                    service.name,
                    organisation.name,
                    organisation.phone or None,
                    organisation.email or None,
                    organisation.website or None,
                )
            )
        base = settings.PUBLIC_BASE_URL.rstrip("/")
        for article in pack.articles.all():
            items.append(
                SignpostItem(
                    "article", article.title, None, None, None, base + reverse("resources:detail", args=[article.slug])
                )
            )
    team = episode.team.name if episode is not None and decision.route == Route.ACCEPTED else None
    return Outcome(route=decision.route, team=team, signposting=items)
