from django.apps import AppConfig


class TriageConfig(AppConfig):
    """Threshold decisions and routing."""

    name = "family_resources.triage"
    verbose_name = "Triage"
