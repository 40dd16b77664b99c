"""Test data for consultation outreach: sessions of the open children's centres consultation, and service users."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from family_resources.casework.models import Episode
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.families.models import Family
from family_resources.families.tests.factories import FamilyFactory, HiddenAddressFamilyFactory
from family_resources.outreach.models import Event
from family_resources.outreach.services import event_create

MEETING_LINK = "https://meet.example.org/consultation-session-secret"


def an_event(*, days_ahead: int = 3, capacity: int = 20, **fields: Any) -> Event:
    """A session of the open children's centres consultation, online, some days from now."""
    starts = (timezone.now() + timedelta(days=days_ahead)).replace(minute=0, second=0, microsecond=0)
    values: dict[str, Any] = {
        "title": "Evening online session",
        "description": "Hear about the proposals and ask questions.",
        "meeting_link": MEETING_LINK,
        "place": "",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1, minutes=30),
        "language": "en",
        "capacity": capacity,
    }
    values.update(fields)
    return event_create(consultation=open_childrens_centres(), **values)


def service_user(*, hidden: bool = False, closed_days_ago: int | None = None, **fields: Any) -> Family:
    """A family with open support, or with support closed that many days ago."""
    factory = HiddenAddressFamilyFactory if hidden else FamilyFactory
    defaults: dict[str, Any] = {"contact_email": "family@example.org", "contact_phone": "07700 900123"}
    family = factory.create(**(defaults | fields))
    episode = OpenEpisodeFactory.create(referral__family=family)
    if closed_days_ago is not None:
        closed_on = timezone.localdate() - timedelta(days=closed_days_ago)
        Episode.objects.filter(pk=episode.pk).update(
            status=Episode.Status.CLOSED,
            opened_on=closed_on - timedelta(days=90),
            closed_on=closed_on,
            closure_reason="outcomes_met",
        )
    return family
