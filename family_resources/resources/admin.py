from typing import Any

from django.http import HttpRequest

from family_resources.core.admin_helpers import register
from family_resources.resources.models import Article, Topic


def _refused(_admin: Any, request: HttpRequest, obj: Any = None) -> bool:
    return False


register(Topic, list_display=["name", "service_area", "position"], prepopulated_fields={"slug": ["name"]})
# Read-only: an article changed here would skip review. Editors use /staff/resources/.
register(
    Article,
    list_display=["title", "status", "updated_at"],
    list_filter=["status", "kind"],
    search_fields=["title"],
    has_add_permission=_refused,
    has_change_permission=_refused,
    has_delete_permission=_refused,
)
