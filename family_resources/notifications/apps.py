from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """The notification gateway: email and text messages through GOV.UK Notify, or the development outbox."""

    name = "family_resources.notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from family_resources.notifications import checks, permissions  # noqa: F401
