"""A family sees only its own information: never another family's, a sensitive note, a hidden address,
an adult living apart, or a referral made without its consent; and every attempt to reach more is audited."""

import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.services.notes import case_note_add
from family_resources.families.tests.factories import AdultFactory
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.portal.access import token_for
from family_resources.portal.models import PortalRequest
from family_resources.portal.tests.factories import PortalFamily, portal_family, sign_in
from family_resources.scheduling.tests.factories import at, book, monday

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours() -> PortalFamily:
    return portal_family(email="ours@example.org")


@pytest.fixture
def theirs() -> PortalFamily:
    return portal_family(email="theirs@example.org")


def _denied(object_type: str, object_id: object) -> int:
    return AuditEvent.objects.filter(
        action=AuditAction.DENIED, object_type=object_type, object_id=str(object_id)
    ).count()


def test_a_replayed_link_to_another_familys_appointment_is_refused_and_audited(
    client: Client, ours: PortalFamily, theirs: PortalFamily
) -> None:
    # Their own portal page gave them this address; we replay it in our session.
    their_token = token_for(theirs.appointment, theirs.family)
    sign_in(client, "ours@example.org")

    for name in ("portal:appointment_change", "portal:appointment_calendar"):
        response = client.get(reverse(name, args=[their_token]))
        assert response.status_code == 404

    assert _denied("scheduling.appointment", theirs.appointment.pk) == 2
    event = AuditEvent.objects.filter(action=AuditAction.DENIED).latest("sequence")
    assert event.source == f"portal:family:{ours.family.pk}"
    assert event.actor is None


def test_a_token_minted_for_us_naming_their_record_is_refused(
    client: Client, ours: PortalFamily, theirs: PortalFamily
) -> None:
    # Even if our own token were made to name their appointment, ownership is checked on the record.
    forged = signing.Signer(salt="family_resources.portal.object").sign_object(
        ["scheduling.appointment", theirs.appointment.pk, ours.family.pk], compress=True
    )
    sign_in(client, "ours@example.org")

    assert client.post(reverse("portal:appointment_change", args=[forged]), {"kind": "cancel"}).status_code == 404
    assert _denied("scheduling.appointment", theirs.appointment.pk) == 1
    assert not PortalRequest.objects.filter(appointment=theirs.appointment).exists()


@pytest.mark.parametrize(
    "name",
    [
        "portal:appointment_change",
        "portal:appointment_calendar",
        "portal:enrolment_leave",
        "portal:followup",
        "portal:programme_book",
    ],
)
def test_guessed_identifiers_are_refused_and_audited_against_the_guessing_family(
    client: Client, ours: PortalFamily, theirs: PortalFamily, name: str
) -> None:
    sign_in(client, "ours@example.org")

    for guess in [str(theirs.appointment.pk), "1", "abc", token_for(theirs.appointment, theirs.family)[:-2] + "xx"]:
        assert client.get(reverse(name, args=[guess])).status_code == 404

    assert _denied("families.family", ours.family.pk) >= 3


def test_another_familys_enrolment_cannot_be_left(client: Client, ours: PortalFamily, theirs: PortalFamily) -> None:
    from family_resources.programmes.services.enrolments import enrolment_request

    enrolment = enrolment_request(
        programme=theirs.programme, episode=theirs.episode, person=theirs.parent, by=theirs.practitioner
    )
    sign_in(client, "ours@example.org")

    response = client.post(
        reverse("portal:enrolment_leave", args=[token_for(enrolment, theirs.family)]), {"reason": ""}
    )

    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"
    assert _denied("programmes.enrolment", enrolment.pk) == 1


def test_the_family_page_shows_only_our_family(client: Client, ours: PortalFamily, theirs: PortalFamily) -> None:
    sign_in(client, "ours@example.org")

    page = client.get(reverse("portal:home")).content.decode()

    assert ours.family.reference in page
    assert theirs.family.reference not in page
    assert theirs.family.family_name not in page
    assert ours.practitioner.full_name in page


def test_sensitive_notes_hidden_addresses_and_adults_living_apart_never_show(client: Client) -> None:
    ours = portal_family(
        email="hidden@example.org", address_line="12 Secret Street, Luton", postcode="LU2 9ZZ", address_hidden=True
    )
    case_note_add(
        episode=ours.episode, kind="call", occurred_at=timezone.now(), text="SENSITIVE-NOTE-TEXT about the father",
        sensitive=True, author=ours.practitioner,
    )  # fmt: skip
    case_note_add(
        episode=ours.episode, kind="call", occurred_at=timezone.now(), text="ORDINARY-NOTE-TEXT",
        sensitive=False, author=ours.practitioner,
    )  # fmt: skip
    apart = AdultFactory.create(
        family=ours.family, given_name="Absent", relationship="Father", lives_elsewhere=True,
        address_line="99 Other Road", postcode="LU3 1AA",
    )  # fmt: skip
    book(ours.episode, ours.practitioner, starts_at=at(monday(2), 14), person=apart, purpose="Father's own session")
    ReceivedReferralFactory.create(family=ours.family, consent_given=False, concerns="Worried about the father")
    client = sign_in(client, "hidden@example.org")

    pages = [client.get(reverse("portal:home")).content.decode()]
    pages.append(client.get(reverse("portal:contact_details")).content.decode())
    token = re.search(r"/my-family/appointments/([^/]+)/change/", pages[0])
    assert token is not None
    pages.append(client.get(reverse("portal:appointment_change", args=[token.group(1)])).content.decode())
    pages.append(client.get(reverse("portal:appointment_calendar", args=[token.group(1)])).content.decode())
    text = "\n".join(pages)

    for secret in ("SENSITIVE-NOTE-TEXT", "ORDINARY-NOTE-TEXT", "Secret Street", "LU2 9ZZ", "Absent", "99 Other Road",
                   "Father's own session", "Bedtime routines", "Worried about the father"):  # fmt: skip
        assert secret not in text, secret
    # Only the household's appointment is listed, not the father's own.
    assert len(re.findall(r"/my-family/appointments/[^/]+/change/", pages[0])) == 1
    # One referral (agreed to); the one made without consent is not shown.
    assert pages[0].count("govuk-tag govuk-tag--green") + pages[0].count("govuk-tag govuk-tag--blue") == 1


def test_an_appointment_with_an_adult_living_apart_is_refused_even_with_a_genuine_token(client: Client) -> None:
    ours = portal_family(email="ours@example.org")
    apart = AdultFactory.create(family=ours.family, relationship="Father", lives_elsewhere=True)
    theirs_too = book(ours.episode, ours.practitioner, starts_at=at(monday(2), 14), person=apart)
    sign_in(client, "ours@example.org")

    response = client.get(reverse("portal:appointment_calendar", args=[token_for(theirs_too, ours.family)]))

    assert response.status_code == 404
    assert _denied("scheduling.appointment", theirs_too.pk) == 1


def test_every_portal_read_is_audited_as_the_family(client: Client, ours: PortalFamily) -> None:
    sign_in(client, "ours@example.org")
    before = AuditEvent.objects.count()

    client.get(reverse("portal:home"))

    views = AuditEvent.objects.filter(action=AuditAction.VIEW).order_by("-sequence")[
        : AuditEvent.objects.count() - before
    ]
    seen = {(event.object_type, event.object_id) for event in views}
    assert ("families.family", str(ours.family.pk)) in seen
    assert ("scheduling.appointment", str(ours.appointment.pk)) in seen
    assert ("casework.supportplan", str(ours.action.outcome.plan_id)) in seen
    assert ("casework.episode", str(ours.episode.pk)) in seen
    assert {event.source for event in views} == {f"portal:family:{ours.family.pk}"}
