"""The categories families search by, mapped to the service areas and the interventions catalogue.

Loaded once; directory officers edit them afterwards in the admin. `load` is idempotent, so browser
tests (whose database is flushed) can call it again.
"""

from django.db import migrations

TAXONOMY = (
    "Family Resources Service needs",
    "What families look for in the community directory, mapped to the service's service areas and its "
    "interventions catalogue.",
    "1",
)

# (slug, name, description, parent slug, service area slug, intervention slug)
TERMS = [
    (
        "pregnancy",
        "Pregnancy and birth",
        "Antenatal groups, birth preparation and support in pregnancy.",
        None,
        "early-years",
        None,
    ),
    (
        "babies",
        "Babies",
        "Feeding, baby massage, baby talk and groups for parents of babies.",
        None,
        "early-years",
        None,
    ),
    (
        "play",
        "Play and early learning",
        "Stay and play, messy play, singing and signing for under-fives.",
        None,
        "early-years",
        None,
    ),
    (
        "school-readiness",
        "Getting ready for school",
        "Helping young children be ready to start school.",
        None,
        "early-years",
        "school-readiness",
    ),
    (
        "school-age",
        "Activities for school-age children",
        "Clubs and activities for children at primary school.",
        None,
        "school-aged",
        None,
    ),
    ("young-people", "Activities for young people", "Youth clubs and activities for teenagers.", None, "teenage", None),
    (
        "send",
        "Special educational needs and disabilities",
        "Support for children with SEND and their families.",
        None,
        "send",
        "send-support",
    ),
    ("parenting", "Parenting support", "Courses and groups for parents and carers.", None, None, None),
    (
        "incredible-years",
        "Incredible Years",
        "The Incredible Years parenting programme.",
        "parenting",
        "early-years",
        "incredible-years",
    ),
    (
        "strengthening-families",
        "Strengthening Families Strengthening Communities",
        "The Strengthening Families parenting programme.",
        "parenting",
        "school-aged",
        "strengthening-families",
    ),
    (
        "mental-health",
        "Mental health and wellbeing",
        "Support for parents' and children's mental health.",
        None,
        None,
        "mental-health",
    ),
    (
        "young-carers",
        "Young carers",
        "Support for children who look after someone at home.",
        None,
        None,
        "young-carers",
    ),
    (
        "domestic-abuse",
        "Domestic abuse",
        "Support for families affected by domestic abuse.",
        None,
        None,
        "domestic-violence",
    ),
    (
        "drugs-alcohol",
        "Drugs and alcohol",
        "Advice and support about drug and alcohol use.",
        None,
        None,
        "substance-misuse",
    ),
    (
        "money-housing",
        "Money, food and housing",
        "Food banks, baby banks, debt advice and help with housing.",
        None,
        None,
        None,
    ),
    ("health", "Health and healthy eating", "Health visiting, clinics and healthy eating.", None, None, None),
]


def load(apps, schema_editor):
    Taxonomy = apps.get_model("directory", "Taxonomy")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    ServiceArea = apps.get_model("catalogue", "ServiceArea")
    Intervention = apps.get_model("catalogue", "Intervention")
    name, description, version = TAXONOMY
    taxonomy, _ = Taxonomy.objects.get_or_create(name=name, defaults={"description": description, "version": version})
    terms = {}
    for position, (slug, term, about, parent, area, intervention) in enumerate(TERMS):
        terms[slug], _ = TaxonomyTerm.objects.get_or_create(
            slug=slug,
            defaults={
                "taxonomy": taxonomy,
                "name": term,
                "description": about,
                "position": position,
                "parent": terms.get(parent) if parent else None,
                "service_area": ServiceArea.objects.filter(slug=area).first() if area else None,
                "intervention": Intervention.objects.filter(slug=intervention).first() if intervention else None,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_evidence_locations_schedules_categories_requests"),
        ("catalogue", "0002_reference_data"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
