"""Each eligibility rule, with the words people are shown. No database."""

from datetime import date, timedelta

import pytest

from family_resources.intake.eligibility import (
    Eligibility,
    EligibilityStatus,
    Ineligibility,
    PersonFacts,
    Relationship,
    assess_eligibility,
)

TODAY = date(2026, 11, 23)


def born(years_ago: int, days_earlier: int = 0) -> date:
    return TODAY.replace(year=TODAY.year - years_ago) - timedelta(days=days_earlier)


def child(years: int, *, send: bool = False, days_earlier: int = 0) -> PersonFacts:
    return PersonFacts(Relationship.CHILD, date_of_birth=born(years, days_earlier), has_send=send)


PARENT = PersonFacts(Relationship.PARENT, date_of_birth=born(30))


def assess(*people: PersonFacts, in_area: bool | None = True) -> Eligibility:
    return assess_eligibility(people=people, in_area=in_area, today=TODAY)


@pytest.mark.parametrize("years", [0, 5, 12, 19])
def test_a_child_aged_0_to_19_is_eligible(years):
    assert assess(PARENT, child(years)).status == EligibilityStatus.ELIGIBLE


def test_a_newborn_born_today_is_eligible():
    assert assess(PersonFacts(Relationship.CHILD, date_of_birth=TODAY)).eligible


def test_at_20_without_send_a_young_person_is_not_eligible_and_told_why():
    result = assess(PARENT, child(20))

    assert result.status == EligibilityStatus.NOT_ELIGIBLE
    assert result.reasons == (Ineligibility.NO_CHILD_IN_AGE_RANGE,)
    assert "child aged 0 to 19" in result.explanation()[0]
    assert "up to 25 with special educational needs or disabilities" in result.explanation()[0]


@pytest.mark.parametrize("years", [20, 24, 25])
def test_with_send_a_young_person_is_eligible_up_to_25(years):
    assert assess(PARENT, child(years, send=True)).eligible


def test_with_send_a_young_person_is_not_eligible_at_26():
    result = assess(PARENT, child(26, send=True))
    assert result.reasons == (Ineligibility.NO_CHILD_IN_AGE_RANGE,)


def test_the_day_before_the_20th_birthday_is_still_19():
    assert assess(child(20, days_earlier=-1)).eligible


def test_pregnancy_alone_is_eligible():
    unborn = PersonFacts(Relationship.UNBORN, expected_date_of_delivery=TODAY + timedelta(days=90))
    assert assess(PARENT, unborn).eligible


def test_an_unborn_baby_due_in_the_past_does_not_count():
    unborn = PersonFacts(Relationship.UNBORN, expected_date_of_delivery=TODAY - timedelta(days=30))
    assert assess(PARENT, unborn).reasons == (Ineligibility.NO_CHILD_IN_AGE_RANGE,)


def test_adults_alone_are_not_eligible():
    assert assess(PARENT, PersonFacts(Relationship.CARER, date_of_birth=born(60))).reasons == (
        Ineligibility.NO_CHILD_IN_AGE_RANGE,
    )


def test_out_of_area_is_not_eligible_with_the_postcode_in_the_message_and_their_own_council_suggested():
    result = assess(PARENT, child(4), in_area=False)

    assert result.reasons == (Ineligibility.OUT_OF_AREA,)
    assert result.explanation(postcode="MK45 1AA") == [
        "The postcode MK45 1AA is not in Luton. We can only work with families who live in Luton."
    ]
    assert any("council where you live" in place for place in result.where_else())


def test_both_reasons_are_given_when_both_apply():
    result = assess(child(30), in_area=False)
    assert set(result.reasons) == {Ineligibility.NO_CHILD_IN_AGE_RANGE, Ineligibility.OUT_OF_AREA}


def test_everyone_not_eligible_is_pointed_to_health_services_and_the_resource_centre():
    places = assess(PARENT).where_else()
    assert any("Health visitors" in place for place in places)
    assert any("resource centre" in place for place in places)
    assert not any("council where you live" in place for place in places)


def test_an_unknown_age_or_postcode_is_for_an_officer_to_check_not_a_refusal():
    result = assess(PersonFacts(Relationship.CHILD), in_area=None)

    assert result.status == EligibilityStatus.TO_CHECK
    assert result.reasons == ()
    assert len(result.notes) == 2
