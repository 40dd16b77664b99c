"""Assessments for tests, one factory per lifecycle state."""

import factory
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Assessment, AssessmentFinding, Domain
from family_resources.casework.tests.factories import OpenEpisodeFactory


class AssessmentFindingFactory(factory.django.DjangoModelFactory[AssessmentFinding]):
    class Meta:
        model = AssessmentFinding

    domain = Domain.RELATIONSHIPS
    strengths = "Mum and the children are close and play together every day."
    needs = "Evenings end in shouting; mum wants calmer bedtimes."
    need_identified = True


class InProgressAssessmentFactory(factory.django.DjangoModelFactory[Assessment]):
    class Meta:
        model = Assessment

    episode = factory.SubFactory(OpenEpisodeFactory)
    started_by = factory.LazyAttribute(lambda assessment: staff(Role.PRACTITIONER, teams=[assessment.episode.team]))
    status = Assessment.Status.IN_PROGRESS


class AwaitingSignOffAssessmentFactory(InProgressAssessmentFactory):
    """Complete enough to send: the family's view, a summary and one domain marked as a need."""

    class Meta:
        skip_postgeneration_save = True  # the finding is saved by its own factory

    status = Assessment.Status.AWAITING_SIGN_OFF
    family_view = "We want bedtimes to stop being a battle."
    summary = "Family relationships are the priority: routines and calmer evenings."
    submitted_by = factory.SelfAttribute("started_by")
    submitted_at = factory.LazyFunction(timezone.now)
    finding = factory.RelatedFactory(AssessmentFindingFactory, factory_related_name="assessment")


class SignedOffAssessmentFactory(AwaitingSignOffAssessmentFactory):
    status = Assessment.Status.SIGNED_OFF
    signed_off_by = factory.LazyAttribute(lambda assessment: staff(Role.TEAM_MANAGER, teams=[assessment.episode.team]))
    signed_off_at = factory.LazyFunction(timezone.now)
