"""Families who can use the portal, built with the real services, and signing in as one through the real code."""

import re
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.urls import reverse

from family_resources.accounts.models import User
from family_resources.casework.models import Episode, PlanAction
from family_resources.families.models import Person
from family_resources.notifications.models import Message
from family_resources.programmes.models import Programme
from family_resources.programmes.tests.factories import family_with_plan, open_programme
from family_resources.scheduling.models import Appointment
from family_resources.scheduling.tests.factories import at, book, monday

CODE = re.compile(r"\b(\d{6})\b")
GROUP = "Incredible Years, London Road"


@dataclass
class PortalFamily:
    episode: Episode
    practitioner: User
    action: PlanAction
    parent: Person
    appointment: Appointment
    programme: Programme

    @property
    def family(self) -> Any:
        return self.episode.family


def portal_family(*, email: str = "parent@example.org", **family_fields: Any) -> PortalFamily:
    """An allocated family with an agreed plan, a home visit on Monday and a group programme open to them."""
    episode, practitioner, action, parent = family_with_plan(contact_email=email, **family_fields)
    appointment = book(episode, practitioner, starts_at=at(monday(), 10), person=parent)
    # One group for every family in a test: a second would clash with the first in the group room.
    programme = Programme.objects.filter(name=GROUP).first() or open_programme(
        intervention=action.intervention, name=GROUP
    )
    return PortalFamily(episode, practitioner, action, parent, appointment, programme)


def staff_client(user: User) -> Client:
    """A client signed in as staff, past the second factor where the service asks for one (ADR 0022)."""
    client = Client()
    # Named: the first backend may be a lockout guard that cannot load a user from a session.
    client.force_login(user, backend="family_resources.accounts.backends.StaffPasswordBackend")
    try:
        from family_resources.accounts.mfa import MFA_SESSION_KEY
    except ImportError:  # before staff MFA is in place there is nothing more to do
        return client
    session = client.session
    if not session.get(MFA_SESSION_KEY):
        # As if the second factor had been checked (accounts tests the real step); same session key.
        session[MFA_SESSION_KEY] = True
        session.save()
    return client


def last_code(recipient: str) -> str:
    message = Message.objects.filter(template="portal_sign_in_code", recipient=recipient).latest("pk")
    match = CODE.search(message.body)
    assert match is not None
    return match.group(1)


def sign_in(client: Client, contact: str) -> Client:
    """Sign a family in through the real pages: ask for a code, read it from the outbox, enter it."""
    client.post(reverse("portal:sign_in"), {"contact": contact})
    response = client.post(reverse("portal:code"), {"code": last_code(contact)})
    assert response.status_code == 302, response
    assert response["Location"] == reverse("portal:home")
    return client
