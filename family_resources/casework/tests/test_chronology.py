"""A family's chronology: every source in time order, filters, sensitive notes masked, printable, bounded queries."""

from dataclasses import astuple, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from family_resources.accounts.models import Team, User
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import TeamFactory, staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.casework import chronology
from family_resources.casework.chronology import Entry, EntryKind, RecordRef, family_chronology, registered_kinds
from family_resources.casework.models import (
    ActionStatus,
    Allocation,
    Assessment,
    CaseNote,
    ClosureReason,
    Delivery,
    Domain,
    Episode,
    PlanAction,
    PlanOutcome,
    PlanReview,
    StepUp,
    SupportPlan,
)
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.catalogue.models import Intervention
from family_resources.core.tests.browser import accessibility_problems, sign_in
from family_resources.families.models import Family
from family_resources.families.tests.factories import FamilyFactory
from family_resources.intake.models import Channel, Referral
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.triage.models import Decision, DecisionOverride, SignpostingPack
from family_resources.triage.routing import Route

SENSITIVE_TEXT = "Mum disclosed that her ex-partner has been coming to the house at night."


@dataclass
class History:
    family: Family
    team: Team
    practitioner: User
    manager: User
    first: Episode
    second: Episode


def an_intervention() -> Intervention:
    intervention = Intervention.objects.order_by("pk").first()
    assert intervention is not None, "the catalogue's reference data is loaded by its migration"
    return intervention


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def build_history() -> History:
    """Two years of a family's contact with the service, one record of every kind, at known times.

    Written straight to the tables: this is about reading them back, and each service has its own tests.
    """
    start = timezone.localdate() - timedelta(days=100)

    def day(n: int) -> date:
        return start + timedelta(days=n)

    family = FamilyFactory.create(family_name="Okafor")
    team = TeamFactory.create(neighbourhood=family.neighbourhood)
    officer = staff(Role.FRONT_DOOR_OFFICER, full_name="Olu Officer")
    manager = staff(Role.TEAM_MANAGER, teams=[team], full_name="Mina Manager")
    practitioner = staff(Role.PRACTITIONER, teams=[team], full_name="Priya Practitioner")

    first_contact = ReceivedReferralFactory.create(family=family, received_at=at(day(0), 9), channel=Channel.PHONE)
    signposted = Decision.objects.create(
        referral=first_contact, level=2, route=Route.SIGNPOSTED, rationale="Community groups first.",
        decided_by=officer, decided_at=at(day(0), 10),
    )  # fmt: skip
    SignpostingPack.objects.create(decision=signposted, created_at=at(day(0), 10, 1))

    referral = ReceivedReferralFactory.create(family=family, received_at=at(day(10), 9))
    accepted = Decision.objects.create(
        referral=referral, level=3, route=Route.ACCEPTED, rationale="Sleep and behaviour at level 2.",
        decided_by=officer, decided_at=at(day(10), 11),
    )  # fmt: skip
    DecisionOverride.objects.create(
        decision=accepted, previous_level=2, previous_route=Route.SIGNPOSTED, new_level=3, new_route=Route.ACCEPTED,
        reason="Two referrals in ten days: needs a team.", overridden_by=manager, overridden_at=at(day(11), 9),
    )  # fmt: skip
    first = OpenEpisodeFactory.create(referral=referral, family=family, team=team, opened_on=day(11))
    Allocation.objects.create(
        episode=first, practitioner=practitioner, allocated_by=manager, allocated_at=at(day(12), 9)
    )
    Assessment.objects.create(
        episode=first, status=Assessment.Status.SIGNED_OFF, started_on=day(13), started_by=practitioner,
        submitted_at=at(day(20), 9), submitted_by=practitioner, signed_off_at=at(day(21), 9), signed_off_by=manager,
        manager_comment="Clear and well evidenced.",
    )  # fmt: skip
    plan = SupportPlan.objects.create(
        episode=first, created_at=at(day(22), 9), created_by=practitioner, agreed_on=day(23), review_interval_weeks=6
    )
    outcome = PlanOutcome.objects.create(
        plan=plan, domain=Domain.RELATIONSHIPS, description="Calmer bedtimes.", baseline_score=3,
        created_at=at(day(22), 10),
    )  # fmt: skip
    PlanAction.objects.create(
        outcome=outcome, intervention=an_intervention(), delivery=Delivery.GROUP,
        assigned_to=practitioner, due_on=day(40), status=ActionStatus.DONE, completed_on=day(40),
        created_at=at(day(22), 11),
    )  # fmt: skip
    PlanReview.objects.create(plan=plan, reviewed_on=day(45), reviewed_by=practitioner, summary="Bedtimes calmer.")
    CaseNote.objects.create(
        episode=first, kind=CaseNote.Kind.HOME_VISIT, occurred_at=at(day(30), 9), author=practitioner,
        text="Bedtime chart on the fridge.",
    )  # fmt: skip
    CaseNote.objects.create(
        episode=first, kind=CaseNote.Kind.CALL, occurred_at=at(day(31), 9), author=practitioner,
        text=SENSITIVE_TEXT, sensitive=True,
    )  # fmt: skip
    StepUp.objects.create(
        episode=first, reason="Ex-partner back in the home.", stepped_up_at=at(day(50), 9), stepped_up_by=practitioner
    )
    close(first, on=day(52), reason=ClosureReason.STEPPED_UP, by=manager)

    again = ReceivedReferralFactory.create(family=family, received_at=at(day(60), 9), channel=Channel.EMAIL)
    decision = Decision.objects.create(
        referral=again, level=3, route=Route.ACCEPTED, rationale="Back after social care closed.",
        decided_by=officer, decided_at=at(day(60), 10),
    )  # fmt: skip
    second = OpenEpisodeFactory.create(referral=again, family=family, team=team, opened_on=day(60))
    SignpostingPack.objects.create(decision=decision, stepped_down_from=second, created_at=at(day(90), 10))
    close(second, on=day(90), reason=ClosureReason.OUTCOMES_MET, by=practitioner)
    return History(family, team, practitioner, manager, first, second)


def close(episode: Episode, *, on: date, reason: str, by: User) -> None:
    episode.status, episode.closed_on, episode.closure_reason, episode.closed_by = "closed", on, reason, by
    episode.save()


@pytest.fixture
def history(db: None) -> History:
    return build_history()


def titles(entries: list[Entry]) -> list[str]:
    return [entry.title for entry in entries]


def page_for(client: Client, user: User, family: Family, **query: Any) -> Any:
    client.force_login(user)
    return client.get(reverse("casework:chronology", args=[family.reference]), query)


# What the chronology holds, and in what order


def test_everything_significant_is_in_time_order_across_both_episodes(history):
    entries = family_chronology(family=history.family, user=history.practitioner)

    assert titles(entries) == [
        "Contact received: Phone",
        "Threshold decision: level 2, Signposted to community support",
        "Signposting pack sent",
        "Contact received: Online professional referral",
        # The officer decided level 2; a manager's override made it 3 and opened the episode.
        "Threshold decision: level 2, Signposted to community support",
        "Decision changed from level 2 to level 3, Accepted by a neighbourhood team",
        f"Support opened with {history.team.name}",
        "Allocated to Priya Practitioner",
        "Assessment started",
        "Assessment sent for sign-off",
        "Assessment signed off",
        "Support plan started",
        "Outcome added: Improved family relationships",
        f"Action added: {an_intervention().name}",
        "Support plan agreed with the family",
        "Home visit",
        "Phone or video call",
        f"Action done: {an_intervention().name}",
        "Review",
        "Stepped up to children's social care",
        "Support ended: Stepped up to children's social care",
        "Contact received: Email",
        "Threshold decision: level 3, Accepted by a neighbourhood team",
        f"Support opened with {history.team.name}",
        "Step-down signposting pack sent",
        "Support ended: Outcomes met",
    ]
    assert entries == sorted(entries, key=lambda entry: entry.when)


def test_every_kind_with_a_source_appears(history):
    entries = family_chronology(family=history.family, user=history.manager)

    # Appointments, group attendance and supervised contact are registered by the scheduling and
    # programmes apps; this family has none, and those apps' own tests show their entries.
    from_other_apps = {EntryKind.APPOINTMENT, EntryKind.GROUP_ATTENDANCE, EntryKind.SUPERVISED_CONTACT}
    assert {entry.kind for entry in entries} == set(registered_kinds()) - from_other_apps
    assert from_other_apps <= set(registered_kinds())


def test_entries_carry_their_author_episode_and_a_link_to_the_record(history):
    entries = family_chronology(family=history.family, user=history.manager)
    by_title = {entry.title: entry for entry in entries}

    step_up = by_title["Stepped up to children's social care"]
    assert step_up.author == "Priya Practitioner"
    assert step_up.episode_id == history.first.pk
    assert step_up.link == reverse("casework:step_up_detail", args=[history.first.pk, StepUp.objects.get().pk])
    assert by_title["Signposting pack sent"].episode_id is None
    assert by_title["Step-down signposting pack sent"].episode_id == history.second.pk


def test_each_entry_says_what_its_record_holds_and_who_did_it(history):
    """The sources read only the columns they show (ADR 0037): each one's wording, author and record, pinned."""
    referral = Referral.objects.filter(family=history.family).order_by("received_at").first()
    assert referral is not None
    officer = User.objects.get(full_name="Olu Officer")
    Referral.objects.filter(pk=referral.pk).update(logged_by=officer, referrer_organisation="Riverside Health Centre")
    action = PlanAction.objects.get()
    # An action given to someone outside the service, then cancelled.
    cancelled = PlanAction.objects.create(
        outcome=action.outcome, intervention=action.intervention, delivery=Delivery.HOME,
        assigned_to_other="School nurse", due_on=action.due_on, status=ActionStatus.CANCELLED,
        detail="Nurse to visit.", created_at=action.created_at + timedelta(minutes=5),
    )  # fmt: skip
    due = date_format(action.due_on, "j F Y")
    step_up = StepUp.objects.get()

    entries = family_chronology(family=history.family, user=history.manager)
    said = {(entry.title, entry.author, entry.detail, entry.record) for entry in entries}

    expected = [
        ("Contact received: Phone", "Olu Officer", f"Reference {referral.reference}, from Health visitor, "
         "Riverside Health Centre.", RecordRef.of(referral)),
        ("Allocated to Priya Practitioner", "Mina Manager", "", RecordRef.of(Allocation.objects.get())),
        ("Assessment started", "Priya Practitioner", "", RecordRef.of(Assessment.objects.get())),
        ("Assessment signed off", "Mina Manager", "Clear and well evidenced.", RecordRef.of(Assessment.objects.get())),
        ("Support plan started", "Priya Practitioner", "", RecordRef.of(SupportPlan.objects.get())),
        ("Outcome added: Improved family relationships", "", "Calmer bedtimes. (starting score 3 out of 10)",
         RecordRef.of(action.outcome)),
        (f"Action added: {action.intervention.name}", "",
         f"Group programme at a hub, by Priya Practitioner, due {due}.", RecordRef.of(action)),
        (f"Action added: {action.intervention.name}", "",
         f"One-to-one at home, by School nurse, due {due}. Cancelled. Nurse to visit.", RecordRef.of(cancelled)),
        ("Review", "Priya Practitioner", "Bedtimes calmer.", RecordRef.of(PlanReview.objects.get())),
        ("Home visit", "Priya Practitioner", "Bedtime chart on the fridge.",
         RecordRef.of(CaseNote.objects.get(kind=CaseNote.Kind.HOME_VISIT))),
        ("Stepped up to children's social care", "Priya Practitioner", "Ex-partner back in the home.",
         RecordRef.of(step_up)),
    ]  # fmt: skip
    assert [line for line in expected if line not in said] == []
    assert RecordRef.of(step_up) == RecordRef("casework.stepup", step_up.pk)


def test_the_chronology_is_filtered_by_type_and_date(history):
    notes_and_step_ups = family_chronology(
        family=history.family, user=history.manager, kinds=[EntryKind.NOTE, EntryKind.STEP_UP]
    )
    thirtieth = timezone.localdate() - timedelta(days=70)
    those_days = family_chronology(
        family=history.family, user=history.manager, date_from=thirtieth, date_to=thirtieth + timedelta(days=1)
    )

    assert titles(notes_and_step_ups) == ["Home visit", "Phone or video call", "Stepped up to children's social care"]
    assert titles(those_days) == ["Home visit", "Phone or video call"]


def test_a_sensitive_note_is_masked_for_those_outside_the_team(history):
    service_manager = staff(Role.SERVICE_MANAGER)

    team_sees = family_chronology(family=history.family, user=history.practitioner, kinds=[EntryKind.NOTE])
    manager_sees = family_chronology(family=history.family, user=service_manager, kinds=[EntryKind.NOTE])

    assert team_sees[1].detail == SENSITIVE_TEXT
    masked = manager_sees[1]
    assert (masked.title, masked.detail, masked.author) == (
        "Sensitive note (content restricted)", "Phone or video call", "Priya Practitioner",
    )  # fmt: skip
    assert all(SENSITIVE_TEXT not in (entry.title + entry.detail) for entry in manager_sees)


def test_a_team_that_took_the_family_on_later_cannot_read_the_first_teams_sensitive_notes(history):
    new_team = TeamFactory.create()  # the family moved to another neighbourhood
    moved = OpenEpisodeFactory.create(
        family=history.family, team=new_team, referral=ReceivedReferralFactory.create(family=history.family)
    )
    newcomer = staff(Role.PRACTITIONER, teams=[new_team])

    entries = family_chronology(family=history.family, user=newcomer, kinds=[EntryKind.NOTE, EntryKind.ALLOCATION])

    notes = [entry for entry in entries if entry.kind == EntryKind.NOTE]
    assert [note.title for note in notes] == ["Home visit", "Sensitive note (content restricted)"]
    # The first team's case pages are not theirs to open, so their entries do not link there.
    assert {entry.link for entry in entries if entry.episode_id == history.first.pk} == {""}
    assert next(e.link for e in entries if e.episode_id == moved.pk) == reverse("casework:episode", args=[moved.pk])


def test_another_app_adds_its_entries_through_the_registry(history, monkeypatch):
    # Without the scheduling app's own source, as if this were the first app to add appointments.
    monkeypatch.setattr(
        chronology, "_SOURCES", {k: v for k, v in chronology._SOURCES.items() if k != EntryKind.APPOINTMENT}
    )
    seen = timezone.now() - timedelta(days=35)

    def appointments(scope):
        yield Entry(when=seen, kind=EntryKind.APPOINTMENT, title="Parenting session", episode_id=scope.episodes[0].pk)

    chronology.register_source(EntryKind.APPOINTMENT, appointments)

    assert EntryKind.APPOINTMENT in registered_kinds()
    entries = family_chronology(family=history.family, user=history.manager, kinds=[EntryKind.APPOINTMENT])
    assert titles(entries) == ["Parenting session"]
    with pytest.raises(ImproperlyConfigured):
        chronology.register_source(EntryKind.APPOINTMENT, appointments)


def test_the_family_s_own_signposting_packs_are_shown_from_the_front_door_and_at_step_down(history):
    another = build_history()  # a second family with packs of both kinds, which must not show

    packs = [e for e in family_chronology(family=history.family, user=history.manager) if e.kind == "signposting"]

    assert titles(packs) == ["Signposting pack sent", "Step-down signposting pack sent"]
    theirs = set(SignpostingPack.objects.filter(decision__referral__family=another.family).values_list("pk", flat=True))
    assert len(theirs) == 2
    assert {getattr(entry.record, "pk", None) for entry in packs}.isdisjoint(theirs)
    assert [entry.episode_id for entry in packs] == [None, history.second.pk]


def test_a_source_is_run_only_when_its_presence_check_finds_records(history, monkeypatch):
    monkeypatch.setattr(
        chronology, "_SOURCES", {k: v for k, v in chronology._SOURCES.items() if k != EntryKind.APPOINTMENT}
    )
    asked = []

    def appointments(scope):
        asked.append(scope.family)
        yield Entry(when=timezone.now(), kind=EntryKind.APPOINTMENT, title="Seen", episode_id=scope.episodes[0].pk)

    # The family has case notes but no step-ups: a source checked against the first runs, against the second not.
    chronology.register_source(EntryKind.APPOINTMENT, appointments, present=chronology.in_episodes(StepUp))
    StepUp.objects.all().delete()
    assert family_chronology(family=history.family, user=history.manager, kinds=[EntryKind.APPOINTMENT]) == []
    assert asked == []

    monkeypatch.setitem(
        chronology._SOURCES,
        EntryKind.APPOINTMENT,
        chronology._Registered(appointments, chronology.in_episodes(CaseNote)),
    )
    assert titles(family_chronology(family=history.family, user=history.manager, kinds=[EntryKind.APPOINTMENT])) == [
        "Seen"
    ]
    assert asked == [history.family]


def test_the_presence_checks_hide_nothing(history, monkeypatch):
    checked = family_chronology(family=history.family, user=history.manager)
    every_source_run = {kind: chronology._Registered(r.source) for kind, r in chronology._SOURCES.items()}
    monkeypatch.setattr(chronology, "_SOURCES", every_source_run)

    assert family_chronology(family=history.family, user=history.manager) == checked


def test_a_family_with_only_a_referral_asks_only_the_sources_that_could_list_it(db, django_assert_max_num_queries):
    family = FamilyFactory.create()
    ReceivedReferralFactory.create(family=family)
    full = build_history()

    few = queries_to_build(History(family, *astuple(full)[1:]), full.manager)
    assert few < queries_to_build(full, full.manager)
    with django_assert_max_num_queries(few):
        entries = family_chronology(family=family, user=full.manager)
    assert [entry.kind for entry in entries] == [EntryKind.REFERRAL]


# The page


def test_the_page_filters_by_the_types_ticked_and_the_dates_given(client, history):
    response = page_for(client, history.manager, history.family, kind=["note", "closure"])

    content = response.content.decode()
    assert response.status_code == 200
    assert titles(response.context["entries"]) == [
        "Home visit",
        "Phone or video call",
        "Support ended: Stepped up to children's social care",
        "Support ended: Outcomes met",
    ]
    assert 'value="note" checked' in content
    assert 'value="referral" checked' not in content


def test_an_impossible_date_range_is_explained(client, history):
    response = page_for(client, history.manager, history.family, date_from="2026-05-02", date_to="2026-05-01")

    content = response.content.decode()
    assert "<title>Error: " in content
    assert "The end date must be the same as or after the start date" in content
    assert response.context["entries"] == []


def test_the_team_reads_sensitive_notes_and_a_service_manager_sees_only_that_they_exist(client, history):
    team_page = page_for(client, history.practitioner, history.family).content.decode()
    manager_page = page_for(client, staff(Role.SERVICE_MANAGER), history.family).content.decode()

    assert SENSITIVE_TEXT in team_page
    assert SENSITIVE_TEXT not in manager_page
    assert "Sensitive note (content restricted)" in manager_page


def test_a_worker_whose_team_had_an_episode_reads_the_chronology(client, history):
    assert history.family.episodes.filter(status="open").count() == 0

    assert page_for(client, history.practitioner, history.family).status_code == 200


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(lambda: staff(Role.PRACTITIONER, teams=[TeamFactory.create()]), id="practitioner of another team"),
        pytest.param(lambda: staff(Role.TEAM_MANAGER, teams=[TeamFactory.create()]), id="manager of another team"),
        pytest.param(lambda: staff(Role.FRONT_DOOR_OFFICER), id="front-door officer"),
    ],
)
def test_others_are_refused_and_the_refusal_is_audited(client, history, who):
    response = page_for(client, who(), history.family)

    assert response.status_code == 403
    assert SENSITIVE_TEXT not in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.DENIED, object_type="families.family", object_id=str(history.family.pk)
    ).exists()


def test_the_page_audits_the_family_and_every_record_it_shows(client, history):
    page_for(client, history.manager, history.family, kind=["note", "step_up"])

    views = AuditEvent.objects.filter(action=AuditAction.VIEW)
    assert sorted(views.values_list("object_type", flat=True)) == [
        "casework.casenote", "casework.casenote", "casework.stepup", "families.family",
    ]  # fmt: skip


def test_the_printable_version_is_marked_and_has_no_navigation(client, history):
    service_manager = staff(Role.SERVICE_MANAGER, full_name="Sam Service")

    response = page_for(client, service_manager, history.family, print="1", kind=["note"])

    content = response.content.decode()
    assert response.templates[0].name == "casework/chronology_print.html"
    assert content.count("OFFICIAL-SENSITIVE") == 2
    assert "Chronology: Okafor family" in content
    assert history.family.reference in content
    assert f"{timezone.localtime():%-d %B %Y}" in content
    assert "Sam Service" in content
    assert "Case notes" in content  # the filter applied
    assert "govuk-service-navigation" not in content
    assert "Apply filters" not in content
    assert SENSITIVE_TEXT not in content
    assert "Sensitive note (content restricted)" in content


def test_the_normal_page_offers_the_printable_version_with_the_same_filters(client, history):
    content = page_for(client, history.manager, history.family, kind=["note"]).content.decode()

    assert 'href="?kind=note&amp;print=1"' in content
    assert "govuk-!-display-none-print" in content


# Bounded queries: the chronology of a family with hundreds of entries costs what a short one does


def add_many_entries(history: History, count: int) -> None:
    now = timezone.now()
    CaseNote.objects.bulk_create(
        CaseNote(
            episode=history.first, kind=CaseNote.Kind.CALL, occurred_at=now - timedelta(days=60, minutes=n),
            author=history.practitioner, text=f"Call {n}.", sensitive=n % 5 == 0,
        )
        for n in range(count)
    )  # fmt: skip
    outcome = PlanOutcome.objects.get()
    PlanAction.objects.bulk_create(
        PlanAction(
            outcome=outcome, intervention=an_intervention(), delivery=Delivery.HOME,
            assigned_to_other="Mum", due_on=timezone.localdate(), created_at=now - timedelta(days=50, minutes=n),
        )
        for n in range(count // 4)
    )  # fmt: skip


def queries_to_build(history: History, user: User) -> int:
    with CaptureQueriesContext(connection) as captured:
        family_chronology(family=history.family, user=user)
    return len(captured.captured_queries)


def test_building_a_long_chronology_takes_no_more_queries_than_a_short_one(history, django_assert_max_num_queries):
    short = queries_to_build(history, history.practitioner)
    add_many_entries(history, 300)

    with django_assert_max_num_queries(short):
        entries = family_chronology(family=history.family, user=history.practitioner)
    assert len(entries) > 400
    assert short <= 21  # a query or two per source, whatever the length


def test_the_page_reads_in_a_fixed_number_of_queries_whatever_the_length(client, history):
    """Reads and writes stay fixed however long the history: the records shown are audited in one insert."""

    client.force_login(history.practitioner)
    url = reverse("casework:chronology", args=[history.family.reference])

    def page_queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        sql = [q["sql"] for q in captured.captured_queries]
        audit_writes = sum(1 for s in sql if s.startswith('INSERT INTO "audit_auditevent"'))
        # Reads of the page's own data; the audit chain's head and the session's idle clock are bookkeeping.
        reads = sum(1 for s in sql if s.startswith("SELECT") and '"audit_auditchainhead"' not in s)
        return reads, audit_writes

    short_reads, short_writes = page_queries()
    add_many_entries(history, 300)
    long_reads, long_writes = page_queries()

    assert long_reads == short_reads
    # SQLite caps the parameters in one statement, so a long page's insert may come in a few batches.
    assert long_writes < short_writes + 10


# Accessibility, in a real browser (the check is core/tests/browser.py)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_notes_chronology_and_step_up_pages_are_accessible(page: Page, live_server: LiveServer) -> None:
    history = build_history()
    episode = OpenEpisodeFactory.create(family=history.family, team=history.team)
    CaseNote.objects.create(
        episode=episode, kind=CaseNote.Kind.MEETING, occurred_at=timezone.now() - timedelta(hours=3),
        author=history.practitioner, text="Team around the family meeting at school.", sensitive=True,
    )  # fmt: skip
    sign_in(page, live_server.url, history.practitioner)
    reports: list[str] = []

    page.goto(f"{live_server.url}{reverse('casework:notes', args=[episode.pk])}")
    expect(page.locator("h1")).to_have_text("Case notes")
    reports += accessibility_problems(page)

    page.get_by_role("link", name="Add a note").click()
    page.get_by_label("Note", exact=True).fill("Half a note.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the type of note")
    reports += accessibility_problems(page)

    page.goto(f"{live_server.url}{reverse('casework:chronology', args=[history.family.reference])}")
    page.get_by_label("Case notes").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("table tbody tr")).to_have_count(3)
    reports += accessibility_problems(page)

    page.goto(f"{live_server.url}{reverse('casework:step_up', args=[episode.pk])}")
    page.get_by_role("button", name="Record the step-up").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    reports += accessibility_problems(page)

    assert len(reports) == 0, "\n".join(reports)
