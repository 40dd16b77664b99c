from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Append-only audit trail of person-level records."""

    name = "family_resources.audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from family_resources.audit import permissions, signals  # noqa: F401

        signals.connect()
