"""What each role sees when it signs in: the work waiting for that role."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from family_resources.accounts import selectors as staff
from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.casework import selectors as casework
from family_resources.consultation import selectors as consultation
from family_resources.directory import selectors as directory
from family_resources.intake import selectors as intake
from family_resources.portal.due import portal_due_items
from family_resources.scheduling import selectors as scheduling
from family_resources.triage import selectors as triage


@dataclass
class HomePage:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def home_page_for(user: User) -> HomePage:
    role = user.role
    if role == Role.PRACTITIONER:
        context = casework.practitioner_workload(user)
        # What the families asked or wrote in the portal joins the due list, in due-date order with the rest.
        asked = portal_due_items(episodes=context["episodes"], today=context["today"])
        context["attention"] = sorted([*context["attention"], *asked], key=lambda pair: pair[0].due_on)
        context["todays_appointments"] = scheduling.todays_appointments(user)
        return HomePage("accounts/home/practitioner.html", context)
    if role == Role.TEAM_MANAGER:
        team_ids = staff.team_ids_of(user)
        unallocated = list(casework.unallocated_episodes(team_ids=team_ids))
        return HomePage(
            "accounts/home/team_manager.html",
            {
                "teams": staff.teams_of(user),
                "unallocated": unallocated,
                # No lead practitioner to answer them yet: the manager sees what these families asked.
                "portal_items": portal_due_items(episodes=unallocated, today=timezone.localdate()),
                "open_episodes": casework.team_open_episodes(team_ids=team_ids),
                "awaiting_sign_off": casework.assessments_awaiting_sign_off(team_ids=team_ids),
                "practitioners": casework.practitioners_with_caseload(team_ids=team_ids),
            },
        )
    if role == Role.FRONT_DOOR_OFFICER:
        return HomePage("accounts/home/front_door_officer.html", {"queue": triage.queue_with_deadlines()})
    if role == Role.SERVICE_MANAGER:
        return HomePage(
            "accounts/home/service_manager.html",
            {
                "decisions_by_level": triage.decision_counts_by_level(),
                "open_by_team": casework.open_episode_counts_by_team(),
                "awaiting_decision": intake.referrals_awaiting_decision().count(),
            },
        )
    if role == Role.DIRECTORY_OFFICER:
        return HomePage(
            "accounts/home/directory_officer.html", {"organisations": directory.organisations_with_status()}
        )
    if role == Role.CONSULTATION_OFFICER:
        return HomePage("accounts/home/consultation_officer.html", {"consultations": consultation.consultation_list()})
    return HomePage("accounts/home/administrator.html", {"staff": staff.staff_list()})
