"""Places on a programme and its waiting list, safe when many practitioners book at once.

Every change to who holds a place starts by locking the programme's row (`SELECT ... FOR UPDATE` on
PostgreSQL), then counts the places inside the same transaction. Requests for one programme therefore
queue behind each other: the count each one sees includes every place taken before it, so a
programme never has more families than places, and the waiting list has no gaps or repeats. (SQLite
has no row locks; it lets one writer in at a time, which serialises them as well.)

A place that is given up goes to the first family on the waiting list as an offer. The family has
PROGRAMMES_OFFER_DAYS days to answer; `offers_expire` (the `expire_programme_offers` command) moves a
lapsed offer on to the next family.
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import ngettext

from family_resources.casework.models import ActionStatus, Delivery, Domain, Episode, PlanAction
from family_resources.casework.services.plans import plan_action_set_status
from family_resources.families.models import Person
from family_resources.notifications.services import notify_email, notify_sms
from family_resources.programmes import selectors
from family_resources.programmes.eligibility import eligibility_problems
from family_resources.programmes.models import ACTIVE, Enrolment, EnrolmentStatus, Programme

# Log ids and statuses only: never a family's name or contact details.
logger = logging.getLogger(__name__)

OFFER_TEMPLATE = "programme_place_offered"
SUPPORT_ENDED = "The family's support from the team ended"


def _lock(programme_id: int) -> Programme:
    """The programme's row, locked until the transaction ends: the one door every change to its places goes through."""
    return (
        Programme.objects.select_for_update(of=("self",))
        .select_related("room__place", "intervention")
        .get(pk=programme_id)
    )


def _reload(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("episode__family", "person", "plan_action")
        .get(pk=enrolment.pk)
    )


def _start_plan_action(action: PlanAction | None, episode: Episode) -> None:
    """A place taken puts the plan's action in progress, while the family's support is open."""
    if action is not None and action.status == ActionStatus.PLANNED and episode.status == Episode.Status.OPEN:
        plan_action_set_status(action=action, status=ActionStatus.IN_PROGRESS)


@transaction.atomic
def enrolment_request(
    *,
    programme: Programme,
    episode: Episode,
    person: Person | None,
    plan_action: PlanAction | None = None,
    by: Any,
    through_portal: bool = False,
) -> Enrolment:
    """Ask for a place for a parent or carer: they take one if one is free, or join the end of the waiting list.

    `by` is the member of staff who asked, or None when the family asked in the portal (`through_portal`).
    """
    if by is None and not through_portal:
        raise ValueError("Say who asked for the place: a member of staff, or the family through the portal.")
    programme = _lock(programme.pk)
    now = timezone.now()
    errors: dict[str, list[str]] = {"programme": [], "person": []}
    if episode.status != Episode.Status.OPEN:
        raise ValidationError("The family's support has ended: they cannot be enrolled.")
    if not programme.takes_enrolments:
        errors["programme"].append(
            f"{programme} is not open for enrolment"
            if programme.status == Programme.Status.DRAFT
            else f"{programme} has finished"
        )
    elif not selectors.still_joinable(programme=programme, now=now):
        errors["programme"].append(
            f"It is too late to join {programme}: a new parent could no longer attend enough sessions to complete it"
        )
    if person is None or person.family_id != episode.family_id or person.kind != Person.Kind.ADULT:
        errors["person"].append("Choose the parent or carer who will attend")
    elif selectors.active_enrolment_exists(programme=programme, person_id=person.pk):
        errors["person"].append(f"{person} already has a place or is on the waiting list for {programme}")
    if plan_action is not None:
        if plan_action.outcome.plan.episode_id != episode.pk:
            raise ValidationError("The plan action is not on this family's support plan.")
        if plan_action.delivery != Delivery.GROUP or plan_action.intervention_id != programme.intervention_id:
            errors["programme"].append(
                f"The plan action is for {plan_action.intervention}: choose a programme of that intervention"
            )
        elif plan_action.status in (ActionStatus.DONE, ActionStatus.CANCELLED):
            errors["programme"].append("The plan action is already finished")
    errors["programme"] += eligibility_problems(
        starts_on=programme.starts_on,
        min_child_age=programme.min_child_age,
        max_child_age=programme.max_child_age,
        programme_needs=programme.needs,
        children_born=episode.family.members.filter(kind=Person.Kind.CHILD).values_list("date_of_birth", flat=True),
        family_needs=selectors.family_needs(episode=episode),
        need_labels={value: str(label) for value, label in Domain.choices},
    )
    if any(errors.values()):
        raise ValidationError({field: problems for field, problems in errors.items() if problems})
    assert person is not None

    taken = selectors.places_holding_count(programme=programme)
    # Nobody jumps the queue: while families wait, a free place is theirs to be offered first.
    place_free = taken < programme.capacity and not _waiting(programme).exists()
    enrolment = Enrolment.objects.create(
        programme=programme,
        episode=episode,
        person=person,
        plan_action=plan_action,
        status=EnrolmentStatus.ENROLLED if place_free else EnrolmentStatus.WAITING,
        position=None if place_free else _next_position(programme),
        requested_at=now,
        requested_by=by,
        requested_through_portal=through_portal,
        enrolled_at=now if place_free else None,
    )
    if place_free:
        _start_plan_action(plan_action, episode)
    logger.info("enrolment %s programme=%s status=%s", enrolment.pk, programme.pk, enrolment.status)
    return enrolment


def _waiting(programme: Programme) -> Any:
    return Enrolment.objects.filter(programme=programme, status=EnrolmentStatus.WAITING).order_by("position")


def _next_position(programme: Programme) -> int:
    last = Enrolment.objects.filter(programme=programme).aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, reason: str, by: Any) -> Enrolment:
    """Withdraw a parent from the programme or its waiting list; a place they held is offered to the next family."""
    programme = _lock(enrolment.programme_id)
    enrolment = _reload(enrolment)
    if enrolment.status not in ACTIVE:
        raise ValidationError("The parent no longer has a place or a turn on the waiting list.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the parent is withdrawing"})
    held_place = enrolment.status in (EnrolmentStatus.ENROLLED, EnrolmentStatus.OFFERED)
    _end(enrolment, EnrolmentStatus.WITHDRAWN, by=by, reason=reason.strip())
    if held_place:
        _offer_free_places(programme)
    return enrolment


def closure_effect_enrolments(episode: Episode) -> str:
    count = Enrolment.objects.filter(
        episode=episode, status__in=(EnrolmentStatus.WAITING, EnrolmentStatus.OFFERED)
    ).count()
    if not count:
        return ""
    return ngettext(
        "The family's turn on a group programme's waiting list, or offer of a place, will end. "
        "Places the family already has are kept, so they can finish the course.",
        "The family's %(count)d turns on waiting lists or offers of places will end. "
        "Places the family already has are kept, so they can finish the course.",
        count,
    ) % {"count": count}


@transaction.atomic
def enrolments_end_for_closed_episode(*, episode: Episode, closed_by: Any) -> list[Enrolment]:
    """When the team's work ends, the family's turns on waiting lists and unanswered offers end with it.

    A parent who already has a place keeps it and can finish the course; a place offered back is
    offered to the next family. Runs in the closing transaction (casework's `episode_closed` signal).
    """
    ended = []
    waiting = (EnrolmentStatus.WAITING, EnrolmentStatus.OFFERED)
    programme_ids = sorted(
        set(Enrolment.objects.filter(episode=episode, status__in=waiting).values_list("programme_id", flat=True))
    )
    for programme_id in programme_ids:  # in id order, so two closures never lock programmes in opposite orders
        programme = _lock(programme_id)
        freed = False
        for enrolment in Enrolment.objects.filter(episode=episode, programme=programme, status__in=waiting):
            freed = freed or enrolment.status == EnrolmentStatus.OFFERED
            _end(enrolment, EnrolmentStatus.WITHDRAWN, by=closed_by, reason=SUPPORT_ENDED)
            ended.append(enrolment)
        if freed:
            _offer_free_places(programme)
    return ended


@transaction.atomic
def offer_accept(*, enrolment: Enrolment, by: Any) -> Enrolment:
    """The family takes the place they were offered, before the offer runs out."""
    _lock(enrolment.programme_id)
    enrolment = _reload(enrolment)
    if enrolment.status != EnrolmentStatus.OFFERED:
        raise ValidationError("The family has no offer of a place to answer.")
    assert enrolment.offer_expires_at is not None
    now = timezone.now()
    if now >= enrolment.offer_expires_at:
        expired = timezone.localtime(enrolment.offer_expires_at)
        raise ValidationError(
            f"The offer ran out at {time_format(expired, 'G:i')} on {date_format(expired, 'j F Y')}: "
            "the place goes to the next family on the waiting list"
        )
    enrolment.status = EnrolmentStatus.ENROLLED
    enrolment.enrolled_at = now
    enrolment.save(update_fields=["status", "enrolled_at"])
    _start_plan_action(enrolment.plan_action, enrolment.episode)
    return enrolment


@transaction.atomic
def offer_decline(*, enrolment: Enrolment, by: Any, reason: str = "") -> Enrolment:
    """The family turns the place down: it is offered to the next family on the waiting list."""
    programme = _lock(enrolment.programme_id)
    enrolment = _reload(enrolment)
    if enrolment.status != EnrolmentStatus.OFFERED:
        raise ValidationError("The family has no offer of a place to answer.")
    _end(enrolment, EnrolmentStatus.DECLINED, by=by, reason=reason.strip())
    _offer_free_places(programme)
    return enrolment


def offers_expire(*, now: datetime | None = None) -> list[Enrolment]:
    """Lapse every offer whose time is up and offer each place to the next family. Safe to run as often as you like.

    One transaction per programme, so one programme's lock is never held while another's offers are made.
    """
    moment = now or timezone.now()
    programme_ids = (
        Enrolment.objects.filter(status=EnrolmentStatus.OFFERED, offer_expires_at__lte=moment)
        .values_list("programme_id", flat=True)
        .distinct()
    )
    lapsed: list[Enrolment] = []
    for programme_id in sorted(set(programme_ids)):
        lapsed += _expire_offers_of(programme_id, moment)
    return lapsed


@transaction.atomic
def _expire_offers_of(programme_id: int, moment: datetime) -> list[Enrolment]:
    programme = _lock(programme_id)
    offers = Enrolment.objects.select_for_update(of=("self",)).filter(
        programme=programme, status=EnrolmentStatus.OFFERED, offer_expires_at__lte=moment
    )
    lapsed = []
    for enrolment in offers:
        enrolment.offer_lapsed = True
        _end(enrolment, EnrolmentStatus.DECLINED, by=None, reason="The family did not answer the offer in time.",
             at=moment)  # fmt: skip
        lapsed.append(enrolment)
    _offer_free_places(programme, now=moment)
    return lapsed


def _end(enrolment: Enrolment, status: str, *, by: Any, reason: str, at: datetime | None = None) -> None:
    enrolment.status = status
    enrolment.ended_at = at or timezone.now()
    enrolment.ended_by = by
    enrolment.end_reason = reason
    enrolment.save(update_fields=["status", "ended_at", "ended_by", "end_reason", "offer_lapsed"])
    logger.info("enrolment %s programme=%s status=%s", enrolment.pk, enrolment.programme_id, status)


def _offer_free_places(programme: Programme, *, now: datetime | None = None) -> list[Enrolment]:
    """Offer each free place to the first family waiting, while a new parent could still complete the course.

    The caller holds the programme's lock.
    """
    moment = now or timezone.now()
    if not programme.takes_enrolments or not selectors.still_joinable(programme=programme, now=moment):
        return []
    offered = []
    free = programme.capacity - selectors.places_holding_count(programme=programme)
    for enrolment in _waiting(programme).select_related("episode__family")[: max(free, 0)]:
        enrolment.status = EnrolmentStatus.OFFERED
        enrolment.offered_at = moment
        enrolment.offer_expires_at = moment + timedelta(days=settings.PROGRAMMES_OFFER_DAYS)
        enrolment.save(update_fields=["status", "offered_at", "offer_expires_at"])
        _notify_offer(programme, enrolment)
        offered.append(enrolment)
        logger.info("enrolment %s programme=%s status=%s", enrolment.pk, programme.pk, enrolment.status)
    return offered


def _notify_offer(programme: Programme, enrolment: Enrolment) -> None:
    """Tell the family by the channel they chose, in their language, falling back to the other channel they gave."""
    family = enrolment.episode.family
    first = selectors.held_sessions(programme=programme).filter(starts_at__gt=timezone.now()).first()
    context = {
        "programme": programme.intervention.name,
        "place": programme.room.place.name,
        "address": programme.room.place.full_address,
        "first_session": timezone.localtime(first.starts_at) if first is not None else None,
        "expires_at": enrolment.offer_expires_at,
        "reference": family.reference,
    }
    language, regarding = family.preferred_language, ("programmes.enrolment", str(enrolment.pk))
    if family.contact_phone and (family.contact_channel == "sms" or not family.contact_email):
        notify_sms(to=family.contact_phone, template=OFFER_TEMPLATE, context=context, language=language,
                   regarding=regarding)  # fmt: skip
    elif family.contact_email:
        notify_email(to=family.contact_email, template=OFFER_TEMPLATE, context=context, language=language,
                     regarding=regarding)  # fmt: skip
    else:
        # No way to reach them: the offer is on the programme page for their practitioner to pass on.
        logger.warning("enrolment %s offer not sent: the family has no email address or phone number", enrolment.pk)
