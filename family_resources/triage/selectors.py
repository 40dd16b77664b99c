"""Reads about threshold decisions."""

from django.db.models import Count, QuerySet

from family_resources.triage.models import Decision, Domain, GuidanceIndicator, GuidanceLevel, GuidanceVersion
from family_resources.triage.routing import LEVELS


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
