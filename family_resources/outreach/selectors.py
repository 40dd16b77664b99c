"""Reads for consultation outreach: events, their registrations, who a notice goes to, and the reach log."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from family_resources.casework.selectors import families_supported
from family_resources.consultation.models import Consultation
from family_resources.families.models import Family
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


def event_list(*, consultation: Consultation | None = None) -> QuerySet[Event]:
    events = Event.objects.select_related("consultation").annotate(
        registered=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    )
    return events.filter(consultation=consultation) if consultation is not None else events


def public_events(*, consultation: Consultation) -> QuerySet[Event]:
    """Sessions still to come for an open consultation, with how many places are taken."""
    return event_list(consultation=consultation).filter(status=Event.Status.SCHEDULED, starts_at__gt=timezone.now())


def places_taken(*, event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def event_registrations(*, event: Event) -> QuerySet[Registration]:
    return event.registrations.order_by("status", "created_at", "id")


def notice_recipients(*, today: date | None = None) -> QuerySet[Family]:
    """Service users: the families we support (`casework.selectors.families_supported`), the same families the
    consultation's "who are we not hearing from" compares its respondents with."""
    return families_supported(today=today or timezone.localdate()).order_by("pk")


@dataclass(frozen=True)
class ChannelCount:
    channel: str
    label: str
    sent: int
    not_sent: int
    reasons: dict[str, int]


def reach_counts(*, notice: Notice) -> list[ChannelCount]:
    """For each channel the notice used: how many families it reached, and why the others were not."""
    rows = NoticeDelivery.objects.filter(notice=notice).values("channel", "sent", "reason").annotate(n=Count("id"))
    counts: list[ChannelCount] = []
    for channel in notice.channels:
        mine = [r for r in rows if r["channel"] == channel]
        reasons = {
            str(SkipReason(r["reason"]).label): r["n"] for r in mine if not r["sent"] and r["reason"] in SkipReason
        }
        counts.append(
            ChannelCount(
                channel=channel,
                label=str(NoticeChannel(channel).label),
                sent=sum(r["n"] for r in mine if r["sent"]),
                not_sent=sum(r["n"] for r in mine if not r["sent"]),
                reasons=reasons,
            )
        )
    return counts


def reach_log(*, notice: Notice) -> QuerySet[NoticeDelivery]:
    return (
        NoticeDelivery.objects.filter(notice=notice).select_related("family").order_by("family__reference", "channel")
    )


def families_reached(*, notice: Notice) -> int:
    return NoticeDelivery.objects.filter(notice=notice, sent=True).values("family").distinct().count()


def notice_opt_outs() -> QuerySet[NoticeOptOut]:
    """Families who asked not to be sent notices, newest first, with how they told us and who recorded it."""
    return NoticeOptOut.objects.select_related("family", "recorded_by").order_by("-opted_out_at", "-pk")


def open_consultation(*, slug: str) -> Consultation | None:
    """A consultation the public can register for sessions of: open for responses."""
    return Consultation.objects.filter(slug=slug, status=Consultation.Status.OPEN).first()


def public_event(*, consultation: Consultation, event_id: int) -> Event | None:
    return event_list(consultation=consultation).filter(pk=event_id, status=Event.Status.SCHEDULED).first()
