"""The family's consent: who gave it, how, which agencies may be told, and its withdrawal."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import AgencyType, Consent, ConsentMethod
from family_resources.families.selectors import current_consent_of
from family_resources.families.services import consent_record, consent_withdraw
from family_resources.families.tests.factories import (
    AdultFactory,
    ChildFactory,
    ConsentFactory,
    FamilyFactory,
    UnbornChildFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _record(**changes: object) -> Consent:
    family = changes.pop("family", None) or FamilyFactory.create()
    fields: dict[str, object] = {
        "family": family,
        "given_by": changes.pop("given_by", None) or AdultFactory.create(family=family),
        "given_on": TODAY(),
        "method": ConsentMethod.VERBAL,
        "agencies": [AgencyType.GP, AgencyType.SCHOOL],
        "recorded_by": staff(Role.PRACTITIONER),
        **changes,
    }
    return consent_record(**fields)  # type: ignore[arg-type]


def test_recording_consent_makes_it_current_and_lists_the_agencies_in_a_fixed_order():
    consent = _record(agencies=[AgencyType.SCHOOL, AgencyType.GP, AgencyType.SCHOOL])

    assert consent.is_current
    assert consent.agencies == [AgencyType.GP, AgencyType.SCHOOL]
    assert consent.covers(AgencyType.GP)
    assert not consent.covers(AgencyType.POLICE)
    assert current_consent_of(consent.family) == consent


def test_new_consent_replaces_the_current_one_which_stays_in_the_history():
    first = ConsentFactory.create(given_on=TODAY() - timedelta(days=10))

    second = _record(family=first.family, given_by=first.given_by, agencies=[])

    first.refresh_from_db()
    assert first.replaced_on == TODAY()
    assert not first.is_current
    assert current_consent_of(first.family) == second
    assert not second.covers(AgencyType.GP)


def test_a_young_person_of_16_may_consent_but_a_younger_child_or_unborn_child_may_not():
    family = FamilyFactory.create()
    sixteen = ChildFactory.create(family=family, date_of_birth=years_ago(16))
    fifteen = ChildFactory.create(family=family, date_of_birth=years_ago(16) + timedelta(days=1))
    unborn = UnbornChildFactory.create(family=family)

    assert _record(family=family, given_by=sixteen).is_current
    for person in (fifteen, unborn):
        with pytest.raises(ValidationError) as error:
            _record(family=family, given_by=person)
        assert error.value.message_dict["given_by"] == [
            "Consent must come from an adult in the family, or a young person aged 16 or over"
        ]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"given_on": TODAY() + timedelta(days=1)},
            "given_on",
            "The date consent was given must be today or in the past",
        ),
        ({"method": "telepathy"}, "method", "Choose whether consent was written or verbal"),
        ({"agencies": ["astrologer"]}, "agencies", "Choose agencies from the list"),
    ],
)
def test_consent_record_refuses_what_cannot_be_recorded(changes, field, message):
    with pytest.raises(ValidationError) as error:
        _record(**changes)

    assert error.value.message_dict[field] == [message]
    assert not Consent.objects.exists()


def test_consent_must_come_from_someone_in_the_family():
    with pytest.raises(ValidationError) as error:
        _record(given_by=AdultFactory.create())

    assert error.value.message_dict["given_by"] == ["Choose someone in this family"]


def test_new_consent_cannot_be_dated_before_the_current_one():
    current = ConsentFactory.create(given_on=TODAY())

    with pytest.raises(ValidationError) as error:
        _record(family=current.family, given_on=TODAY() - timedelta(days=1))

    assert "when the current consent was given" in error.value.message_dict["given_on"][0]


def test_withdrawing_consent_leaves_the_family_with_none_current():
    consent = ConsentFactory.create(given_on=TODAY() - timedelta(days=3))
    officer = staff(Role.FRONT_DOOR_OFFICER)

    consent_withdraw(consent=consent, withdrawn_on=TODAY(), reason="Mother asked us to stop", withdrawn_by=officer)

    consent.refresh_from_db()
    assert consent.withdrawn_by == officer
    assert not consent.covers(AgencyType.HEALTH_VISITOR)
    assert current_consent_of(consent.family) is None


@pytest.mark.parametrize(
    ("days", "reason", "field", "message"),
    [
        (0, " ", "reason", "Say why consent was withdrawn"),
        (1, "Asked", "withdrawn_on", "The date consent was withdrawn must be today or in the past"),
        (-5, "Asked", "withdrawn_on", "The date consent was withdrawn must be on or after the date it was given"),
    ],
)
def test_consent_withdraw_needs_a_reason_and_a_date_it_could_happen(days, reason, field, message):
    consent = ConsentFactory.create(given_on=TODAY() - timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        consent_withdraw(
            consent=consent,
            withdrawn_on=TODAY() + timedelta(days=days),
            reason=reason,
            withdrawn_by=staff(Role.PRACTITIONER),
        )

    assert error.value.message_dict[field] == [message]


def test_consent_that_is_no_longer_current_cannot_be_withdrawn():
    consent = ConsentFactory.create(replaced_on=TODAY())

    with pytest.raises(ValidationError, match="no longer current"):
        consent_withdraw(consent=consent, withdrawn_on=TODAY(), reason="x", withdrawn_by=staff(Role.PRACTITIONER))


def test_the_database_allows_one_current_consent_a_family():
    consent = ConsentFactory.create()

    with pytest.raises(IntegrityError), transaction.atomic():
        ConsentFactory.create(family=consent.family, given_by=consent.given_by)


# The pages


@pytest.fixture
def team_client(signed_in_client):
    episode = OpenEpisodeFactory.create()
    return signed_in_client(staff(Role.PRACTITIONER, teams=[episode.team])), episode.family


def test_a_practitioner_records_the_familys_consent(team_client):
    client, family = team_client
    mother = AdultFactory.create(family=family, given_name="Nadia")

    page = client.get(reverse("families:consent_add", args=[family.reference])).content.decode()
    response = client.post(
        reverse("families:consent_add", args=[family.reference]),
        {"given_by": mother.pk, "given_on": TODAY().isoformat(), "method": "written", "agencies": ["gp", "school"]},
    )

    assert "Nadia" in page
    assert response.status_code == 302
    consent = current_consent_of(family)
    assert consent is not None
    assert consent.agencies == ["gp", "school"]


def test_the_consent_page_shows_errors_and_keeps_what_was_chosen(team_client):
    client, family = team_client
    AdultFactory.create(family=family)

    response = client.post(
        reverse("families:consent_add", args=[family.reference]), {"given_on": "", "agencies": ["police"]}
    )

    content = response.content.decode()
    assert "Choose who gave consent" in content
    assert "Enter the date consent was given" in content
    assert "Choose whether consent was written or verbal" in content
    assert 'value="police" checked' in content


def test_the_consent_page_explains_when_no_one_can_give_consent(team_client):
    client, family = team_client
    ChildFactory.create(family=family)

    content = client.get(reverse("families:consent_add", args=[family.reference])).content.decode()

    assert "Add them to the family first" in content
    assert "<form" not in content.split("main-content")[1]


def test_a_practitioner_records_that_consent_was_withdrawn(team_client):
    client, family = team_client
    consent = ConsentFactory.create(family=family, given_on=TODAY())

    missing = client.post(
        reverse("families:consent_withdraw", args=[family.reference, consent.pk]), {"withdrawn_on": ""}
    )
    done = client.post(
        reverse("families:consent_withdraw", args=[family.reference, consent.pk]),
        {"withdrawn_on": TODAY().isoformat(), "reason": "Father asked us to stop sharing"},
    )

    assert "Say why consent was withdrawn" in missing.content.decode()
    assert done.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_reason == "Father asked us to stop sharing"
