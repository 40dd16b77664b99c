"""Version 1 of the threshold guidance: the four levels with indicators by domain.

Our reading of the usual continuum of need that local safeguarding children
partnership threshold documents use; a service manager revises it in the service,
which makes version 2, and decisions keep the version they were made under.
"""

from django.db import migrations

LEVELS = [
    (
        1,
        "Universal",
        "Children and families whose needs are met by universal services such as health visitors, GPs, schools and nurseries.",
    ),
    (
        2,
        "Additional needs",
        "Children and families with emerging or additional needs that one agency, community support or self-help can meet.",
    ),
    (
        3,
        "Complex needs",
        "Children and families with complex or multiple needs that need a coordinated multi-agency early help response.",
    ),
    (
        4,
        "Acute and specialist",
        "Children at risk of significant harm or with acute needs, who need statutory social care or specialist services.",
    ),
]

INDICATORS = {
    1: {
        "child_development": ["Meeting developmental milestones", "Attends school or nursery regularly"],
        "parenting_capacity": ["Parents provide safe, consistent care", "Parents use universal services when needed"],
        "family_environment": ["Stable housing and income", "Good support from family and friends"],
    },
    2: {
        "child_development": [
            "Some delay in speech, language or development",
            "Attendance at school or nursery is falling",
            "Low-level behaviour concerns at home or school",
        ],
        "parenting_capacity": [
            "Parent asks for help with routines or boundaries",
            "Parent is isolated or new to the area",
            "Parent's low mood is affecting family life",
        ],
        "family_environment": [
            "Money worries or debt affecting the family",
            "Recent bereavement, separation or house move",
        ],
    },
    3: {
        "child_development": [
            "Persistent absence or at risk of exclusion",
            "Behaviour that puts the child or others at risk",
            "Young carer whose caring role affects their wellbeing",
            "Unmet needs linked to special educational needs or disabilities",
        ],
        "parenting_capacity": [
            "Parental conflict the children see or hear",
            "Parental mental ill health or substance misuse affecting care",
            "Parent struggles to keep a teenager safe or set boundaries",
        ],
        "family_environment": [
            "Domestic abuse in the household (not at immediate risk)",
            "At risk of homelessness or in unsuitable housing",
            "No recourse to public funds and destitute",
        ],
    },
    4: {
        "child_development": [
            "Child has disclosed abuse or has an unexplained injury",
            "Child is being sexually or criminally exploited",
            "Child is missing from home or care",
        ],
        "parenting_capacity": [
            "Parent's care places the child at risk of significant harm",
            "Previous children removed from the parent's care",
        ],
        "family_environment": [
            "Domestic abuse with a child at risk of significant harm",
            "Child is subject to a child protection plan or is looked after",
        ],
    },
}


def load(apps, schema_editor):
    GuidanceVersion = apps.get_model("triage", "GuidanceVersion")
    GuidanceLevel = apps.get_model("triage", "GuidanceLevel")
    GuidanceIndicator = apps.get_model("triage", "GuidanceIndicator")
    if GuidanceVersion.objects.exists():
        return
    version = GuidanceVersion.objects.create(number=1, change_note="First version, from the threshold document.")
    for level, title, description in LEVELS:
        GuidanceLevel.objects.create(version=version, level=level, title=title, description=description)
    for level, domains in INDICATORS.items():
        for domain, texts in domains.items():
            for position, text in enumerate(texts):
                GuidanceIndicator.objects.create(
                    version=version, level=level, domain=domain, text=text, position=position
                )


class Migration(migrations.Migration):
    dependencies = [("triage", "0002_threshold_guidance")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
