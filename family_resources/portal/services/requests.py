"""What a signed-in family does in the portal, and a practitioner's answer to what they asked.

Changes to the record wait for a practitioner: moving or cancelling an appointment, and new contact
details or language, are a PortalRequest until someone in the family's team confirms it. Booking or
leaving a group place goes straight through the programmes services, and withdrawing consent through
the families services, because those are the family's own choices; the team is told at once.
"""

import logging
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from family_resources.casework.models import ActionStatus, Delivery, Episode, PlanAction
from family_resources.families.models import Family, Person
from family_resources.families.selectors import current_consent_of
from family_resources.families.services import consent_withdraw, family_contact_update
from family_resources.notifications.services import notify_email
from family_resources.portal.models import (
    MessageKind,
    PortalMessage,
    PortalRequest,
    RequestKind,
    RequestStatus,
)
from family_resources.portal.services.sign_in import normalise_mobile
from family_resources.programmes.models import Enrolment, Programme
from family_resources.programmes.services.enrolments import enrolment_cancel, enrolment_request
from family_resources.scheduling.models import Appointment, AppointmentStatus, CancelReason
from family_resources.scheduling.services import appointment_cancel, appointment_reschedule
from family_resources.triage.followup import followup_answer
from family_resources.triage.models import SignpostingPack

# Log ids and kinds only: never what the family wrote or their contact details.
logger = logging.getLogger(__name__)

MESSAGE_MAX = 2000


def _tell_team(episode: Episode | None, *, what: Any) -> None:
    """Email the lead practitioner that the family has done something in the portal: no personal details."""
    if episode is None or episode.lead_practitioner is None:
        return
    # The page runs in the family's language; the team's email is in English.
    with translation.override("en"):
        what = str(what)
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("casework:episode", args=[episode.pk])
    notify_email(
        to=episode.lead_practitioner.email,
        template="portal_team_alert",
        context={"what": what, "reference": episode.family.reference, "link": link},
        regarding=("families.family", episode.family.reference),
    )


def _open_episode(family: Family) -> Episode | None:
    return (
        Episode.objects.filter(family=family, status=Episode.Status.OPEN)
        .select_related("lead_practitioner", "family")
        .order_by("-opened_on", "-pk")
        .first()
    )


def _require_episode(family: Family) -> Episode:
    episode = _open_episode(family)
    if episode is None:
        raise ValidationError("You do not have a support worker from us at the moment. Call us instead.")
    return episode


# --- Appointments --------------------------------------------------------------------------------


@transaction.atomic
def appointment_change_ask(*, family: Family, appointment: Appointment, kind: str, message: str) -> PortalRequest:
    """The family asks to move or cancel an appointment; the practitioner confirms before anything changes."""
    appointment = Appointment.objects.select_related("episode").get(pk=appointment.pk)
    if appointment.episode.family_id != family.pk:
        raise ValidationError("This is not your family's appointment.")
    if kind not in (RequestKind.REARRANGE, RequestKind.CANCEL):
        raise ValidationError({"kind": "Choose whether to move or cancel the appointment"})
    if appointment.status != AppointmentStatus.BOOKED or appointment.starts_at <= timezone.now():
        raise ValidationError("This appointment can no longer be changed online. Call us instead.")
    if kind == RequestKind.REARRANGE and not message.strip():
        raise ValidationError({"message": "Tell us which days and times suit you"})
    if len(message) > MESSAGE_MAX:
        raise ValidationError({"message": f"Your message must be {MESSAGE_MAX} characters or fewer"})
    if PortalRequest.objects.filter(appointment=appointment, status=RequestStatus.PENDING).exists():
        raise ValidationError("You have already asked to change this appointment. Your support worker will reply.")
    request = PortalRequest.objects.create(
        family=family, episode=appointment.episode, kind=kind, appointment=appointment, message=message.strip()
    )
    _tell_team(_open_episode(family), what=RequestKind(kind).label)
    logger.info("portal request %s kind=%s", request.pk, kind)
    return request


# --- Group programmes ------------------------------------------------------------------------------


def _matching_group_action(episode: Episode, programme: Programme) -> PlanAction | None:
    """The plan's group action for this programme's intervention, so the place moves the plan on."""
    return (
        PlanAction.objects.filter(
            outcome__plan__episode=episode,
            delivery=Delivery.GROUP,
            intervention_id=programme.intervention_id,
            status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS],
        )
        .order_by("due_on", "pk")
        .first()
    )


def enrolment_book_by_family(*, family: Family, programme: Programme, person: Person | None) -> Enrolment:
    """The family asks for a group place, through the programmes service: a place if free, or the waiting list.

    The enrolment records that the family asked, in the portal; their lead practitioner is told.
    """
    episode = _require_episode(family)
    if episode.lead_practitioner is None:
        raise ValidationError("You can book a place once you have a support worker. Call us instead.")
    if person is not None and (person.family_id != family.pk or person.lives_elsewhere):
        raise ValidationError({"person": "Choose who will go"})
    enrolment = enrolment_request(
        programme=programme,
        episode=episode,
        person=person,
        plan_action=_matching_group_action(episode, programme),
        by=None,
        through_portal=True,
    )
    _tell_team(episode, what="Booked a group place")
    logger.info("portal enrolment %s status=%s", enrolment.pk, enrolment.status)
    return enrolment


def enrolment_leave_by_family(*, family: Family, enrolment: Enrolment, reason: str) -> Enrolment:
    if enrolment.episode.family_id != family.pk:
        raise ValidationError("This is not your family's place.")
    said = reason.strip()[:200]
    enrolment = enrolment_cancel(
        enrolment=enrolment,
        reason="The family left through the family portal" + (f": {said}" if said else ""),
        by=None,
    )
    _tell_team(_open_episode(family), what="Left a group programme")
    return enrolment


# --- Contact details and language ------------------------------------------------------------------


@transaction.atomic
def contact_details_change_ask(
    *, family: Family, email: str, phone: str, channel: str, message: str = ""
) -> PortalRequest:
    """The family tells the team its contact details have changed; the record changes when a practitioner confirms."""
    episode = _require_episode(family)
    errors: dict[str, str] = {}
    email = email.strip()
    phone = phone.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = "Enter an email address in the correct format, like name@example.com"
    mobile = normalise_mobile(phone) if phone else ""
    if phone and not (mobile.isdigit() and mobile.startswith("07") and len(mobile) == 11):
        errors["phone"] = "Enter a UK mobile number, like 07700 900 982"
    if channel not in ("email", "sms"):
        errors["channel"] = "Choose how you want us to contact you"
    elif channel == "email" and not (email or family.contact_email):
        errors["email"] = "Enter an email address, or choose text messages"
    elif channel == "sms" and not (phone or family.contact_phone):
        errors["phone"] = "Enter a mobile number, or choose email"
    if (
        not errors
        and email == family.contact_email
        and phone == family.contact_phone
        and channel == family.contact_channel
    ):
        errors["email"] = "These are the details we already have"
    if errors:
        raise ValidationError(errors)
    request = PortalRequest.objects.create(
        family=family,
        episode=episode,
        kind=RequestKind.CONTACT_DETAILS,
        details={"email": email, "phone": phone, "channel": channel},
        message=message.strip()[:MESSAGE_MAX],
    )
    _tell_team(episode, what=RequestKind.CONTACT_DETAILS.label)
    return request


@transaction.atomic
def language_change_ask(*, family: Family, language: str) -> PortalRequest:
    episode = _require_episode(family)
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError({"language": "Choose a language from the list"})
    if language == family.preferred_language:
        raise ValidationError({"language": "This is the language we already have for you"})
    request = PortalRequest.objects.create(
        family=family, episode=episode, kind=RequestKind.LANGUAGE, details={"language": language}
    )
    _tell_team(episode, what=RequestKind.LANGUAGE.label)
    return request


# --- Follow-up, consent and messages ---------------------------------------------------------------


def followup_answer_by_family(*, family: Family, pack: SignpostingPack, helped: bool, comments: str) -> SignpostingPack:
    """'Did you get the help you needed?', answered in the portal through triage's own follow-up."""
    if pack.decision.referral.family_id != family.pk:
        raise ValidationError("This is not your family's pack.")
    if pack.followup_due_at is None or pack.followup_closed_at is not None:
        raise ValidationError("You have already told us about this support. Thank you.")
    return followup_answer(pack=pack, helped=helped, comments=comments[:MESSAGE_MAX])


@transaction.atomic
def consent_withdraw_by_family(*, family: Family, reason: str) -> PortalMessage:
    """The family withdraws consent to share: recorded at once through the families service and flagged to the team."""
    consent = current_consent_of(family)
    if consent is None:
        raise ValidationError("You have not given us consent to share information, so there is nothing to withdraw.")
    said = reason.strip()[:MESSAGE_MAX]
    consent_withdraw(
        consent=consent,
        withdrawn_on=timezone.localdate(),
        reason="Withdrawn by the family through the family portal" + (f": {said}" if said else "."),
        withdrawn_by=None,
    )
    episode = _open_episode(family)
    flag = PortalMessage.objects.create(
        family=family,
        episode=episode,
        kind=MessageKind.CONSENT_WITHDRAWN,
        text=said or "The family withdrew consent to share information, without giving a reason.",
    )
    _tell_team(episode, what=MessageKind.CONSENT_WITHDRAWN.label)
    logger.info("portal consent %s withdrawn, flag %s", consent.pk, flag.pk)
    return flag


@transaction.atomic
def message_send(*, family: Family, text: str) -> PortalMessage:
    """A message to the family's team: it shows on the case until someone marks it read."""
    episode = _require_episode(family)
    if not text.strip():
        raise ValidationError({"text": "Write your message"})
    if len(text) > MESSAGE_MAX:
        raise ValidationError({"text": f"Your message must be {MESSAGE_MAX} characters or fewer"})
    message = PortalMessage.objects.create(family=family, episode=episode, text=text.strip())
    _tell_team(episode, what=MessageKind.MESSAGE.label)
    logger.info("portal message %s for episode %s", message.pk, episode.pk)
    return message


# --- The practitioner's answer ----------------------------------------------------------------------


def _decide(request: PortalRequest, status: str, by: Any, note: str) -> None:
    request.status = status
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_note = note.strip()[:300]
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])


@transaction.atomic
def portal_request_confirm(
    *, portal_request: PortalRequest, by: Any, starts_at: datetime | None = None, note: str = ""
) -> PortalRequest:
    """Do what the family asked, through the owning app's service, and mark the request done."""
    request = (
        PortalRequest.objects.select_for_update(of=("self",))
        .select_related("appointment", "family")
        .get(pk=portal_request.pk)
    )
    if request.status != RequestStatus.PENDING:
        raise ValidationError("This request has already been answered.")
    if request.kind == RequestKind.CANCEL:
        assert request.appointment is not None
        appointment_cancel(
            appointment=request.appointment,
            reason=CancelReason.FAMILY_CANCELLED,
            detail="Asked for in the family portal",
            cancelled_by=by,
        )
    elif request.kind == RequestKind.REARRANGE:
        old = request.appointment
        assert old is not None
        if starts_at is None:
            raise ValidationError({"starts_at": "Enter the new date and time"})
        appointment_reschedule(
            appointment=old,
            practitioner=old.practitioner,
            where=old.where,
            room=old.room,
            starts_at=starts_at,
            minutes=int((old.ends_at - old.starts_at).total_seconds() // 60),
            changed_by=by,
        )
    elif request.kind in (RequestKind.CONTACT_DETAILS, RequestKind.LANGUAGE):
        _family_update(request)
    _decide(request, RequestStatus.CONFIRMED, by, note)
    logger.info("portal request %s confirmed", request.pk)
    return request


def _family_update(request: PortalRequest) -> None:
    details = request.details
    family = Family.objects.get(pk=request.family_id)
    if request.kind == RequestKind.LANGUAGE:
        family_contact_update(family=family, language=details["language"])
    else:
        family_contact_update(
            family=family,
            email=details.get("email") or None,
            phone=details.get("phone") or None,
            channel=details["channel"],
        )


@transaction.atomic
def portal_request_decline(*, portal_request: PortalRequest, by: Any, note: str) -> PortalRequest:
    request = PortalRequest.objects.select_for_update().get(pk=portal_request.pk)
    if request.status != RequestStatus.PENDING:
        raise ValidationError("This request has already been answered.")
    if not note.strip():
        raise ValidationError({"note": "Say why, so the family can be told"})
    _decide(request, RequestStatus.DECLINED, by, note)
    return request


@transaction.atomic
def portal_message_mark_read(*, message: PortalMessage, by: Any) -> PortalMessage:
    message = PortalMessage.objects.select_for_update().get(pk=message.pk)
    if message.read_at is None:
        message.read_at = timezone.now()
        message.read_by = by
        message.save(update_fields=["read_at", "read_by"])
    return message
