from django.apps import AppConfig


class OutreachConfig(AppConfig):
    """Consultation events (online sessions, registration, reminders, attendance) and notices to service users."""

    name = "family_resources.outreach"
    verbose_name = "Consultation outreach"

    def ready(self) -> None:
        from family_resources.outreach import permissions  # noqa: F401
