"""The online referral in a real browser: a parent's and a professional's referral, start to finish."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from family_resources.families.tests.factories import years_ago
from family_resources.intake.models import Channel, Referral, ReferrerType, Urgency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def continue_(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def choose(page, label):
    page.get_by_label(label, exact=True).check()


def fill_date(page, day, month, year):
    page.get_by_label("Day").fill(str(day))
    page.get_by_label("Month").fill(str(month))
    page.get_by_label("Year").fill(str(year))


def add_child(page, given, family, born, *, send=False):
    choose(page, "Child or young person")
    continue_(page)
    page.get_by_label("First name").fill(given)
    page.get_by_label("Last name").fill(family)
    fill_date(page, born.day, born.month, born.year)
    choose(page, "Yes" if send else "No")
    continue_(page)


def reference_on_confirmation(page):
    page.get_by_role("heading", name="Referral sent").wait_for()
    return page.get_by_test_id("reference").inner_text().strip()


def test_a_parent_refers_their_family_and_fixes_an_impossible_date_of_birth(live_server, page):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Refer a family online").click()
    page.get_by_role("button", name="Start now").click()

    choose(page, "A parent or carer, asking for help for my own family")
    continue_(page)
    page.get_by_label("Full name").fill("Alex Example")
    page.get_by_label("Email address (optional)").fill("alex@example.com")
    continue_(page)
    choose(page, "No")
    continue_(page)
    page.get_by_label("What is your postcode?").fill("lu4 8bw")
    continue_(page)
    page.get_by_label("Address line 1").fill("1 Example Road")
    page.get_by_label("Town or city").fill("Luton")
    continue_(page)

    # An impossible date: the error is shown, and everything else typed is still there.
    choose(page, "Child or young person")
    continue_(page)
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Example")
    fill_date(page, 31, 2, 2020)
    choose(page, "Yes")
    continue_(page)
    summary = page.locator(".govuk-error-summary")
    summary.get_by_role("link", name="Date of birth must be a real date").wait_for()
    assert page.title().startswith("Error: ")
    assert page.get_by_label("First name").input_value() == "Sam"
    assert page.get_by_label("Last name").input_value() == "Example"
    assert page.get_by_label("Day").input_value() == "31"
    assert page.get_by_label("Year").input_value() == "2020"
    assert page.get_by_label("Yes", exact=True).is_checked()
    page.get_by_label("Day").fill("28")
    continue_(page)

    # The people page: add a baby on the way too, then finish.
    choose(page, "Yes")
    continue_(page)
    choose(page, "Unborn baby")
    continue_(page)
    due = timezone.localdate() + timedelta(days=100)
    fill_date(page, due.day, due.month, due.year)
    continue_(page)
    choose(page, "No")
    continue_(page)

    choose(page, "Polish (Polski)")
    page.get_by_role("group", name="Do you need an interpreter?").get_by_label("No").check()
    continue_(page)
    page.get_by_label("What would you like help with?").fill("Our baby is due soon and our son's sleep is difficult.")
    continue_(page)
    choose(page, "Yes")
    page.get_by_label("Health services, such as the family's GP and health visitor").check()
    continue_(page)

    page.get_by_role("heading", name="Check your answers before sending the referral").wait_for()
    assert "Sam Example" in page.content()
    assert "28 February 2020" in page.content()
    page.get_by_role("button", name="Accept and send").click()

    reference = reference_on_confirmation(page)
    referral = Referral.objects.get(reference=reference)
    assert referral.channel == Channel.ONLINE_SELF
    assert referral.postcode == "LU4 8BW"
    assert referral.preferred_language == "pl"
    assert [(p.relationship, p.given_name, p.date_of_birth) for p in referral.people.all()] == [
        ("child", "Sam", date(2020, 2, 28)),
        ("unborn", "", None),
    ]
    assert referral.people.get(relationship="unborn").expected_date_of_delivery == due


def test_a_professional_refers_a_family_at_immediate_risk_without_consent(live_server, page):
    page.goto(live_server.url + "/refer/")
    page.get_by_role("button", name="Start now").click()
    choose(page, "A professional working with the family")
    continue_(page)
    page.get_by_label("Full name").fill("Hana Visitor")
    page.get_by_label("Organisation").fill("Luton Health Visiting")
    page.get_by_label("Job title").fill("Health visitor")
    choose(page, "Health visitor")
    page.get_by_label("Work email address").fill("hana.visitor@example.org")
    continue_(page)
    choose(page, "Yes")
    continue_(page)
    page.get_by_label("What is the family's postcode?").fill("LU1 3QZ")
    continue_(page)
    page.get_by_label("Address line 1").fill("2 Example Street")
    page.get_by_label("Town or city").fill("Luton")
    continue_(page)

    add_child(page, "Jo", "Sample", years_ago(7))
    choose(page, "Yes")
    continue_(page)
    add_child(page, "Ali", "Sample", years_ago(22), send=True)
    choose(page, "No")
    continue_(page)

    choose(page, "English")
    page.get_by_role("group", name="Does the family need an interpreter?").get_by_label("No").check()
    continue_(page)
    choose(page, "Yes")  # working with social care
    continue_(page)
    page.get_by_label("What help does the family need?").fill("Mum disclosed domestic abuse at a home visit today.")
    continue_(page)

    # No consent: the reason is revealed under "No" and must be given.
    choose(page, "No")
    continue_(page)
    page.locator(".govuk-error-summary").get_by_role(
        "link", name="Say why you are referring without the family's consent"
    ).wait_for()
    page.get_by_label("Why are you referring without the family's agreement?").fill(
        "Safeguarding concern: telling the partner would put mum at risk."
    )
    continue_(page)

    page.get_by_role("heading", name="Check your answers before sending the referral").wait_for()
    # Change a child's name from check your answers, and come straight back.
    page.get_by_role("link", name="Change Jo Sample").click()
    page.get_by_label("First name").fill("Joanne")
    continue_(page)
    page.get_by_role("heading", name="Check your answers before sending the referral").wait_for()
    assert "Joanne Sample" in page.content()
    page.get_by_role("button", name="Accept and send").click()

    reference = reference_on_confirmation(page)
    assert "call the police on 999" in page.content()
    referral = Referral.objects.get(reference=reference)
    assert referral.channel == Channel.ONLINE_PROFESSIONAL
    assert referral.referrer_type == ReferrerType.HEALTH_VISITOR
    assert referral.urgency == Urgency.IMMEDIATE_RISK
    assert referral.needs_officer_attention
    assert referral.open_to_social_care
    assert [(p.given_name, p.has_send) for p in referral.people.all()] == [("Joanne", False), ("Ali", True)]
