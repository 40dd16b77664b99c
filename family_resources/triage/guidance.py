"""Suggesting a threshold level from the indicators an officer ticks. Pure rules, no database."""

from collections.abc import Iterable


def suggest_level(indicator_levels: Iterable[int]) -> int | None:
    """The highest level any ticked indicator belongs to; None when nothing is ticked.

    On a continuum of need the family's level is set by its most serious need: one
    level 3 indicator among several at level 2 still makes the family level 3.
    """
    levels = list(indicator_levels)
    return max(levels) if levels else None
