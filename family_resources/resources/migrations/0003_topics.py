"""The resource centre's topics, from the issue's list. `load` is idempotent, so browser tests can call it again."""

from django.db import migrations

# (slug, name, description, service area slug)
TOPICS = [
    ("pregnancy", "Pregnancy", "Expecting a baby and getting ready for the birth.", "early-years"),
    ("babies", "Babies", "Feeding, sleep, crying and play in the first year.", "early-years"),
    ("toddlers", "Toddlers", "Play, talking, behaviour and routines for one- to three-year-olds.", "early-years"),
    ("school-readiness", "Getting ready for school", "Helping your child be ready to start school.", "early-years"),
    ("school-age", "School-age children", "Friendships, behaviour and learning at primary school.", "school-aged"),
    ("teenagers", "Teenagers", "Growing independence, staying safe and talking with teenagers.", "teenage"),
    ("send", "SEND", "Special educational needs and disabilities.", "send"),
    ("mental-health", "Mental health", "Looking after your own and your children's wellbeing.", None),
    ("money-housing", "Money and housing", "Help with money, food, benefits and housing.", None),
    ("domestic-abuse", "Domestic abuse", "Where to get help if you or your children are not safe at home.", None),
    ("family-relationships", "Family relationships", "Getting on as a family, parenting together and apart.", None),
]


def load(apps, schema_editor):
    Topic = apps.get_model("resources", "Topic")
    ServiceArea = apps.get_model("catalogue", "ServiceArea")
    for position, (slug, name, description, area) in enumerate(TOPICS):
        Topic.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "position": position,
                "service_area": ServiceArea.objects.filter(slug=area).first() if area else None,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_review_workflow_topics_easy_read_translations"),
        ("catalogue", "0002_reference_data"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
