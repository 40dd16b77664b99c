from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    """Episodes of support with a neighbourhood team."""

    name = "family_resources.casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from family_resources.casework import permissions  # noqa: F401
