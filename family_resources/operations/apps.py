from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the service: health checks, the scheduler, backups, logging helpers."""

    name = "family_resources.operations"
    verbose_name = "Operations"
