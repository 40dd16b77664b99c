from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Data protection: the privacy notice, subject access requests, retention and legal holds."""

    name = "family_resources.privacy"
    verbose_name = "Data protection"

    def ready(self) -> None:
        from family_resources.privacy import permissions  # noqa: F401
