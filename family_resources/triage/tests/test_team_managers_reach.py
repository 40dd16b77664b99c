"""A neighbourhood team manager reads and overrides only the referrals routed to their own team (ADR 0034).

Front-door officers and service managers keep the whole borough.
"""

import pytest
from django.urls import reverse

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.models import Referral
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.places.models import Neighbourhood
from family_resources.triage.models import DecisionOverride
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db


def referral_in(slug: str) -> Referral:
    family = FamilyFactory.create(neighbourhood=Neighbourhood.objects.get(slug=slug))
    return ReceivedReferralFactory.create(family=family)


def decided_in(slug: str, level: int) -> Referral:
    referral = referral_in(slug)
    officer = staff(Role.FRONT_DOOR_OFFICER)
    decision_record(referral=referral, level=level, immediate_risk=False, rationale="Reasons.", decided_by=officer)
    return referral


def accepted_in(slug: str) -> Referral:
    return decided_in(slug, 3)


def signposted_in(slug: str) -> Referral:
    return decided_in(slug, 2)


def manager_of(slug: str) -> User:
    return staff(Role.TEAM_MANAGER, teams=[Team.objects.get(kind=Team.Kind.NEIGHBOURHOOD, neighbourhood__slug=slug)])


def denials_of(referral: Referral) -> int:
    return AuditEvent.objects.filter(action=AuditAction.DENIED, object_id=str(referral.pk)).count()


def test_a_team_manager_reads_a_referral_routed_to_their_team_and_may_override_it(client):
    referral = accepted_in("central")
    client.force_login(manager_of("central"))

    page = client.get(reverse("intake:detail", args=[referral.reference]))

    assert page.status_code == 200
    assert reverse("triage:override", args=[referral.reference]) in page.content.decode()
    assert client.get(reverse("triage:override", args=[referral.reference])).status_code == 200


def test_another_teams_referral_is_refused_with_an_audit_row(client):
    referral = accepted_in("north")
    client.force_login(manager_of("central"))

    response = client.get(reverse("intake:detail", args=[referral.reference]))

    assert response.status_code == 403
    assert denials_of(referral) == 1


def test_a_team_manager_cannot_override_another_teams_decision(client):
    referral = accepted_in("north")
    client.force_login(manager_of("central"))
    url = reverse("triage:override", args=[referral.reference])

    assert client.get(url).status_code == 403
    assert client.post(url, {"level": "2", "reason": "Not ours to change."}).status_code == 403

    assert not DecisionOverride.objects.exists()
    assert denials_of(referral) == 2


@pytest.mark.parametrize("make", [referral_in, signposted_in], ids=["waiting", "signposted"])
def test_a_referral_routed_to_no_team_is_the_front_doors_not_a_team_managers(client, make):
    referral = make("central")
    client.force_login(manager_of("central"))

    assert client.get(reverse("intake:detail", args=[referral.reference])).status_code == 403
    assert denials_of(referral) == 1


def test_a_closed_episode_stays_with_its_team_so_the_manager_still_sees_the_decision(client):
    referral = accepted_in("central")
    manager = manager_of("central")
    client.force_login(manager)
    url = reverse("triage:override", args=[referral.reference])
    client.post(url, {"level": "2", "reason": "Needs met by school."})  # closes the episode
    assert DecisionOverride.objects.filter(decision__referral=referral).exists()

    assert client.get(reverse("intake:detail", args=[referral.reference])).status_code == 200


@pytest.mark.parametrize("role", [Role.FRONT_DOOR_OFFICER, Role.SERVICE_MANAGER])
def test_the_front_door_and_service_managers_read_every_referral_in_the_borough(client, role):
    client.force_login(staff(role))
    for referral in (accepted_in("north"), signposted_in("south"), referral_in("east")):
        assert client.get(reverse("intake:detail", args=[referral.reference])).status_code == 200


def test_a_service_manager_overrides_any_decision(client):
    referral = signposted_in("west")
    client.force_login(staff(Role.SERVICE_MANAGER))
    assert client.get(reverse("triage:override", args=[referral.reference])).status_code == 200


def test_the_contact_inbox_is_the_front_doors_not_a_team_managers(client):
    client.force_login(manager_of("central"))
    assert client.get(reverse("intake:inbox")).status_code == 403


def test_the_rules_without_a_record_refuse_a_team_manager():
    """A page listing every referral asks without a record: a team manager is not given the borough."""
    manager = manager_of("central")
    assert not manager.has_perm("intake.view_referral")
    assert not manager.has_perm("triage.override")
    assert staff(Role.FRONT_DOOR_OFFICER).has_perm("intake.view_referral")
    assert staff(Role.SERVICE_MANAGER).has_perm("triage.override")
