"""What a family does in the portal, and a practitioner's answer: the record changes only when they confirm."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.families.models import Consent
from family_resources.families.services import consent_record
from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.notifications.models import Message
from family_resources.portal.access import token_for
from family_resources.portal.models import MessageKind, PortalMessage, PortalRequest, RequestKind, RequestStatus
from family_resources.portal.tests.factories import PortalFamily, portal_family, sign_in, staff_client
from family_resources.programmes.models import Enrolment, EnrolmentStatus
from family_resources.scheduling.models import Appointment, AppointmentStatus, CancelReason
from family_resources.scheduling.tests.factories import monday
from family_resources.triage.models import FollowUpOutcome, SignpostingPack
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours() -> PortalFamily:
    return portal_family(email="ours@example.org")


def _signed_in(client: Client) -> Client:
    return sign_in(client, "ours@example.org")


def test_asking_to_move_an_appointment_waits_for_the_practitioner_who_moves_it(
    client: Client, ours: PortalFamily
) -> None:
    _signed_in(client)
    token = token_for(ours.appointment, ours.family)

    response = client.post(
        reverse("portal:appointment_change", args=[token]), {"kind": "rearrange", "message": "Afternoons please"}
    )

    assert response.status_code == 302
    request = PortalRequest.objects.get()
    assert (request.kind, request.status, request.episode) == (
        RequestKind.REARRANGE,
        RequestStatus.PENDING,
        ours.episode,
    )
    ours.appointment.refresh_from_db()
    assert ours.appointment.status == AppointmentStatus.BOOKED
    alert = Message.objects.get(template="portal_team_alert")
    assert alert.recipient == ours.practitioner.email
    assert "Afternoons" not in alert.body  # the team's email carries no details
    # Asking twice is refused.
    again = client.post(reverse("portal:appointment_change", args=[token]), {"kind": "cancel"})
    assert "already asked" in again.content.decode()

    worker = staff_client(ours.practitioner)
    case = worker.get(reverse("casework:episode", args=[ours.episode.pk])).content.decode()
    assert "Move an appointment" in case
    assert "Afternoons please" in case
    worker.post(
        reverse("portal_staff:request", args=[request.public_id]),
        {"action": "confirm", "move-day": monday().isoformat(), "move-time": "14:00"},
    )

    request.refresh_from_db()
    assert request.status == RequestStatus.CONFIRMED
    assert request.decided_by == ours.practitioner
    ours.appointment.refresh_from_db()
    assert ours.appointment.cancel_reason == CancelReason.RESCHEDULED
    moved = Appointment.objects.get(rescheduled_from=ours.appointment)
    assert timezone.localtime(moved.starts_at).hour == 14


def test_asking_to_cancel_is_done_through_scheduling_when_confirmed(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)
    client.post(
        reverse("portal:appointment_change", args=[token_for(ours.appointment, ours.family)]), {"kind": "cancel"}
    )
    request = PortalRequest.objects.get()
    worker = staff_client(ours.practitioner)

    worker.post(reverse("portal_staff:request", args=[request.public_id]), {"action": "confirm"})

    ours.appointment.refresh_from_db()
    assert ours.appointment.status == AppointmentStatus.CANCELLED
    assert ours.appointment.cancel_reason == CancelReason.FAMILY_CANCELLED


def test_a_practitioner_of_another_team_cannot_answer(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)
    client.post(
        reverse("portal:appointment_change", args=[token_for(ours.appointment, ours.family)]), {"kind": "cancel"}
    )
    request = PortalRequest.objects.get()
    outsider = staff_client(staff(Role.PRACTITIONER))

    assert (
        outsider.post(reverse("portal_staff:request", args=[request.public_id]), {"action": "confirm"}).status_code
        == 403
    )
    ours.appointment.refresh_from_db()
    assert ours.appointment.status == AppointmentStatus.BOOKED


def test_new_contact_details_change_the_record_only_when_confirmed(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)

    client.post(
        reverse("portal:contact_details"), {"email": "new@example.org", "phone": "07700 900456", "channel": "sms"}
    )

    ours.family.refresh_from_db()
    assert ours.family.contact_email == "ours@example.org"
    request = PortalRequest.objects.get(kind=RequestKind.CONTACT_DETAILS)
    worker = staff_client(ours.practitioner)
    worker.post(reverse("portal_staff:request", args=[request.public_id]), {"action": "confirm"})
    ours.family.refresh_from_db()
    assert (ours.family.contact_email, ours.family.contact_phone, ours.family.contact_channel) == (
        "new@example.org", "07700 900456", "sms",
    )  # fmt: skip


def test_a_bad_mobile_number_is_shown_as_an_error_and_kept(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)

    page = client.post(
        reverse("portal:contact_details"), {"email": "", "phone": "12345", "channel": "sms"}
    ).content.decode()

    assert "Enter a UK mobile number" in page
    assert 'value="12345"' in page
    assert not PortalRequest.objects.exists()


def test_a_new_language_can_be_declined_with_a_reason(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)
    client.post(reverse("portal:language"), {"language": "ur"})
    request = PortalRequest.objects.get(kind=RequestKind.LANGUAGE)
    worker = staff_client(ours.practitioner)

    refused = worker.post(reverse("portal_staff:request", args=[request.public_id]), {"action": "decline"})
    assert "Say why" in refused.content.decode()
    worker.post(
        reverse("portal_staff:request", args=[request.public_id]),
        {"action": "decline", "answer-note": "Checked by phone"},
    )

    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED
    ours.family.refresh_from_db()
    assert ours.family.preferred_language == "en"


def test_booking_and_leaving_a_group_place_go_through_the_programmes_service(
    client: Client, ours: PortalFamily
) -> None:
    _signed_in(client)
    token = token_for(ours.programme, ours.family)

    client.post(reverse("portal:programme_book", args=[token]), {"person": "1"})

    enrolment = Enrolment.objects.get()
    assert (enrolment.person, enrolment.status, enrolment.plan_action) == (
        ours.parent,
        EnrolmentStatus.ENROLLED,
        ours.action,
    )
    client.post(reverse("portal:enrolment_leave", args=[token_for(enrolment, ours.family)]), {"reason": "Work shifts"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert "Work shifts" in enrolment.end_reason


def test_withdrawing_consent_is_recorded_at_once_and_flagged_to_the_team(client: Client, ours: PortalFamily) -> None:
    consent_record(
        family=ours.family, given_by=ours.parent, given_on=timezone.localdate(), method="written",
        agencies=["health_visitor"], recorded_by=ours.practitioner,
    )  # fmt: skip
    _signed_in(client)

    client.post(reverse("portal:consent_withdraw"), {"confirm": "on", "reason": "Changed my mind"})

    consent = Consent.objects.get()
    assert consent.withdrawn_on == timezone.localdate()
    assert "family portal" in consent.withdrawn_reason
    flag = PortalMessage.objects.get(kind=MessageKind.CONSENT_WITHDRAWN)
    assert flag.episode == ours.episode
    assert Message.objects.filter(template="portal_team_alert", recipient=ours.practitioner.email).exists()


def test_a_message_lands_on_the_case_until_it_is_read(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)

    client.post(reverse("portal:message"), {"text": "Can we talk about school?"})

    message = PortalMessage.objects.get()
    worker = staff_client(ours.practitioner)
    case = worker.get(reverse("casework:episode", args=[ours.episode.pk])).content.decode()
    assert "Can we talk about school?" in case
    assert "Mark as read" in case
    worker.post(reverse("portal_staff:message_read", args=[message.public_id]))
    message.refresh_from_db()
    assert message.read_by == ours.practitioner


def test_an_empty_message_is_an_error(client: Client, ours: PortalFamily) -> None:
    _signed_in(client)

    page = client.post(reverse("portal:message"), {"text": " "}).content.decode()

    assert "Write your message" in page
    assert "govuk-error-summary" in page


def test_a_signposted_family_answers_the_follow_up_in_the_portal(client: Client) -> None:
    family = FamilyFactory.create(contact_email="sign@example.org")
    referral = ReceivedReferralFactory.create(family=family)
    decision_record(
        referral=referral, level=2, immediate_risk=False, rationale="Community support fits.",
        decided_by=staff(Role.FRONT_DOOR_OFFICER), differs_reason="Officer's judgement.",
    )  # fmt: skip
    pack = SignpostingPack.objects.get()
    assert pack.followup_due_at is not None
    sign_in(client, "sign@example.org")
    home = client.get(reverse("portal:home")).content.decode()
    assert "We have sent you details of support near you" in home
    assert "Tell us if the support sent on" in home

    client.post(reverse("portal:followup", args=[token_for(pack, family)]), {"helped": "yes", "comments": "Great"})

    pack.refresh_from_db()
    assert pack.followup_outcome == FollowUpOutcome.HELPED
