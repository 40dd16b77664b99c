"""A small, hand-made service whose every figure is known, built with the real services where they exist.

Two months: last month (a Tuesday, T) and this month (now; the services stamp hand-offs, packs and
step-ups with the current time). Families, by referral:

| ref | month | neighbourhood | channel             | source          | child | decision        | areas        |
| --- | ----- | ------------- | ------------------- | --------------- | ----- | --------------- | ------------ |
| R1  | last  | West          | phone               | school          | 2     | L3 at T+6h      | early years  |
| R2  | last  | West          | online professional | health visitor  | 6     | L2 at T+48h     | early years  |
| R3  | last  | North         | email               | parent          | 6     | none            |              |
| R4  | last  | North         | phone               | GP              | 6     | not a referral  |              |
| R8  | last  | West          | phone               | school          | 9     | L3 at T+1h      | school-aged  |
| R9  | last  | West          | online professional | social care     | 3     | L4 (open to SC) | early years  |
| R5  | this  | North         | online self         | parent          | 15    | L3 at once      | teenage      |
| R6  | this  | West          | phone               | school          | 6     | L4 at once      | school-aged  |
| R7  | this  | West          | partner system      | other           | 6     | none            |              |

Episodes: E1 (R1, West, P1): plan with two outcomes, an interim review, closed today "outcomes met".
E3 (R8, West, P1): closed today "disengaged" with a step-down pack. E4 (R9, West, P1): open, level 4.
E2 (R5, North, P2): open, stepped up to social care from the case.

Appointments (with the family's child): last month E1 attended, E4 did not attend, E1 cancelled (by the
family); this month E2 attended, E2 did not attend, E4 attended, E4 booked and not yet marked.

Group programmes (made straight in the tables, as test set-up, so the dataset can be built twice):

| prog. | team  | status   | places | sessions                            | places taken             | waiting       |
| ----- | ----- | -------- | ------ | ----------------------------------- | ------------------------ | ------------- |
| G1    | West  | running  | 4      | T, T+7d, today; T+14d cancelled     | E1, E4 enrolled; 1 offer | E2 10d, E3 4d |
| G2    | North | finished | 6      | T+1d                                | E2 completed             |               |
| G3    | West  | open     | 5      | next month                          |                          |               |
| G4    | West  | draft    | 8      | T                                   |                          |               |

E3's parent withdrew from G1 after its first session. Registers: G1's first session E1 attended, E4 absent,
E3 attended; its second E1 absent with apologies, E4 attended; today's both attended. G2's: E2 attended.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import (
    Assessment,
    AssessmentFinding,
    ClosureReason,
    Delivery,
    Domain,
    Episode,
    OutcomeStatus,
    PlanOutcome,
)
from family_resources.casework.services import episode_allocate
from family_resources.casework.services.closure import case_close
from family_resources.casework.services.plans import (
    ScoreInput,
    plan_action_add,
    plan_agree,
    plan_create,
    plan_outcome_add,
    plan_review_record,
)
from family_resources.casework.services.step_up import step_up_record
from family_resources.catalogue.models import Intervention, ServiceArea
from family_resources.directory.models import Organisation, Service
from family_resources.families.models import Family, Person
from family_resources.families.tests.factories import AdultFactory, ChildFactory, FamilyFactory, years_ago
from family_resources.intake.models import Channel, Referral, ReferrerType
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.programmes.models import Attendance, Enrolment, Programme, ProgrammeSession
from family_resources.programmes.models.enrolments import EnrolmentStatus
from family_resources.programmes.tests.factories import group_room
from family_resources.scheduling.models import Appointment, AppointmentStatus, CancelReason, Where
from family_resources.triage.followup import followup_answer
from family_resources.triage.models import Decision, SignpostingPack
from family_resources.triage.services import decision_record


def first_tuesday_of_last_month(today: date) -> date:
    day = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    while day.weekday() != 1:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@dataclass
class Known:
    """Handles on what the dataset made, for tests to name in their expectations."""

    today: date
    tuesday: date
    last_month: date
    this_month: date
    west: Neighbourhood
    north: Neighbourhood
    west_team: Team
    north_team: Team
    p1: User
    p2: User
    west_manager: User
    north_manager: User
    service_manager: User
    referrals: dict[str, Referral] = field(default_factory=dict)
    episodes: dict[str, Episode] = field(default_factory=dict)
    interventions: dict[str, Intervention] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)


def _family(neighbourhood: Neighbourhood, child_age: int, **fields: object) -> Family:
    family = FamilyFactory.create(neighbourhood=neighbourhood, **fields)
    ChildFactory.create(family=family, date_of_birth=years_ago(child_age))
    return family


def _referral(
    neighbourhood: Neighbourhood, *, child_age: int, channel: str, source: str, received_at: datetime, **family: object
) -> Referral:
    return ReceivedReferralFactory.create(
        family=_family(neighbourhood, child_age, **family),
        neighbourhood=neighbourhood,
        channel=channel,
        referrer_type=source,
        received_at=received_at,
    )


def build_service() -> Known:
    today = timezone.localdate()
    now = timezone.now()
    tuesday = first_tuesday_of_last_month(today)
    west = Neighbourhood.objects.get(slug="west")
    north = Neighbourhood.objects.get(slug="north")
    west_team = Team.objects.get(neighbourhood=west)
    north_team = Team.objects.get(neighbourhood=north)
    officer = staff(Role.FRONT_DOOR_OFFICER)
    data = Known(
        today=today,
        tuesday=tuesday,
        last_month=tuesday.replace(day=1),
        this_month=today.replace(day=1),
        west=west,
        north=north,
        west_team=west_team,
        north_team=north_team,
        p1=staff(Role.PRACTITIONER, teams=[west_team], full_name="Priya West"),
        p2=staff(Role.PRACTITIONER, teams=[north_team], full_name="Paul North"),
        west_manager=staff(Role.TEAM_MANAGER, teams=[west_team]),
        north_manager=staff(Role.TEAM_MANAGER, teams=[north_team]),
        service_manager=staff(Role.SERVICE_MANAGER),
    )
    areas = {area.slug: area for area in ServiceArea.objects.all()}
    nine = at(tuesday, 9)

    def decide(name: str, level: int, decided_at: datetime, area: str) -> Decision:
        return decision_record(
            referral=data.referrals[name], level=level, immediate_risk=False, rationale="Known test case.",
            decided_by=officer, decided_at=decided_at, service_areas=[areas[area]], differs_reason="Test.",
        )  # fmt: skip

    r = data.referrals
    r["R1"] = _referral(west, child_age=2, channel=Channel.PHONE, source=ReferrerType.SCHOOL, received_at=nine)
    r["R2"] = _referral(
        west, child_age=6, channel=Channel.ONLINE_PROFESSIONAL, source=ReferrerType.HEALTH_VISITOR, received_at=nine
    )
    r["R3"] = _referral(north, child_age=6, channel=Channel.EMAIL, source=ReferrerType.SELF, received_at=nine)
    r["R4"] = _referral(north, child_age=6, channel=Channel.PHONE, source=ReferrerType.GP, received_at=nine)
    r["R4"].status = Referral.Status.NOT_A_REFERRAL
    r["R4"].save(update_fields=["status"])
    r["R8"] = _referral(west, child_age=9, channel=Channel.PHONE, source=ReferrerType.SCHOOL, received_at=nine)
    r["R9"] = _referral(
        west,
        child_age=3,
        channel=Channel.ONLINE_PROFESSIONAL,
        source=ReferrerType.SOCIAL_CARE,
        received_at=nine,
        open_to_social_care=True,
    )
    r["R5"] = _referral(north, child_age=15, channel=Channel.ONLINE_SELF, source=ReferrerType.SELF, received_at=now)
    r["R6"] = _referral(west, child_age=6, channel=Channel.PHONE, source=ReferrerType.SCHOOL, received_at=now)
    r["R7"] = _referral(west, child_age=6, channel=Channel.API, source=ReferrerType.OTHER, received_at=now)

    decide("R1", 3, at(tuesday, 15), "early-years")
    front_door_pack_decision = decide("R2", 2, at(tuesday + timedelta(days=2), 9), "early-years")
    decide("R8", 3, at(tuesday, 10), "school-aged")
    decide("R9", 4, at(tuesday, 11), "early-years")
    decide("R5", 3, now, "teenage")
    decide("R6", 4, now, "school-aged")

    e = data.episodes
    for name, key in (("E1", "R1"), ("E2", "R5"), ("E3", "R8"), ("E4", "R9")):
        e[name] = Episode.objects.get(referral=r[key])
    for name in ("E1", "E3", "E4"):
        e[name] = episode_allocate(episode=e[name], practitioner=data.p1)
    e["E2"] = episode_allocate(episode=e["E2"], practitioner=data.p2)

    _plan_and_close_e1(data, areas)
    case_close(episode=e["E3"], reason=ClosureReason.DISENGAGED, closed_on=today, closed_by=data.p1, step_down=True)
    step_up_record(episode=e["E2"], reason="A new risk to the child.", immediate_risk=False, stepped_up_by=data.p2)
    _assess_e2(data)
    followup_answer(pack=SignpostingPack.objects.get(decision=front_door_pack_decision), helped=True)
    _directory(data, areas)
    for name, episode in e.items():
        e[name] = Episode.objects.get(pk=episode.pk)
    _appointments(data)
    _programmes(data)
    return data


def _plan_and_close_e1(data: Known, areas: dict[str, ServiceArea]) -> None:
    """E1: early years from 3 to 8 (achieved at closing), health from 4 to 6 (achieved at the interim review)."""
    episode, practitioner = data.episodes["E1"], data.p1
    assessment = Assessment.objects.create(
        episode=episode, status=Assessment.Status.SIGNED_OFF, started_by=practitioner, started_on=data.tuesday,
        signed_off_by=data.west_manager, signed_off_at=at(data.tuesday, 12),
    )  # fmt: skip
    AssessmentFinding.objects.create(assessment=assessment, domain=Domain.EARLY_YEARS, need_identified=True)
    AssessmentFinding.objects.create(assessment=assessment, domain=Domain.HEALTH, need_identified=True)
    AssessmentFinding.objects.create(assessment=assessment, domain=Domain.HOUSING, need_identified=False)
    one_to_one = Intervention.objects.filter(active=True, one_to_one=True).order_by("name")[0]
    group = Intervention.objects.filter(active=True, group=True).exclude(pk=one_to_one.pk).order_by("name")[0]
    data.interventions = {"one_to_one": one_to_one, "group": group}
    plan = plan_create(episode=episode, created_by=practitioner)
    routines = plan_outcome_add(plan=plan, domain=Domain.EARLY_YEARS, description="Calmer bedtimes", baseline_score=3)
    health = plan_outcome_add(plan=plan, domain=Domain.HEALTH, description="Feel less alone", baseline_score=4)
    soon = data.today + timedelta(days=14)
    for outcome, intervention, delivery in (
        (routines, one_to_one, Delivery.HOME),
        (routines, one_to_one, Delivery.HUB),  # the same intervention twice: the outcome counts once for it
        (health, group, Delivery.GROUP),
    ):
        plan_action_add(
            outcome=outcome, intervention=intervention, delivery=delivery, due_on=soon, assigned_to=practitioner
        )
    plan_agree(plan=plan, agreed_on=data.tuesday)
    plan_review_record(
        plan=plan, reviewed_on=data.tuesday, reviewed_by=practitioner, summary="Going well.",
        scores={routines.pk: ScoreInput(5), health.pk: ScoreInput(6, status=OutcomeStatus.ACHIEVED)},
    )  # fmt: skip
    case_close(
        episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=data.today, closed_by=practitioner,
        review_summary="Bedtimes are calm.", final_scores={routines.pk: ScoreInput(8, status=OutcomeStatus.ACHIEVED)},
    )  # fmt: skip
    assert PlanOutcome.objects.filter(plan=plan, status=OutcomeStatus.ACHIEVED).count() == 2


def _assess_e2(data: Known) -> None:
    """E2's first signed-off assessment found a housing need; a later one found finances, not a need 'at the start'."""
    episode = data.episodes["E2"]
    first = Assessment.objects.create(
        episode=episode, status=Assessment.Status.SIGNED_OFF, started_by=data.p2,
        signed_off_by=data.north_manager, signed_off_at=timezone.now() - timedelta(minutes=5),
    )  # fmt: skip
    AssessmentFinding.objects.create(assessment=first, domain=Domain.HOUSING, need_identified=True)
    later = Assessment.objects.create(
        episode=episode, status=Assessment.Status.SIGNED_OFF, started_by=data.p2,
        signed_off_by=data.north_manager, signed_off_at=timezone.now(),
    )  # fmt: skip
    AssessmentFinding.objects.create(assessment=later, domain=Domain.FINANCES, need_identified=True)


def _directory(data: Known, areas: dict[str, ServiceArea]) -> None:
    """Early years in West and school-aged borough-wide are met by vetted services; teenage in North is not,
    because the only service for it belongs to an organisation whose safeguarding evidence has lapsed."""
    # get_or_create: a test may build the service twice to see that a page's queries do not grow.
    vetted, _ = Organisation.objects.get_or_create(
        name="Bright Start", defaults={"safeguarding_evidence_expires_on": data.today + timedelta(days=200)}
    )
    lapsed, _ = Organisation.objects.get_or_create(
        name="Lapsed Youth Club", defaults={"safeguarding_evidence_expires_on": data.today - timedelta(days=1)}
    )
    for organisation, name, neighbourhood, area in (
        (vetted, "Baby and me", data.west, "early-years"),
        (vetted, "Homework club", None, "school-aged"),
        (lapsed, "Youth night", data.north, "teenage"),
    ):
        service, _ = Service.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={"description": "A test service.", "neighbourhood": neighbourhood},
        )
        service.service_areas.set([areas[area]])


def _appointments(data: Known) -> None:
    e, today, tuesday = data.episodes, data.today, data.tuesday
    for episode, practitioner, starts_at, status in (
        (e["E1"], data.p1, at(tuesday, 10), AppointmentStatus.ATTENDED),
        (e["E4"], data.p1, at(tuesday, 14), AppointmentStatus.DID_NOT_ATTEND),
        (e["E1"], data.p1, at(tuesday + timedelta(days=1), 10), AppointmentStatus.CANCELLED),
        (e["E2"], data.p2, at(today, 9), AppointmentStatus.ATTENDED),
        (e["E2"], data.p2, at(today, 12), AppointmentStatus.DID_NOT_ATTEND),
        (e["E4"], data.p1, at(today, 10), AppointmentStatus.ATTENDED),
        (e["E4"], data.p1, at(today, 11), AppointmentStatus.BOOKED),
    ):
        cancelled = status == AppointmentStatus.CANCELLED
        Appointment.objects.create(
            episode=episode, person=episode.family.members.get(kind=Person.Kind.CHILD),
            practitioner=practitioner, purpose="Known test appointment.", where=Where.HOME,
            starts_at=starts_at, ends_at=starts_at + timedelta(hours=1), status=status, booked_by=practitioner,
            cancel_reason=CancelReason.FAMILY_CANCELLED if cancelled else "",
            cancelled_at=starts_at - timedelta(days=1) if cancelled else None,
        )  # fmt: skip


def _programmes(data: Known) -> None:
    e, today, tuesday = data.episodes, data.today, data.tuesday
    intervention = Intervention.objects.get(slug="incredible-years")
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)

    def programme(name: str, team: Team, status: str, places: int, sessions: list[tuple[datetime, bool]]) -> Programme:
        made = Programme.objects.create(
            intervention=intervention, name=name, team=team, room=group_room(), capacity=places,
            starts_on=timezone.localdate(sessions[0][0]), start_time=time(10), end_time=time(12),
            session_count=len(sessions), status=status, created_by=data.service_manager,
        )  # fmt: skip
        for number, (starts_at, cancelled) in enumerate(sessions, start=1):
            ProgrammeSession.objects.create(
                programme=made, number=number, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2),
                cancelled=cancelled, cancelled_reason="Facilitator ill." if cancelled else "",
            )  # fmt: skip
        data.programmes[name] = made
        return made

    g1 = programme(
        "G1", data.west_team, Programme.Status.RUNNING, 4,
        [(at(tuesday, 10), False), (at(tuesday + timedelta(days=7), 10), False), (at(today, 10), False),
         (at(tuesday + timedelta(days=14), 10), True)],
    )  # fmt: skip
    g2 = programme("G2", data.north_team, Programme.Status.FINISHED, 6, [(at(tuesday + timedelta(days=1), 10), False)])
    programme("G3", data.west_team, Programme.Status.OPEN, 5, [(at(next_month + timedelta(days=7), 10), False)])
    programme("G4", data.west_team, Programme.Status.DRAFT, 8, [(at(tuesday, 14), False)])

    now = timezone.now()

    def enrol(
        programme: Programme, episode: Episode, status: str, requested_at: datetime | None = None, **fields: object
    ) -> Enrolment:
        parent = AdultFactory.create(family=episode.family)
        return Enrolment.objects.create(
            programme=programme, episode=episode, person=parent, status=status, requested_by=data.p1,
            requested_at=requested_at or at(tuesday, 8), **fields,
        )  # fmt: skip

    taken = {"enrolled_at": at(tuesday, 8)}
    e1 = enrol(g1, e["E1"], EnrolmentStatus.ENROLLED, **taken)
    e4 = enrol(g1, e["E4"], EnrolmentStatus.ENROLLED, **taken)
    e3 = enrol(g1, e["E3"], EnrolmentStatus.WITHDRAWN, ended_at=at(tuesday, 13), **taken)
    enrol(g1, e["E1"], EnrolmentStatus.OFFERED, position=1, offered_at=now, offer_expires_at=now + timedelta(days=3))
    enrol(g1, e["E2"], EnrolmentStatus.WAITING, position=2, requested_at=now - timedelta(days=10))
    enrol(g1, e["E3"], EnrolmentStatus.WAITING, position=3, requested_at=now - timedelta(days=4))
    e2 = enrol(g2, e["E2"], EnrolmentStatus.COMPLETED, **taken)

    sessions = {(s.programme_id, s.number): s for s in ProgrammeSession.objects.filter(programme__in=[g1, g2])}
    mark = Attendance.Mark
    for (programme_id, number), enrolment, given in (
        ((g1.pk, 1), e1, mark.ATTENDED),
        ((g1.pk, 1), e4, mark.ABSENT),
        ((g1.pk, 1), e3, mark.ATTENDED),
        ((g1.pk, 2), e1, mark.APOLOGIES),
        ((g1.pk, 2), e4, mark.ATTENDED),
        ((g1.pk, 3), e1, mark.ATTENDED),
        ((g1.pk, 3), e4, mark.ATTENDED),
        ((g2.pk, 1), e2, mark.ATTENDED),
    ):
        Attendance.objects.create(
            session=sessions[(programme_id, number)], enrolment=enrolment, mark=given, recorded_by=data.p1
        )
