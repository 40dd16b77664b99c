from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """The front door: contacts and referrals."""

    name = "family_resources.intake"
    verbose_name = "The front door"

    def ready(self) -> None:
        from family_resources.intake import permissions  # noqa: F401
