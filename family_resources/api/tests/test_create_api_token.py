"""`manage.py create_api_token`: a token on standard output, and nothing else there."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.api.models import ApiToken
from family_resources.api.services import token_hash
from family_resources.api.tests.conftest import ApiClient, valid_body

pytestmark = pytest.mark.django_db


def create_token(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("create_api_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_prints_only_the_token_and_the_token_works():
    out, _err = create_token("hv-system@example.org", "--role", "front_door_officer")

    lines = out.splitlines()
    assert len(lines) == 1
    token = lines[0]
    assert token.startswith("frs_")
    assert " " not in token
    response = ApiClient(token).post(valid_body())
    assert response.status_code == 201


def test_the_command_makes_the_account_when_it_is_missing():
    assert not User.objects.filter(email="new-system@example.org").exists()

    _out, err = create_token("New-System@example.org", "--role", "front_door_officer", "--name", "New system")

    user = User.objects.get(email="new-system@example.org")
    assert user.role == Role.FRONT_DOOR_OFFICER
    assert user.full_name == "New system"
    assert not user.has_usable_password()
    assert "Made the staff account" in err


def test_the_command_adds_a_token_to_an_existing_account_in_that_role():
    user = staff(Role.FRONT_DOOR_OFFICER, email="officer@example.org")

    create_token("officer@example.org", "--role", "front_door_officer")
    create_token("officer@example.org", "--role", "front_door_officer")

    assert ApiToken.objects.filter(owner=user).count() == 2
    assert User.objects.filter(email="officer@example.org").count() == 1


def test_only_a_hash_and_a_prefix_of_the_token_are_stored():
    out, _err = create_token("hv-system@example.org", "--role", "front_door_officer")
    token = out.strip()

    stored = ApiToken.objects.get()
    assert stored.token_hash == token_hash(token)
    assert stored.prefix == token[:12]
    assert token not in {stored.token_hash, stored.prefix}


def test_an_unknown_role_is_refused_with_the_roles_to_choose_from():
    with pytest.raises(CommandError, match=r"Unknown role 'wizard'.*front_door_officer"):
        create_token("hv-system@example.org", "--role", "wizard")

    assert not User.objects.filter(email="hv-system@example.org").exists()
    assert not ApiToken.objects.exists()


def test_an_existing_account_in_another_role_is_not_changed():
    staff(Role.PRACTITIONER, email="worker@example.org")

    with pytest.raises(CommandError, match=r"already exists with the role 'practitioner'"):
        create_token("worker@example.org", "--role", "front_door_officer")

    assert User.objects.get(email="worker@example.org").role == Role.PRACTITIONER
    assert not ApiToken.objects.exists()


def test_a_role_that_cannot_submit_gets_a_token_and_a_warning():
    out, err = create_token("manager@example.org", "--role", "practitioner")

    assert len(out.splitlines()) == 1
    assert "may not send referrals" in err
    assert ApiClient(out.strip()).post(valid_body()).status_code == 403


def test_the_role_is_required():
    with pytest.raises(CommandError):
        create_token("hv-system@example.org")
