"""The support plan: outcomes, actions from the catalogue, agreement, and reviews scored from 1 to 10."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditEvent
from family_resources.casework.models import (
    ActionStatus,
    Delivery,
    Domain,
    OutcomeStatus,
    PlanAction,
    PlanOutcome,
    PlanReview,
)
from family_resources.casework.services.plans import (
    ScoreInput,
    plan_action_add,
    plan_action_set_status,
    plan_agree,
    plan_create,
    plan_outcome_add,
    plan_review_record,
)
from family_resources.casework.tests.factories_plans import (
    agreed_plan,
    allocated_episode,
    group_programme,
    one_to_one,
    sign_off_assessment,
)
from family_resources.catalogue.models import Intervention

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_a_plan_waits_for_a_signed_off_assessment(settings):
    settings.CASEWORK_REVIEW_INTERVAL_WEEKS = 4
    episode, practitioner = allocated_episode()
    with pytest.raises(ValidationError, match="assessment must be signed off"):
        plan_create(episode=episode, created_by=practitioner)

    sign_off_assessment(episode, by=practitioner)
    plan = plan_create(episode=episode, created_by=practitioner)

    assert plan.review_interval_weeks == 4
    with pytest.raises(ValidationError, match="already has a support plan"):
        plan_create(episode=episode, created_by=practitioner)


def test_an_outcome_needs_a_need_a_description_and_a_starting_score():
    episode, practitioner = allocated_episode()
    sign_off_assessment(episode, by=practitioner)
    plan = plan_create(episode=episode, created_by=practitioner)

    with pytest.raises(ValidationError) as caught:
        plan_outcome_add(plan=plan, domain="nonsense", description=" ", baseline_score=11)

    assert set(caught.value.message_dict) == {"domain", "description", "baseline_score"}


def test_an_action_must_be_delivered_the_way_the_catalogue_offers_it():
    episode, practitioner = allocated_episode()
    sign_off_assessment(episode, by=practitioner)
    plan = plan_create(episode=episode, created_by=practitioner)
    outcome = plan_outcome_add(plan=plan, domain=Domain.HEALTH, description="Feel better", baseline_score=2)
    one_to_one_only = Intervention.objects.filter(active=True, group=False, one_to_one=True).first()
    soon = TODAY + timedelta(days=7)

    with pytest.raises(ValidationError) as caught:
        plan_action_add(outcome=outcome, intervention=one_to_one_only, delivery=Delivery.GROUP, due_on=soon,
                        assigned_to=practitioner)  # fmt: skip
    assert "not run as a group programme" in caught.value.message_dict["delivery"][0]

    action = plan_action_add(outcome=outcome, intervention=group_programme(), delivery=Delivery.GROUP, due_on=soon,
                             assigned_to=practitioner)  # fmt: skip
    assert action.status == ActionStatus.PLANNED


def test_an_action_needs_someone_in_the_team_or_named_and_a_date_not_past():
    episode, practitioner = allocated_episode()
    sign_off_assessment(episode, by=practitioner)
    plan = plan_create(episode=episode, created_by=practitioner)
    outcome = plan_outcome_add(plan=plan, domain=Domain.HEALTH, description="Feel better", baseline_score=2)
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])

    with pytest.raises(ValidationError) as caught:
        plan_action_add(outcome=outcome, intervention=one_to_one(), delivery=Delivery.HUB,
                        due_on=TODAY - timedelta(days=1), assigned_to=outsider)  # fmt: skip
    errors = caught.value.message_dict
    assert errors["assigned_to"] == ["Choose a member of the family's team, or name someone else"]
    assert errors["due_on"] == ["The date this should be done by must be today or in the future"]

    with pytest.raises(ValidationError, match="Say who will do this"):
        plan_action_add(outcome=outcome, intervention=one_to_one(), delivery=Delivery.HUB, due_on=TODAY)


def test_agreeing_needs_an_action_for_every_outcome_and_starts_the_review_clock(settings):
    settings.CASEWORK_REVIEW_INTERVAL_WEEKS = 6
    episode, practitioner = allocated_episode()
    sign_off_assessment(episode, by=practitioner)
    plan = plan_create(episode=episode, created_by=practitioner)
    with pytest.raises(ValidationError, match="at least one outcome"):
        plan_agree(plan=plan, agreed_on=TODAY)
    outcome = plan_outcome_add(plan=plan, domain=Domain.HEALTH, description="Feel better", baseline_score=2)
    with pytest.raises(ValidationError, match="Feel better"):
        plan_agree(plan=plan, agreed_on=TODAY)
    plan_action_add(outcome=outcome, intervention=one_to_one(), delivery=Delivery.HOME, due_on=TODAY,
                    assigned_to=practitioner)  # fmt: skip
    with pytest.raises(ValidationError, match="today or in the past"):
        plan_agree(plan=plan, agreed_on=TODAY + timedelta(days=1))

    plan = plan_agree(plan=plan, agreed_on=TODAY)

    assert plan.next_review_on == TODAY + timedelta(weeks=6)


def test_a_review_scores_every_open_outcome_and_moves_the_next_review_on():
    episode, practitioner = allocated_episode(opened_days_ago=60)
    plan = agreed_plan(episode, practitioner, agreed_on=TODAY - timedelta(weeks=6))
    bedtimes, alone = list(plan.outcomes.order_by("id"))

    with pytest.raises(ValidationError) as caught:
        plan_review_record(plan=plan, reviewed_on=TODAY, reviewed_by=practitioner, summary="Going well",
                           scores={bedtimes.pk: ScoreInput(score=0)})  # fmt: skip
    assert set(caught.value.message_dict) == {f"score_{bedtimes.pk}", f"score_{alone.pk}"}

    review = plan_review_record(
        plan=plan, reviewed_on=TODAY, reviewed_by=practitioner, summary="Going well",
        scores={bedtimes.pk: ScoreInput(score=6), alone.pk: ScoreInput(score=8, status=OutcomeStatus.ACHIEVED)},
    )  # fmt: skip

    plan.refresh_from_db()
    assert [s.score for s in review.scores.order_by("outcome_id")] == [6, 8]
    assert plan.next_review_on == TODAY + timedelta(weeks=plan.review_interval_weeks)
    assert PlanOutcome.objects.get(pk=alone.pk).status == OutcomeStatus.ACHIEVED
    # An achieved outcome is no longer scored at the next review.
    nxt = plan_review_record(plan=plan, reviewed_on=TODAY, reviewed_by=practitioner, summary="Still going",
                             scores={bedtimes.pk: ScoreInput(score=7)})  # fmt: skip
    assert nxt.scores.count() == 1


def test_a_review_cannot_predate_the_agreement():
    episode, practitioner = allocated_episode()
    plan = agreed_plan(episode, practitioner)
    with pytest.raises(ValidationError, match="before the plan was agreed"):
        plan_review_record(plan=plan, reviewed_on=TODAY - timedelta(days=1), reviewed_by=practitioner,
                           summary="x", scores={})  # fmt: skip


def test_marking_an_action_done_records_the_day():
    episode, practitioner = allocated_episode()
    plan = agreed_plan(episode, practitioner)
    action = PlanAction.objects.filter(outcome__plan=plan).earliest("id")

    action = plan_action_set_status(action=action, status=ActionStatus.DONE)

    assert action.completed_on == TODAY


# Pages


def test_the_practitioner_builds_and_agrees_a_plan_through_the_pages(signed_in_client):
    episode, practitioner = allocated_episode()
    sign_off_assessment(episode, by=practitioner)
    client = signed_in_client(practitioner)

    client.post(reverse("casework:plan_start", args=[episode.pk]))
    response = client.post(
        reverse("casework:outcome_add", args=[episode.pk]),
        {"domain": Domain.EARLY_YEARS, "description": "Calmer bedtimes", "baseline_score": "3"},
    )
    assert response.status_code == 302
    outcome = PlanOutcome.objects.get(plan__episode=episode)
    response = client.post(
        reverse("casework:action_add", args=[episode.pk, outcome.pk]),
        {"intervention": group_programme().pk, "delivery": Delivery.GROUP, "assigned_to": "other",
         "assigned_to_other": "Mum", "due_on": (TODAY + timedelta(days=10)).isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    response = client.post(reverse("casework:plan_agree", args=[episode.pk]), {"agreed_on": TODAY.isoformat()})
    assert response.status_code == 302

    page = client.get(reverse("casework:plan", args=[episode.pk])).content.decode()
    assert "Calmer bedtimes" in page
    assert "Mum" in page
    assert "Record a review" in page


def test_an_action_without_anyone_named_keeps_what_was_typed_and_says_what_is_wrong(signed_in_client):
    episode, practitioner = allocated_episode()
    sign_off_assessment(episode, by=practitioner)
    client = signed_in_client(practitioner)
    client.post(reverse("casework:plan_start", args=[episode.pk]))
    client.post(reverse("casework:outcome_add", args=[episode.pk]),
                {"domain": Domain.HEALTH, "description": "Feel better", "baseline_score": "2"})  # fmt: skip
    outcome = PlanOutcome.objects.get(plan__episode=episode)

    response = client.post(
        reverse("casework:action_add", args=[episode.pk, outcome.pk]),
        {"intervention": one_to_one().pk, "delivery": Delivery.HOME, "assigned_to": "other",
         "assigned_to_other": "", "due_on": TODAY.isoformat(), "detail": "Weekly visits on Tuesdays"},
    )  # fmt: skip

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Say who will do this" in page
    assert "Weekly visits on Tuesdays" in page
    assert page.count("<title>Error:") == 1


def test_a_review_through_the_page_records_each_score(signed_in_client):
    episode, practitioner = allocated_episode()
    plan = agreed_plan(episode, practitioner)
    bedtimes, alone = list(plan.outcomes.order_by("id"))

    response = signed_in_client(practitioner).post(
        reverse("casework:review_add", args=[episode.pk]),
        {"reviewed_on": TODAY.isoformat(), "summary": "Bedtimes calmer", f"score_{bedtimes.pk}": "7",
         f"status_{bedtimes.pk}": "open", f"score_{alone.pk}": "6", f"status_{alone.pk}": "open"},
    )  # fmt: skip

    assert response.status_code == 302
    review = PlanReview.objects.get(plan=plan)
    assert {s.outcome_id: s.score for s in review.scores.all()} == {bedtimes.pk: 7, alone.pk: 6}


def test_another_teams_practitioner_cannot_open_the_plan_and_is_audited(signed_in_client):
    episode, _ = allocated_episode()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])

    response = signed_in_client(outsider).get(reverse("casework:plan", args=[episode.pk]))

    assert response.status_code == 403
    assert AuditEvent.objects.filter(actor=outsider, action="denied", object_type="casework.episode",
                                     object_id=str(episode.pk)).exists()  # fmt: skip


def test_a_service_manager_reads_the_plan_but_cannot_change_it(signed_in_client):
    episode, practitioner = allocated_episode()
    agreed_plan(episode, practitioner)
    client = signed_in_client(staff(Role.SERVICE_MANAGER))

    page = client.get(reverse("casework:plan", args=[episode.pk]))
    assert page.status_code == 200
    assert "Record a review" not in page.content.decode()
    assert client.get(reverse("casework:review_add", args=[episode.pk])).status_code == 403
