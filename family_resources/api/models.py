"""API tokens for partner systems, and which token sent which referral."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A bearer token for a partner system's staff account. Only its SHA-256 hash is stored."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_tokens",
        help_text=_("The staff account the partner system acts as; the token has that account's role."),
    )
    prefix = models.CharField(
        max_length=12, help_text=_("The token's first characters, to tell tokens apart; not enough to use it.")
    )
    token_hash = models.CharField(
        max_length=64, unique=True, help_text=_("SHA-256 of the token, in hex; the token itself is never stored.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text=_("The token stops working from this moment; revoking cannot be undone.")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"API token {self.prefix}…"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class ApiSubmission(models.Model):
    """One referral made through the API: the token that sent it, and a fingerprint of the request.

    The fingerprint lets a retry with the same Idempotency-Key be told apart from a different
    referral sent under a key that was already used.
    """

    referral = models.OneToOneField("intake.Referral", on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    token = models.ForeignKey(ApiToken, on_delete=models.PROTECT, related_name="submissions")
    idempotency_key = models.CharField(max_length=100, blank=True)
    request_hash = models.CharField(
        max_length=64, help_text=_("SHA-256 of the validated request body in a canonical form.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="one_api_submission_per_idempotency_key",
            )
        ]

    def __str__(self) -> str:
        return f"API submission {self.pk}"
