"""A small consultation whose figures the analysis tests know, built through the real service.

Eleven responses to the children's centres consultation:

| who                     | edition | channel          | responding as | integrated service | sex               |
| ----------------------- | ------- | ---------------- | ------------- | ------------------ | ----------------- |
| seven parents           | en      | online           | parent        | strongly agree     | female            |
| two individuals         | ur      | online           | individual    | disagree           | male              |
| one professional        | en      | phone, assisted  | professional  | strongly agree     | prefer not to say |
| one organisation        | en      | paper            | organisation  | neither            | (not answered)    |

Two of the parents answered "how would the proposals affect you" in words; one gave an email and a postcode.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.consultation.models import Channel, Consultation, Edition, Response
from family_resources.consultation.services import ResponseInput, response_submit
from family_resources.consultation.tests.factories import open_childrens_centres, urdu_edition

EMAIL = "parent.one@example.org"
POSTCODE = "LU1 3QZ"
WORDS = "It would be harder to get to the centre with my buggy"


@dataclass
class Known:
    consultation: Consultation
    officer: User
    english: Edition
    urdu: Edition
    today: date
    first: Response  # the parent who gave an email and a postcode


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def build_consultation() -> Known:
    consultation = open_childrens_centres()
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - timedelta(days=10), closes_on=today + timedelta(days=20)
    )
    consultation.refresh_from_db()
    english = consultation.editions.get(code="en")
    urdu = urdu_edition(consultation)
    officer = staff(Role.CONSULTATION_OFFICER, full_name="Olive Officer")

    def submit(edition: Edition, answers: dict[str, Any], **how: Any) -> Response:
        return response_submit(data=ResponseInput(edition=edition, answers=answers, **how))

    parent = {
        "respondent-type": "parent",
        "agree-integrated-service": "strongly-agree",
        "sex": "female",
        "age-band": "25-34",
        "services-used": ["stay-and-play", "baby-massage"],
    }
    first = submit(english, {**parent, "impact-how": WORDS, "postcode": POSTCODE, "receipt-email": EMAIL})
    submit(english, {**parent, "impact-how": "Fine"})
    for _ in range(5):
        submit(english, parent)
    individual = {"respondent-type": "individual", "agree-integrated-service": "disagree", "sex": "male"}
    submit(urdu, individual)
    submit(urdu, individual)
    submit(
        english,
        {"respondent-type": "professional", "agree-integrated-service": "strongly-agree", "sex": "prefer-not-to-say"},
        channel=Channel.PHONE,
        assisted=True,
        entered_by=officer,
    )
    submit(
        english,
        {
            "respondent-type": "organisation",
            "organisation-name": "Luton Parents Forum",
            "agree-integrated-service": "neither",
        },
        channel=Channel.PAPER,
        entered_by=officer,
    )
    # Two came in three days ago, one yesterday, the rest today.
    responses = list(Response.objects.filter(consultation=consultation).order_by("pk"))
    Response.objects.filter(pk__in=[r.pk for r in responses[:2]]).update(submitted_at=_at(today - timedelta(days=3)))
    Response.objects.filter(pk=responses[2].pk).update(submitted_at=_at(today - timedelta(days=1)))
    first.refresh_from_db()
    return Known(consultation=consultation, officer=officer, english=english, urdu=urdu, today=today, first=first)
