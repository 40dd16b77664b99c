"""Working out a professional's kind from their role and organisation (no database)."""

import pytest

from family_resources.api.mapping import api_field, referrer_kind_from
from family_resources.intake.models import ReferrerType


@pytest.mark.parametrize(
    ("role", "organisation", "kind"),
    [
        ("Health visitor", "Health visiting", ReferrerType.HEALTH_VISITOR),
        ("", "Health visiting", ReferrerType.HEALTH_VISITOR),
        ("Community midwife", "Luton and Dunstable Hospital", ReferrerType.MIDWIFE),
        ("GP", "Bury Park Surgery", ReferrerType.GP),
        ("Practice manager", "Bury Park Medical Centre", ReferrerType.GP),
        ("School nurse", "NHS community trust", ReferrerType.SCHOOL),
        ("Family support worker", "Hillside Primary School", ReferrerType.SCHOOL),
        ("Manager", "Little Stars Nursery", ReferrerType.NURSERY),
        ("Social worker", "Luton Borough Council", ReferrerType.SOCIAL_CARE),
        ("Volunteer", "Marsh Farm food bank", ReferrerType.COMMUNITY_GROUP),
        ("Housing officer", "Luton Borough Council", ReferrerType.OTHER),
        ("Group leader", "Playgroup", ReferrerType.OTHER),  # 'group' is not 'gp'
    ],
)
def test_a_professionals_kind_comes_from_their_role_then_their_organisation(role, organisation, kind):
    assert referrer_kind_from(role=role, organisation=organisation) == kind


def test_intake_error_keys_are_named_as_the_api_body_names_them():
    assert api_field("postcode") == "family.postcode"
    assert api_field("consent_reason_if_not") == "consent.reason_if_not"
    assert api_field("people.2.date_of_birth") == "people.2.date_of_birth"
