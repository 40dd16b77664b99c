"""The service navigation: what each role sees in the menu."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from family_resources.accounts.roles import AUDIT_READER_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


def _items(request: HttpRequest, entries: list[tuple[str, str]]) -> list[NavItem]:
    # The first entry is the home page, current only on itself; the others own their sub-pages.
    path = request.path
    return [
        NavItem(label=label, url=url, current=path == url or (index > 0 and path.startswith(url)))
        for index, (label, url) in enumerate(entries)
    ]


def navigation_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return _items(
            request,
            [
                (_("Get help"), reverse("core:home")),
                (_("Community groups"), reverse("directory:search")),
                (_("Resource centre"), reverse("resources:list")),
            ],
        )
    entries = [(_("Home"), reverse("accounts:home"))]
    if user.has_perm("scheduling.keep_diary"):
        entries.append((_("Diary"), reverse("scheduling:diary")))
    if user.has_perm("programmes.view_programme"):
        entries.append((_("Group programmes"), reverse("programmes:list")))
    if user.has_perm("triage.view_guidance"):
        entries.append((_("Threshold guidance"), reverse("triage:guidance")))
    if user.has_perm("notifications.view_message"):
        entries.append((_("Messages sent"), reverse("notifications:outbox")))
    if user.role in AUDIT_READER_ROLES:
        entries.append((_("Audit trail"), reverse("audit:search")))
    if user.has_perm("reporting.view_dashboard"):
        entries.append((_("Reports"), reverse("reporting:dashboard")))
    if user.has_perm("directory.view_directory_work"):
        entries.append((_("Community directory"), reverse("directory_staff:dashboard")))
    if user.has_perm("resources.edit_article"):
        entries.append((_("Resource centre articles"), reverse("resources_staff:list")))
    if user.has_perm("consultation.run_consultations"):
        entries.append((_("Consultations"), reverse("consultation_staff:list")))
    if user.has_perm("outreach.run_events"):
        entries.append((_("Consultation events and notices"), reverse("outreach_staff:events")))
    if user.has_perm("privacy.subject_access"):
        entries.append((_("Data protection"), reverse("privacy_staff:sar_search")))
    if user.is_staff:
        entries.append((_("Reference data"), reverse("admin:index")))
    entries.append((_("Sign out"), reverse("accounts:sign_out")))
    return _items(request, entries)


def role_label(role: str) -> str:
    return str(Role(role).label) if role in Role.values else role
