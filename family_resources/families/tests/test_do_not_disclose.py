"""An address marked do not disclose: never in a page, export or letter for those without the right; every view audited.

Only a practitioner or team manager of a team with an open episode for the family may see it
(they visit the home). A letter never prints it, even when they write it.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import AgencyType, Family, Person
from family_resources.families.tests.factories import (
    ChildFactory,
    ConsentFactory,
    HiddenAddressFamilyFactory,
    LetterFactory,
    ParentLivingElsewhereFactory,
    ProfessionalFactory,
)

pytestmark = pytest.mark.django_db

# Every part of the two hidden addresses that must never leak.
HIDDEN_PARTS = ["12 Secret Street", "Secret Street", "LU2 9ZZ", "4 Other Road", "LU5 4AA"]
WITHHELD = "Do not disclose \N{EN DASH} the address is withheld to keep the family safe"


@pytest.fixture
def world() -> dict[str, Any]:
    """A family fleeing domestic abuse, with a father living elsewhere whose address is hidden too."""
    family = HiddenAddressFamilyFactory.create(family_name="Khan")
    episode = OpenEpisodeFactory.create(referral__family=family)
    ChildFactory.create(family=family, given_name="Amara")
    father = ParentLivingElsewhereFactory.create(family=family, address_hidden=True)
    health_visitor = ProfessionalFactory.create(family=family, agency_type=AgencyType.HEALTH_VISITOR)
    ConsentFactory.create(family=family, agencies=[AgencyType.HEALTH_VISITOR])
    # A letter written before the address was hidden, in which the practitioner had typed it.
    old_letter = LetterFactory.create(
        professional=health_visitor,
        body="Dear colleague,\n\nThe family lives at 12 Secret Street, Luton, LU2 9ZZ.\n\nYours sincerely,\n\nA Worker",
    )
    return {
        "family": family,
        "episode": episode,
        "father": father,
        "health_visitor": health_visitor,
        "old_letter": old_letter,
    }


def _closed_episode_practitioner(world: dict[str, Any]) -> User:
    """A practitioner of a team whose episode with the family has closed."""
    family = world["family"]
    team = TeamFactory.create()
    OpenEpisodeFactory.create(
        referral__family=family,
        team=team,
        status="closed",
        closed_on=timezone.localdate(),
        closure_reason="outcomes_met",
    )
    return staff(Role.PRACTITIONER, teams=[team])


WITHOUT_THE_RIGHT: dict[str, Callable[[dict[str, Any]], User]] = {
    "front-door officer": lambda world: staff(Role.FRONT_DOOR_OFFICER),
    "service manager": lambda world: staff(Role.SERVICE_MANAGER),
    "practitioner of the team after the episode closed": _closed_episode_practitioner,
}


def _pages(world: dict[str, Any]) -> dict[str, str]:
    reference = world["family"].reference
    return {
        "record": reverse("families:detail", args=[reference]),
        "export": reverse("families:export", args=[reference]),
        "letter": reverse("families:letter", args=[reference, world["old_letter"].pk]),
    }


def _events(user: User, instance: Family | Person) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            actor=user, object_type=instance._meta.label_lower, object_id=str(instance.pk), action=AuditAction.VIEW
        )
    )


def _reveals(user: User, instance: Family | Person) -> list[AuditEvent]:
    return [event for event in _events(user, instance) if event.changed_fields == ["address"]]


def _assert_no_hidden_address(content: str) -> None:
    for part in HIDDEN_PARTS:
        assert part not in content


@pytest.mark.parametrize("who", list(WITHOUT_THE_RIGHT))
@pytest.mark.parametrize("page", ["record", "export", "letter"])
def test_a_hidden_address_never_appears_for_a_user_without_the_right_and_the_view_is_audited(client, world, who, page):
    user = WITHOUT_THE_RIGHT[who](world)
    client.force_login(user)

    response = client.get(_pages(world)[page])

    assert response.status_code == 200
    content = response.content.decode()
    _assert_no_hidden_address(content)
    if page != "letter":
        assert WITHHELD in content
    family = world["family"]
    assert len(_events(user, family)) == 1
    assert _reveals(user, family) == []
    assert _reveals(user, world["father"]) == []


@pytest.mark.parametrize("page", ["record", "export", "letter"])
def test_a_practitioner_of_another_team_is_refused_everything_and_the_refusal_is_audited(client, world, page):
    stranger = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])
    client.force_login(stranger)

    response = client.get(_pages(world)[page])

    assert response.status_code == 403
    _assert_no_hidden_address(response.content.decode())
    denied = AuditEvent.objects.get(actor=stranger)
    assert denied.action == AuditAction.DENIED
    assert (denied.object_type, denied.object_id) == ("families.family", str(world["family"].pk))


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER])
@pytest.mark.parametrize("page", ["record", "export"])
def test_the_team_with_an_open_episode_sees_the_hidden_address_and_each_reveal_is_audited(client, world, role, page):
    worker = staff(role, teams=[world["episode"].team])
    client.force_login(worker)

    content = client.get(_pages(world)[page]).content.decode()

    assert "12 Secret Street" in content
    assert "LU2 9ZZ" in content
    assert "4 Other Road" in content
    assert len(_reveals(worker, world["family"])) == 1
    assert len(_reveals(worker, world["father"])) == 1


def test_a_letter_never_prints_a_hidden_address_even_for_the_team_that_may_see_it(client, world):
    practitioner = staff(Role.PRACTITIONER, teams=[world["episode"].team])
    client.force_login(practitioner)
    family = world["family"]

    written = client.post(
        reverse("families:letter_write", args=[family.reference, world["health_visitor"].pk]),
        {"paragraph": "Amara has started at nursery and we would like to meet with you."},
    )
    new_letter = family.letters.latest("written_at")
    printed_new = client.get(written["Location"]).content.decode()
    printed_old = client.get(_pages(world)["letter"]).content.decode()

    assert written.status_code == 302
    _assert_no_hidden_address(new_letter.body)
    _assert_no_hidden_address(printed_new)
    _assert_no_hidden_address(printed_old)
    assert "[address withheld]" in printed_old
    assert "Amara" in printed_new
    # Printing is a view of the family, but never a reveal of its address.
    assert len(_events(practitioner, family)) >= 2
    assert _reveals(practitioner, family) == []
    assert _reveals(practitioner, world["father"]) == []


def test_a_letter_refuses_a_paragraph_that_names_the_hidden_address(client, world):
    practitioner = staff(Role.PRACTITIONER, teams=[world["episode"].team])
    client.force_login(practitioner)
    family = world["family"]

    response = client.post(
        reverse("families:letter_write", args=[family.reference, world["health_visitor"].pk]),
        {"paragraph": "Please visit them at 12 secret street (lu29zz)."},
    )

    assert response.status_code == 200
    assert "Take the address out: it is marked do not disclose" in response.content.decode()
    assert family.letters.count() == 1  # only the old one


def test_marking_an_address_do_not_disclose_is_audited_as_an_update_with_its_reason(client, world):
    family = HiddenAddressFamilyFactory.create(address_hidden=False, address_hidden_reason="")
    episode = OpenEpisodeFactory.create(referral__family=family)
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])
    client.force_login(practitioner)

    response = client.post(
        reverse("families:address", args=[family.reference]),
        {"address_line": family.address_line, "postcode": family.postcode, "hidden": "on", "reason": "Fled abuse"},
    )

    assert response.status_code == 302
    family.refresh_from_db()
    assert family.address_hidden
    assert family.address_hidden_reason == "Fled abuse"
    update = AuditEvent.objects.get(
        actor=practitioner, action=AuditAction.UPDATE, object_type="families.family", object_id=str(family.pk)
    )
    assert update.changed_fields == ["address_hidden", "address_hidden_reason"]
