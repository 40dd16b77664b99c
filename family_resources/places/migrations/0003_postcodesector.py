"""Postcode sectors of Luton and the neighbourhood that serves each.

Our reading of the borough boundary from Ordnance Survey's Code-Point Open: LU1 4
(Caddington, Slip End) and LU3 4 (Streatley, Sharpenhoe) are Central Bedfordshire and
left out; LU2 8 and LU3 3 reach villages outside the borough and are marked as
straddling it. Staff correct either in the admin.
"""

import django.db.models.deletion
from django.db import migrations, models

SECTORS = [
    ("LU1 1", "central", False),
    ("LU1 2", "central", False),
    ("LU1 3", "south", False),
    ("LU1 5", "south", False),
    ("LU2 0", "east", False),
    ("LU2 7", "east", False),
    ("LU2 8", "east", True),
    ("LU2 9", "east", False),
    ("LU3 1", "north", False),
    ("LU3 2", "north", False),
    ("LU3 3", "north", True),
    ("LU4 0", "west", False),
    ("LU4 8", "west", False),
    ("LU4 9", "west", False),
]


def load(apps, schema_editor):
    Neighbourhood = apps.get_model("places", "Neighbourhood")
    PostcodeSector = apps.get_model("places", "PostcodeSector")
    for sector, area, straddles in SECTORS:
        PostcodeSector.objects.get_or_create(
            sector=sector,
            defaults={"neighbourhood": Neighbourhood.objects.get(slug=area), "straddles_boundary": straddles},
        )


class Migration(migrations.Migration):
    dependencies = [("places", "0002_reference_data")]

    operations = [
        migrations.CreateModel(
            name="PostcodeSector",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "sector",
                    models.CharField(
                        help_text="Outward code, a space and the first digit, e.g. LU4 8.", max_length=8, unique=True
                    ),
                ),
                (
                    "straddles_boundary",
                    models.BooleanField(
                        default=False,
                        help_text="Part of the sector is in a neighbouring council's area: check the address.",
                    ),
                ),
                (
                    "neighbourhood",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="postcode_sectors",
                        to="places.neighbourhood",
                    ),
                ),
            ],
            options={"ordering": ["sector"]},
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
