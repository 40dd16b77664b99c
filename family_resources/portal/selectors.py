"""What a signed-in family may see of its own support, read through the other apps' selectors.

Nothing here returns case notes, assessments, screening notes, any address or anything about an adult
who lives apart from the household: the portal's pages cannot show what they are never given.
Where another app has no selector for a family's own rows (referrals, signposting packs, episodes),
the query is of that model's own rows, by the family (docs/decisions/0020-family-portal.md).
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from family_resources.casework.models import Domain, Episode, SupportPlan
from family_resources.casework.selectors import plan_for_page
from family_resources.families.models import Consent, Family, Person
from family_resources.families.selectors import current_consent_of
from family_resources.intake.models import Referral
from family_resources.portal.models import PortalMessage, PortalRequest, RequestStatus
from family_resources.programmes.eligibility import eligibility_problems
from family_resources.programmes.models import ACTIVE, Enrolment, Programme
from family_resources.programmes.selectors import episode_enrolments, family_needs, open_programmes, still_joinable
from family_resources.scheduling.models import Appointment, AppointmentStatus
from family_resources.scheduling.selectors import episode_appointments
from family_resources.triage.models import SignpostingPack
from family_resources.triage.routing import Route
from family_resources.triage.selectors import SignpostItem, decision_outcome

# The referral's stage, in the words a family would use (the "received, being looked at, decided").
STAGE_RECEIVED = _("Received")
STAGE_LOOKING = _("Being looked at")
STAGE_DECIDED = _("Decided")

OUTCOME_WORDS = {
    Route.ACCEPTED: _("Your local family support team will work with you. They will contact you to arrange a visit."),
    Route.SIGNPOSTED: _(
        "We have sent you details of support near you and things you can read. You do not need a support worker "
        "from us at the moment."
    ),
    Route.SOCIAL_CARE: _("We have passed your referral to children's social care. A social worker will contact you."),
}


@dataclass(frozen=True)
class ReferralStatus:
    referral: Referral
    stage: str
    outcome: str


def open_episode(*, family: Family) -> Episode | None:
    """The family's current support from a neighbourhood team, if it has one."""
    return (
        Episode.objects.filter(family=family, status=Episode.Status.OPEN)
        .select_related("team", "lead_practitioner")
        .order_by("-opened_on", "-pk")
        .first()
    )


def referral_statuses(*, family: Family) -> list[ReferralStatus]:
    """The family's referrals that they agreed to, newest first, with their stage and outcome in plain words.

    A referral made without the family's consent (for example for a safeguarding reason) is never shown:
    whoever holds the family's phone may be the person it was about.
    """
    referrals = (
        Referral.objects.filter(family=family, consent_given=True)
        .exclude(status=Referral.Status.NOT_A_REFERRAL)
        .select_related("decision")
        .order_by("-received_at")
    )
    statuses = []
    for referral in referrals:
        decision = getattr(referral, "decision", None)
        if decision is not None:
            statuses.append(ReferralStatus(referral, str(STAGE_DECIDED), str(OUTCOME_WORDS.get(decision.route, ""))))
        elif referral.status == Referral.Status.NOT_ELIGIBLE:
            outcome = _("This service cannot help with this referral. We have told you where else to get help.")
            statuses.append(ReferralStatus(referral, str(STAGE_DECIDED), str(outcome)))
        elif referral.screening_notes.exists():
            statuses.append(ReferralStatus(referral, str(STAGE_LOOKING), ""))
        else:
            statuses.append(ReferralStatus(referral, str(STAGE_RECEIVED), ""))
    return statuses


def _seen_by_family(appointment: Appointment) -> bool:
    # An adult who lives apart from the household has their own appointments: not the household's to see.
    return not appointment.person.lives_elsewhere


def appointments_queryset() -> QuerySet[Appointment]:
    """Every appointment: the portal checks ownership itself, so a replayed link is recorded against its record."""
    return Appointment.objects.select_related("episode", "person", "practitioner", "room__place")


def upcoming_appointments(*, episode: Episode | None) -> list[Appointment]:
    if episode is None:
        return []
    now = timezone.now()
    return sorted(
        (
            appointment
            for appointment in episode_appointments(episode=episode)
            if appointment.status == AppointmentStatus.BOOKED
            and appointment.ends_at > now
            and _seen_by_family(appointment)
        ),
        key=lambda appointment: appointment.starts_at,
    )


def appointment_visible(appointment: Appointment) -> bool:
    return _seen_by_family(appointment)


def plan_of(*, episode: Episode | None) -> SupportPlan | None:
    """The support plan once the family has agreed it: a draft is the practitioner's working copy."""
    if episode is None:
        return None
    plan = plan_for_page(episode=episode)
    return plan if plan is not None and plan.agreed_on is not None else None


def enrolments_of(*, episode: Episode | None) -> list[Enrolment]:
    if episode is None:
        return []
    return [enrolment for enrolment in episode_enrolments(episode=episode) if not enrolment.person.lives_elsewhere]


def enrolments_queryset() -> QuerySet[Enrolment]:
    return Enrolment.objects.select_related("programme__room__place", "person", "episode")


def programmes_open_to(*, episode: Episode | None) -> list[Programme]:
    """Programmes the family could join now: open, still joinable, and for their children's ages and needs."""
    if episode is None or episode.status != Episode.Status.OPEN:
        return []
    children = list(episode.family.members.filter(kind=Person.Kind.CHILD).values_list("date_of_birth", flat=True))
    needs = family_needs(episode=episode)
    labels = {value: str(label) for value, label in Domain.choices}
    return [
        programme
        for programme in open_programmes()
        if still_joinable(programme=programme)
        and not eligibility_problems(
            starts_on=programme.starts_on,
            min_child_age=programme.min_child_age,
            max_child_age=programme.max_child_age,
            programme_needs=programme.needs,
            children_born=children,
            family_needs=needs,
            need_labels=labels,
        )
    ]


def programmes_queryset() -> QuerySet[Programme]:
    return open_programmes()


def adults_who_can_attend(*, family: Family) -> list[Person]:
    """The household's adults: a group place is for a parent or carer who lives with the children."""
    return list(family.members.filter(kind=Person.Kind.ADULT, lives_elsewhere=False).order_by("pk"))


def active_enrolment_ids(*, episode: Episode | None) -> set[int]:
    return {enrolment.programme_id for enrolment in enrolments_of(episode=episode) if enrolment.status in ACTIVE}


@dataclass
class PackView:
    pack: SignpostingPack
    items: list[SignpostItem] = field(default_factory=list)
    can_answer: bool = False


def packs_of(*, family: Family) -> list[PackView]:
    """Signposting packs the family was sent, with their links, and whether the follow-up is still open."""
    packs = (
        SignpostingPack.objects.filter(decision__referral__family=family, decision__referral__consent_given=True)
        .select_related("decision")
        .order_by("-created_at")
    )
    return [
        PackView(
            pack=pack,
            items=decision_outcome(decision=pack.decision).signposting,
            can_answer=pack.followup_due_at is not None and pack.followup_closed_at is None,
        )
        for pack in packs
    ]


def packs_queryset() -> QuerySet[SignpostingPack]:
    return SignpostingPack.objects.select_related("decision__referral")


def consent_of(*, family: Family) -> Consent | None:
    return current_consent_of(family)


def requests_of(*, family: Family) -> QuerySet[PortalRequest]:
    return PortalRequest.objects.filter(family=family).select_related("appointment")


def pending_requests_for(*, episode: Episode) -> list[PortalRequest]:
    """What the family asked for and a practitioner has not yet answered, oldest first, for the case page."""
    return list(
        PortalRequest.objects.filter(family_id=episode.family_id, status=RequestStatus.PENDING)
        .select_related("appointment__person")
        .order_by("created_at", "pk")
    )


def messages_for(*, episode: Episode, unread_only: bool = False) -> list[PortalMessage]:
    messages = PortalMessage.objects.filter(family_id=episode.family_id).select_related("read_by")
    if unread_only:
        messages = messages.filter(read_at__isnull=True)
    return list(messages.order_by("-sent_at", "-pk")[:20])


def messages_sent_by(*, family: Family) -> list[PortalMessage]:
    return list(PortalMessage.objects.filter(family=family, kind="message").order_by("-sent_at", "-pk")[:10])


def request_for_staff(*, public_id: Any) -> PortalRequest:
    return get_object_or_404(
        PortalRequest.objects.select_related("family", "episode", "appointment__person", "appointment__room__place"),
        public_id=public_id,
    )


def message_for_staff(*, public_id: Any) -> PortalMessage:
    return get_object_or_404(PortalMessage.objects.select_related("family", "episode"), public_id=public_id)
