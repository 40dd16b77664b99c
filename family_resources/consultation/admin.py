from family_resources.consultation.models import Consultation, DocumentPage, Edition, FaqItem
from family_resources.core.admin_helpers import register

register(
    Consultation, list_display=["title", "status", "opens_on", "closes_on"], prepopulated_fields={"slug": ["title"]}
)
# Document pages and FAQ items of each edition: how staff add a translation's text for now.
register(Edition, list_display=["consultation", "code", "method", "translated_by", "published"])
register(DocumentPage, list_display=["edition", "position", "heading"], list_filter=["edition"])
register(FaqItem, list_display=["edition", "position", "question"], list_filter=["edition"])
