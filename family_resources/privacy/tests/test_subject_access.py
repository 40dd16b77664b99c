import io
import json
import zipfile

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.tests.factories_notes import SensitiveCaseNoteFactory
from family_resources.casework.tests.factories_plans import accepted_episode
from family_resources.families.models import Person
from family_resources.families.tests.factories import AdultFactory, ProfessionalFactory
from family_resources.notifications.tests.factories import SentMessageFactory
from family_resources.privacy.sar import subject_access_bundle

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    """Mum (the subject) and her child, a referral by a health visitor, a professional, a sensitive note."""
    episode = accepted_episode(contact_email="mum.subject@example.com")
    family = episode.family
    AdultFactory.create(family=family, given_name="Morgan", family_name="Subject")
    family.members.filter(kind="child").update(given_name="Robin", family_name="Subject")
    ProfessionalFactory.create(family=family, name="Dr Pat Thirdparty")
    referral = family.referrals.get()
    referral.referrer_name = "Hilary Visitor"
    referral.save()
    SensitiveCaseNoteFactory.create(episode=episode, text="Ex-partner Casey Other came to the house.")
    SentMessageFactory.create(recipient="mum.subject@example.com", body="Your appointment is tomorrow.")
    return family


def subject(family):
    return Person.objects.get(family=family, given_name="Morgan")


def _cells(bundle):
    for section in bundle.sections:
        for row in section.rows:
            for cell in row.cells:
                yield section.title, row, cell


def test_the_bundle_holds_everything_about_the_person_and_marks_other_peoples_details(family):
    bundle = subject_access_bundle(person=subject(family))
    titles = {section.title for section in bundle.sections}
    assert {"People", "Referrals", "Episodes", "Case notes", "Messages sent"} <= titles
    assert any(title.startswith("Audit trail") for title in titles)

    values = {(cell.value, cell.redact) for _title, _row, cell in _cells(bundle)}
    assert ("Morgan", False) in values  # the subject's own details are not marked
    assert ("Robin", True) in values  # another family member's are
    assert ("Dr Pat Thirdparty", True) in values  # a professional's
    assert ("Hilary Visitor", True) in values  # the referrer's
    assert ("Your appointment is tomorrow.", False) in values
    flagged = [row for _title, row, _cell in _cells(bundle) if row.flags]
    assert any("Sensitive case note" in flag for row in flagged for flag in row.flags)


def test_a_self_referral_keeps_the_referrers_details_unmarked(family):
    referral = family.referrals.get()
    referral.referrer_type = "self"
    referral.referrer_name = "Morgan Subject"
    referral.save()
    values = {
        (cell.label, cell.value, cell.redact)
        for _title, _row, cell in _cells(subject_access_bundle(person=subject(family)))
    }
    assert ("Referrer name", "Morgan Subject", False) in values


def test_a_service_manager_sees_the_bundle_and_downloads_it_as_a_zip_and_both_are_audited(client, family):
    person = subject(family)
    client.force_login(staff(Role.SERVICE_MANAGER))
    search = client.get(reverse("privacy_staff:sar_search"), {"query": "Morgan Subject"})
    assert reverse("privacy_staff:sar_bundle", args=[person.pk]) in search.content.decode()

    page = client.get(reverse("privacy_staff:sar_bundle", args=[person.pk])).content.decode()
    assert "redact: third party" in page
    assert '<mark class="redact">Robin</mark>' in page

    response = client.get(reverse("privacy_staff:sar_download", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(f'attachment; filename="subject-access-{family.reference}-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert set(archive.namelist()) == {"bundle.html", "bundle.json", "README.txt"}
    data = json.loads(archive.read("bundle.json"))
    assert data["family_reference"] == family.reference
    assert "redact: third party" in archive.read("bundle.html").decode()

    views = AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="families.person", object_id=str(person.pk))
    assert views.count() >= 2


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.FRONT_DOOR_OFFICER, Role.DIRECTORY_OFFICER])
def test_other_staff_cannot_make_a_bundle(client, family, role):
    client.force_login(staff(role))
    person = subject(family)
    assert client.get(reverse("privacy_staff:sar_search")).status_code == 403
    assert client.get(reverse("privacy_staff:sar_bundle", args=[person.pk])).status_code == 403
    assert client.get(reverse("privacy_staff:sar_download", args=[person.pk])).status_code == 403


def test_the_bundle_never_shows_another_familys_records(family):
    other = accepted_episode(family_name="Unrelated")
    other.family.members.update(given_name="Nobody", family_name="Unrelated")
    values = {cell.value for _title, _row, cell in _cells(subject_access_bundle(person=subject(family)))}
    assert other.family.reference not in values
    assert "Unrelated" not in " ".join(values)
