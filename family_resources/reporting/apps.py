from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Figures for managers, their downloads and the Supporting Families return. Pages never write; a scheduled
    job keeps one summary table (decision timings, ADR 0033) that the figures read."""

    name = "family_resources.reporting"
    verbose_name = "Reporting"

    def ready(self) -> None:
        from family_resources.reporting import permissions  # noqa: F401
