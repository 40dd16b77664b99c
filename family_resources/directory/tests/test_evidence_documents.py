"""Safeguarding evidence documents: checked by content and size, stored privately, opened only by those allowed."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.directory.models import EvidenceKind, SafeguardingEvidence
from family_resources.directory.tests.factories import OrganisationFactory, directory_officer
from family_resources.directory.tests.test_organisations import sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
HTML_CALLED_PDF = b"<html><script>alert(1)</script></html>"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DIRECTORY_EVIDENCE_MAX_BYTES = 1024
    return settings.MEDIA_ROOT


def _verify(client, organisation, content, name="policy.pdf"):
    return client.post(
        reverse("directory_staff:evidence_verify", args=[organisation.pk]),
        {
            "kind": EvidenceKind.POLICY,
            "detail": "Safeguarding policy dated March 2026, signed by the chair.",
            "valid_until": (timezone.localdate() + timedelta(days=300)).isoformat(),
            "document": SimpleUploadedFile(name, content, content_type="application/pdf"),
        },
    )


@pytest.mark.parametrize(
    ("content", "content_type"), [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")]
)
def test_an_officer_uploads_a_pdf_png_or_jpeg_and_it_is_stored_privately_under_a_random_name(
    client, private_media, content, content_type
):
    organisation = OrganisationFactory.create()
    client.force_login(directory_officer())
    response = _verify(client, organisation, content, name="Jo Bloggs DBS.pdf")
    assert response.status_code == 302

    evidence = SafeguardingEvidence.objects.get(organisation=organisation)
    assert evidence.document_content_type == content_type
    stored = Path(evidence.document.path)
    assert stored.is_relative_to(private_media)
    assert "Bloggs" not in stored.name
    assert stored.read_bytes() == content


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HTML_CALLED_PDF, "The selected file must be a PDF, PNG or JPG"),
        (b"MZ\x90\x00 an executable", "The selected file must be a PDF, PNG or JPG"),
        (PDF + b"x" * 2048, "The file must be smaller than 1.0"),
        (b"", "The selected file is empty"),
    ],
)
def test_a_file_of_another_type_or_too_big_is_refused_and_nothing_else_typed_is_lost(client, content, message):
    organisation = OrganisationFactory.create()
    client.force_login(directory_officer())
    response = _verify(client, organisation, content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert "Safeguarding policy dated March 2026" in page
    assert not SafeguardingEvidence.objects.exists()


def _evidence_with_document(client, organisation):
    client.force_login(directory_officer())
    _verify(client, organisation, PDF)
    client.logout()
    return SafeguardingEvidence.objects.get(organisation=organisation)


def test_directory_staff_download_it_as_an_attachment_that_the_browser_must_not_sniff_and_it_is_audited(client):
    organisation = OrganisationFactory.create()
    evidence = _evidence_with_document(client, organisation)
    client.force_login(directory_officer())
    url = reverse("directory_staff:evidence_document", args=[organisation.pk, evidence.pk])

    response = client.get(url)

    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="directory.safeguardingevidence", object_id=str(evidence.pk)
    ).exists()
    staff_page = client.get(reverse("directory_staff:organisation", args=[organisation.pk])).content.decode()
    assert url in staff_page


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.FRONT_DOOR_OFFICER])
def test_other_staff_cannot_open_it(client, role):
    organisation = OrganisationFactory.create()
    evidence = _evidence_with_document(client, organisation)
    client.force_login(staff(role))
    response = client.get(reverse("directory_staff:evidence_document", args=[organisation.pk, evidence.pk]))
    assert response.status_code == 403


def test_nobody_signed_out_can_open_it_and_no_url_serves_the_media_folder(client):
    organisation = OrganisationFactory.create()
    evidence = _evidence_with_document(client, organisation)
    staff_url = reverse("directory_staff:evidence_document", args=[organisation.pk, evidence.pk])
    assert client.get(staff_url).status_code == 302  # to sign in
    own_url = reverse("directory:evidence_document", args=[evidence.pk])
    assert client.get(own_url)["Location"] == reverse("directory:sign_in")
    assert client.get("/media/" + evidence.document.name).status_code == 404


def test_an_organisation_opens_its_own_document_but_not_another_organisations(client):
    organisation = OrganisationFactory.create()
    other = OrganisationFactory.create()
    own = _evidence_with_document(client, organisation)
    theirs = _evidence_with_document(client, other)

    sign_in(client, organisation)
    response = client.get(reverse("directory:evidence_document", args=[own.pk]))
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        reverse("directory:evidence_document", args=[own.pk])
        in client.get(reverse("directory:organisation_home")).content.decode()
    )

    assert client.get(reverse("directory:evidence_document", args=[theirs.pk])).status_code == 404
