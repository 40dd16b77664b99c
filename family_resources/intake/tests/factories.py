"""Referrals for tests, one factory per lifecycle state."""

import factory

from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.models import Channel, Referral, ReferrerType


class ReceivedReferralFactory(factory.django.DjangoModelFactory[Referral]):
    class Meta:
        model = Referral

    reference = factory.Sequence(lambda n: f"REF-T{n:05d}")
    family = factory.SubFactory(FamilyFactory)
    channel = Channel.ONLINE_PROFESSIONAL
    referrer_type = ReferrerType.HEALTH_VISITOR
    referrer_name = factory.Faker("name", locale="en_GB")
    concerns = "Parent is struggling with sleep and behaviour and asked for help."
    consent_given = True
    postcode = "LU1 1AA"
