"""Stepping a family up to children's social care from within the case, and social care's reference later."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.models import Episode, StepUp
from family_resources.casework.services.step_up import step_up_record, step_up_set_reference
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.casework.tests.factories_notes import StepUpFactory

pytestmark = pytest.mark.django_db


def closed(episode):
    episode.status = Episode.Status.CLOSED
    episode.closed_on = timezone.localdate()
    episode.closure_reason = "stepped_up"
    episode.save()
    return episode


def denials(episode):
    return AuditEvent.objects.filter(
        action=AuditAction.DENIED, object_type="casework.episode", object_id=str(episode.pk)
    ).count()


# The service


def test_a_step_up_records_the_reason_the_time_and_who_and_leaves_the_support_open():
    episode = OpenEpisodeFactory.create()
    practitioner = staff(Role.PRACTITIONER, teams=[episode.team])

    step_up = step_up_record(
        episode=episode, reason="  Bruising on the baby.  ", immediate_risk=True, stepped_up_by=practitioner
    )

    assert (step_up.reason, step_up.immediate_risk, step_up.stepped_up_by) == (
        "Bruising on the baby.",
        True,
        practitioner,
    )
    assert timezone.now() - step_up.stepped_up_at < timedelta(minutes=1)
    assert step_up.social_care_reference == ""
    episode.refresh_from_db()
    assert episode.status == Episode.Status.OPEN


def test_a_step_up_needs_a_reason():
    episode = OpenEpisodeFactory.create()

    with pytest.raises(ValidationError) as error:
        step_up_record(
            episode=episode, reason="  ", immediate_risk=False,
            stepped_up_by=staff(Role.TEAM_MANAGER, teams=[episode.team]),
        )  # fmt: skip

    assert error.value.message_dict == {"reason": ["Say why you are stepping the family up to children's social care"]}
    assert not StepUp.objects.exists()


def test_a_closed_episode_cannot_be_stepped_up():
    episode = closed(OpenEpisodeFactory.create())

    with pytest.raises(ValidationError, match="while the family's support is open"):
        step_up_record(
            episode=episode, reason="Worried.", immediate_risk=False,
            stepped_up_by=staff(Role.PRACTITIONER, teams=[episode.team]),
        )  # fmt: skip


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.FRONT_DOOR_OFFICER])
def test_only_the_team_steps_a_family_up(role):
    episode = OpenEpisodeFactory.create()

    with pytest.raises(PermissionDenied):
        step_up_record(episode=episode, reason="Worried.", immediate_risk=False, stepped_up_by=staff(role))


def test_social_cares_reference_is_kept_and_can_be_corrected_after_the_case_closes():
    step_up = StepUpFactory.create()
    practitioner = step_up.stepped_up_by
    closed(step_up.episode)

    step_up_set_reference(step_up=step_up, reference=" CSC-1234 ", set_by=practitioner)
    step_up_set_reference(step_up=step_up, reference="CSC-12345", set_by=practitioner)

    step_up.refresh_from_db()
    assert step_up.social_care_reference == "CSC-12345"


def test_the_reference_must_be_given_and_short_enough():
    step_up = StepUpFactory.create()

    with pytest.raises(ValidationError) as blank:
        step_up_set_reference(step_up=step_up, reference=" ", set_by=step_up.stepped_up_by)
    with pytest.raises(ValidationError) as long:
        step_up_set_reference(step_up=step_up, reference="X" * 41, set_by=step_up.stepped_up_by)

    assert blank.value.message_dict == {"reference": ["Enter children's social care's reference"]}
    assert long.value.message_dict == {
        "reference": ["Children's social care's reference must be 40 characters or fewer"]
    }


def test_only_the_team_records_social_cares_reference():
    step_up = StepUpFactory.create()

    with pytest.raises(PermissionDenied):
        step_up_set_reference(step_up=step_up, reference="CSC-1", set_by=staff(Role.SERVICE_MANAGER))


# The pages


def test_the_step_up_page_warns_to_call_social_care_at_once(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.PRACTITIONER, teams=[episode.team]))

    content = client.get(reverse("casework:step_up", args=[episode.pk])).content.decode()

    assert "govuk-warning-text" in content
    assert "call children's social care now on " + settings.CHILDRENS_SOCIAL_CARE_PHONE in content


def test_a_practitioner_steps_up_and_sees_the_confirmation(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.PRACTITIONER, teams=[episode.team]))

    response = client.post(
        reverse("casework:step_up", args=[episode.pk]),
        {"immediate_risk": "yes", "reason": "Mum disclosed the children were left alone overnight."},
        follow=True,
    )

    step_up = StepUp.objects.get(episode=episode)
    assert step_up.immediate_risk
    assert response.redirect_chain == [(reverse("casework:step_up_detail", args=[episode.pk, step_up.pk]), 302)]
    content = response.content.decode()
    assert "govuk-panel--confirmation" in content
    assert "Step-up recorded" in content
    # Immediate risk: the warning to call social care is repeated on the confirmation.
    assert settings.CHILDRENS_SOCIAL_CARE_PHONE in content


def test_the_step_up_page_says_what_is_missing(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(staff(Role.TEAM_MANAGER, teams=[episode.team]))

    response = client.post(reverse("casework:step_up", args=[episode.pk]), {"reason": "  "})

    content = response.content.decode()
    assert "<title>Error: " in content
    assert "Say whether a child is at immediate risk of harm" in content
    assert "Say why you are stepping the family up to children&#x27;s social care" in content
    assert not StepUp.objects.exists()


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(lambda: staff(Role.SERVICE_MANAGER), id="service manager"),
        pytest.param(lambda: staff(Role.PRACTITIONER, teams=[TeamFactory.create()]), id="other team"),
    ],
)
def test_outside_the_team_the_step_up_page_is_refused_and_audited(client, who):
    episode = OpenEpisodeFactory.create()
    client.force_login(who())

    response = client.post(reverse("casework:step_up", args=[episode.pk]), {"immediate_risk": "no", "reason": "x"})

    assert response.status_code == 403
    assert denials(episode) == 1
    assert not StepUp.objects.exists()


def test_a_service_manager_reads_the_step_up_but_cannot_record_the_reference(client):
    step_up = StepUpFactory.create()
    client.force_login(staff(Role.SERVICE_MANAGER))

    detail = client.get(reverse("casework:step_up_detail", args=[step_up.episode_id, step_up.pk]))
    reference = client.get(reverse("casework:step_up_reference", args=[step_up.episode_id, step_up.pk]))

    assert detail.status_code == 200
    assert step_up.reason in detail.content.decode()
    assert reverse("casework:step_up_reference", args=[step_up.episode_id, step_up.pk]) not in detail.content.decode()
    assert reference.status_code == 403
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="casework.stepup").count() == 1


def test_a_step_up_of_another_episode_is_not_found_under_this_one(client):
    step_up = StepUpFactory.create()
    other = OpenEpisodeFactory.create()
    client.force_login(staff(Role.SERVICE_MANAGER))

    assert client.get(reverse("casework:step_up_detail", args=[other.pk, step_up.pk])).status_code == 404


def test_the_team_records_social_cares_reference_through_the_page(client):
    step_up = StepUpFactory.create()
    closed(step_up.episode)
    client.force_login(step_up.stepped_up_by)
    url = reverse("casework:step_up_reference", args=[step_up.episode_id, step_up.pk])

    empty = client.post(url, {"reference": ""})
    saved = client.post(url, {"reference": "CSC-2026-0042"}, follow=True)

    assert "Enter children&#x27;s social care&#x27;s reference" in empty.content.decode()
    assert "CSC-2026-0042" in saved.content.decode()
    step_up.refresh_from_db()
    assert step_up.social_care_reference == "CSC-2026-0042"
