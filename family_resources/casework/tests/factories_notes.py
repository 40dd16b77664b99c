"""Case notes and step-ups for tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import CaseNote, StepUp
from family_resources.casework.tests.factories import OpenEpisodeFactory


class CaseNoteFactory(factory.django.DjangoModelFactory[CaseNote]):
    class Meta:
        model = CaseNote

    episode = factory.SubFactory(OpenEpisodeFactory)
    kind = CaseNote.Kind.HOME_VISIT
    occurred_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    text = "Visited mum and the children at home; bedtime routine chart is on the fridge."
    author = factory.LazyAttribute(lambda note: staff(Role.PRACTITIONER, teams=[note.episode.team]))


class SensitiveCaseNoteFactory(CaseNoteFactory):
    sensitive = True
    text = "Mum disclosed that her ex-partner has been coming to the house at night."


class StepUpFactory(factory.django.DjangoModelFactory[StepUp]):
    class Meta:
        model = StepUp

    episode = factory.SubFactory(OpenEpisodeFactory)
    reason = "New bruising seen on the youngest child; mum could not explain it."
    immediate_risk = False
    stepped_up_by = factory.LazyAttribute(lambda step_up: staff(Role.PRACTITIONER, teams=[step_up.episode.team]))
