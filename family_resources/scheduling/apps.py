from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    """One-to-one appointments at hubs, outreach bases and at home; diaries, reminders and calendar files."""

    name = "family_resources.scheduling"
    verbose_name = "Scheduling"

    def ready(self) -> None:
        from family_resources.scheduling import chronology, permissions  # noqa: F401

        chronology.register()
