"""Letters the service writes to other professionals about a family."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class Letter(TrackedModel):
    """A letter as it was written, so that it can be printed again and read in the family's history.

    The recipient and body are copies taken when it was written: the professional's details may
    change later, and the letter must still read as it was sent.
    """

    family = models.ForeignKey("families.Family", on_delete=models.PROTECT, related_name="letters")
    professional = models.ForeignKey("families.Professional", on_delete=models.PROTECT, related_name="letters")
    recipient = models.CharField(max_length=400, help_text=_("Name, role and organisation, one to a line."))
    body = models.TextField(
        help_text=_("From the greeting to the signature. Never holds an address marked do not disclose.")
    )
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self) -> str:
        return f"Letter {self.pk} about family {self.family_id}"
