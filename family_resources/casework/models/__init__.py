"""Casework records: episodes and allocation, assessments, support plans and reviews, case notes."""

from family_resources.casework.models.assessments import Assessment, AssessmentFinding, Domain
from family_resources.casework.models.episodes import Allocation, ClosureReason, Episode, StepUp
from family_resources.casework.models.notes import CaseNote
from family_resources.casework.models.plans import (
    ActionStatus,
    Delivery,
    OutcomeScore,
    OutcomeStatus,
    PlanAction,
    PlanOutcome,
    PlanReview,
    SupportPlan,
)

__all__ = [
    "ActionStatus",
    "Allocation",
    "Assessment",
    "AssessmentFinding",
    "CaseNote",
    "ClosureReason",
    "Delivery",
    "Domain",
    "Episode",
    "OutcomeScore",
    "OutcomeStatus",
    "PlanAction",
    "PlanOutcome",
    "PlanReview",
    "StepUp",
    "SupportPlan",
]
