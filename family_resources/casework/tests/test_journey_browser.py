"""The whole of a family's time with a neighbourhood team, in a real browser, as its staff would do it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import (
    Assessment,
    CaseNote,
    ClosureReason,
    Episode,
    OutcomeStatus,
    PlanAction,
    PlanReview,
)
from family_resources.casework.tests.factories_plans import accepted_episode, group_programme, one_to_one
from family_resources.core.tests.browser import sign_in
from family_resources.directory.models import Organisation, Service
from family_resources.triage.models import SignpostingPack

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_allocation_assessment_plan_visit_review_and_step_down(page: Page, live_server: LiveServer) -> None:
    base = live_server.url
    today = timezone.localdate()
    # Opened days ago so that yesterday's home visit is inside the episode whatever the time of day.
    episode = accepted_episode(contact_email="parent@example.org", opened_days_ago=3)
    family = episode.family.family_name
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team], full_name="Tess Manager")
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team], full_name="Priya Practitioner")
    vetted = Organisation.objects.create(
        name="West Parents Together", safeguarding_evidence_expires_on=today + timedelta(days=200)
    )
    Service.objects.create(
        organisation=vetted,
        name="Parents' coffee morning",
        description="Meet other parents.",
        min_age=0,
        max_age=18,
        languages=["en"],
        neighbourhood=episode.family.neighbourhood,
    )

    # The team manager allocates the family, seeing caseloads first.
    sign_in(page, base, manager)
    page.goto(base + "/staff/")
    page.get_by_role("link", name=re.compile(f"Allocate {family}")).first.click()
    expect(page.get_by_role("table")).to_contain_text("Priya Practitioner")
    page.get_by_label(re.compile("Priya Practitioner")).check()
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Priya Practitioner now leads")

    # The practitioner writes the assessment with the family and sends it for sign-off.
    sign_in(page, base, practitioner)
    page.goto(base + "/staff/")
    page.get_by_role("link", name=re.compile(family)).first.click()
    page.get_by_role("button", name="Start the assessment").click()
    page.locator("#id_family_view").fill("We want calmer evenings and to feel less alone.")
    page.locator("#id_early_years_needs").fill("No bedtime routine; the toddler wakes every night.")
    page.locator("#id_early_years_need_identified").check()
    page.locator("#id_health_needs").fill("Mum feels isolated and low.")
    page.locator("#id_health_need_identified").check()
    page.locator("#id_summary").fill("Routines and mum's support network are the priorities.")
    page.get_by_role("button", name="Save and send for sign-off").click()
    expect(page.locator("body")).to_contain_text("Waiting for sign-off")

    # The manager signs it off.
    sign_in(page, base, manager)
    page.goto(base + "/staff/")
    page.get_by_role("link", name=re.compile(family)).first.click()
    if page.get_by_role("button", name="Sign off the assessment").count() == 0:
        page.goto(base + f"/staff/casework/assessments/{Assessment.objects.get(episode=episode).pk}/")
    page.get_by_role("button", name="Sign off the assessment").click()
    assert Assessment.objects.get(episode=episode).status == Assessment.Status.SIGNED_OFF

    # The practitioner builds the plan with the family: two outcomes, one action a group programme.
    sign_in(page, base, practitioner)
    page.goto(base + f"/staff/casework/episodes/{episode.pk}/")
    page.get_by_role("link", name="Open the support plan").click()
    page.get_by_role("button", name="Start the support plan").click()
    due = (today + timedelta(days=21)).isoformat()
    outcomes = [
        ("Good early years development", "Calm bedtimes most nights", "3", one_to_one(), "One-to-one at home"),
        ("Improved mental and physical health", "Mum feels less alone", "4", group_programme(),
         "Group programme at a hub"),
    ]  # fmt: skip
    for domain, wish, score, intervention, delivery in outcomes:
        page.get_by_role("link", name="Add an outcome").click()
        page.get_by_label(domain).check()
        page.get_by_label("What does the family want to be different?").fill(wish)
        page.locator(f"input[name=baseline_score][value='{score}']").check()
        page.get_by_role("button", name="Add the outcome").click()
        page.locator(".govuk-summary-card", has_text=wish).get_by_role("link", name=re.compile("Add an action")).click()
        page.get_by_label("Intervention from the catalogue").select_option(label=intervention.name)
        page.get_by_label(delivery).check()
        page.get_by_label("Priya Practitioner").check()
        page.get_by_label("To be done by").fill(due)
        page.get_by_role("button", name="Add the action").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Action added")
    page.get_by_role("link", name="Record the family's agreement").click()
    page.get_by_label("Date the family agreed the plan").fill(today.isoformat())
    page.get_by_role("button", name="Agree the plan").click()
    expect(page.locator("body")).to_contain_text("Agreed with the family")
    assert PlanAction.objects.filter(outcome__plan__episode=episode, delivery="group").count() == 1

    # A home visit.
    page.goto(base + f"/staff/casework/episodes/{episode.pk}/")
    page.get_by_role("link", name="Add a case note").click()
    page.get_by_label("Home visit").check()
    # Yesterday: at 10:30 today would be in the future when the suite runs before half past ten.
    page.get_by_label("Date it happened").fill((today - timedelta(days=1)).isoformat())
    page.get_by_label("Time it started").fill("10:30")
    page.get_by_label("Note", exact=True).fill("Saw mum and both children at home. Bedtime chart is up.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Note added")
    assert CaseNote.objects.filter(episode=episode, kind=CaseNote.Kind.HOME_VISIT).exists()

    # The review: both outcomes have improved.
    page.goto(base + f"/staff/casework/episodes/{episode.pk}/plan/")
    page.get_by_role("link", name="Record a review").click()
    page.get_by_label("Date of the review").fill(today.isoformat())
    cards = page.locator(".govuk-summary-card")
    cards.nth(0).get_by_label("6", exact=True).check()
    cards.nth(1).get_by_label("7", exact=True).check()
    page.get_by_label("Summary of the review").fill("Bedtimes calmer; mum has been to two group sessions.")
    page.get_by_role("button", name="Record the review").click()
    review = PlanReview.objects.get(plan__episode=episode, kind=PlanReview.Kind.REVIEW)
    assert sorted(s.score for s in review.scores.all()) == [6, 7]

    # Closure with final scores, stepping down to community support.
    page.goto(base + f"/staff/casework/episodes/{episode.pk}/")
    page.get_by_role("link", name="End the family's support").click()
    page.get_by_label("Outcomes met").check()
    page.get_by_label("Date the support ended").fill(today.isoformat())
    for index, score in enumerate(["8", "9"]):
        card = page.locator(".govuk-summary-card").nth(index)
        card.get_by_label(score, exact=True).check()
        card.get_by_label("Achieved", exact=True).check()
    page.get_by_label("What changed for the family?").fill("Calm bedtimes and a network of other parents.")
    page.get_by_label(re.compile("Step down")).check()
    page.get_by_role("button", name="End the family's support").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("signposting pack is on its way")
    expect(page.locator("body")).to_contain_text("Stepped down")
    episode.refresh_from_db()
    assert episode.status == Episode.Status.CLOSED
    assert episode.closure_reason == ClosureReason.OUTCOMES_MET
    closing = PlanReview.objects.get(plan__episode=episode, kind=PlanReview.Kind.CLOSING)
    assert sorted(s.score for s in closing.scores.all()) == [8, 9]
    assert set(episode.plan.outcomes.values_list("status", flat=True)) == {OutcomeStatus.ACHIEVED}
    pack = SignpostingPack.objects.get(stepped_down_from=episode)
    assert list(pack.services.values_list("name", flat=True)) == ["Parents' coffee morning"]
