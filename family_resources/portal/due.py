"""What families asked or wrote in the portal, as items on the staff home page's due list.

A family's request (move or cancel an appointment, new contact details or language) and a message (including
a consent withdrawal) is answered within RESPONSE_WORKING_DAYS working days of being sent, bank holidays not
counted (our reading: the service model promises no time, and two working days is the usual council answer to a
message). The due date is worked out by `response_due_on`, a pure function tested without the database, with the
service's calendar (`core.working_days`); `portal_due_items` reads the open requests and unread messages of many
families in two queries, whatever their number.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.casework.due import DueState, due_state
from family_resources.casework.models import Episode
from family_resources.core.working_days import add_working_days
from family_resources.portal.models import PortalMessage, PortalRequest, RequestStatus

RESPONSE_WORKING_DAYS = 2


def response_due_on(sent_at: datetime) -> date:
    """A family hears back within two working days of the day they sent it, counted in local time: Saturdays,
    Sundays and bank holidays do not count (`core.working_days`)."""
    return add_working_days(timezone.localdate(sent_at), RESPONSE_WORKING_DAYS)


@dataclass(frozen=True)
class PortalDueItem:
    """One open request or unread message, shaped like casework's `DueItem` so both sort on one list."""

    episode_id: int
    kind: str
    label: str
    due_on: date
    state: DueState
    url: str
    sent_at: datetime

    @property
    def overdue(self) -> bool:
        return self.state == DueState.OVERDUE


def portal_due_items(*, episodes: Iterable[Episode], today: date) -> list[tuple[PortalDueItem, Episode]]:
    """The open requests and unread messages of these episodes' families, each with its episode, soonest first."""
    by_family = {episode.family_id: episode for episode in episodes}
    if not by_family:
        return []
    found: list[tuple[PortalDueItem, Episode]] = []
    requests = PortalRequest.objects.filter(family_id__in=by_family, status=RequestStatus.PENDING).only(
        "public_id", "family_id", "kind", "created_at"
    )
    for portal_request in requests:
        episode = by_family[portal_request.family_id]
        due_on = response_due_on(portal_request.created_at)
        found.append(
            (
                PortalDueItem(
                    episode_id=episode.pk,
                    kind="request",
                    label=_("Family asked: %(what)s") % {"what": portal_request.get_kind_display()},
                    due_on=due_on,
                    state=due_state(due_on, today),
                    url=reverse("portal_staff:request", args=[portal_request.public_id]),
                    sent_at=portal_request.created_at,
                ),
                episode,
            )
        )
    messages = PortalMessage.objects.filter(family_id__in=by_family, read_at__isnull=True).only(
        "family_id", "kind", "sent_at"
    )
    for message in messages:
        episode = by_family[message.family_id]
        due_on = response_due_on(message.sent_at)
        found.append(
            (
                PortalDueItem(
                    episode_id=episode.pk,
                    kind="message",
                    label=str(message.get_kind_display()),
                    due_on=due_on,
                    state=due_state(due_on, today),
                    url=reverse("casework:episode", args=[episode.pk]) + "#family-portal",
                    sent_at=message.sent_at,
                ),
                episode,
            )
        )
    return sorted(found, key=lambda pair: (pair[0].due_on, pair[0].sent_at))
