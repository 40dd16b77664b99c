"""Case notes: the dated, typed record of the work, written by the practitioner who did it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.audit.models import TrackedModel


class CaseNote(TrackedModel):
    class Kind(models.TextChoices):
        HOME_VISIT = "home_visit", _("Home visit")
        HUB_VISIT = "hub_visit", _("Visit at a hub")
        CALL = "call", _("Phone or video call")
        MEETING = "meeting", _("Meeting")
        SUPERVISION = "supervision", _("Supervision")

    episode = models.ForeignKey("casework.Episode", on_delete=models.PROTECT, related_name="notes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    occurred_at = models.DateTimeField(help_text=_("When the visit, call, meeting or supervision happened."))
    text = models.TextField()
    sensitive = models.BooleanField(
        default=False, help_text=_("Only members of the family's team can read a sensitive note.")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_notes")
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["episode", "occurred_at"], name="casenote_episode_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_at:%d %B %Y}"

    @property
    def is_visit(self) -> bool:
        return self.kind in (self.Kind.HOME_VISIT, self.Kind.HUB_VISIT)
