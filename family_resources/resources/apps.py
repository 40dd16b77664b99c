from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The online self-help resource centre."""

    name = "family_resources.resources"
    verbose_name = "Resource centre"

    def ready(self) -> None:
        from family_resources.resources import permissions  # noqa: F401
