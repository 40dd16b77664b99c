"""Rooms and opening hours: the reference data every booking is checked against."""

from datetime import time

import pytest
from django.db import IntegrityError

from family_resources.places.models import OpeningHours, Place, Room

pytestmark = pytest.mark.django_db


def test_every_place_has_rooms_and_weekday_hours():
    for place in Place.objects.all():
        assert Room.objects.filter(place=place, active=True).exists(), place
        assert sorted(place.opening_hours.values_list("weekday", flat=True)) == [0, 1, 2, 3, 4], place


def test_supervised_contact_has_its_own_rooms_at_manor():
    manor = Place.objects.get(slug="manor-contact-centre")
    assert manor.rooms.filter(name__startswith="Contact room").count() == 2


def test_a_place_cannot_close_before_it_opens():
    place = Place.objects.get(slug="leagrave-hub")
    with pytest.raises(IntegrityError):
        OpeningHours.objects.create(place=place, weekday=5, opens_at=time(17), closes_at=time(9))
