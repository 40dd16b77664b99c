"""How heavy a caseload is. Pure rules, tested without the database."""

from collections.abc import Iterable, Mapping

# Our reading: a level 4 family (open to social care, specialist offers alongside a social worker)
# takes about twice the work of a level 3 family. A service manager can change these weights here.
WEIGHT_BY_LEVEL = {3: 1.0, 4: 2.0}
DEFAULT_WEIGHT = 1.0


def episode_weight(level: int | None) -> float:
    return WEIGHT_BY_LEVEL.get(level or 0, DEFAULT_WEIGHT)


def caseload_weight(levels: Iterable[int | None]) -> float:
    return sum(episode_weight(level) for level in levels)


def weighted_caseload(families_by_level: Mapping[int | None, int]) -> float:
    """The same weighting, from how many open families are at each level (as the caseload selectors count them)."""
    return caseload_weight(level for level, families in families_by_level.items() for _ in range(families))
