from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.models import CaseNote, Episode
from family_resources.casework.tests.factories_notes import SensitiveCaseNoteFactory, StepUpFactory
from family_resources.families.models import Family, Person
from family_resources.intake.models import Referral
from family_resources.notifications.tests.factories import SentMessageFactory
from family_resources.privacy.models import LegalHold, RetentionReviewItem, RetentionRule
from family_resources.privacy.retention import records_due
from family_resources.privacy.services import (
    legal_hold_place,
    retention_delete_approved,
    retention_item_decide,
    retention_review_refresh,
)
from family_resources.privacy.tests.factories import closed_family, signposted_referral, unmatched_referral, years_ago

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
Status = RetentionReviewItem.Status


def due_references():
    return {(due.reference, due.rule) for due in records_due(today=TODAY)}


def test_a_signposted_family_is_due_two_years_after_the_decision_and_not_before():
    old = signposted_referral(decided_years_ago=3)
    recent = signposted_referral(decided_years_ago=1)
    due = due_references()
    assert old.family is not None
    assert recent.family is not None
    assert (old.family.reference, RetentionRule.SIGNPOSTED_REFERRAL) in due
    assert recent.family.reference not in {reference for reference, _rule in due}


def test_a_referral_never_matched_to_a_family_is_due_two_years_after_it_was_closed_and_never_while_waiting():
    old = unmatched_referral(received_years_ago=3)
    recent = unmatched_referral(received_years_ago=1, status=Referral.Status.NOT_A_REFERRAL)
    waiting = unmatched_referral(received_years_ago=3, status=Referral.Status.RECEIVED)
    due = due_references()
    assert (old.reference, RetentionRule.SIGNPOSTED_REFERRAL) in due
    assert recent.reference not in {reference for reference, _rule in due}
    assert waiting.reference not in {reference for reference, _rule in due}


def test_a_family_is_due_six_years_after_its_episode_closed_and_not_while_work_is_open():
    old = closed_family(closed_years_ago=7, child_born=years_ago(14))
    recent = closed_family(closed_years_ago=5, child_born=years_ago(14))
    from family_resources.casework.tests.factories_plans import accepted_episode

    still_open = accepted_episode().family
    Episode.objects.filter(family=still_open).update(opened_on=TODAY - timedelta(days=365 * 10))
    due = {reference for reference, _rule in due_references()}
    assert old.reference in due
    assert recent.reference not in due
    assert still_open.reference not in due


def test_safeguarding_records_are_kept_until_the_youngest_child_is_25():
    stepped_up = closed_family(closed_years_ago=7, child_born=years_ago(10))
    StepUpFactory.create(episode=stepped_up.episodes.get())
    assert stepped_up.reference not in {reference for reference, _rule in due_references()}

    grown_up = closed_family(closed_years_ago=10, child_born=years_ago(26))
    StepUpFactory.create(episode=grown_up.episodes.get())
    assert (grown_up.reference, RetentionRule.SAFEGUARDING) in due_references()


def test_the_safeguarding_age_is_configurable(settings):
    family = closed_family(closed_years_ago=7, child_born=years_ago(20))
    StepUpFactory.create(episode=family.episodes.get())
    assert family.reference not in {reference for reference, _rule in due_references()}
    settings.RETENTION_SAFEGUARDING_AGE_YEARS = 18
    assert family.reference in {reference for reference, _rule in due_references()}


def test_a_family_under_a_legal_hold_is_never_due():
    family = closed_family(closed_years_ago=7, child_born=years_ago(14))
    legal_hold_place(family=family, actor=staff(Role.SERVICE_MANAGER), reason="Court case 2026/123")
    assert family.reference not in {reference for reference, _rule in due_references()}


def test_the_review_lists_each_record_once_and_deletes_only_what_a_manager_approved(
    django_capture_on_commit_callbacks,
):
    manager = staff(Role.SERVICE_MANAGER)
    approved_family = closed_family(closed_years_ago=7, child_born=years_ago(14))
    episode = approved_family.episodes.get()
    SensitiveCaseNoteFactory.create(episode=episode)
    SentMessageFactory.create(regarding_type="families.family", regarding_id=approved_family.reference)
    kept_family = closed_family(closed_years_ago=7, child_born=years_ago(14))
    pending_referral = unmatched_referral(received_years_ago=3)

    added = retention_review_refresh(today=TODAY)
    assert {item.reference for item in added} == {
        approved_family.reference,
        kept_family.reference,
        pending_referral.reference,
    }
    assert retention_review_refresh(today=TODAY) == []  # listed once

    items = {item.reference: item for item in added}
    retention_item_decide(item=items[approved_family.reference], actor=manager, approve=True)
    retention_item_decide(item=items[kept_family.reference], actor=manager, approve=False, keep_reason="Complaint open")

    people = list(Person.objects.filter(family=approved_family).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        counts = retention_delete_approved(today=TODAY)

    assert counts["deleted"] == 1
    assert not Family.objects.filter(pk=approved_family.pk).exists()
    assert not Person.objects.filter(pk__in=people).exists()
    assert not Episode.objects.filter(pk=episode.pk).exists()
    assert not CaseNote.objects.filter(episode_id=episode.pk).exists()
    assert not Referral.objects.filter(family_id=approved_family.pk).exists()
    from family_resources.notifications.models import Message

    assert not Message.objects.filter(regarding_id=approved_family.reference).exists()
    # Everything else stays.
    assert Family.objects.filter(pk=kept_family.pk).exists()
    assert Referral.objects.filter(pk=pending_referral.pk).exists()

    item = RetentionReviewItem.objects.get(pk=items[approved_family.reference].pk)
    assert item.status == Status.DELETED
    assert item.records_deleted >= 5
    # One audit row per deleted record, naming only its type and id; and one for the run's item.
    deletions = AuditEvent.objects.filter(action=AuditAction.DELETE)
    assert deletions.filter(object_type="families.family", object_id=str(approved_family.pk)).exists()
    assert deletions.filter(object_type="families.person", object_id__in=[str(pk) for pk in people]).count() == len(
        people
    )
    assert deletions.filter(object_type="privacy.retentionreviewitem", object_id=str(item.pk)).exists()
    assert RetentionReviewItem.objects.get(reference=kept_family.reference).status == Status.KEPT


def test_a_hold_placed_after_approval_stops_the_deletion_and_puts_the_record_back_for_review():
    manager = staff(Role.SERVICE_MANAGER)
    family = closed_family(closed_years_ago=7, child_born=years_ago(14))
    (item,) = retention_review_refresh(today=TODAY)
    retention_item_decide(item=item, actor=manager, approve=True)
    LegalHold.objects.create(family=family, reason="Inquiry", placed_by=manager)

    counts = retention_delete_approved(today=TODAY)

    assert counts == {"deleted": 0, "returned": 1, "rows": 0}
    assert Family.objects.filter(pk=family.pk).exists()
    assert RetentionReviewItem.objects.get(pk=item.pk).status == Status.PENDING


def test_keeping_records_needs_a_reason():
    from django.core.exceptions import ValidationError

    closed_family(closed_years_ago=7, child_born=years_ago(14))
    (item,) = retention_review_refresh(today=TODAY)
    with pytest.raises(ValidationError):
        retention_item_decide(item=item, actor=staff(Role.SERVICE_MANAGER), approve=False, keep_reason=" ")


def test_a_manager_reviews_and_deletes_through_the_pages(client, django_capture_on_commit_callbacks):
    family = closed_family(closed_years_ago=7, child_born=years_ago(14))
    client.force_login(staff(Role.SERVICE_MANAGER))
    page = reverse("privacy_staff:retention")
    assert client.post(reverse("privacy_staff:retention_refresh")).status_code == 302
    content = client.get(page).content.decode()
    assert family.reference in content
    item = RetentionReviewItem.objects.get(reference=family.reference)

    response = client.post(reverse("privacy_staff:retention_decide", args=[item.pk]), {"decision": "keep"})
    assert response.status_code == 200
    assert "Enter why the records are being kept" in response.content.decode()

    client.post(reverse("privacy_staff:retention_decide", args=[item.pk]), {"decision": "approve"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("privacy_staff:retention_delete")).status_code == 302
    assert not Family.objects.filter(pk=family.pk).exists()


def test_a_manager_places_and_lifts_a_legal_hold(client):
    family = closed_family(closed_years_ago=7, child_born=years_ago(14))
    client.force_login(staff(Role.SERVICE_MANAGER))
    response = client.post(reverse("privacy_staff:legal_hold"), {"reference": family.reference, "reason": ""})
    assert "There is a problem" in response.content.decode()
    client.post(reverse("privacy_staff:legal_hold"), {"reference": family.reference, "reason": "Case 2026/9"})
    assert LegalHold.objects.filter(family=family).exists()
    client.post(reverse("privacy_staff:legal_hold_lift", args=[family.reference]))
    assert not LegalHold.objects.filter(family=family).exists()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.FRONT_DOOR_OFFICER, Role.TEAM_MANAGER])
def test_only_managers_and_administrators_see_the_retention_pages(client, role):
    client.force_login(staff(role))
    assert client.get(reverse("privacy_staff:retention")).status_code == 403
    assert client.post(reverse("privacy_staff:retention_delete")).status_code == 403


def test_the_command_lists_what_is_due(capsys):
    closed_family(closed_years_ago=7, child_born=years_ago(14))
    call_command("retention_review")
    assert "1 record(s) newly due; 1 waiting for review." in capsys.readouterr().out
