"""Organisations keeping their own entries: their sign-in links and the changes they ask for."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.directory.models.organisations import Organisation
from family_resources.directory.models.services import Service


class ChangeRequest(models.Model):
    """A change an organisation asks for, held until a directory officer approves or rejects it.

    `proposed` holds the form's answers as plain JSON; nothing in the directory changes until approval.
    """

    class Kind(models.TextChoices):
        NEW_LISTING = "new_listing", _("Asks to be listed")
        ORGANISATION = "organisation", _("Change to the organisation's details")
        NEW_SERVICE = "new_service", _("New service")
        SERVICE = "service", _("Change to a service")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="change_requests"
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="change_requests"
    )
    proposed = models.JSONField()
    submitted_by_email = models.EmailField(help_text=_("Who sent it: the organisation's account address."))
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="change_request_names_what_it_changes",
                condition=models.Q(kind="new_listing", service__isnull=True)
                | models.Q(kind__in=["organisation", "new_service"], organisation__isnull=False, service__isnull=True)
                | models.Q(kind="service", organisation__isnull=False, service__isnull=False),
            ),
            models.CheckConstraint(
                name="decided_request_says_who_and_when",
                condition=models.Q(status="pending", decided_by__isnull=True, decided_at__isnull=True)
                | models.Q(status__in=["approved", "rejected"], decided_by__isnull=False, decided_at__isnull=False),
            ),
            models.CheckConstraint(
                name="rejected_request_has_a_reason",
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def title(self) -> str:
        """What the request is about, in a few words."""
        name = self.proposed.get("name") or (self.service.name if self.service else "")
        if self.kind == self.Kind.NEW_LISTING:
            return str(self.proposed.get("organisation", {}).get("name", ""))
        return str(name or (self.organisation.name if self.organisation else ""))


class OrganisationSignIn(models.Model):
    """A sign-in link emailed to an organisation's account address. Only a hash of its token is kept."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="sign_ins")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Sign-in link for {self.organisation}"
