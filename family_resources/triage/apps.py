from django.apps import AppConfig


class TriageConfig(AppConfig):
    """Threshold decisions and routing."""

    name = "family_resources.triage"
    verbose_name = "Triage"

    def ready(self) -> None:
        from family_resources.triage import permissions  # noqa: F401
