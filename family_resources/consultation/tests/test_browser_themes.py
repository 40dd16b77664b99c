"""The analyst's coding page and the public outcome page in a real browser, checked with axe-core."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.consultation.models import Consultation
from family_resources.consultation.services import TextTranslation, consultation_transition
from family_resources.consultation.tests.factories import open_childrens_centres, urdu_edition
from family_resources.consultation.tests.test_browser import SLUG
from family_resources.consultation.tests.theme_data import respond
from family_resources.consultation.themes.services import answer_code, decision_record, impact_create, theme_create
from family_resources.core.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_analyst_accepts_a_suggested_theme_and_the_published_outcome_reads_well(live_server, page, browser):
    consultation = open_childrens_centres()
    urdu_edition(consultation)
    officer = staff(Role.CONSULTATION_OFFICER)
    travel = theme_create(consultation=consultation, name="Travel to the hubs", you_said="The hubs are too far away.")
    drop_in = theme_create(consultation=consultation, name="Drop-in sessions", you_said="Keep the drop-in sessions.")
    for number in range(6):
        answer_code(
            answer=respond(consultation, officer, f"The bus to the hub is too far and costs too much {number}"),
            themes=[travel],
            coded_by=officer,
        )
        answer_code(
            answer=respond(consultation, officer, f"Please keep the drop-in sessions, not appointments {number}"),
            themes=[drop_in],
            coded_by=officer,
        )
    praise = theme_create(consultation=consultation, name="Praise for family support")
    for number in range(2):
        answer_code(answer=respond(consultation, officer, f"Thank you {number}"), themes=[praise], coded_by=officer)
    uncoded = respond(
        consultation,
        officer,
        "ہب بہت دور ہے اور بس کا کرایہ مہنگا ہے",
        "ur",
        TextTranslation(text="The hub is very far and the bus fare is expensive", translated_by="A. Interpreter"),
    )
    base = live_server.url
    sign_in(page, base, officer)

    page.goto(base + reverse("consultation_staff:coding", args=[consultation.pk]))
    section = page.locator(f"#answer-{uncoded.pk}")
    section.get_by_test_id("translation").wait_for()
    assert section.get_by_test_id("original").get_attribute("lang") == "ur"
    assert_accessible(page)
    section.get_by_role("button", name="Accept Travel to the hubs").click()
    page.get_by_text("Theme Travel to the hubs added").wait_for()
    coding = uncoded.codings.get()
    assert (coding.theme, coding.from_suggestion) == (travel, True)

    page.goto(base + reverse("consultation_staff:themes", args=[consultation.pk]))
    assert_accessible(page)
    impact = impact_create(
        consultation=consultation,
        characteristic="disability",
        group="Disabled parents who cannot use buses",
        description="Further to travel",
        direction="negative",
        severity="high",
        mitigation="Outreach at Beech Hill",
        themes=[travel],
    )
    decision_record(
        consultation=consultation,
        summary="Keep outreach at Beech Hill",
        we_did="We kept Beech Hill open as an outreach base two days a week.",
        decided_on=timezone.localdate() - timedelta(days=1),
        decided_by="The Executive",
        recorded_by=officer,
        impacts=[impact],
    )
    page.goto(base + reverse("consultation_staff:impacts", args=[consultation.pk]))
    page.get_by_test_id("considered").wait_for()
    assert_accessible(page)

    for to in (Consultation.Status.CLOSED, Consultation.Status.ANALYSED, Consultation.Status.OUTCOME_PUBLISHED):
        consultation = consultation_transition(consultation=consultation, to=to)
    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(f"{base}/consultations/{SLUG}/en/")
    visitor.get_by_test_id("outcome-link").get_by_role("link").click()
    visitor.get_by_role("heading", name="We asked, you said, we did").wait_for()
    assert "fewer than 5" in visitor.get_by_test_id("you-said").inner_text()
    assert "We kept Beech Hill open" in visitor.get_by_test_id("we-did").inner_text()
    assert_accessible(visitor)
    visitor.goto(f"{base}/consultations/{SLUG}/ur/outcome/")
    html = visitor.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ur", "rtl")
    assert_accessible(visitor)
