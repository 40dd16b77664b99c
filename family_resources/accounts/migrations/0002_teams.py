"""The five neighbourhood teams, the front door team and the central team.

Which hub each neighbourhood team works from is our reading of the consultation
("these teams will be based in two main hubs"); staff change it in the admin.
"""

from django.db import migrations

NEIGHBOURHOOD_TEAMS = [
    ("Central Luton team", "central", "manor-contact-centre"),
    ("North Luton team", "north", "leagrave-hub"),
    ("South Luton team", "south", "manor-contact-centre"),
    ("East Luton team", "east", "manor-contact-centre"),
    ("West Luton team", "west", "leagrave-hub"),
]


def load(apps, schema_editor):
    Team = apps.get_model("accounts", "Team")
    Neighbourhood = apps.get_model("places", "Neighbourhood")
    Place = apps.get_model("places", "Place")
    for name, area, base in NEIGHBOURHOOD_TEAMS:
        Team.objects.get_or_create(
            name=name,
            defaults={
                "kind": "neighbourhood",
                "neighbourhood": Neighbourhood.objects.get(slug=area),
                "base": Place.objects.get(slug=base),
            },
        )
    manor = Place.objects.get(slug="manor-contact-centre")
    Team.objects.get_or_create(name="Front door", defaults={"kind": "front_door", "base": manor})
    Team.objects.get_or_create(name="Service management", defaults={"kind": "central", "base": manor})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("places", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
