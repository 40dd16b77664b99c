"""Safeguarding evidence: only organisations with complete, in-date, verified evidence reach families."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from family_resources.directory.models import EvidenceKind, Organisation
from family_resources.directory.selectors import officer_dashboard, services_for_family
from family_resources.directory.services import safeguarding_evidence_verify, safeguarding_evidence_withdraw
from family_resources.directory.tests.factories import (
    OrganisationFactory,
    ServiceFactory,
    directory_officer,
    on_day,
    vet,
)
from family_resources.places.models import Neighbourhood

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def seen_by_families(client, service):
    """Whether each public route to families shows the service today."""
    west = Neighbourhood.objects.get(slug="west")
    return {
        "search": f"/directory/services/{service.uuid}/"
        in client.get("/directory/", {"q": service.name}).content.decode(),
        "page": client.get(f"/directory/services/{service.uuid}/").status_code == 200,
        "api": str(service.uuid) in {item["id"] for item in client.get("/api/oruk/services").json()["contents"]},
        "signposting": service
        in services_for_family(neighbourhood_id=west.pk, ages=[2], service_area_ids=[], language="en"),
    }


EVERYWHERE = {"search": True, "page": True, "api": True, "signposting": True}
NOWHERE = {"search": False, "page": False, "api": False, "signposting": False}


@pytest.mark.parametrize("kind", [EvidenceKind.DBS, EvidenceKind.POLICY])
def test_an_organisation_disappears_the_day_after_its_evidence_expires_and_returns_once_new_evidence_is_verified(
    client, kind
):
    expires = TODAY + timedelta(days=10)
    earlier: dict[str, Any] = {kind: expires}
    organisation = vet(OrganisationFactory.create(), **earlier)
    service = ServiceFactory.create(organisation=organisation, name="Stay and play at St Mary's", neighbourhood=None)

    with on_day(expires):
        assert seen_by_families(client, service) == EVERYWHERE
    with on_day(expires + timedelta(days=1)):
        assert seen_by_families(client, service) == NOWHERE

        safeguarding_evidence_verify(
            organisation=organisation,
            kind=kind,
            detail="Renewed",
            valid_until=expires + timedelta(days=365),
            verified_by=directory_officer(),
        )

        assert seen_by_families(client, service) == EVERYWHERE


def test_an_organisation_is_hidden_until_all_five_kinds_of_evidence_are_verified(client):
    organisation = OrganisationFactory.create()
    service = ServiceFactory.create(organisation=organisation, neighbourhood=None)
    officer = directory_officer()
    for kind in EvidenceKind.values[:-1]:
        safeguarding_evidence_verify(
            organisation=organisation,
            kind=kind,
            detail="Seen",
            valid_until=TODAY + timedelta(days=90),
            verified_by=officer,
        )
        assert seen_by_families(client, service) == NOWHERE

    safeguarding_evidence_verify(
        organisation=organisation,
        kind=EvidenceKind.values[-1],
        detail="Seen",
        valid_until=TODAY + timedelta(days=30),
        verified_by=officer,
    )

    organisation.refresh_from_db()
    assert organisation.safeguarding_evidence_expires_on == TODAY + timedelta(days=30)  # the earliest expiry
    assert seen_by_families(client, service) == EVERYWHERE


def test_withdrawn_evidence_hides_the_organisation_at_once(client):
    organisation = vet(OrganisationFactory.create())
    service = ServiceFactory.create(organisation=organisation, neighbourhood=None)
    dbs = organisation.evidence.get(kind=EvidenceKind.DBS)

    safeguarding_evidence_withdraw(
        evidence=dbs, reason="A concern was raised about a volunteer.", withdrawn_by=directory_officer()
    )

    assert seen_by_families(client, service) == NOWHERE
    assert Organisation.objects.get(pk=organisation.pk).safeguarding_evidence_expires_on is None


@pytest.mark.parametrize(
    ("valid_until", "field", "message"),
    [
        (TODAY - timedelta(days=1), "valid_until", "must be today or in the future"),
        (TODAY + timedelta(days=6 * 366), "valid_until", "within 5 years"),
    ],
)
def test_evidence_dates_must_be_sensible(valid_until, field, message):
    with pytest.raises(ValidationError) as raised:
        safeguarding_evidence_verify(
            organisation=OrganisationFactory.create(),
            kind=EvidenceKind.DBS,
            detail="Seen",
            valid_until=valid_until,
            verified_by=directory_officer(),
        )

    assert message in raised.value.message_dict[field][0]


def test_verifying_records_who_and_keeps_the_history():
    organisation = vet(OrganisationFactory.create())
    officer = directory_officer()

    newer = safeguarding_evidence_verify(
        organisation=organisation,
        kind=EvidenceKind.INSURANCE,
        detail="New policy",
        valid_until=TODAY + timedelta(days=400),
        verified_by=officer,
    )

    assert newer.verified_by == officer
    assert organisation.evidence.filter(kind=EvidenceKind.INSURANCE).count() == 2


def test_the_officer_sees_what_expires_in_the_next_30_days():
    soon = vet(OrganisationFactory.create(name="Soon"), dbs=TODAY + timedelta(days=30))
    vet(OrganisationFactory.create(name="Later"), dbs=TODAY + timedelta(days=32))
    lapsed = vet(OrganisationFactory.create(name="Lapsed"), training=TODAY)
    unchecked = OrganisationFactory.create(name="Unchecked")

    with on_day(TODAY + timedelta(days=1)):
        dashboard = officer_dashboard()

    assert [(organisation.name, item.kind) for organisation, item in dashboard.expiring] == [("Soon", EvidenceKind.DBS)]
    assert dashboard.lapsed == [lapsed]
    assert dashboard.incomplete == [unchecked]
    assert soon not in dashboard.lapsed


def test_only_directory_officers_verify_evidence(signed_in_client):
    from family_resources.accounts.roles import Role
    from family_resources.accounts.tests.factories import staff

    organisation = OrganisationFactory.create()
    manager = signed_in_client(staff(Role.SERVICE_MANAGER))

    assert manager.get(f"/staff/directory/organisations/{organisation.pk}/").status_code == 200
    assert manager.get(f"/staff/directory/organisations/{organisation.pk}/evidence/").status_code == 403


def test_an_officer_verifies_evidence_through_the_form(signed_in_client):
    organisation = OrganisationFactory.create()
    officer = signed_in_client(directory_officer())
    url = f"/staff/directory/organisations/{organisation.pk}/evidence/"

    wrong = officer.post(
        url, {"kind": "dbs", "detail": "Six enhanced checks", "valid_until": str(TODAY - timedelta(days=1))}
    )
    right = officer.post(
        url, {"kind": "dbs", "detail": "Six enhanced checks", "valid_until": str(TODAY + timedelta(days=100))}
    )

    assert "The review or expiry date must be today or in the future" in wrong.content.decode()
    assert "Six enhanced checks" in wrong.content.decode()  # what the officer typed is kept
    assert right.status_code == 302
    assert organisation.evidence.get().detail == "Six enhanced checks"
