"""Staff permissions come from roles alone: Django's permission tables grant nothing and are never read."""

import pytest
from django.contrib import admin
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TEST_PASSWORD, staff

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    # Permission answers are kept on the instance: ask as a new request would.
    return User.objects.get(pk=user.pk)


def test_a_permission_stored_in_djangos_tables_grants_nothing():
    officer = staff(Role.FRONT_DOOR_OFFICER)
    audit = Permission.objects.get(codename="view_auditevent")
    officer.user_permissions.add(audit)
    group = Group.objects.create(name="Auditors")
    group.permissions.add(audit)
    officer.groups.add(group)

    officer = _fresh(officer)

    assert not officer.has_perm("audit.view_auditevent")
    assert officer.get_all_permissions() == set()


def test_asking_about_a_permission_the_role_lacks_reads_no_table(django_assert_num_queries):
    officer = _fresh(staff(Role.FRONT_DOOR_OFFICER))

    with django_assert_num_queries(0):
        assert not officer.has_perm("reporting.view_dashboard")
        assert not officer.has_perm("consultation.run_consultations")


def test_the_role_still_grants_its_permissions():
    assert _fresh(staff(Role.SERVICE_MANAGER)).has_perm("reporting.view_dashboard")
    assert not _fresh(staff(Role.PRACTITIONER)).has_perm("reporting.view_dashboard")


def test_staff_still_sign_in_with_email_and_password():
    practitioner = staff(Role.PRACTITIONER)
    request = RequestFactory().post("/staff/sign-in/")

    assert authenticate(request, username=practitioner.email, password=TEST_PASSWORD) == practitioner
    assert authenticate(request, username=practitioner.email, password="not the password") is None


def test_the_admin_offers_no_groups():
    assert not admin.site.is_registered(Group)
