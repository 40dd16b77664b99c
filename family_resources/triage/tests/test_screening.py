"""Screening a referral: indicators suggest a level, the officer decides, and the guidance version is kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode
from family_resources.catalogue.models import Intervention
from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.models import Referral
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.triage.guidance import suggest_level
from family_resources.triage.models import Decision, GuidanceIndicator
from family_resources.triage.routing import Route
from family_resources.triage.selectors import current_guidance
from family_resources.triage.services import decision_record, guidance_revise

pytestmark = pytest.mark.django_db


def test_the_suggestion_is_the_highest_level_ticked():
    assert suggest_level([2, 3, 2]) == 3
    assert suggest_level([]) is None


@pytest.fixture
def officer():
    return staff(Role.FRONT_DOOR_OFFICER)


@pytest.fixture
def referral():
    family = FamilyFactory.create(neighbourhood=Neighbourhood.objects.get(slug="east"))
    return ReceivedReferralFactory.create(family=family)


def indicator(level: int) -> GuidanceIndicator:
    found = current_guidance().indicators.filter(level=level).first()
    assert found is not None
    return found


def test_version_1_of_the_guidance_has_four_levels_and_indicators_in_every_domain():
    guidance = current_guidance()
    assert [level.level for level in guidance.levels.all()] == [1, 2, 3, 4]
    for level in (1, 2, 3, 4):
        assert set(guidance.indicators.filter(level=level).values_list("domain", flat=True)) == {
            "child_development",
            "parenting_capacity",
            "family_environment",
        }


def test_a_decision_matching_the_suggestion_needs_no_extra_reason(officer, referral):
    decision = decision_record(
        referral=referral, level=3, immediate_risk=False, rationale="Complex needs.", decided_by=officer,
        indicators=[indicator(3), indicator(2)],
    )  # fmt: skip
    assert decision.suggested_level == 3
    assert decision.guidance_version == current_guidance()
    assert decision.route == Route.ACCEPTED


def test_a_decision_that_differs_from_the_suggestion_needs_a_reason(officer, referral):
    with pytest.raises(ValidationError) as error:
        decision_record(
            referral=referral, level=2, immediate_risk=False, rationale="Managing.", decided_by=officer,
            indicators=[indicator(3)],
        )  # fmt: skip
    assert "suggest level 3" in error.value.message_dict["differs_reason"][0]
    assert not Decision.objects.exists()

    decision = decision_record(
        referral=referral, level=2, immediate_risk=False, rationale="Managing.", decided_by=officer,
        indicators=[indicator(3)], differs_reason="Grandparents now living with the family and coping well.",
    )  # fmt: skip
    assert decision.level == 2
    assert decision.route == Route.SIGNPOSTED


def test_a_decision_keeps_its_guidance_version_after_the_guidance_is_edited(officer, referral):
    manager = staff(Role.SERVICE_MANAGER)
    decision = decision_record(
        referral=referral, level=3, immediate_risk=False, rationale="Complex.", decided_by=officer,
        indicators=[indicator(3)],
    )  # fmt: skip
    old_indicator = indicator(3)

    new_version = guidance_revise(
        level=3, title="Complex and multiple needs", description="Revised.",
        indicators={"child_development": ["A new indicator"]}, change_note="Reworded level 3.", revised_by=manager,
    )  # fmt: skip

    decision.refresh_from_db()
    assert new_version.number == 2
    assert decision.guidance_version is not None
    assert decision.guidance_version.number == 1
    assert decision.guidance_version.levels.get(level=3).title == "Complex needs"
    assert list(decision.indicators.all()) == [old_indicator]
    assert current_guidance().levels.get(level=3).title == "Complex and multiple needs"
    assert current_guidance().levels.get(level=2).title == "Additional needs"


def test_indicators_from_an_old_version_are_refused(officer, referral):
    old = indicator(3)
    guidance_revise(
        level=1, title="Universal", description="x", indicators={"child_development": ["y"]},
        change_note="n", revised_by=staff(Role.SERVICE_MANAGER),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="guidance has changed"):
        decision_record(
            referral=referral, level=3, immediate_risk=False, rationale="r", decided_by=officer, indicators=[old]
        )


def test_the_officer_decides_through_the_screening_page(client, officer, referral):
    client.force_login(officer)
    need = Intervention.objects.get(slug="incredible-years")
    url = reverse("triage:decide", args=[referral.reference])

    page = client.get(url).content.decode()
    assert "Level 3: Complex needs" in page

    response = client.post(
        url,
        {"indicators": [indicator(3).pk], "level": "3", "immediate_risk": "no", "needs": [need.pk],
         "rationale": "Several needs across domains."},
    )  # fmt: skip

    assert response.status_code == 302
    decision = Decision.objects.get(referral=referral)
    assert list(decision.needs.all()) == [need]
    assert Episode.objects.get(referral=referral).team.name == "East Luton team"
    follow = client.get(response["Location"]).content.decode()
    assert "accepted by the East Luton team" in follow


def test_the_screening_page_explains_a_difference_and_keeps_what_was_entered(client, officer, referral):
    client.force_login(officer)
    ticked = indicator(4)

    response = client.post(
        reverse("triage:decide", args=[referral.reference]),
        {"indicators": [ticked.pk], "level": "2", "immediate_risk": "no", "rationale": "My reasons here."},
    )

    content = response.content.decode()
    assert "There is a problem" in content
    assert "suggest level 4" in content
    assert "My reasons here." in content
    assert f'value="{ticked.pk}" checked' in content
    referral.refresh_from_db()
    assert referral.status == Referral.Status.RECEIVED


def test_a_referral_with_no_family_record_cannot_be_decided_yet(client, officer):
    referral = ReceivedReferralFactory.create(family=None)
    client.force_login(officer)

    response = client.post(
        reverse("triage:decide", args=[referral.reference]),
        {"level": "2", "immediate_risk": "no", "rationale": "r"},
    )

    assert "Match the referral to a family record" in response.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SERVICE_MANAGER])
def test_only_front_door_officers_decide(client, referral, role):
    client.force_login(staff(role))
    assert client.get(reverse("triage:decide", args=[referral.reference])).status_code == 403


def test_a_service_manager_revises_the_guidance_through_its_page(client):
    client.force_login(staff(Role.SERVICE_MANAGER))
    url = reverse("triage:guidance_edit", args=[2])

    bad = client.post(url, {"title": "", "description": "d", "change_note": ""}).content.decode()
    assert "Enter a title" in bad
    assert "Give at least one indicator for this level" in bad

    client.post(
        url,
        {"title": "Additional needs", "description": "New words.", "change_note": "Clarified level 2.",
         "indicators_child_development": "Speech delay\nLate for school often", "indicators_parenting_capacity": "",
         "indicators_family_environment": "Money worries"},
    )  # fmt: skip

    guidance = current_guidance()
    assert guidance.number == 2
    assert list(guidance.indicators.filter(level=2).values_list("text", flat=True)) == [
        "Speech delay",
        "Late for school often",
        "Money worries",
    ]
    assert "Clarified level 2." in client.get(reverse("triage:guidance")).content.decode()


def test_a_front_door_officer_reads_but_cannot_change_the_guidance(client, officer):
    client.force_login(officer)
    assert client.get(reverse("triage:guidance")).status_code == 200
    assert client.get(reverse("triage:guidance_edit", args=[2])).status_code == 403


def test_the_officer_adds_contact_notes_while_screening(client, officer, referral):
    client.force_login(officer)
    add = reverse("triage:note_add", args=[referral.reference])

    error = client.post(add, {"kind": "call_family"}).content.decode()
    assert "Write the note" in error
    client.post(add, {"kind": "call_family", "text": "Spoke to mum: she agrees to the referral."})

    page = client.get(reverse("triage:decide", args=[referral.reference])).content.decode()
    assert "Call with the family" in page
    assert "Spoke to mum: she agrees to the referral." in page


def test_only_front_door_officers_add_screening_notes(client, referral):
    client.force_login(staff(Role.PRACTITIONER))
    response = client.post(reverse("triage:note_add", args=[referral.reference]), {"kind": "other", "text": "x"})
    assert response.status_code == 403
