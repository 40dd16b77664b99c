"""How heavy a caseload is. Pure rules, tested without the database."""

from collections.abc import Iterable

# Our reading: a level 4 family (open to social care, specialist offers alongside a social worker)
# takes about twice the work of a level 3 family. A service manager can change these weights here.
WEIGHT_BY_LEVEL = {3: 1.0, 4: 2.0}
DEFAULT_WEIGHT = 1.0


def episode_weight(level: int | None) -> float:
    return WEIGHT_BY_LEVEL.get(level or 0, DEFAULT_WEIGHT)


def caseload_weight(levels: Iterable[int | None]) -> float:
    return sum(episode_weight(level) for level in levels)
