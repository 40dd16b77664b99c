"""Addresses no page can have are refused before any view looks them up."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/staff/families/FAM%00/", "/refer/%00", "/directory/services/x%00y/"])
def test_a_nul_character_in_the_address_is_not_found(client, path):
    response = client.get(path)

    assert response.status_code == 404


def test_ordinary_addresses_are_untouched(client):
    assert client.get("/").status_code == 200
