"""Organisations keep their own entries: asking to be listed, signing in by emailed link, and changes that
wait for a directory officer's approval."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.directory.models import ChangeRequest, Organisation, OrganisationSignIn, Service
from family_resources.directory.services import change_request_approve, change_request_reject, listing_request_submit
from family_resources.directory.tests.factories import (
    OrganisationFactory,
    ServiceFactory,
    VettedOrganisationFactory,
    directory_officer,
)
from family_resources.notifications.models import Message
from family_resources.places.models import Neighbourhood

pytestmark = pytest.mark.django_db

LISTING = {
    "name": "Dallow Dads",
    "kind": "community",
    "description": "Saturday activities for dads and their children.",
    "services_summary": "A Saturday club at the Dallow community centre.",
    "website": "",
    "email": "",
    "phone": "",
    "charity_number": "",
    "company_number": "",
    "account_name": "Tom Organiser",
    "account_email": "tom@dads.example.org",
}

SERVICE = {
    "name": "Saturday club",
    "description": "Games and crafts for dads and children.",
    "status": "active",
    "categories": ["play"],
    "min_age": "0",
    "max_age": "11",
    "is_free": "yes",
    "languages": ["en", "pl"],
    "online": "no",
    "location_name": "Dallow community centre",
    "address_1": "1 Dallow Road",
    "postcode": "lu4 8bw",
    "days": ["5"],
    "opens_at": "10:00",
    "closes_at": "12:00",
    "replaces": ["stay-and-play"],
}


def link_in(body):
    """The path of the sign-in link in an email."""
    found = re.search(r"https?://[^/]+(/directory/organisation/sign-in/[^/\s]+/)", body)
    assert found is not None
    return found.group(1)


def sign_in(client, organisation):
    """Ask for a link, then follow it, as the organisation would from its email."""
    client.post("/directory/organisation/sign-in/", {"email": organisation.account_email})
    body = Message.objects.filter(template="directory_sign_in_link").latest("created_at").body
    path = link_in(body)
    return client.post(path)


def test_a_community_group_asks_to_be_listed_and_nothing_is_listed_until_approved(client):
    response = client.post("/directory/list-your-organisation/", LISTING)

    assert response.status_code == 302
    request = ChangeRequest.objects.get()
    assert request.kind == ChangeRequest.Kind.NEW_LISTING
    assert not Organisation.objects.exists()

    change_request_approve(change=request, decided_by=directory_officer())

    organisation = Organisation.objects.get(name="Dallow Dads")
    assert organisation.account_email == "tom@dads.example.org"
    assert organisation.safeguarding_evidence_expires_on is None  # listed, but hidden until its evidence is verified
    assert Message.objects.filter(template="directory_request_approved", recipient="tom@dads.example.org").exists()


def test_asking_to_be_listed_with_a_name_already_listed_says_to_sign_in(client):
    OrganisationFactory.create(name="Dallow Dads")

    content = client.post("/directory/list-your-organisation/", LISTING).content.decode()

    assert "already listed. Sign in to update its entry" in content
    assert 'value="tom@dads.example.org"' in content


def test_the_sign_in_link_works_once_and_reveals_nothing_about_unknown_addresses(client):
    organisation = OrganisationFactory.create()

    unknown = client.post("/directory/organisation/sign-in/", {"email": "stranger@example.org"})
    assert unknown.status_code == 302
    assert not Message.objects.filter(recipient="stranger@example.org").exists()

    client.post("/directory/organisation/sign-in/", {"email": organisation.account_email.upper()})
    message = Message.objects.get(template="directory_sign_in_link")
    path = link_in(message.body)

    assert client.get(path).status_code == 200  # opening the link (or a mail scanner) does not use it up
    assert client.post(path).status_code == 302
    assert client.get("/directory/organisation/").status_code == 200
    client.post("/directory/organisation/sign-out/")
    assert client.post(path).status_code == 410


def test_an_out_of_date_link_does_not_sign_in(client):
    organisation = OrganisationFactory.create()
    sign_in(client, organisation)
    client.post("/directory/organisation/sign-out/")
    client.post("/directory/organisation/sign-in/", {"email": organisation.account_email})
    OrganisationSignIn.objects.filter(used_at__isnull=True).update(expires_at=timezone.now() - timedelta(seconds=1))
    body = Message.objects.filter(template="directory_sign_in_link").latest("created_at").body
    path = link_in(body)

    assert client.post(path).status_code == 410


def test_a_signed_in_organisation_gets_no_staff_access(client):
    organisation = VettedOrganisationFactory.create()
    sign_in(client, organisation)

    assert client.get("/directory/organisation/").status_code == 200
    for staff_page in ["/staff/", "/staff/directory/", "/staff/resources/", "/staff/admin/"]:
        response = client.get(staff_page)
        # Sent to sign in as staff: the admin first to its own login, which is the staff sign-in.
        assert response.status_code == 302, staff_page
        assert response["Location"].startswith(("/staff/sign-in/", "/staff/admin/login/")), staff_page


def test_the_organisation_pages_need_the_organisations_sign_in(client):
    assert client.get("/directory/organisation/").url == "/directory/organisation/sign-in/"


def test_a_service_change_waits_for_approval_then_changes_the_directory(client):
    organisation = VettedOrganisationFactory.create()
    service = ServiceFactory.create(organisation=organisation, name="Saturday club", neighbourhood=None)
    sign_in(client, organisation)

    response = client.post(
        f"/directory/organisation/services/{service.uuid}/", {**SERVICE, "name": "Saturday dads' club"}
    )

    assert response.status_code == 302
    assert Service.objects.get(pk=service.pk).name == "Saturday club"  # unchanged until approved
    change = ChangeRequest.objects.get(kind=ChangeRequest.Kind.SERVICE)

    change_request_approve(change=change, decided_by=directory_officer())

    service.refresh_from_db()
    assert service.name == "Saturday dads' club"
    assert service.neighbourhood == Neighbourhood.objects.get(slug="west")  # from the location's postcode
    assert service.max_age == 11
    assert service.languages == ["en", "pl"]
    assert [s.weekday for s in service.schedules.all()] == [5]
    assert service.locations.get().postcode == "LU4 8BW"
    assert list(service.replaces.values_list("slug", flat=True)) == ["stay-and-play"]
    assert list(service.service_areas.values_list("slug", flat=True)) == ["early-years"]  # from the category


def test_sending_again_replaces_the_waiting_change(client):
    organisation = VettedOrganisationFactory.create()
    sign_in(client, organisation)

    client.post("/directory/organisation/details/", {**LISTING, "name": organisation.name, "description": "First"})
    client.post("/directory/organisation/details/", {**LISTING, "name": organisation.name, "description": "Second"})

    assert [c.proposed["description"] for c in ChangeRequest.objects.all()] == ["Second"]


def test_the_service_form_explains_its_rules(client):
    organisation = VettedOrganisationFactory.create()
    sign_in(client, organisation)

    content = client.post(
        "/directory/organisation/services/new/", {**SERVICE, "min_age": "9", "max_age": "4", "closes_at": "09:00"}
    ).content.decode()

    assert "The oldest age must be the same as or more than the youngest age" in content
    assert "The finish time must be after the start time" in content
    assert not ChangeRequest.objects.exists()


def test_an_officer_rejects_a_change_with_a_reason_the_organisation_is_sent(signed_in_client):
    organisation = VettedOrganisationFactory.create(account_email="lead@group.example.org")
    change = ChangeRequest.objects.create(
        kind=ChangeRequest.Kind.ORGANISATION,
        organisation=organisation,
        proposed={**LISTING, "name": "Renamed"},
        submitted_by_email="lead@group.example.org",
    )
    officer = signed_in_client(directory_officer())

    missing = officer.post(f"/staff/directory/requests/{change.pk}/", {"decision": "reject", "reason": ""})
    assert "Enter why you are rejecting the request" in missing.content.decode()

    officer.post(
        f"/staff/directory/requests/{change.pk}/", {"decision": "reject", "reason": "Use the registered name."}
    )

    change.refresh_from_db()
    assert change.status == ChangeRequest.Status.REJECTED
    assert Organisation.objects.get(pk=organisation.pk).name == organisation.name
    message = Message.objects.get(template="directory_request_rejected")
    assert message.recipient == "lead@group.example.org"
    assert "Use the registered name." in message.body


def test_the_officer_sees_what_would_change(signed_in_client):
    organisation = VettedOrganisationFactory.create(description="Old words")
    ChangeRequest.objects.create(
        kind=ChangeRequest.Kind.ORGANISATION,
        organisation=organisation,
        proposed={
            **{
                k: getattr(organisation, k)
                for k in [
                    "name",
                    "kind",
                    "website",
                    "email",
                    "phone",
                    "charity_number",
                    "company_number",
                    "account_name",
                    "account_email",
                ]
            },
            "description": "New words",
        },
        submitted_by_email=organisation.account_email,
    )

    response = signed_in_client(directory_officer()).get(f"/staff/directory/requests/{ChangeRequest.objects.get().pk}/")

    assert [row[1:] for row in response.context["rows"]] == [("Old words", "New words")]


def test_a_decided_request_cannot_be_decided_again():
    change = listing_request_submit(organisation={**LISTING}, services_summary="A club")
    change_request_reject(change=change, reason="Outside Luton.", decided_by=directory_officer())

    with pytest.raises(ValidationError, match="already been decided"):
        change_request_approve(change=change, decided_by=directory_officer())


def test_only_directory_officers_decide_requests(signed_in_client):
    change = listing_request_submit(organisation={**LISTING}, services_summary="A club")

    response = signed_in_client(staff(Role.SERVICE_MANAGER)).post(
        f"/staff/directory/requests/{change.pk}/", {"decision": "approve"}
    )

    assert response.status_code == 403
    assert ChangeRequest.objects.get().status == ChangeRequest.Status.PENDING
