"""The first consultation: the children's centres redesign, in English, from the council's document and FAQ.

The document is split into pages at its headings, the FAQ into question-and-answer items, and the
survey asks what the document asks (views on the proposals and how they would affect people), which
services and centres people have used (from the document's own lists), who is responding, an optional
postcode, and standard equality monitoring questions, each with "Prefer not to say".

The source gives no dates for the consultation: the dates below are the service model's reading (it
closed before the reductions began in February 2021). It is loaded as a draft; a consultation
officer checks the dates and opens it. Translations and easy read are added by staff as editions.
"""

from django.db import migrations
from django.utils.text import slugify

from family_resources.consultation import content

OPENS_ON = "2020-11-23"
CLOSES_ON = "2021-01-04"


def load(apps, schema_editor):
    Consultation = apps.get_model("consultation", "Consultation")
    Edition = apps.get_model("consultation", "Edition")
    DocumentPage = apps.get_model("consultation", "DocumentPage")
    FaqItem = apps.get_model("consultation", "FaqItem")
    Question = apps.get_model("consultation", "Question")
    QuestionOption = apps.get_model("consultation", "QuestionOption")
    if Consultation.objects.filter(slug=content.CONSULTATION_SLUG).exists():
        return
    consultation = Consultation.objects.create(
        title=content.CONSULTATION_TITLE,
        slug=content.CONSULTATION_SLUG,
        summary=content.CONSULTATION_SUMMARY,
        opens_on=OPENS_ON,
        closes_on=CLOSES_ON,
        status="draft",
    )
    edition = Edition.objects.create(
        consultation=consultation,
        code="en",
        language="en",
        easy_read=False,
        title=content.CONSULTATION_TITLE,
        summary=content.CONSULTATION_SUMMARY,
        method="original",
    )
    for position, (heading, body) in enumerate(content.DOCUMENT_PAGES, start=1):
        DocumentPage.objects.create(
            edition=edition, position=position, slug=slugify(heading)[:80], heading=heading, body=body
        )
    for position, (question, answer) in enumerate(content.FAQ, start=1):
        FaqItem.objects.create(edition=edition, position=position, question=question, answer=answer)
    by_key = {}
    for position, (key, page, answer_type, kind, required, text, hint, options, condition) in enumerate(
        content.QUESTIONS, start=1
    ):
        question = Question.objects.create(
            consultation=consultation,
            key=key,
            position=position,
            page=page,
            answer_type=answer_type,
            kind=kind,
            required=required,
            text=text,
            hint=hint,
            condition_question=by_key[condition[0]] if condition else None,
            condition_value=condition[1] if condition else "",
        )
        by_key[key] = question
        for index, (value, label) in enumerate(options, start=1):
            QuestionOption.objects.create(question=question, value=value, label=label, position=index)


class Migration(migrations.Migration):
    dependencies = [("consultation", "0002_editions_survey_responses")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
