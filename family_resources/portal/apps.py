from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The family portal: families sign in with a one-time code and see and manage their own support."""

    name = "family_resources.portal"
    verbose_name = "Family portal"

    def ready(self) -> None:
        from family_resources.portal import permissions  # noqa: F401
