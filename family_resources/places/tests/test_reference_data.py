"""The service model's places are loaded by migration and editable afterwards."""

import pytest

from family_resources.accounts.models import Team
from family_resources.places.models import ClosedSite, Neighbourhood, Place

pytestmark = pytest.mark.django_db


def test_the_five_neighbourhoods_each_have_a_team():
    names = set(Neighbourhood.objects.values_list("name", flat=True))
    assert names == {"Central Luton", "North Luton", "South Luton", "East Luton", "West Luton"}
    assert Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD, neighbourhood__isnull=False).count() == 5


def test_two_hubs_and_two_outreach_bases_with_their_addresses():
    hubs = {p.name: p for p in Place.objects.filter(kind=Place.Kind.HUB)}
    bases = {p.name: p for p in Place.objects.filter(kind=Place.Kind.OUTREACH_BASE)}

    assert hubs["Manor Contact Centre"].full_address == "Chase Street, Luton, LU1 3QZ"
    assert not hubs["Leagrave area hub"].has_address
    assert bases["London Road Resource Centre"].full_address == "111 London Road, Luton, LU1 3RH"
    assert bases["Beech Hill Children's Centre"].postcode == "LU4 8BW"
    assert all(base.hub is not None for base in bases.values())


def test_the_closed_childrens_centre_sites_are_kept():
    assert ClosedSite.objects.count() == 15
    west = ClosedSite.objects.filter(children_centre="Flying Start West Children's Centre")
    assert set(west.values_list("name", flat=True)) == {
        "Dallow",
        "Pastures Way Nursery",
        "Foxdell",
        "Beechwood",
        "Mossdale Court",
        "Leagrave",
        "Chaul End Community Centre",
    }
    assert set(west.values_list("neighbourhood__slug", flat=True)) == {"west"}


def test_a_place_with_no_address_can_be_saved():
    place = Place.objects.create(name="New hub", slug="new-hub", kind=Place.Kind.HUB)
    assert place.full_address == "Luton"
    assert not place.has_address
