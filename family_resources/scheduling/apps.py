from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    """One-to-one appointments at hubs, outreach bases and at home; diaries, reminders and calendar files."""

    name = "family_resources.scheduling"
    verbose_name = "Scheduling"

    def ready(self) -> None:
        from family_resources.casework.closure_hooks import ClosureHook, register_closure_hook
        from family_resources.scheduling import chronology, permissions, services  # noqa: F401

        chronology.register()
        register_closure_hook(
            "scheduling",
            ClosureHook(
                describe=services.closure_effect_appointments,
                apply=services.appointments_cancel_for_closed_episode,
            ),
        )
