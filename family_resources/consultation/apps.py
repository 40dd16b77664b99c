from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Public consultations."""

    name = "family_resources.consultation"
    verbose_name = "Consultations"

    def ready(self) -> None:
        from family_resources.consultation import permissions  # noqa: F401
