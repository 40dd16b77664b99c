"""Managers search the audit trail; nobody else sees it."""

import pytest
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.context import AuditContext, acting_as
from family_resources.families.tests.factories import FamilyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.ADMINISTRATOR])
def test_managers_and_administrators_can_search(signed_in_client, role):
    response = signed_in_client(staff(role)).get(reverse("audit:search"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "role",
    [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.FRONT_DOOR_OFFICER, Role.DIRECTORY_OFFICER, Role.CONSULTATION_OFFICER],
)
def test_other_roles_are_refused(signed_in_client, role):
    response = signed_in_client(staff(role)).get(reverse("audit:search"))
    assert response.status_code == 403


def test_filters_by_actor_and_record(signed_in_client):
    officer = staff(Role.FRONT_DOOR_OFFICER, email="officer.one@example.org")
    with acting_as(AuditContext(actor=officer, source="web")):
        mine = FamilyFactory.create()
    FamilyFactory.create()

    response = signed_in_client(staff(Role.SERVICE_MANAGER)).get(
        reverse("audit:search"), {"actor": "officer.one", "object_type": "families.family"}
    )

    events = list(response.context["page"])
    assert [e.object_id for e in events] == [str(mine.pk)]


def test_a_bad_date_gets_an_error_summary_and_keeps_what_was_typed(signed_in_client):
    response = signed_in_client(staff(Role.SERVICE_MANAGER)).get(
        reverse("audit:search"), {"actor": "someone", "date_from": "31/02/2026"}
    )

    content = response.content.decode()
    assert "There is a problem" in content
    assert 'href="#id_date_from"' in content
    assert "Enter the start date as a real date" in content
    assert 'value="someone"' in content
    assert response.context["page"].paginator.count == 0


def test_an_end_date_before_the_start_is_an_error(signed_in_client):
    response = signed_in_client(staff(Role.SERVICE_MANAGER)).get(
        reverse("audit:search"), {"date_from": "2026-11-20", "date_to": "2026-11-01"}
    )
    assert "The end date must be the same as or after the start date" in response.content.decode()


def test_results_are_paged_and_the_next_page_keeps_the_filters(signed_in_client):
    with acting_as(AuditContext(actor=None, source="test")):
        for _ in range(26):
            FamilyFactory.create()  # a family writes one create event

    content = (
        signed_in_client(staff(Role.SERVICE_MANAGER))
        .get(reverse("audit:search"), {"object_type": "families.family"})
        .content.decode()
    )

    assert "Page 1 of 1" not in content
    assert "26 entries" in content
    assert 'class="govuk-pagination"' not in content  # 26 fit on one page of 50


def test_more_than_a_page_of_results_gets_pagination_with_the_filters(signed_in_client):
    with acting_as(AuditContext(actor=None, source="test")):
        for _ in range(51):
            FamilyFactory.create()

    content = (
        signed_in_client(staff(Role.SERVICE_MANAGER))
        .get(reverse("audit:search"), {"object_type": "families.family"})
        .content.decode()
    )

    assert "Page 1 of 2" in content
    assert "?object_type=families.family&amp;page=2" in content
