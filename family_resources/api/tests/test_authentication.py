"""Bearer tokens: who gets in (and who is told 401 or 403)."""

import pytest

from family_resources.accounts.roles import Role
from family_resources.api.models import ApiToken
from family_resources.api.services import api_token_revoke
from family_resources.api.tests.conftest import ApiClient, valid_body
from family_resources.intake.models import Referral

pytestmark = pytest.mark.django_db


def test_no_token_is_a_401_not_a_redirect_to_the_sign_in_page():
    response = ApiClient(None).post(valid_body())

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["errors"][0]["field"] is None
    assert not Referral.objects.exists()


def test_an_unknown_token_is_a_401(partner_token):
    response = ApiClient(partner_token + "x").post(valid_body())

    assert response.status_code == 401
    assert not Referral.objects.exists()


def test_a_token_sent_as_another_scheme_is_a_401(partner_token):
    response = ApiClient(None).post(valid_body(), HTTP_AUTHORIZATION=f"Token {partner_token}")

    assert response.status_code == 401


def test_a_revoked_token_is_a_401(partner_token):
    api_token_revoke(token=ApiToken.objects.get())

    assert ApiClient(partner_token).post(valid_body()).status_code == 401


def test_the_token_of_an_account_that_was_switched_off_is_a_401(token_for):
    raw = token_for(Role.FRONT_DOOR_OFFICER, is_active=False)

    assert ApiClient(raw).post(valid_body()).status_code == 401


def test_get_without_a_token_is_a_401():
    assert ApiClient(None).get("REF-ABCDEF").status_code == 401


def test_a_practitioner_token_is_a_403(token_for):
    practitioner = ApiClient(token_for(Role.PRACTITIONER))

    response = practitioner.post(valid_body())

    assert response.status_code == 403
    assert response.json()["errors"][0]["message"]
    assert not Referral.objects.exists()


def test_a_practitioner_token_is_a_403_even_for_a_malformed_body(token_for):
    assert ApiClient(token_for(Role.PRACTITIONER)).post("{").status_code == 403


@pytest.mark.parametrize("role", [Role.FRONT_DOOR_OFFICER, Role.ADMINISTRATOR])
def test_front_door_and_administrator_tokens_may_submit(token_for, role):
    assert ApiClient(token_for(role)).post(valid_body()).status_code == 201


@pytest.mark.parametrize(
    "role", [Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.DIRECTORY_OFFICER, Role.CONSULTATION_OFFICER]
)
def test_other_roles_may_not_submit(token_for, role):
    assert ApiClient(token_for(role)).post(valid_body()).status_code == 403


def test_using_a_token_records_when_it_was_last_used(partner):
    assert ApiToken.objects.get().last_used_at is None

    partner.post(valid_body())

    assert ApiToken.objects.get().last_used_at is not None


def test_a_signed_in_browser_session_is_not_enough(client):
    from family_resources.accounts.tests.factories import staff

    client.force_login(staff(Role.FRONT_DOOR_OFFICER))

    response = client.post("/api/v1/referrals", data=valid_body(), content_type="application/json")

    assert response.status_code == 401


def test_an_administrator_revokes_a_token_in_the_admin(client, partner_token):
    from family_resources.accounts.tests.factories import staff

    client.force_login(staff(Role.ADMINISTRATOR))
    token = ApiToken.objects.get()

    listing = client.get("/staff/admin/api/apitoken/")
    response = client.post(
        "/staff/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}, follow=True
    )

    assert listing.status_code == 200
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiClient(partner_token).post(valid_body()).status_code == 401


def test_only_administrators_see_tokens_in_the_admin(client):
    from family_resources.accounts.tests.factories import staff

    client.force_login(staff(Role.SERVICE_MANAGER))

    assert client.get("/staff/admin/api/apitoken/").status_code == 403
