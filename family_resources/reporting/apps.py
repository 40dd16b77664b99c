from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Read-only figures for managers, their downloads and the Supporting Families return; never writes."""

    name = "family_resources.reporting"
    verbose_name = "Reporting"

    def ready(self) -> None:
        from family_resources.reporting import permissions  # noqa: F401
