from family_resources.consultation.models import Consultation
from family_resources.core.admin_helpers import register

register(
    Consultation, list_display=["title", "status", "opens_on", "closes_on"], prepopulated_fields={"slug": ["title"]}
)
