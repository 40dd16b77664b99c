"""Downloading the family record as CSV."""

import csv
import io

import pytest
from django.http import HttpResponse
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.families.tests.factories import AdultFactory, ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


def _rows(response: HttpResponse) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_export_has_a_row_per_person_with_the_household_on_each(signed_in_client):
    family = FamilyFactory.create(family_name="Popescu", address_line="3 Open Lane")
    AdultFactory.create(family=family, given_name="Ioana", main_language="Romanian", interpreter_needed=True)
    ChildFactory.create(family=family, given_name="Luca", school_or_nursery="Beech Hill Primary")

    response = signed_in_client(staff(Role.FRONT_DOOR_OFFICER)).get(reverse("families:export", args=[family.reference]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="family-{family.reference}.csv"'
    rows = _rows(response)
    assert [row["First name"] for row in rows] == ["Ioana", "Luca"]
    assert {row["Household address"] for row in rows} == {"3 Open Lane"}
    assert rows[0]["Main language"] == "Romanian"
    assert rows[0]["Needs an interpreter"] == "Yes"
    assert rows[1]["School or nursery"] == "Beech Hill Primary"


def test_a_family_with_no_people_still_exports_its_household(signed_in_client):
    family = FamilyFactory.create()

    rows = _rows(signed_in_client(staff(Role.SERVICE_MANAGER)).get(reverse("families:export", args=[family.reference])))

    assert len(rows) == 1
    assert rows[0]["Family reference"] == family.reference


def test_the_export_cannot_carry_a_spreadsheet_formula(signed_in_client):
    family = FamilyFactory.create()
    AdultFactory.create(family=family, given_name='=HYPERLINK("http://bad")')

    rows = _rows(signed_in_client(staff(Role.SERVICE_MANAGER)).get(reverse("families:export", args=[family.reference])))

    assert rows[0]["First name"].startswith("'=")


def test_the_export_is_audited_for_the_family_and_each_person(signed_in_client):
    family = FamilyFactory.create()
    child = ChildFactory.create(family=family)
    manager = staff(Role.SERVICE_MANAGER)

    signed_in_client(manager).get(reverse("families:export", args=[family.reference]))

    viewed = set(
        AuditEvent.objects.filter(actor=manager, action=AuditAction.VIEW).values_list("object_type", "object_id")
    )
    assert viewed == {("families.family", str(family.pk)), ("families.person", str(child.pk))}


def test_roles_without_casework_cannot_export(signed_in_client):
    family = FamilyFactory.create()

    response = signed_in_client(staff(Role.DIRECTORY_OFFICER)).get(reverse("families:export", args=[family.reference]))

    assert response.status_code == 403
