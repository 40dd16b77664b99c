"""Closing a case with final scores, stepping down with a signposting pack, and carrying on a recent case."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.casework.models import (
    ActionStatus,
    ClosureReason,
    Episode,
    OutcomeStatus,
    PlanAction,
    PlanReview,
    StepUp,
)
from family_resources.casework.services.closure import case_close
from family_resources.casework.services.plans import ScoreInput
from family_resources.casework.tests.factories_plans import accepted_episode, agreed_plan, allocated_episode
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.triage.models import SignpostingPack
from family_resources.triage.services import decision_record

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _final(plan, *, score=8, status=OutcomeStatus.ACHIEVED):
    return {o.pk: ScoreInput(score=score, status=status) for o in plan.outcomes.all()}


def test_closing_an_agreed_plan_needs_final_scores_for_every_outcome():
    episode, practitioner = allocated_episode(opened_days_ago=30)
    plan = agreed_plan(episode, practitioner)

    with pytest.raises(ValidationError) as caught:
        case_close(episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=TODAY, closed_by=practitioner,
                   review_summary="", final_scores={})  # fmt: skip

    errors = caught.value.message_dict
    assert errors["review_summary"] == ["Summarise what changed for the family"]
    assert {f"score_{o.pk}" for o in plan.outcomes.all()} <= set(errors)
    assert Episode.objects.get(pk=episode.pk).status == Episode.Status.OPEN


def test_closure_records_a_closing_review_and_cancels_what_was_left_undone():
    episode, practitioner = allocated_episode(opened_days_ago=30)
    plan = agreed_plan(episode, practitioner)

    episode = case_close(episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=TODAY,
                         closed_by=practitioner, review_summary="Bedtimes are calm now",
                         final_scores=_final(plan))  # fmt: skip

    assert episode.status == Episode.Status.CLOSED
    assert episode.closure_reason == ClosureReason.OUTCOMES_MET
    assert episode.closed_by == practitioner
    closing = PlanReview.objects.get(plan=plan, kind=PlanReview.Kind.CLOSING)
    assert sorted(s.score for s in closing.scores.all()) == [8, 8]
    assert not PlanAction.objects.filter(outcome__plan=plan, status=ActionStatus.PLANNED).exists()


def test_final_scores_must_say_whether_each_outcome_was_achieved():
    episode, practitioner = allocated_episode(opened_days_ago=30)
    plan = agreed_plan(episode, practitioner)
    with pytest.raises(ValidationError) as caught:
        case_close(episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=TODAY, closed_by=practitioner,
                   review_summary="Done", final_scores=_final(plan, status=OutcomeStatus.OPEN))  # fmt: skip
    assert any(key.startswith("status_") for key in caught.value.message_dict)


def test_closing_as_stepped_up_needs_a_recorded_step_up():
    episode, practitioner = allocated_episode()
    with pytest.raises(ValidationError, match="Record the step-up"):
        case_close(episode=episode, reason=ClosureReason.STEPPED_UP, closed_on=TODAY, closed_by=practitioner)

    StepUp.objects.create(episode=episode, reason="Disclosure of harm", stepped_up_by=practitioner)
    assert case_close(episode=episode, reason=ClosureReason.STEPPED_UP, closed_on=TODAY,
                      closed_by=practitioner).status == Episode.Status.CLOSED  # fmt: skip


@pytest.mark.parametrize("reason", [ClosureReason.STEPPED_UP, ClosureReason.MOVED_AWAY])
def test_a_family_stepped_up_or_moving_away_is_not_stepped_down(reason):
    episode, practitioner = allocated_episode()
    StepUp.objects.create(episode=episode, reason="Disclosure of harm", stepped_up_by=practitioner)
    with pytest.raises(ValidationError) as caught:
        case_close(episode=episode, reason=reason, closed_on=TODAY, closed_by=practitioner, step_down=True)
    assert "step_down" in caught.value.message_dict


def test_other_needs_a_note_and_the_date_cannot_be_in_the_future():
    episode, practitioner = allocated_episode()
    with pytest.raises(ValidationError) as caught:
        case_close(episode=episode, reason=ClosureReason.OTHER, closed_on=TODAY + timedelta(days=1),
                   closed_by=practitioner)  # fmt: skip
    assert set(caught.value.message_dict) == {"note", "closed_on"}


def test_stepping_down_sends_the_family_a_signposting_pack_kept_on_the_case():
    episode, practitioner = allocated_episode(opened_days_ago=30, contact_email="parent@example.org")
    plan = agreed_plan(episode, practitioner)

    case_close(episode=episode, reason=ClosureReason.OUTCOMES_MET, closed_on=TODAY, closed_by=practitioner,
               review_summary="Calmer", final_scores=_final(plan), step_down=True)  # fmt: skip

    pack = SignpostingPack.objects.get(stepped_down_from=episode)
    assert pack.decision == episode.referral.decision
    message = pack.message
    assert message is not None
    assert message.template == "step_down_pack"
    assert message.recipient == "parent@example.org"
    assert "Our work with your family has now finished" in message.body


def test_a_family_back_within_the_window_carries_on_from_the_old_episode(settings):
    settings.CASEWORK_REOPEN_WINDOW_DAYS = 90
    episode, practitioner = allocated_episode(opened_days_ago=30)
    plan = agreed_plan(episode, practitioner)
    bedtimes, alone = list(plan.outcomes.order_by("id"))
    case_close(episode=episode, reason=ClosureReason.DISENGAGED, closed_on=TODAY, closed_by=practitioner,
               review_summary="Stopped answering",
               final_scores={bedtimes.pk: ScoreInput(score=5, status=OutcomeStatus.NOT_ACHIEVED),
                             alone.pk: ScoreInput(score=9, status=OutcomeStatus.ACHIEVED)})  # fmt: skip

    again = ReceivedReferralFactory.create(family=episode.family)
    decision_record(referral=again, level=3, immediate_risk=False, rationale="Back again",
                    decided_by=staff(Role.FRONT_DOOR_OFFICER), differs_reason="Judgement")  # fmt: skip

    new = Episode.objects.get(referral=again)
    assert new.previous_episode == episode
    assert new.lead_practitioner == practitioner
    carried = list(new.plan.outcomes.all())
    assert [(o.description, o.baseline_score) for o in carried] == [("Calmer bedtimes", 5)]
    assert new.plan.agreed_on is None


def test_a_family_back_after_the_window_starts_afresh(settings):
    settings.CASEWORK_REOPEN_WINDOW_DAYS = 90
    episode, practitioner = allocated_episode(opened_days_ago=200)
    case_close(episode=episode, reason=ClosureReason.DISENGAGED, closed_on=TODAY - timedelta(days=91),
               closed_by=practitioner)  # fmt: skip

    again = ReceivedReferralFactory.create(family=episode.family)
    decision_record(referral=again, level=3, immediate_risk=False, rationale="Back again",
                    decided_by=staff(Role.FRONT_DOOR_OFFICER), differs_reason="Judgement")  # fmt: skip

    new = Episode.objects.get(referral=again)
    assert new.previous_episode is None
    assert new.lead_practitioner is None


# Pages


def test_the_close_page_keeps_what_was_typed_when_scores_are_missing(signed_in_client):
    episode, practitioner = allocated_episode(opened_days_ago=30)
    agreed_plan(episode, practitioner)

    response = signed_in_client(practitioner).post(
        reverse("casework:close", args=[episode.pk]),
        {"reason": ClosureReason.OUTCOMES_MET, "closed_on": TODAY.isoformat(), "review_summary": "Much calmer home"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Score “Calmer bedtimes” from 1 to 10" in page
    assert "Much calmer home" in page


def test_only_the_lead_or_the_team_manager_closes_a_case(signed_in_client):
    episode, _ = allocated_episode()
    colleague = staff(Role.PRACTITIONER, teams=[episode.team])
    manager = staff(Role.TEAM_MANAGER, teams=[episode.team])

    assert signed_in_client(colleague).get(reverse("casework:close", args=[episode.pk])).status_code == 403
    assert signed_in_client(manager).get(reverse("casework:close", args=[episode.pk])).status_code == 200


def test_the_practitioners_home_lists_what_is_overdue(signed_in_client, settings):
    settings.CASEWORK_ASSESSMENT_DUE_DAYS = 30
    # 32, not 31: "31 days ago" late in the evening can fall on the next local day across a clock change.
    episode, practitioner = allocated_episode(opened_days_ago=32)
    accepted_episode()  # another team's family never shows

    page = signed_in_client(practitioner).get(reverse("accounts:home")).content.decode()

    assert "Early-help assessment signed off" in page
    assert "Overdue" in page
    assert episode.family.family_name in page
