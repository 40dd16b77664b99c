from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The partner API: referrals from other organisations' systems, with token authentication."""

    name = "family_resources.api"
    label = "api"
    verbose_name = "Partner API"

    def ready(self) -> None:
        from family_resources.api import permissions  # noqa: F401
