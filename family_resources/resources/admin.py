from family_resources.core.admin_helpers import register
from family_resources.resources.models import Article

register(
    Article,
    list_display=["title", "published", "updated_at"],
    list_filter=["published"],
    filter_horizontal=["service_areas"],
    prepopulated_fields={"slug": ["title"]},
    search_fields=["title"],
)
