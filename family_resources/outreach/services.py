"""Writes for consultation outreach: events, registration with places counted under a lock, cancellation,
reminders, attendance, evidence notes, and notices to service users sent once per family and channel.
"""

import hashlib
import logging
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.consultation.models import Consultation
from family_resources.families.models import Family
from family_resources.notifications.models import Channel, Message, MessageStatus
from family_resources.notifications.rendering import render_message
from family_resources.notifications.services import notify_email, notify_sms
from family_resources.outreach import selectors
from family_resources.outreach.models import (
    Event,
    Notice,
    NoticeChannel,
    NoticeDelivery,
    NoticeOptOut,
    Registration,
    RegistrationStatus,
    SkipReason,
)

# Identifiers and counts only: never a name, address or number.
logger = logging.getLogger(__name__)

_MOBILE = re.compile(r"\+?[0-9 ()\-]+")
UNSUBSCRIBE_SALT = "outreach.notice-unsubscribe"
NOTICE_TEMPLATE = "consultation_notice"


def _public_url(path: str) -> str:
    """A full address for a message: from settings, never from the request's Host header."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- Events ----------------------------------------------------------------------------------------


EVENT_FIELDS = ("title", "description", "meeting_link", "place", "starts_at", "ends_at", "language", "capacity")


def _event_check(values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not str(values.get("title", "")).strip():
        errors["title"] = _("Enter a title")
    link, place = str(values.get("meeting_link", "")).strip(), str(values.get("place", "")).strip()
    if not link and not place:
        errors["meeting_link"] = _("Enter a meeting link, a place, or both")
    if link:
        try:
            URLValidator(schemes=["https"])(link)
        except ValidationError:
            errors["meeting_link"] = _("Enter the meeting link as a full https:// address")
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts and ends and ends <= starts:
        errors["ends_at"] = _("The session must end after it starts")
    if (values.get("capacity") or 0) < 1:
        errors["capacity"] = _("Enter how many people can come, 1 or more")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(*, consultation: Consultation, **values: Any) -> Event:
    _event_check(values)
    return Event.objects.create(consultation=consultation, **{k: values[k] for k in EVENT_FIELDS if k in values})


@transaction.atomic
def event_update(*, event: Event, status: str | None = None, **values: Any) -> Event:
    """Change an event's details. Capacity may grow (the waiting list moves up) but not drop below places taken.
    Cancelling the session tells everyone with a place or waiting for one, once."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    was = locked.status
    merged = {k: values.get(k, getattr(locked, k)) for k in EVENT_FIELDS}
    _event_check(merged)
    taken = selectors.places_taken(event=locked)
    if merged["capacity"] < taken:
        raise ValidationError({"capacity": _("%(taken)s people already have a place") % {"taken": taken}})
    for name, value in merged.items():
        setattr(locked, name, value)
    if status is not None:
        if status not in Event.Status.values:
            raise ValidationError({"status": _("Choose a status")})
        locked.status = status
    locked.save()
    if locked.status == Event.Status.CANCELLED and was != Event.Status.CANCELLED:
        _tell_of_cancellation(locked)
    _waiting_list_move_up(locked)
    return locked


def _tell_of_cancellation(event: Event) -> None:
    """Registrations keep their status, as the record of who had a place; the message says the session is off."""
    told = Registration.objects.filter(
        event=event, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    ).select_related("event__consultation")
    for registration in told:
        _tell_registrant(registration, "event_cancelled", None)


@transaction.atomic
def event_notes_record(*, event: Event, notes: str, by: User) -> Event:
    """Record what was said at a session, as evidence for the consultation's analysis."""
    event.notes = notes.strip()
    event.notes_recorded_by = by
    event.notes_recorded_at = timezone.now()
    event.save(update_fields=["notes", "notes_recorded_by", "notes_recorded_at"])
    return event


@transaction.atomic
def attendance_record(*, event: Event, attended_ids: set[int]) -> int:
    """Mark who came: every registered person is marked as attended or not. Returns how many came."""
    registered = list(
        Registration.objects.select_for_update().filter(event=event, status=RegistrationStatus.REGISTERED)
    )
    for registration in registered:
        came = registration.pk in attended_ids
        if registration.attended != came:
            registration.attended = came
            registration.save(update_fields=["attended"])
    if event.status == Event.Status.SCHEDULED and event.starts_at <= timezone.now():
        event.status = Event.Status.HELD
        event.save(update_fields=["status"])
    return sum(1 for r in registered if r.pk in attended_ids)


# --- Registration ----------------------------------------------------------------------------------


def cancel_link(token: str) -> str:
    return _public_url(reverse("outreach:cancel", args=[token]))


def _event_context(registration: Registration, token: str | None) -> dict[str, Any]:
    event = registration.event
    return {
        "name": registration.name,
        "event_title": event.title,
        "consultation_title": event.consultation.title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "meeting_link": event.meeting_link,
        "place": event.place,
        "waiting": registration.status == RegistrationStatus.WAITING,
        "cancel_url": cancel_link(token) if token else "",
    }


def _tell_registrant(registration: Registration, template: str, token: str | None) -> Message | None:
    """By email where they gave one, otherwise by text message, in their language."""
    options: dict[str, Any] = {
        "template": template,
        "context": _event_context(registration, token),
        "language": registration.language,
        "regarding": ("outreach.registration", str(registration.pk)),
    }
    if registration.email:
        return notify_email(to=registration.email, **options)
    if registration.mobile:
        return notify_sms(to=registration.mobile, **options)
    return None


def registration_check(*, name: str, email: str, mobile: str, language: str) -> None:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Enter your name")
    if not email.strip() and not mobile.strip():
        errors["email"] = _("Enter an email address or a mobile number, so we can send you the joining details")
    if email.strip():
        try:
            validate_email(email.strip())
        except ValidationError:
            errors["email"] = _("Enter an email address in the correct format, like name@example.com")
    if mobile.strip():
        digits = sum(c.isdigit() for c in mobile)
        if not _MOBILE.fullmatch(mobile.strip()) or not 10 <= digits <= 15:
            errors["mobile"] = _("Enter a mobile number, like 07700 900 982")
    if language not in {code for code, _name in settings.LANGUAGES}:
        errors["language"] = _("Choose the language for your messages")
    if errors:
        raise ValidationError(errors)


def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    mobile: str,
    access_needs: str,
    language: str,
    interpreter: bool = False,
    waiting_list: bool = True,
) -> tuple[Registration, str]:
    """Register someone for an event: a place if one is left, otherwise the waiting list.

    The event row is locked while places are counted, so two people pressing at once cannot both take the
    last place. Returns the registration and the cancellation token, which is not stored (only its hash).
    Raises ValidationError for bad details, and with key "event" when the event is not open or is full
    (when `waiting_list` is False).
    """
    registration_check(name=name, email=email, mobile=mobile, language=language)
    with transaction.atomic():
        locked = Event.objects.select_for_update().select_related("consultation").get(pk=event.pk)
        if (
            locked.status != Event.Status.SCHEDULED
            or locked.starts_at <= timezone.now()
            or locked.consultation.status != Consultation.Status.OPEN
        ):
            raise ValidationError({"event": _("You can no longer register for this session")})
        full = selectors.places_taken(event=locked) >= locked.capacity
        if full and not waiting_list:
            raise ValidationError({"event": _("This session is full")})
        token = secrets.token_urlsafe(32)
        registration = Registration.objects.create(
            event=locked,
            name=name.strip(),
            email=email.strip(),
            mobile=mobile.strip(),
            access_needs=access_needs.strip(),
            language=language,
            interpreter=interpreter,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED,
            token_hash=_token_hash(token),
        )
        template = "event_waiting_list" if full else "event_registration_confirmed"
        _tell_registrant(registration, template, token)
    logger.info("event %s registration %s status=%s", locked.pk, registration.pk, registration.status)
    return registration, token


def registration_find(*, token: str) -> Registration | None:
    if not token or len(token) > 100:
        return None
    return Registration.objects.select_related("event__consultation").filter(token_hash=_token_hash(token)).first()


def _waiting_list_move_up(event: Event) -> list[Registration]:
    """Give freed places to the waiting list in the order people joined it. The caller holds the event lock."""
    free = event.capacity - selectors.places_taken(event=event)
    if free <= 0 or event.status != Event.Status.SCHEDULED or event.starts_at <= timezone.now():
        return []
    moved = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by("created_at", "id")[:free]
    )
    for registration in moved:
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status"])
        # No cancellation link here: only its hash is kept. The waiting-list message already carried it.
        _tell_registrant(registration, "event_registration_confirmed", None)
    return moved


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel by the registrant's own link. A freed place goes to the first person waiting."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        return current
    current.status = RegistrationStatus.CANCELLED
    current.cancelled_at = timezone.now()
    current.save(update_fields=["status", "cancelled_at"])
    _waiting_list_move_up(event)
    return current


def event_reminders_send(*, now: datetime | None = None) -> list[Registration]:
    """Remind everyone with a place at tomorrow's sessions, once each, in their language. Safe to run often.

    Each registration is reminded in its own transaction with its row locked and re-read, as appointment
    reminders are, so two runs at once cannot both send.
    """
    moment = now or timezone.now()
    tomorrow = timezone.localdate(moment) + timedelta(days=1)
    zone = timezone.get_current_timezone()
    starts = datetime.combine(tomorrow, datetime.min.time(), tzinfo=zone)
    ends = datetime.combine(tomorrow + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        event__status=Event.Status.SCHEDULED,
        event__starts_at__gte=starts,
        event__starts_at__lt=ends,
    )
    reminded = []
    for registration_id in due.order_by("event__starts_at", "id").values_list("id", flat=True):
        with transaction.atomic():
            registration = (
                due.select_for_update(of=("self",))
                .select_related("event__consultation")
                .filter(pk=registration_id)
                .first()
            )
            if registration is None:
                continue
            if _tell_registrant(registration, "event_reminder", None) is None:
                continue
            registration.reminder_sent_at = moment
            registration.save(update_fields=["reminder_sent_at"])
            reminded.append(registration)
    logger.info("event reminders sent=%s", len(reminded))
    return reminded


# --- Notices to service users ----------------------------------------------------------------------


def unsubscribe_token(family: Family) -> str:
    """A signed, unguessable token naming the family, for the link in notice emails (no sign-in needed).

    Unsigned by time on purpose: an opt-out link must work however old the email, and the same family
    always gets the same link.
    """
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"family": family.pk}, compress=True)


def unsubscribe_link(family: Family) -> str:
    return _public_url(reverse("outreach:unsubscribe", args=[unsubscribe_token(family)]))


def unsubscribe_family(*, token: str) -> Family | None:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    family_id = value.get("family") if isinstance(value, dict) else None
    return Family.objects.filter(pk=family_id).first() if isinstance(family_id, int) else None


@transaction.atomic
def notice_opt_out(*, family: Family, source: str = "link") -> NoticeOptOut:
    """The family will not be sent consultation notices again. Saying so twice changes nothing."""
    opt_out, _created = NoticeOptOut.objects.get_or_create(family=family, defaults={"source": source})
    return opt_out


@transaction.atomic
def notice_create(*, consultation: Consultation, by_email: bool, by_sms: bool, by_letter: bool, by: User) -> Notice:
    if not (by_email or by_sms or by_letter):
        raise ValidationError({"by_email": _("Choose at least one way to send the notice")})
    return Notice.objects.create(
        consultation=consultation, by_email=by_email, by_sms=by_sms, by_letter=by_letter, created_by=by
    )


def notice_context(*, notice: Notice, family: Family | None, channel: str) -> dict[str, Any]:
    consultation = notice.consultation
    return {
        "consultation_title": consultation.title,
        "closes_on": consultation.closes_on,
        "consultation_url": _public_url(reverse("consultation:default", args=[consultation.slug])),
        "events_url": _public_url(reverse("outreach:list", args=[consultation.slug])),
        "family_name": family.family_name if family else "",
        "letter": channel == NoticeChannel.LETTER,
        "unsubscribe_url": unsubscribe_link(family) if family and channel == NoticeChannel.EMAIL else "",
    }


def notice_preview(*, notice: Notice, language: str = "en") -> dict[str, Any]:
    """The notice as an email would read, for staff to check before sending (no family named)."""
    context = notice_context(notice=notice, family=None, channel=NoticeChannel.EMAIL)
    context["unsubscribe_url"] = _public_url(reverse("outreach:unsubscribe", args=["example"]))
    rendered = render_message(template=NOTICE_TEMPLATE, language=language, context=context, channel=Channel.EMAIL)
    return {"subject": rendered.subject, "body": rendered.body}


@transaction.atomic
def notice_send(*, notice: Notice, by: User) -> Notice:
    """Start sending in the background. Sending again only reaches families and channels not yet tried."""
    from family_resources.outreach.tasks import send_notice

    locked = Notice.objects.select_for_update().get(pk=notice.pk)
    locked.status = Notice.Status.SENDING
    locked.sent_by = locked.sent_by or by
    locked.sent_at = locked.sent_at or timezone.now()
    locked.save(update_fields=["status", "sent_by", "sent_at"])
    notice_id = locked.pk

    def enqueue() -> None:
        send_notice.enqueue(notice_id)

    transaction.on_commit(enqueue, robust=True)
    return locked


def _skip_reason(family: Family, channel: str, opted_out: bool) -> str:
    if opted_out:
        return SkipReason.OPTED_OUT
    if channel == NoticeChannel.EMAIL and not family.contact_email:
        return SkipReason.NO_EMAIL
    if channel == NoticeChannel.SMS and not family.contact_phone:
        return SkipReason.NO_MOBILE
    if channel == NoticeChannel.LETTER:
        # A letter is printed with the address on it and may be opened by anyone: never to a hidden address.
        if family.address_hidden:
            return SkipReason.ADDRESS_HIDDEN
        if not (family.address_line and family.postcode):
            return SkipReason.NO_ADDRESS
    return ""


def _deliver_one(notice: Notice, family: Family, channel: str) -> NoticeDelivery:
    """Try one family by one channel and log it. The log row is written first: a second run fails on it."""
    opted_out = NoticeOptOut.objects.filter(family=family).exists()
    reason = _skip_reason(family, channel, opted_out)
    delivery = NoticeDelivery.objects.create(
        notice=notice, family=family, channel=channel, sent=not reason, reason=reason
    )
    if reason:
        return delivery
    context = notice_context(notice=notice, family=family, channel=channel)
    options: dict[str, Any] = {
        "template": NOTICE_TEMPLATE,
        "context": context,
        "language": family.preferred_language,
        "regarding": ("outreach.notice", str(notice.pk)),
    }
    if channel == NoticeChannel.LETTER:
        rendered = render_message(
            template=NOTICE_TEMPLATE, language=family.preferred_language, context=context, channel=Channel.EMAIL
        )
        delivery.language = rendered.language
        delivery.letter_body = f"{rendered.subject}\n\n{rendered.body}"
        delivery.save(update_fields=["language", "letter_body"])
        return delivery
    send = notify_email if channel == NoticeChannel.EMAIL else notify_sms
    to = family.contact_email if channel == NoticeChannel.EMAIL else family.contact_phone
    message = send(to=to, **options)
    delivery.message = message
    delivery.language = message.language
    if message.status == MessageStatus.FAILED:
        delivery.sent = False
        delivery.reason = SkipReason.INVALID
    delivery.save(update_fields=["message", "language", "sent", "reason"])
    return delivery


def notice_deliver(*, notice_id: int) -> dict[str, int]:
    """Send a notice to every service user by each of its channels, once. Run by the background task.

    Each family and channel is its own transaction, so a failure part-way keeps what was done, and the
    unique log row means a second run (or two at once) messages no one twice.
    """
    notice = Notice.objects.select_related("consultation").get(pk=notice_id)
    done = set(NoticeDelivery.objects.filter(notice=notice).values_list("family_id", "channel"))
    tried = 0
    for family in selectors.notice_recipients().iterator():
        for channel in notice.channels:
            if (family.pk, channel) in done:
                continue
            try:
                with transaction.atomic():
                    _deliver_one(notice, family, channel)
            except IntegrityError:
                continue  # another run logged this family and channel first
            tried += 1
    Notice.objects.filter(pk=notice.pk).update(status=Notice.Status.SENT)
    sent = NoticeDelivery.objects.filter(notice=notice, sent=True).count()
    logger.info("notice %s tried=%s sent_total=%s", notice.pk, tried, sent)
    return {"tried": tried, "sent": sent}
