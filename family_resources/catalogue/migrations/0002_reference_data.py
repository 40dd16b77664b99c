"""The service areas, the interventions catalogue and the universal services that ceased, from the consultation document.

Loaded once; staff edit them afterwards in the admin.
"""

from datetime import date

from django.db import migrations
from django.utils.text import slugify

SERVICE_AREAS = [
    ("early-years", "Early years children", "Children from pregnancy to five."),
    (
        "send",
        "Children with special educational needs and disabilities",
        "Children and young people aged up to 25 with SEND.",
    ),
    (
        "supervised-contact",
        "Children who need supervised contact",
        "Children whose contact with a parent is supervised.",
    ),
    ("school-aged", "School-aged children", "Children at primary and secondary school."),
    ("teenage", "Teenage children", "Young people aged 13 to 19."),
]

ALL = ["early-years", "send", "supervised-contact", "school-aged", "teenage"]
# (slug, name, kind, one_to_one, group, bookable, service areas, place slug, description)
INTERVENTIONS = [
    (
        "strengthening-families",
        "Strengthening Families Strengthening Communities",
        "programme",
        False,
        True,
        True,
        ["school-aged", "teenage"],
        None,
        "Evidence-based parenting programme run as a group.",
    ),
    (
        "incredible-years",
        "Incredible Years",
        "programme",
        False,
        True,
        True,
        ["early-years", "school-aged"],
        None,
        "Evidence-based parenting programme run as a group.",
    ),
    (
        "parenting-assessment-adolescents",
        "Parenting assessment: parenting adolescents",
        "assessment",
        True,
        False,
        True,
        ["teenage"],
        None,
        "Assessment of parenting of teenage children.",
    ),
    (
        "parenting-assessment-disabilities",
        "Parenting assessment: parenting children with disabilities",
        "assessment",
        True,
        False,
        True,
        ["send"],
        None,
        "Assessment of parenting of children with disabilities.",
    ),
    (
        "reducing-parental-conflict",
        "Parenting assessment: reducing parental conflict",
        "assessment",
        True,
        False,
        True,
        ALL,
        None,
        "Assessment and support to reduce conflict between parents.",
    ),
    (
        "domestic-violence",
        "Domestic violence interventions and whole-family support",
        "support",
        True,
        True,
        True,
        ALL,
        None,
        "Interventions for domestic violence and support for the whole family.",
    ),
    (
        "school-readiness",
        "School readiness support",
        "support",
        True,
        True,
        True,
        ["early-years"],
        None,
        "Helping young children and their parents get ready for school.",
    ),
    (
        "substance-misuse",
        "Substance misuse guidance, advice and support",
        "support",
        True,
        True,
        True,
        ALL,
        None,
        "For every family member who needs it, one-to-one and in groups.",
    ),
    (
        "life-story-work",
        "Life Story Work",
        "support",
        True,
        False,
        True,
        ["school-aged", "teenage"],
        None,
        "For children going through fostering or adoption: making sense of their past, present and future.",
    ),
    (
        "young-carers",
        "Young carers support",
        "support",
        True,
        False,
        True,
        ["school-aged", "teenage"],
        None,
        "Personalised support for young carers and their families.",
    ),
    (
        "mental-health",
        "Mental health and self-esteem support",
        "support",
        True,
        True,
        True,
        ALL,
        None,
        "For every family member who needs it, one-to-one and in groups.",
    ),
    (
        "teenage-homelessness",
        "Teenage homelessness prevention",
        "support",
        True,
        False,
        True,
        ["teenage"],
        None,
        "Personalised support to prevent teenage homelessness.",
    ),
    (
        "no-recourse-to-public-funds",
        "No recourse to public funds support",
        "support",
        True,
        False,
        True,
        ALL,
        None,
        "Advice, guidance and limited support for destitute families ordinarily resident in Luton who cannot claim benefits.",
    ),
    (
        "supervised-contact",
        "Supervised contact",
        "support",
        True,
        False,
        True,
        ["supervised-contact"],
        "manor-contact-centre",
        "Supervised contact with advice and guidance to parents to build their parenting skills in a safe place.",
    ),
    (
        "fresh-start",
        "Fresh Start",
        "support",
        True,
        True,
        True,
        ALL,
        None,
        "For women who have experienced, or are at risk of, repeated removal of their children; one-to-one and in groups.",
    ),
    (
        "short-breaks",
        "Short breaks for young people with complex health needs",
        "support",
        True,
        False,
        True,
        ["send", "teenage"],
        "london-road-resource-centre",
        "Short breaks at London Road Resource Centre.",
    ),
    (
        "send-support",
        "SEND support",
        "support",
        True,
        True,
        True,
        ["send"],
        None,
        "Support for children and young people with SEND and their families.",
    ),
    (
        "trauma-informed-practice",
        "Trauma-informed practice",
        "approach",
        False,
        False,
        False,
        ALL,
        None,
        "A way of working recorded on the support given, not something to book.",
    ),
    (
        "motivational-interviewing",
        "Motivational interviewing",
        "approach",
        False,
        False,
        False,
        ALL,
        None,
        "A way of working recorded on the support given, not something to book.",
    ),
    (
        "contextual-safeguarding",
        "Contextual safeguarding",
        "approach",
        False,
        False,
        False,
        ["school-aged", "teenage"],
        None,
        "How we understand and respond to young people's experience of harm beyond their families.",
    ),
]

CEASED_ON = date(2021, 4, 30)
CEASED = [
    ("Pregnancy Club", ""),
    ("Bump to Babe antenatal education", ""),
    ("Feeding your New Born", ""),
    ("Breast Feeding Café", ""),
    ("Take 5 Café", ""),
    ("Baby Massage", ""),
    ("Baby Talk", ""),
    ("Stay and Play", ""),
    ("Messy Play", ""),
    ("Sing and Sign", ""),
    ("Parenting Puzzle courses", ""),
    ("Nurturing Programme courses", ""),
    ("HENRY courses", "Healthy lifestyle, eating and nutrition."),
    (
        "Other health-related services at children's centre sites",
        "Health services that were held at Flying Start children's centre sites.",
    ),
]


def _slug(text):
    return slugify(text)[:50].strip("-")


def load(apps, schema_editor):
    ServiceArea = apps.get_model("catalogue", "ServiceArea")
    Intervention = apps.get_model("catalogue", "Intervention")
    CeasedService = apps.get_model("catalogue", "CeasedService")
    Place = apps.get_model("places", "Place")
    areas = {}
    for position, (slug, name, description) in enumerate(SERVICE_AREAS):
        areas[slug], _ = ServiceArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    for slug, name, kind, one_to_one, group, bookable, area_slugs, place, description in INTERVENTIONS:
        intervention, created = Intervention.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "one_to_one": one_to_one,
                "group": group,
                "bookable": bookable,
                "description": description,
                "delivered_at": Place.objects.filter(slug=place).first() if place else None,
            },
        )
        if created:
            intervention.service_areas.set([areas[a] for a in area_slugs])
    for name, description in CEASED:
        CeasedService.objects.get_or_create(
            slug=_slug(name), defaults={"name": name, "description": description, "ceased_on": CEASED_ON}
        )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial"), ("places", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
