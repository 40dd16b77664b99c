"""Casework in each state a plan passes through, built with the real services: accepted, assessed, planned."""

from datetime import date, timedelta

from django.utils import timezone

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Assessment, Delivery, Domain, Episode, SupportPlan
from family_resources.casework.services import episode_allocate
from family_resources.casework.services.plans import plan_action_add, plan_agree, plan_create, plan_outcome_add
from family_resources.catalogue.models import Intervention
from family_resources.families.tests.factories import ChildFactory, FamilyFactory
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.triage.services import decision_record


def accepted_episode(*, level: int = 3, opened_days_ago: int = 0, **family_fields: object) -> Episode:
    """A family accepted at the front door into the real West neighbourhood team (reference data)."""
    west = Neighbourhood.objects.get(slug="west")
    family = FamilyFactory.create(neighbourhood=west, **family_fields)
    ChildFactory.create(family=family)
    referral = ReceivedReferralFactory.create(family=family)
    decided_at = timezone.now() - timedelta(days=opened_days_ago)
    decision = decision_record(
        referral=referral, level=level, immediate_risk=False, rationale="Needs a tailored package.",
        decided_by=staff(Role.FRONT_DOOR_OFFICER), decided_at=decided_at, differs_reason="Officer's judgement.",
    )  # fmt: skip
    return Episode.objects.get(referral=decision.referral)


def team_of(episode: Episode) -> Team:
    return episode.team


def allocated_episode(**kwargs: object) -> tuple[Episode, User]:
    episode = accepted_episode(**kwargs)  # type: ignore[arg-type]
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])
    return episode_allocate(episode=episode, practitioner=practitioner), practitioner


def sign_off_assessment(episode: Episode, *, by: User) -> Assessment:
    """A signed-off assessment, written straight to the table: its own journey is tested in test_assessments."""
    return Assessment.objects.create(
        episode=episode,
        status=Assessment.Status.SIGNED_OFF,
        started_by=by,
        family_view="We want calmer bedtimes.",
        summary="Routines and sleep.",
        signed_off_by=staff(Role.TEAM_MANAGER, teams=[episode.team]),
        signed_off_at=timezone.now(),
    )


def group_programme() -> Intervention:
    return Intervention.objects.filter(active=True, bookable=True, group=True).order_by("name").first()  # type: ignore[return-value]


def one_to_one() -> Intervention:
    return Intervention.objects.filter(active=True, bookable=True, one_to_one=True).order_by("name").first()  # type: ignore[return-value]


def agreed_plan(episode: Episode, practitioner: User, *, agreed_on: date | None = None) -> SupportPlan:
    """A plan with two outcomes, each with one action (one of them a group programme), agreed with the family."""
    sign_off_assessment(episode, by=practitioner)
    plan = plan_create(episode=episode, created_by=practitioner)
    soon = timezone.localdate() + timedelta(days=14)
    routines = plan_outcome_add(plan=plan, domain=Domain.EARLY_YEARS, description="Calmer bedtimes", baseline_score=3)
    plan_action_add(outcome=routines, intervention=one_to_one(), delivery=Delivery.HOME, due_on=soon,
                    assigned_to=practitioner)  # fmt: skip
    confidence = plan_outcome_add(plan=plan, domain=Domain.HEALTH, description="Feel less alone", baseline_score=4)
    plan_action_add(outcome=confidence, intervention=group_programme(), delivery=Delivery.GROUP, due_on=soon,
                    assigned_to_other="Mum")  # fmt: skip
    return plan_agree(plan=plan, agreed_on=agreed_on or timezone.localdate())
