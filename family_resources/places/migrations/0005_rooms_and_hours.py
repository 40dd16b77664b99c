"""Rooms and opening hours for the hubs and outreach bases.

The source documents name the places but not their rooms or hours: these are our working
assumptions (weekday office hours, a group room and family rooms at each site, contact rooms at
Manor), for a service manager to correct in the admin.
"""

import datetime

from django.db import migrations

ROOMS = {
    "manor-contact-centre": [("Contact room 1", 6), ("Contact room 2", 6), ("Group room", 16), ("Family room", 6)],
    "leagrave-hub": [("Group room", 16), ("Family room", 6)],
    "london-road-resource-centre": [("Group room", 20), ("Family room 1", 6), ("Family room 2", 6)],
    "beech-hill-childrens-centre": [("Group room", 16), ("Family room", 6)],
}
OPENS, CLOSES = datetime.time(9, 0), datetime.time(17, 0)


def load(apps, schema_editor):
    Place = apps.get_model("places", "Place")
    Room = apps.get_model("places", "Room")
    OpeningHours = apps.get_model("places", "OpeningHours")
    for place in Place.objects.filter(slug__in=ROOMS):
        for name, capacity in ROOMS[place.slug]:
            Room.objects.get_or_create(place=place, name=name, defaults={"capacity": capacity})
        for weekday in range(5):
            OpeningHours.objects.get_or_create(
                place=place, weekday=weekday, defaults={"opens_at": OPENS, "closes_at": CLOSES}
            )


class Migration(migrations.Migration):
    dependencies = [("places", "0004_rooms_opening_hours_closures")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
