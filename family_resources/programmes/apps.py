from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    """Group programmes with waiting lists and registers, and supervised contact at the contact centre."""

    name = "family_resources.programmes"
    verbose_name = "Group programmes and supervised contact"

    def ready(self) -> None:
        from family_resources.casework.chronology import EntryKind, register_source
        from family_resources.programmes import permissions  # noqa: F401
        from family_resources.programmes.chronology import group_attendance_entries

        # Casework shows group places and attendance on the family's chronology without importing this app.
        register_source(EntryKind.GROUP_ATTENDANCE, group_attendance_entries)
