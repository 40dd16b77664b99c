"""Signposting packs: only vetted services, matched to the family, sent and kept on the record."""

from collections.abc import Sequence
from datetime import timedelta

import pytest
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.catalogue.models import Intervention, ServiceArea
from family_resources.directory.models import Organisation, Service
from family_resources.families.tests.factories import ChildFactory, FamilyFactory, years_ago
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.notifications.models import Message
from family_resources.places.models import Neighbourhood
from family_resources.resources.models import Article
from family_resources.triage.models import SignpostingPack
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def organisation(name: str, expires_in: int | None) -> Organisation:
    return Organisation.objects.create(
        name=name,
        safeguarding_evidence_expires_on=None if expires_in is None else TODAY + timedelta(days=expires_in),
    )


def service(
    org: Organisation,
    name: str,
    *,
    ages: tuple[int, int] = (0, 5),
    languages: Sequence[str] = ("en",),
    area: ServiceArea | None = None,
    where: Neighbourhood | None = None,
) -> Service:
    made = Service.objects.create(
        organisation=org, name=name, description="d", min_age=ages[0], max_age=ages[1],
        languages=list(languages), neighbourhood=where,
    )  # fmt: skip
    if area is not None:
        made.service_areas.add(area)
    return made


@pytest.fixture
def west():
    return Neighbourhood.objects.get(slug="west")


@pytest.fixture
def family(west):
    family = FamilyFactory.create(
        neighbourhood=west, preferred_language="ur", contact_email="parent@example.org", contact_channel="email"
    )
    ChildFactory.create(family=family, date_of_birth=years_ago(2))
    return family


def signpost(family, **extra):
    referral = ReceivedReferralFactory.create(family=family)
    return decision_record(
        referral=referral, level=2, immediate_risk=False, rationale="Additional needs.",
        decided_by=staff(Role.FRONT_DOOR_OFFICER), **extra,
    )  # fmt: skip


def test_a_pack_never_holds_a_service_whose_safeguarding_evidence_is_missing_or_expired(family, west):
    vetted = service(organisation("Vetted", 30), "Vetted play", where=west)
    service(organisation("Expired", -1), "Expired play", where=west)
    service(organisation("Unchecked", None), "Unchecked play", where=west)

    decision = signpost(family)

    assert list(decision.signposting_pack.services.all()) == [vetted]


def test_a_pack_matches_the_childs_age_and_puts_the_familys_language_first(family, west):
    org = organisation("Group", 100)
    english = service(org, "A English group", languages=["en"], where=west)
    urdu = service(org, "B Urdu group", languages=["en", "ur"], where=west)
    service(org, "Youth club", ages=(11, 18), languages=["ur"], where=west)

    pack = signpost(family).signposting_pack

    assert list(pack.services.all().order_by("name")) == [english, urdu]
    assert pack.message is not None
    assert pack.message.body.index("B Urdu group") < pack.message.body.index("A English group")


def test_a_pack_keeps_to_the_familys_neighbourhood_or_borough_wide_services(family, west):
    org = organisation("Group", 100)
    local = service(org, "Local", where=west)
    everywhere = service(org, "Borough-wide", where=None)
    service(org, "Elsewhere", where=Neighbourhood.objects.get(slug="east"))

    assert set(signpost(family).signposting_pack.services.all()) == {local, everywhere}


def test_needs_narrow_the_pack_where_a_service_meets_them(family, west):
    org = organisation("Group", 100)
    early_years = ServiceArea.objects.get(slug="early-years")
    readiness = Intervention.objects.get(slug="school-readiness")
    matched = service(org, "School readiness club", area=early_years, where=west)
    service(org, "Unrelated", area=ServiceArea.objects.get(slug="send"), where=west)

    pack = signpost(family, needs=[readiness]).signposting_pack

    assert list(pack.services.all()) == [matched]


def test_with_no_needs_the_pack_still_matches_ages_so_it_is_not_empty(family, west):
    group = service(organisation("Group", 100), "Toddler group", where=west)
    Article.objects.create(
        slug="a", title="Sleep", summary="s", body="b", status="published", published_at=timezone.now()
    )

    pack = signpost(family).signposting_pack

    assert list(pack.services.all()) == [group]
    assert pack.articles.count() == 1


def test_the_pack_is_sent_in_the_familys_language_and_kept_on_the_record(family, west):
    service(organisation("Group", 100), "Toddler group", where=west)

    decision = signpost(family)

    message = Message.objects.get(regarding_id=decision.referral.reference, template="signposting_pack")
    assert message.recipient == "parent@example.org"
    assert message.language in {"ur", "en"}  # English where no Urdu translation exists yet
    assert "Toddler group" in message.body
    assert SignpostingPack.objects.get(decision=decision).message == message


def test_a_family_with_no_contact_details_keeps_the_pack_unsent(west):
    family = FamilyFactory.create(neighbourhood=west, contact_email="", contact_phone="")
    service(organisation("Group", 100), "Group", ages=(0, 99), where=west)

    pack = signpost(family).signposting_pack

    assert pack.message is None
    assert pack.services.count() == 1
