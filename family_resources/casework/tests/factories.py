"""Episodes of support for tests."""

import factory

from family_resources.accounts.tests.factories import TeamFactory
from family_resources.casework.models import Episode
from family_resources.intake.tests.factories import ReceivedReferralFactory


class OpenEpisodeFactory(factory.django.DjangoModelFactory[Episode]):
    class Meta:
        model = Episode

    referral = factory.SubFactory(ReceivedReferralFactory)
    family = factory.SelfAttribute("referral.family")
    team = factory.SubFactory(TeamFactory, neighbourhood=factory.SelfAttribute("..family.neighbourhood"))
