"""Free text in a subject access bundle that names other people, or holds their contact details, is flagged."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import Episode
from family_resources.casework.tests.factories_notes import CaseNoteFactory
from family_resources.casework.tests.factories_plans import accepted_episode
from family_resources.families.models import Person
from family_resources.families.tests.factories import AdultFactory, ProfessionalFactory
from family_resources.intake.eligibility import Relationship
from family_resources.intake.models import ReferralPerson
from family_resources.privacy.collect import dependents
from family_resources.privacy.sar import Bundle, Cell, Row, bundle_mention_finder, subject_access_bundle

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode():
    """Mum (the subject), her partner Dean Lacey, her son Jordan, a health visitor and a named referrer."""
    episode = accepted_episode(
        family_name="Subject", address_line="1 Test Street", contact_email="mum.subject@example.com"
    )
    family = episode.family
    AdultFactory.create(family=family, given_name="Morgan", family_name="Subject")
    AdultFactory.create(family=family, given_name="Dean", family_name="Lacey", relationship="Mother's partner")
    family.members.filter(kind="child").update(given_name="Jordan", family_name="Subject")
    ProfessionalFactory.create(family=family, name="Dr Pat Thirdparty")
    referral = family.referrals.get()
    referral.referrer_name = "Hilary Visitor"
    referral.concerns = "Hilary Visitor says Jordan is not sleeping; Annual review due."
    referral.save()
    return episode


def _bundle(episode: Episode) -> Bundle:
    return subject_access_bundle(person=Person.objects.get(family=episode.family, given_name="Morgan"))


def _cell(bundle: Bundle, value: str) -> tuple[Row, Cell]:
    rows = [(row, cell) for section in bundle.sections for row in section.rows for cell in row.cells]
    return next((row, cell) for row, cell in rows if cell.value == value)


def test_a_case_note_naming_the_partner_is_flagged_and_left_visible(episode):
    CaseNoteFactory.create(episode=episode, text="Mum's partner Dean Lacey was at the visit with Jordan.")
    row, cell = _cell(_bundle(episode), "Mum's partner Dean Lacey was at the visit with Jordan.")
    assert cell.redact is False
    assert cell.mentions == ["Dean Lacey", "Jordan"]
    assert "Mentions other people: Dean Lacey, Jordan. Check before sending" in row.flags


def test_a_case_note_naming_only_the_subject_is_not_flagged(episode):
    CaseNoteFactory.create(episode=episode, text="Morgan Subject came to the group; Morgan was upbeat.")
    row, cell = _cell(_bundle(episode), "Morgan Subject came to the group; Morgan was upbeat.")
    assert (cell.mentions, cell.contacts) == ([], [])
    assert not any("Mentions other people" in flag for flag in row.flags)


def test_a_name_inside_a_longer_word_is_not_a_mention(episode):
    AdultFactory.create(family=episode.family, given_name="Ann", family_name="Subject", relationship="Grandmother")
    CaseNoteFactory.create(episode=episode, text="Annual review booked.")
    _row, cell = _cell(_bundle(episode), "Annual review booked.")
    assert cell.mentions == []


def test_the_referrer_and_professionals_named_in_free_text_are_flagged(episode):
    CaseNoteFactory.create(episode=episode, text="Spoke to Pat Thirdparty and then Hilary Visitor.")
    bundle = _bundle(episode)
    assert _cell(bundle, "Spoke to Pat Thirdparty and then Hilary Visitor.")[1].mentions == [
        "Dr Pat Thirdparty",
        "Hilary Visitor",
    ]
    assert _cell(bundle, "Hilary Visitor says Jordan is not sleeping; Annual review due.")[1].mentions == [
        "Hilary Visitor",
        "Jordan",
    ]


def test_someone_named_on_a_referral_but_not_in_the_family_is_a_third_party(episode):
    referral = episode.family.referrals.get()
    ReferralPerson.objects.create(
        referral=referral, relationship=Relationship.OTHER_ADULT, given_name="Casey", family_name="Other"
    )
    CaseNoteFactory.create(episode=episode, text="Casey picked the children up.")
    assert _cell(_bundle(episode), "Casey picked the children up.")[1].mentions == ["Casey"]


def test_another_persons_email_is_flagged_and_the_familys_own_is_not(episode):
    CaseNoteFactory.create(episode=episode, text="Dean asked us to write to deanlacey@example.net instead.")
    CaseNoteFactory.create(episode=episode, text="Mum prefers email: mum.subject@example.com.")
    bundle = _bundle(episode)
    row, cell = _cell(bundle, "Dean asked us to write to deanlacey@example.net instead.")
    assert cell.contacts == ["deanlacey@example.net"]
    assert "Possible contact details of someone else: deanlacey@example.net. Check before sending" in row.flags
    assert _cell(bundle, "Mum prefers email: mum.subject@example.com.")[1].contacts == []


def test_the_services_own_number_in_a_note_is_not_someone_elses(episode, settings):
    settings.SERVICE_PHONE = "01632 960 100"
    CaseNoteFactory.create(episode=episode, text="Gave mum our number, 01632 960100, and the GP's, 01632 960777.")
    cell = _cell(_bundle(episode), "Gave mum our number, 01632 960100, and the GP's, 01632 960777.")[1]
    assert cell.contacts == ["01632 960777"]


def test_values_already_marked_for_redaction_are_not_searched(episode):
    ProfessionalFactory.create(family=episode.family, name="Sam Worker", notes="Also works with Dean Lacey.")
    _row, cell = _cell(_bundle(episode), "Also works with Dean Lacey.")
    assert cell.redact is True
    assert cell.mentions == []


def test_the_page_the_download_and_the_json_all_carry_the_check(client, episode):
    CaseNoteFactory.create(episode=episode, text="Dean Lacey was at the visit.")
    person = Person.objects.get(family=episode.family, given_name="Morgan")
    client.force_login(staff(Role.SERVICE_MANAGER))

    page = client.get(reverse("privacy_staff:sar_bundle", args=[person.pk])).content.decode()
    assert '<strong class="govuk-tag govuk-tag--orange">Check: names Dean Lacey</strong>' in page

    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("privacy_staff:sar_download", args=[person.pk])).content))
    assert "Check: names Dean Lacey" in archive.read("bundle.html").decode()
    cells = [
        cell
        for section in json.loads(archive.read("bundle.json"))["sections"]
        for row in section["rows"]
        for cell in row["cells"]
    ]
    note = {"label": "Text", "value": "Dean Lacey was at the visit.", "redact": False}
    assert note | {"mentions": ["Dean Lacey"], "contacts": []} in cells


def test_the_known_names_come_from_the_rows_already_loaded_without_more_queries(episode, django_assert_num_queries):
    person = Person.objects.get(family=episode.family, given_name="Morgan")
    rows = dependents(episode.family)
    with django_assert_num_queries(0):
        finder = bundle_mention_finder(rows, person, set())
    assert finder.names_in("Dean Lacey, Hilary Visitor and Pat Thirdparty") == [
        "Dean Lacey",
        "Hilary Visitor",
        "Dr Pat Thirdparty",
    ]
