"""The service model's neighbourhoods, hubs, outreach bases and closed children's centre sites.

Loaded once; staff edit them afterwards in the admin. Which outreach base each
hub runs is our reading of "each hub will deliver services across two premises"
(London Road and Manor are both in LU1; Beech Hill is on the Leagrave side).
"""

from datetime import date

from django.db import migrations

NEIGHBOURHOODS = [
    ("Central Luton", "central"),
    ("North Luton", "north"),
    ("South Luton", "south"),
    ("East Luton", "east"),
    ("West Luton", "west"),
]

CLOSED_ON = date(2021, 4, 30)
CLOSED_SITES = {
    ("Flying Start Central Children's Centre", "central"): ["Denbigh", "Stopsley Baptist Church"],
    ("Flying Start North Children's Centre", "north"): ["Limbury", "Redgrave CYP", "Gill Blowers Nursery Leabank"],
    ("Flying Start South Children's Centre", "south"): ["Park Town", "Whipperley", "The Mall"],
    ("Flying Start West Children's Centre", "west"): [
        "Dallow",
        "Pastures Way Nursery",
        "Foxdell",
        "Beechwood",
        "Mossdale Court",
        "Leagrave",
        "Chaul End Community Centre",
    ],
}


def load(apps, schema_editor):
    Neighbourhood = apps.get_model("places", "Neighbourhood")
    Place = apps.get_model("places", "Place")
    ClosedSite = apps.get_model("places", "ClosedSite")
    areas = {}
    for name, slug in NEIGHBOURHOODS:
        areas[slug], _ = Neighbourhood.objects.get_or_create(slug=slug, defaults={"name": name})

    manor, _ = Place.objects.get_or_create(
        slug="manor-contact-centre",
        defaults={
            "name": "Manor Contact Centre",
            "kind": "hub",
            "address_line": "Chase Street",
            "postcode": "LU1 3QZ",
            "notes": "Hub. Supervised contact for parents open to social care.",
        },
    )
    leagrave, _ = Place.objects.get_or_create(
        slug="leagrave-hub",
        defaults={"name": "Leagrave area hub", "kind": "hub", "notes": "Hub in the Leagrave area; site to be agreed."},
    )
    Place.objects.get_or_create(
        slug="london-road-resource-centre",
        defaults={
            "name": "London Road Resource Centre",
            "kind": "outreach_base",
            "address_line": "111 London Road",
            "postcode": "LU1 3RH",
            "hub": manor,
            "notes": "Outreach base. Also short breaks for young people with complex health needs.",
        },
    )
    Place.objects.get_or_create(
        slug="beech-hill-childrens-centre",
        defaults={
            "name": "Beech Hill Children's Centre",
            "kind": "outreach_base",
            "address_line": "Dunstable Road",
            "postcode": "LU4 8BW",
            "hub": leagrave,
            "notes": "Outreach base.",
        },
    )
    for (centre, area), sites in CLOSED_SITES.items():
        for site in sites:
            ClosedSite.objects.get_or_create(
                name=site, children_centre=centre, defaults={"neighbourhood": areas[area], "closed_on": CLOSED_ON}
            )


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
