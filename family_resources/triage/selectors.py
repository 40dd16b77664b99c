"""Reads about threshold decisions."""

from django.db.models import Count

from family_resources.triage.models import Decision
from family_resources.triage.routing import LEVELS


def decision_counts_by_level() -> list[tuple[int, int]]:
    """Every level with its number of decisions, including levels with none."""
    counts = dict(Decision.objects.values_list("level").annotate(n=Count("id")).values_list("level", "n"))
    return [(level, counts.get(level, 0)) for level in LEVELS]
