from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    """Group programmes with waiting lists and registers, and supervised contact at the contact centre."""

    name = "family_resources.programmes"
    verbose_name = "Group programmes and supervised contact"

    def ready(self) -> None:
        from family_resources.casework.chronology import EntryKind, in_episodes, register_source
        from family_resources.casework.closure_hooks import ClosureHook, register_closure_hook
        from family_resources.programmes import permissions  # noqa: F401
        from family_resources.programmes.chronology import group_attendance_entries, supervised_contact_entries
        from family_resources.programmes.models import ContactSession, Enrolment
        from family_resources.programmes.services import contact, enrolments

        # Casework shows group places and attendance on the family's chronology without importing this app.
        # Attendance is marked against an enrolment: a family with no enrolments has no entries of either.
        register_source(EntryKind.GROUP_ATTENDANCE, group_attendance_entries, present=in_episodes(Enrolment))
        register_source(EntryKind.SUPERVISED_CONTACT, supervised_contact_entries, present=in_episodes(ContactSession))
        register_closure_hook(
            "programmes",
            ClosureHook(
                describe=enrolments.closure_effect_enrolments,
                apply=enrolments.enrolments_end_for_closed_episode,
            ),
        )
        register_closure_hook(
            "supervised_contact",
            ClosureHook(describe=contact.closure_effect_contact, apply=contact.contact_cancel_for_closed_episode),
        )
