"""Letters to other professionals: only with consent, from the team working with the family, kept on the record."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.families.models import AgencyType
from family_resources.families.services import letter_write
from family_resources.families.tests.factories import (
    ChildFactory,
    ConsentFactory,
    LetterFactory,
    ProfessionalFactory,
    UnbornChildFactory,
    years_ago,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    """A family with an open episode led by a practitioner, two children, a GP, and consent to tell the GP."""
    episode = OpenEpisodeFactory.create(referral__family__family_name="Khan")
    lead = staff(Role.PRACTITIONER, teams=[episode.team], full_name="Alex Lead", job_title="Family practitioner")
    episode.lead_practitioner = lead
    episode.save()
    family = episode.family
    ChildFactory.create(family=family, given_name="Amara", date_of_birth=years_ago(6))
    UnbornChildFactory.create(family=family)
    gp = ProfessionalFactory.create(family=family, name="Dr Hale", agency_type=AgencyType.GP, organisation="Surgery")
    ConsentFactory.create(family=family, agencies=[AgencyType.GP])
    return {"episode": episode, "family": family, "lead": lead, "gp": gp}


def test_a_letter_names_the_children_the_team_and_the_practitioners_own_words(case):
    letter = letter_write(professional=case["gp"], paragraph="Amara is sleeping badly.", written_by=case["lead"])

    birthday = years_ago(6)
    assert letter.body.startswith("Dear Dr Hale,")
    assert f"- Amara Khan, born {birthday.day} {birthday:%B %Y}" in letter.body
    assert "- Unborn child, due" in letter.body
    assert "Amara is sleeping badly." in letter.body
    assert "lead practitioner is Alex Lead" in letter.body
    assert str(case["episode"].team) in letter.body
    assert letter.body.endswith(f"Alex Lead\nFamily practitioner\n{case['episode'].team}, Family Resources Service")
    assert letter.recipient == "Dr Hale\nGP\nSurgery"
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="families.letter", object_id=str(letter.pk)
    ).exists()


def test_a_letter_is_refused_when_consent_does_not_cover_that_agency(case):
    police = ProfessionalFactory.create(family=case["family"], agency_type=AgencyType.POLICE)

    with pytest.raises(ValidationError, match="does not let us tell their police"):
        letter_write(professional=police, paragraph="Hello", written_by=case["lead"])


def test_a_letter_is_refused_once_consent_is_withdrawn(case):
    consent = case["family"].consents.get()
    consent.withdrawn_on = timezone.localdate()
    consent.withdrawn_reason = "Asked us to stop"
    consent.save()

    with pytest.raises(ValidationError, match="no current consent"):
        letter_write(professional=case["gp"], paragraph="Hello", written_by=case["lead"])


def test_a_letter_is_not_written_to_a_professional_who_stopped(case):
    case["gp"].ended_on = timezone.localdate()
    case["gp"].save()

    with pytest.raises(ValidationError, match="no longer works with the family"):
        letter_write(professional=case["gp"], paragraph="Hello", written_by=case["lead"])


def test_a_letter_needs_words_of_the_practitioners_own(case):
    with pytest.raises(ValidationError) as error:
        letter_write(professional=case["gp"], paragraph="  ", written_by=case["lead"])

    assert error.value.message_dict["paragraph"] == ["Write what you want to tell them"]


def test_a_letter_is_written_only_from_a_team_working_with_the_family_now(case):
    with pytest.raises(ValidationError, match="Only a member of a team working with the family now"):
        letter_write(professional=case["gp"], paragraph="Hello", written_by=staff(Role.FRONT_DOOR_OFFICER))


# The pages


def test_the_practitioner_writes_a_letter_and_gets_a_printable_page_that_is_kept(signed_in_client, case):
    client = signed_in_client(case["lead"])
    family = case["family"]

    form_page = client.get(reverse("families:letter_write", args=[family.reference, case["gp"].pk])).content.decode()
    response = client.post(
        reverse("families:letter_write", args=[family.reference, case["gp"].pk]),
        {"paragraph": "We would like to meet you."},
    )
    letter = family.letters.get()
    printed = client.get(response["Location"]).content.decode()
    record = client.get(reverse("families:detail", args=[family.reference])).content.decode()

    assert "Amara Khan" in form_page
    assert response["Location"] == reverse("families:letter", args=[family.reference, letter.pk])
    assert "Dear Dr Hale," in printed
    assert "We would like to meet you." in printed
    assert "govuk-!-display-none-print" in printed
    assert reverse("families:letter", args=[family.reference, letter.pk]) in record
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="families.letter").exists()


def test_the_letter_page_says_why_a_letter_cannot_be_written(signed_in_client, case):
    police = ProfessionalFactory.create(family=case["family"], agency_type=AgencyType.POLICE)

    content = (
        signed_in_client(case["lead"])
        .get(reverse("families:letter_write", args=[case["family"].reference, police.pk]))
        .content.decode()
    )

    assert "You cannot write this letter." in content
    assert "does not let us tell their police about our work" in content
    assert 'name="paragraph"' not in content


def test_the_letter_form_shows_the_error_and_keeps_the_words(signed_in_client, case):
    response = signed_in_client(case["lead"]).post(
        reverse("families:letter_write", args=[case["family"].reference, case["gp"].pk]),
        {"paragraph": "x" * 3001},
    )

    content = response.content.decode()
    assert "What you write must be 3000 characters or fewer" in content
    assert "x" * 3001 in content
    assert not case["family"].letters.exists()


@pytest.mark.parametrize(
    "who",
    [
        lambda case: staff(Role.SERVICE_MANAGER),
        lambda case: staff(Role.FRONT_DOOR_OFFICER),
        lambda case: staff(Role.PRACTITIONER, teams=[TeamFactory.create()]),
    ],
    ids=["service manager", "front-door officer", "practitioner of another team"],
)
def test_only_the_team_working_with_the_family_may_write_letters(signed_in_client, case, who):
    user = who(case)

    response = signed_in_client(user).get(
        reverse("families:letter_write", args=[case["family"].reference, case["gp"].pk])
    )

    assert response.status_code == 403
    assert AuditEvent.objects.get(actor=user).action == AuditAction.DENIED


def test_anyone_who_may_read_the_record_may_print_a_kept_letter(signed_in_client, case):
    letter = LetterFactory.create(professional=case["gp"])

    response = signed_in_client(staff(Role.SERVICE_MANAGER)).get(
        reverse("families:letter", args=[case["family"].reference, letter.pk])
    )

    assert response.status_code == 200
