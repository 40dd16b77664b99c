"""Changing addresses and whether they may be disclosed; the addresses module's rules for pages and letters."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.addresses import (
    REDACTED,
    address_for_letter,
    address_seen_by,
    mentions_hidden_address,
    without_hidden_addresses,
)
from family_resources.families.services import address_update, family_hide_address
from family_resources.families.tests.factories import (
    AdultFactory,
    FamilyFactory,
    HiddenAddressFamilyFactory,
    ParentLivingElsewhereFactory,
)

pytestmark = pytest.mark.django_db


def test_address_update_normalises_the_postcode():
    family = FamilyFactory.create()

    address_update(holder=family, address_line=" 8 New Road, Luton ", postcode="lu48bw", hidden=False)

    family.refresh_from_db()
    assert (family.address_line, family.postcode) == ("8 New Road, Luton", "LU4 8BW")


@pytest.mark.parametrize(
    ("start_hidden", "changes", "field", "message"),
    [
        (False, {"postcode": "NOT A CODE"}, "postcode", "Enter a real postcode, like LU4 8BW"),
        (False, {"hidden": True}, "reason", "Say why the address must not be disclosed"),
        (True, {"hidden": False}, "reason", "Say why the address can now be shared"),
        (
            False,
            {"address_line": "", "postcode": "", "hidden": True, "reason": "Fled"},
            "address_line",
            "Enter the address before marking it do not disclose",
        ),
    ],
)
def test_address_update_refuses_changes_without_what_they_need(start_hidden, changes, field, message):
    family = HiddenAddressFamilyFactory.create(address_hidden=start_hidden)
    fields = {"address_line": family.address_line, "postcode": family.postcode, "hidden": start_hidden, **changes}

    with pytest.raises(ValidationError) as error:
        address_update(holder=family, **fields)

    assert error.value.message_dict[field] == [message]
    family.refresh_from_db()
    assert family.address_hidden == start_hidden


def test_unmarking_keeps_the_reason_it_can_now_be_shared():
    family = HiddenAddressFamilyFactory.create()

    address_update(
        holder=family, address_line=family.address_line, postcode=family.postcode, hidden=False, reason="Risk ended"
    )

    family.refresh_from_db()
    assert not family.address_hidden
    assert family.address_hidden_reason == "Risk ended"


def test_only_an_adult_living_elsewhere_has_an_address_of_their_own():
    mother = AdultFactory.create()

    with pytest.raises(ValidationError, match="Only an adult who lives outside the household"):
        address_update(holder=mother, address_line="1 Road", postcode="LU1 1AA", hidden=False)


def test_a_parent_living_elsewhere_can_have_their_address_hidden():
    father = ParentLivingElsewhereFactory.create()

    address_update(
        holder=father, address_line=father.address_line, postcode=father.postcode, hidden=True, reason="Risk to mother"
    )

    father.refresh_from_db()
    assert father.address_hidden


def test_family_hide_address_marks_it_with_a_reason_once():
    family = FamilyFactory.create()

    family_hide_address(family=family, reason="Fled")
    family_hide_address(family=family, reason="Again")

    family.refresh_from_db()
    assert family.address_hidden
    assert family.address_hidden_reason == "Fled"


# The addresses module


def test_a_reader_without_the_right_gets_the_withheld_text_and_no_reveal_is_audited():
    family = HiddenAddressFamilyFactory.create()
    manager = staff(Role.SERVICE_MANAGER)

    shown = address_seen_by(user=manager, holder=family)

    assert shown.withheld
    assert (shown.line, shown.postcode) == ("", "")
    assert str(shown) == "Do not disclose \N{EN DASH} the address is withheld to keep the family safe"
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_a_reveal_to_the_team_is_audited_naming_the_address_as_read():
    family = HiddenAddressFamilyFactory.create()
    episode = OpenEpisodeFactory.create(referral__family=family)
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    shown = address_seen_by(user=practitioner, holder=family)

    assert shown.line == "12 Secret Street, Luton"
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.object_type, event.object_id, event.changed_fields) == (
        "families.family",
        str(family.pk),
        ["address"],
    )


def test_an_address_not_hidden_is_shown_without_a_reveal_event():
    family = FamilyFactory.create()

    shown = address_seen_by(user=staff(Role.FRONT_DOOR_OFFICER), holder=family)

    assert not shown.withheld
    assert shown.line == family.address_line
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_a_letter_gets_a_hidden_address_from_no_one():
    family = HiddenAddressFamilyFactory.create()

    assert address_for_letter(holder=family).withheld
    assert not address_for_letter(holder=FamilyFactory.create()).withheld


@pytest.mark.parametrize(
    "text",
    ["They live at 12 Secret Street, Luton.", "12  secret   street", "Postcode lu29zz", "post code LU2 9ZZ."],
)
def test_text_naming_a_hidden_address_is_found_and_redacted(text):
    family = HiddenAddressFamilyFactory.create()

    assert mentions_hidden_address(text=text, family=family)
    redacted = without_hidden_addresses(text=text, family=family)
    assert REDACTED in redacted
    assert "secret" not in redacted.lower()
    assert "9zz" not in redacted.lower()


def test_text_about_an_address_that_is_not_hidden_is_left_alone():
    family = FamilyFactory.create(address_line="3 Open Lane", postcode="LU1 1AA")

    assert not mentions_hidden_address(text="3 Open Lane, LU1 1AA", family=family)
    assert without_hidden_addresses(text="3 Open Lane", family=family) == "3 Open Lane"


# The pages


def test_a_front_door_officer_may_change_an_address_they_can_see_and_mark_it_do_not_disclose(signed_in_client):
    family = FamilyFactory.create()
    client = signed_in_client(staff(Role.FRONT_DOOR_OFFICER))

    response = client.post(
        reverse("families:address", args=[family.reference]),
        {"address_line": "9 Safe Row", "postcode": "LU3 2AB", "hidden": "on", "reason": "Fleeing abuse"},
    )

    assert response.status_code == 302
    family.refresh_from_db()
    assert (family.address_line, family.address_hidden) == ("9 Safe Row", True)


def test_a_front_door_officer_may_not_open_a_hidden_address_to_change_it(signed_in_client):
    family = HiddenAddressFamilyFactory.create()
    officer = staff(Role.FRONT_DOOR_OFFICER)

    response = signed_in_client(officer).get(reverse("families:address", args=[family.reference]))

    assert response.status_code == 403
    assert "Secret" not in response.content.decode()
    assert AuditEvent.objects.get(actor=officer).action == AuditAction.DENIED


def test_the_team_opening_a_hidden_address_to_change_it_is_a_reveal(signed_in_client):
    family = HiddenAddressFamilyFactory.create()
    episode = OpenEpisodeFactory.create(referral__family=family)
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    content = signed_in_client(practitioner).get(reverse("families:address", args=[family.reference])).content.decode()

    assert "12 Secret Street" in content
    assert AuditEvent.objects.filter(actor=practitioner, changed_fields=["address"]).count() == 1


def test_the_address_page_shows_errors_and_keeps_what_was_typed(signed_in_client):
    family = FamilyFactory.create()

    response = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).post(
        reverse("families:address", args=[family.reference]),
        {"address_line": "9 Safe Row", "postcode": "nonsense", "hidden": "on"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter a real postcode, like LU4 8BW" in content
    assert "Say why the address must not be disclosed" in content
    assert 'value="9 Safe Row"' in content


def test_a_parent_living_elsewhere_has_an_address_page_and_others_do_not(signed_in_client):
    father = ParentLivingElsewhereFactory.create()
    mother = AdultFactory.create(family=father.family)
    client = signed_in_client(staff(Role.FRONT_DOOR_OFFICER))

    own = client.get(reverse("families:person_address", args=[father.family.reference, father.pk]))
    none = client.get(reverse("families:person_address", args=[mother.family.reference, mother.pk]))

    assert own.status_code == 200
    assert none.status_code == 404
