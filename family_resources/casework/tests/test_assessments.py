"""The early-help assessment: written by the team, sent for sign-off, signed off or returned by a team manager."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework.models import Assessment, AssessmentFinding, ClosureReason, Domain, Episode
from family_resources.casework.selectors import assessments_awaiting_sign_off, latest_assessment
from family_resources.casework.services import episode_close
from family_resources.casework.services.assessments import (
    FindingInput,
    assessment_return,
    assessment_sign_off,
    assessment_start,
    assessment_submit,
    assessment_update,
)
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.casework.tests.factories_assessments import (
    AssessmentFindingFactory,
    AwaitingSignOffAssessmentFactory,
    InProgressAssessmentFactory,
    SignedOffAssessmentFactory,
)
from family_resources.core.tests.browser import accessibility_problems, sign_in

db = pytest.mark.django_db

NEED = FindingInput(strengths="Close to grandparents.", needs="Rent arrears since the job went.", need_identified=True)


def manager_of(episode: Episode, **fields: Any) -> User:
    return staff(Role.TEAM_MANAGER, teams=[episode.team], **fields)


def practitioner_of(episode: Episode, **fields: Any) -> User:
    return staff(Role.PRACTITIONER, teams=[episode.team], **fields)


def update(assessment: Assessment, *, family_view: str = "", summary: str = "", **findings: FindingInput) -> None:
    assessment_update(assessment=assessment, family_view=family_view, child_view="", summary=summary, findings=findings)


def submit_problems(assessment: Assessment) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        assessment_submit(assessment=assessment, submitted_by=assessment.started_by)
    return error.value.message_dict


def denied(user: User, instance: Any) -> bool:
    return AuditEvent.objects.filter(
        action=AuditAction.DENIED, actor=user, object_type=instance._meta.label_lower, object_id=str(instance.pk)
    ).exists()


# Starting


@db
def test_a_practitioner_starts_an_assessment_of_an_open_case():
    episode = OpenEpisodeFactory.create()
    practitioner = practitioner_of(episode)

    assessment = assessment_start(episode=episode, started_by=practitioner)

    assert assessment.status == Assessment.Status.IN_PROGRESS
    assert assessment.started_by == practitioner
    assert assessment.started_on == timezone.localdate()


@db
def test_no_assessment_is_started_once_the_case_is_closed():
    episode = OpenEpisodeFactory.create()
    episode_close(episode=episode, reason=ClosureReason.MOVED_AWAY, closed_on=timezone.localdate())

    with pytest.raises(ValidationError, match="support has ended"):
        assessment_start(episode=episode, started_by=practitioner_of(episode))


@db
@pytest.mark.parametrize("factory", [InProgressAssessmentFactory, AwaitingSignOffAssessmentFactory])
def test_a_second_assessment_cannot_start_while_one_is_unfinished(factory):
    earlier = factory.create()

    with pytest.raises(ValidationError, match="already has an assessment that is not signed off"):
        assessment_start(episode=earlier.episode, started_by=earlier.started_by)
    assert Assessment.objects.filter(episode=earlier.episode).count() == 1


@db
def test_a_new_assessment_may_start_once_the_earlier_one_is_signed_off():
    earlier = SignedOffAssessmentFactory.create()

    later = assessment_start(episode=earlier.episode, started_by=earlier.started_by)

    assert later.pk != earlier.pk
    assert latest_assessment(episode=earlier.episode) == later


# Writing


@db
def test_saving_keeps_the_views_and_creates_a_finding_only_where_something_is_written():
    assessment = InProgressAssessmentFactory.create()

    assessment_update(
        assessment=assessment,
        family_view="  We want calmer evenings.  ",
        child_view="I like football.",
        summary="",
        findings={Domain.HOUSING: NEED, Domain.EDUCATION: FindingInput("", "", False)},
    )

    assessment.refresh_from_db()
    assert assessment.family_view == "We want calmer evenings."
    assert assessment.child_view == "I like football."
    finding = AssessmentFinding.objects.get(assessment=assessment)
    assert (finding.domain, finding.needs, finding.need_identified) == (Domain.HOUSING, NEED.needs, True)


@db
def test_saving_unchanged_answers_writes_no_update_to_the_audit_trail():
    assessment = InProgressAssessmentFactory.create()
    update(assessment, family_view="Calmer evenings.", housing=NEED)
    updates_before = AuditEvent.objects.filter(action=AuditAction.UPDATE).count()

    update(assessment, family_view="Calmer evenings.", housing=NEED)

    assert AuditEvent.objects.filter(action=AuditAction.UPDATE).count() == updates_before


@db
def test_a_finding_can_be_changed_and_unmarked_as_a_need():
    assessment = InProgressAssessmentFactory.create()
    update(assessment, housing=NEED)

    update(assessment, housing=FindingInput(strengths="Settled now.", needs="", need_identified=False))

    finding = AssessmentFinding.objects.get(assessment=assessment)
    assert (finding.strengths, finding.needs, finding.need_identified) == ("Settled now.", "", False)
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type="casework.assessmentfinding", object_id=str(finding.pk)
    ).exists()


@db
@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (AwaitingSignOffAssessmentFactory, "a manager must return it before it can change"),
        (SignedOffAssessmentFactory, "signed off and can no longer be changed"),
    ],
)
def test_only_an_assessment_in_progress_can_be_changed(factory, message):
    assessment = factory.create()

    with pytest.raises(ValidationError, match=message):
        update(assessment, family_view="Changed after sending.")
    assessment.refresh_from_db()
    assert assessment.family_view != "Changed after sending."


# Sending for sign-off


@db
def test_an_empty_assessment_cannot_be_sent_and_each_missing_part_is_named():
    assessment = InProgressAssessmentFactory.create()

    problems = submit_problems(assessment)

    assert problems == {
        "family_view": ["Record the family's view before sending the assessment for sign-off"],
        "need_identified": ["Mark at least one area as a need the plan should address"],
        "summary": ["Write a summary of what most needs to change before sending the assessment for sign-off"],
    }


@db
def test_an_assessment_with_no_need_marked_cannot_be_sent():
    assessment = InProgressAssessmentFactory.create()
    unmarked = FindingInput(strengths="", needs="Some worry about school.", need_identified=False)
    update(assessment, family_view="Things are fine.", summary="No needs found.", education=unmarked)

    assert list(submit_problems(assessment)) == ["need_identified"]
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_PROGRESS


@db
def test_an_area_marked_as_a_need_must_say_what_the_need_is():
    assessment = InProgressAssessmentFactory.create()
    update(assessment, family_view="v", summary="s", housing=FindingInput("", "", True))

    assert submit_problems(assessment) == {
        "housing_needs": ["Write what the family needs for Secure housing, or untick it as a need"]
    }


@db
def test_one_need_with_the_familys_view_and_a_summary_is_enough_to_send():
    assessment = InProgressAssessmentFactory.create(returned_reason="Say more about housing.")
    update(assessment, family_view="We are worried about the rent.", summary="Housing first.", housing=NEED)

    assessment_submit(assessment=assessment, submitted_by=assessment.started_by)

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AWAITING_SIGN_OFF
    assert assessment.submitted_by == assessment.started_by
    assert assessment.submitted_at is not None
    assert assessment.returned_reason == ""


# Signing off and returning


@db
def test_a_manager_of_the_team_signs_off_with_a_comment():
    assessment = AwaitingSignOffAssessmentFactory.create()
    manager = manager_of(assessment.episode)

    assessment_sign_off(assessment=assessment, signed_off_by=manager, comment=" Good analysis. ")

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SIGNED_OFF
    assert assessment.signed_off_by == manager
    assert assessment.signed_off_at is not None
    assert assessment.manager_comment == "Good analysis."


@db
def test_a_manager_cannot_sign_off_an_assessment_they_sent_themselves():
    episode = OpenEpisodeFactory.create()
    manager = manager_of(episode)
    assessment = AwaitingSignOffAssessmentFactory.create(episode=episode, started_by=manager)

    with pytest.raises(ValidationError, match="another manager of the team must sign it off"):
        assessment_sign_off(assessment=assessment, signed_off_by=manager, comment="")
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AWAITING_SIGN_OFF


@db
@pytest.mark.parametrize("who", ["practitioner in the team", "manager of another team", "service manager"])
def test_only_a_manager_of_the_familys_team_signs_off(who):
    assessment = AwaitingSignOffAssessmentFactory.create()
    user = {
        "practitioner in the team": lambda: practitioner_of(assessment.episode),
        "manager of another team": lambda: staff(Role.TEAM_MANAGER, teams=[TeamFactory.create()]),
        "service manager": lambda: staff(Role.SERVICE_MANAGER),
    }[who]()

    with pytest.raises(ValidationError, match="Only a manager of the family's team"):
        assessment_sign_off(assessment=assessment, signed_off_by=user, comment="")


@db
def test_an_assessment_still_in_progress_cannot_be_signed_off():
    assessment = InProgressAssessmentFactory.create()

    with pytest.raises(ValidationError, match="Only an assessment waiting for sign-off"):
        assessment_sign_off(assessment=assessment, signed_off_by=manager_of(assessment.episode), comment="")


@db
@pytest.mark.parametrize("reason", ["", "   "])
def test_returning_an_assessment_needs_a_reason(reason):
    assessment = AwaitingSignOffAssessmentFactory.create()

    with pytest.raises(ValidationError) as error:
        assessment_return(assessment=assessment, returned_by=manager_of(assessment.episode), reason=reason)

    assert error.value.message_dict == {"reason": ["Say what needs to change before the assessment can be signed off"]}
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AWAITING_SIGN_OFF


@db
def test_a_returned_assessment_is_in_progress_again_with_the_reason():
    assessment = AwaitingSignOffAssessmentFactory.create()

    assessment_return(assessment=assessment, returned_by=manager_of(assessment.episode), reason="Add the child's view.")

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_PROGRESS
    assert assessment.returned_reason == "Add the child's view."
    assert assessment.submitted_by is None
    update(assessment, family_view="Edited after return.")
    assessment.refresh_from_db()
    assert assessment.family_view == "Edited after return."


@db
def test_the_sign_off_queue_lists_waiting_assessments_of_the_managers_teams_oldest_first():
    team = TeamFactory.create()
    newer = AwaitingSignOffAssessmentFactory.create(episode__team=team)
    older = AwaitingSignOffAssessmentFactory.create(episode__team=team, submitted_at=timezone.now() - timedelta(days=2))
    InProgressAssessmentFactory.create(episode__team=team)
    SignedOffAssessmentFactory.create(episode__team=team)
    AwaitingSignOffAssessmentFactory.create()  # another team's

    assert list(assessments_awaiting_sign_off(team_ids=[team.pk])) == [older, newer]


# Pages


@db
def test_the_start_button_starts_an_assessment_and_opens_it(client):
    episode = OpenEpisodeFactory.create()
    client.force_login(practitioner_of(episode))
    url = reverse("casework:assessment_start", args=[episode.pk])

    assert client.get(url).status_code == 405
    response = client.post(url)

    assessment = Assessment.objects.get(episode=episode)
    assert response.url == reverse("casework:assessment_edit", args=[assessment.pk])


@db
def test_starting_a_second_assessment_from_the_page_explains_why_not(client):
    earlier = InProgressAssessmentFactory.create()
    client.force_login(earlier.started_by)

    response = client.post(reverse("casework:assessment_start", args=[earlier.episode_id]))

    assert response.url == reverse("casework:episode", args=[earlier.episode_id])
    assert Assessment.objects.filter(episode=earlier.episode).count() == 1


@db
@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("casework:assessment", "get"),
        ("casework:assessment_edit", "get"),
        ("casework:assessment_edit", "post"),
        ("casework:assessment_sign_off", "post"),
        ("casework:assessment_return", "post"),
    ],
)
def test_a_practitioner_of_another_team_is_refused_and_the_refusal_is_audited(client, name, method):
    assessment = AwaitingSignOffAssessmentFactory.create()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])
    client.force_login(outsider)

    response = getattr(client, method)(reverse(name, args=[assessment.pk]))

    assert response.status_code == 403
    assert denied(outsider, assessment.episode)


@db
def test_starting_in_another_teams_case_is_refused_and_audited(client):
    episode = OpenEpisodeFactory.create()
    outsider = staff(Role.PRACTITIONER, teams=[TeamFactory.create()])
    client.force_login(outsider)

    assert client.post(reverse("casework:assessment_start", args=[episode.pk])).status_code == 403
    assert denied(outsider, episode)
    assert not Assessment.objects.filter(episode=episode).exists()


def edit_data(**overrides: str) -> dict[str, str]:
    return {"family_view": "", "child_view": "", "summary": "", **overrides}


@db
def test_save_and_come_back_later_keeps_a_half_written_assessment(client):
    assessment = InProgressAssessmentFactory.create()
    client.force_login(assessment.started_by)
    url = reverse("casework:assessment_edit", args=[assessment.pk])

    response = client.post(url, edit_data(family_view="Worried about the rent.", housing_needs="Rent arrears."))

    assert response.url == reverse("casework:episode", args=[assessment.episode_id])
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_PROGRESS
    assert assessment.family_view == "Worried about the rent."
    page = client.get(url).content.decode()
    assert "Worried about the rent." in page
    assert "Rent arrears." in page


@db
def test_sending_an_incomplete_assessment_lists_what_is_missing_in_page_order_and_keeps_what_was_typed(client):
    assessment = InProgressAssessmentFactory.create()
    client.force_login(assessment.started_by)

    response = client.post(
        reverse("casework:assessment_edit", args=[assessment.pk]),
        edit_data(child_view="I like football.", housing_strengths="Settled flat.", send_for_sign_off="1"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>Error: ", page)
    summary = page[page.index("govuk-error-summary") : page.index("</ul>", page.index("govuk-error-summary"))]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert links == [
        ("id_family_view", "Record the family&#x27;s view before sending the assessment for sign-off"),
        ("id_education_need_identified", "Mark at least one area as a need the plan should address"),
        ("id_summary", "Write a summary of what most needs to change before sending the assessment for sign-off"),
    ]
    assert "I like football." in page
    assert "Settled flat." in page
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.IN_PROGRESS
    assert assessment.child_view == "I like football."


@db
def test_sending_a_complete_assessment_waits_for_a_managers_sign_off(client):
    assessment = InProgressAssessmentFactory.create()
    client.force_login(assessment.started_by)
    edit_url = reverse("casework:assessment_edit", args=[assessment.pk])

    response = client.post(
        edit_url,
        edit_data(
            family_view="We want to keep the flat.",
            summary="Housing first.",
            housing_needs="Rent arrears.",
            housing_need_identified="on",
            send_for_sign_off="1",
        ),
    )

    assert response.url == reverse("casework:assessment", args=[assessment.pk])
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AWAITING_SIGN_OFF
    # Once sent it cannot be edited: the edit page leads to the read-only one.
    assert client.get(edit_url).url == reverse("casework:assessment", args=[assessment.pk])


@db
def test_the_assessment_page_shows_each_domain_and_is_audited(client):
    assessment = AwaitingSignOffAssessmentFactory.create()
    finding = assessment.findings.get()
    reader = practitioner_of(assessment.episode)
    client.force_login(reader)

    page = client.get(reverse("casework:assessment", args=[assessment.pk])).content.decode()

    for domain in Domain:
        assert str(domain.label) in page
    assert finding.needs in page
    assert "Waiting for sign-off" in page
    viewed = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=reader)
    assert viewed.filter(object_type="casework.assessment", object_id=str(assessment.pk)).exists()
    assert viewed.filter(object_type="casework.assessmentfinding", object_id=str(finding.pk)).exists()
    # A practitioner has no sign-off form.
    assert "Sign off the assessment" not in page


@db
def test_a_service_manager_reads_the_assessment_but_cannot_change_it(client):
    assessment = InProgressAssessmentFactory.create()
    client.force_login(staff(Role.SERVICE_MANAGER))

    assert client.get(reverse("casework:assessment", args=[assessment.pk])).status_code == 200
    assert client.get(reverse("casework:assessment_edit", args=[assessment.pk])).status_code == 403


@db
def test_a_team_manager_signs_off_through_the_page(client):
    assessment = AwaitingSignOffAssessmentFactory.create()
    manager = manager_of(assessment.episode, full_name="Morag Reid")
    client.force_login(manager)
    url = reverse("casework:assessment", args=[assessment.pk])
    assert "Sign off the assessment" in client.get(url).content.decode()

    response = client.post(reverse("casework:assessment_sign_off", args=[assessment.pk]), {"comment": "Agreed."})

    assert response.url == url
    page = client.get(url).content.decode()
    assert "Signed off" in page
    assert "Morag Reid" in page
    assert "Agreed." in page


@db
def test_signing_off_your_own_submission_through_the_page_shows_the_reason(client):
    episode = OpenEpisodeFactory.create()
    manager = manager_of(episode)
    assessment = AwaitingSignOffAssessmentFactory.create(episode=episode, started_by=manager)
    client.force_login(manager)

    response = client.post(reverse("casework:assessment_sign_off", args=[assessment.pk]), {"comment": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "another manager of the team must sign it off" in page
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AWAITING_SIGN_OFF


@db
def test_returning_through_the_page_needs_a_reason_which_the_practitioner_then_sees(client):
    assessment = AwaitingSignOffAssessmentFactory.create()
    client.force_login(manager_of(assessment.episode))
    return_url = reverse("casework:assessment_return", args=[assessment.pk])

    refused = client.post(return_url, {"reason": " "}).content.decode()
    assert "Say what needs to change before the assessment can be signed off" in refused
    assert 'href="#id_reason"' in refused

    client.post(return_url, {"reason": "Add what the children say."})

    client.force_login(assessment.started_by)
    page = client.get(reverse("casework:assessment_edit", args=[assessment.pk])).content.decode()
    assert "A team manager returned the assessment" in page
    assert "Add what the children say." in page


@db
def test_a_practitioner_cannot_sign_off_through_the_page(client):
    assessment = AwaitingSignOffAssessmentFactory.create()
    practitioner = practitioner_of(assessment.episode)
    client.force_login(practitioner)

    response = client.post(reverse("casework:assessment_sign_off", args=[assessment.pk]), {"comment": ""})

    assert response.status_code == 403
    assert denied(practitioner, assessment.episode)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AWAITING_SIGN_OFF


@db
def test_the_case_page_section_offers_the_next_step():
    episode = OpenEpisodeFactory.create()
    context = {"episode": episode, "can_work": True}
    assert "Start the assessment" in render_to_string("casework/assessment_on_case_page.html", context)

    assessment = InProgressAssessmentFactory.create(episode=episode)
    section = render_to_string(
        "casework/assessment_on_case_page.html", {**context, "assessment": latest_assessment(episode=episode)}
    )
    assert reverse("casework:assessment_edit", args=[assessment.pk]) in section

    read_only = render_to_string(
        "casework/assessment_on_case_page.html", {**context, "can_work": False, "assessment": assessment}
    )
    assert reverse("casework:assessment", args=[assessment.pk]) in read_only
    assert reverse("casework:assessment_edit", args=[assessment.pk]) not in read_only


# Accessibility in a real browser (the check is core/tests/browser.py).


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_assessment_pages_are_accessible_with_and_without_errors(page: Page, live_server: LiveServer) -> None:
    assessment = InProgressAssessmentFactory.create()
    AssessmentFindingFactory.create(assessment=assessment, domain=Domain.HOUSING, need_identified=False)
    reports: list[str] = []
    sign_in(page, live_server.url, assessment.started_by)

    page.goto(live_server.url + reverse("casework:assessment_edit", args=[assessment.pk]))
    page.get_by_role("button", name="Save and send for sign-off").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    reports += accessibility_problems(page)

    page.get_by_label("The family's view").fill("We want to keep the flat.")
    housing = page.get_by_role("group", name="Secure housing")
    housing.get_by_label("Needs").fill("Rent arrears since the job went.")
    housing.get_by_label("This is a need the plan should address").check()
    page.get_by_label("Summary").fill("Housing first, then routines.")
    page.get_by_role("button", name="Save and send for sign-off").click()
    expect(page.locator("h1")).to_have_text("Early-help assessment")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("sent to a team manager for sign-off")
    reports += accessibility_problems(page)

    sign_in(page, live_server.url, manager_of(assessment.episode))
    page.reload()
    page.get_by_role("button", name="Return the assessment").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page)

    assert len(reports) == 0, "\n".join(reports)
