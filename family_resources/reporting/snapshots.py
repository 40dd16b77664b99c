"""The dashboard's figures, worked out once and kept for a few minutes.

Over ten years of a town, the dashboard reads a year of the service's work in some twenty aggregate
queries and draws a page of tables and charts: about half a second. Managers open it far more often
than its monthly figures change, so the drawn figures are kept in a cache of their own
(`CACHES["reporting"]`: a database table in production, apart from the rate limits' cache, ADR 0036) for
`REPORTING_CACHE_SECONDS`, and the page says when they were worked out. The key holds
everything that shapes them: the filters with the manager's scope, the team page, the query its
download links carry and the language. The figures are the same functions the downloads and the tests
call: kept, never worked out another way.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from family_resources.accounts.models import Team
from family_resources.reporting.charts import Drawing, draw
from family_resources.reporting.figures import SECTIONS, Section
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Figure

TEMPLATE = "reporting/_sections.html"
CACHE = "reporting"  # its own cache (settings.CACHES): large entries never cull the default cache's rate limits
# Bump when the template or a figure's shape changes, so a deploy does not serve figures drawn by the old code.
VERSION = 1

Sections = list[tuple[Section, list[tuple[Figure, Drawing | None]]]]


@dataclass(frozen=True)
class Snapshot:
    html: SafeString
    worked_out_at: datetime
    # The figures themselves when this request worked them out; None when they came from the cache.
    sections: Sections | None = None


def work_out(filters: Filters) -> Sections:
    return [(section, [(figure, draw(figure)) for figure in (build(filters) for build in section.figures.values())])
            for section in SECTIONS]  # fmt: skip


def _key(filters: Filters, team: Team | None, query: str) -> str:
    shape = repr((VERSION, filters, team and team.pk, query, get_language(), settings.REPORTING_SMALL_NUMBER_LIMIT))
    return "reporting:dashboard:" + hashlib.sha256(shape.encode()).hexdigest()


def kept_figures() -> BaseCache:
    return caches[CACHE]


def dashboard_snapshot(*, filters: Filters, team: Team | None, query: str) -> Snapshot:
    """The dashboard's figures for these filters, from the cache if they were worked out lately."""
    seconds = settings.REPORTING_CACHE_SECONDS
    key = _key(filters, team, query)
    if seconds > 0:
        kept: Any = kept_figures().get(key)
        if kept is not None:
            html, worked_out_at = kept
            return Snapshot(html=mark_safe(html), worked_out_at=worked_out_at)  # noqa: S308 - rendered by us
    sections = work_out(filters)
    html = render_to_string(TEMPLATE, {"sections": sections, "team": team, "query": query})
    snapshot = Snapshot(html=mark_safe(html), worked_out_at=timezone.now(), sections=sections)  # noqa: S308
    if seconds > 0:
        kept_figures().set(key, (str(html), snapshot.worked_out_at), seconds)
    return snapshot
