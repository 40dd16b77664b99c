"""Themes, coding free-text answers, the equality impact assessment and the outcome page (issue 8)."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.consultation.models import (
    AnswerTheme,
    CodedOn,
    Consultation,
    Impact,
    ImpactDirection,
    ImpactSeverity,
    ProtectedCharacteristic,
    Theme,
)
from family_resources.consultation.services import TextTranslation, consultation_transition
from family_resources.consultation.tests.factories import open_childrens_centres
from family_resources.consultation.tests.theme_data import respond
from family_resources.consultation.themes import selectors
from family_resources.consultation.themes.services import (
    answer_code,
    answer_set_themes,
    answer_uncode,
    decision_record,
    decision_update,
    impact_create,
    theme_create,
    theme_link_impact,
    theme_merge,
    theme_update,
)

pytestmark = pytest.mark.django_db

SLUG = "childrens-centres-redesign"


@pytest.fixture
def officer():
    return staff(Role.CONSULTATION_OFFICER)


@pytest.fixture
def consultation():
    return open_childrens_centres()


def urdu_answer(consultation, officer):
    return respond(
        consultation,
        officer,
        "ہب بہت دور ہے",
        "ur",
        TextTranslation(text="The hub is very far", translated_by="A. Interpreter"),
    )


def impact(consultation, **fields):
    return impact_create(
        consultation=consultation,
        characteristic=fields.pop("characteristic", ProtectedCharacteristic.DISABILITY),
        group=fields.pop("group", "Disabled parents who cannot use buses"),
        description="The hubs are further away than their local centre.",
        direction=ImpactDirection.NEGATIVE,
        severity=ImpactSeverity.HIGH,
        **fields,
    )


def events(instance, action):
    return AuditEvent.objects.filter(object_type=instance._meta.label_lower, object_id=str(instance.pk), action=action)


# Services.


def test_coding_keeps_who_coded_it_and_whether_they_read_the_original_or_the_translation(consultation, officer):
    answer = urdu_answer(consultation, officer)
    travel = theme_create(consultation=consultation, name="Travel")

    [coding] = answer_code(answer=answer, themes=[travel], coded_by=officer, coded_on=CodedOn.TRANSLATION)

    coding.refresh_from_db()
    assert (coding.coded_by, coding.coded_on, coding.from_suggestion) == (officer, CodedOn.TRANSLATION, False)
    answer.refresh_from_db()
    assert (answer.original_text, answer.translated_text) == ("ہب بہت دور ہے", "The hub is very far")
    assert events(coding, AuditAction.CREATE).count() == 1


def test_coding_on_a_translation_that_does_not_exist_is_refused(consultation, officer):
    answer = respond(consultation, officer, "Too far")
    theme = theme_create(consultation=consultation, name="Travel")

    with pytest.raises(ValidationError) as error:
        answer_code(answer=answer, themes=[theme], coded_by=officer, coded_on=CodedOn.TRANSLATION)

    assert "coded_on" in error.value.message_dict


def test_uncoding_removes_the_coding_and_the_removal_is_audited(consultation, officer):
    answer = respond(consultation, officer, "Too far")
    theme = theme_create(consultation=consultation, name="Travel")
    [coding] = answer_code(answer=answer, themes=[theme], coded_by=officer)

    answer_uncode(answer=answer, theme=theme)

    assert not AnswerTheme.objects.exists()
    assert AuditEvent.objects.filter(
        object_type="consultation.answertheme", object_id=str(coding.pk), action=AuditAction.DELETE
    ).exists()


def test_setting_themes_adds_the_ticked_and_removes_the_unticked(consultation, officer):
    answer = respond(consultation, officer, "Too far, and no drop-in")
    travel, drop_in, online = (theme_create(consultation=consultation, name=n) for n in ("Travel", "Drop-in", "Online"))
    answer_code(answer=answer, themes=[travel, online], coded_by=officer)

    answer_set_themes(answer=answer, themes=[travel, drop_in], coded_by=officer, coded_on=CodedOn.ORIGINAL)

    assert set(answer.codings.values_list("theme__name", flat=True)) == {"Travel", "Drop-in"}
    with pytest.raises(ValidationError):
        answer_set_themes(answer=respond(consultation, officer, "x"), themes=[], coded_by=officer, coded_on="original")


def test_theme_names_are_unique_within_a_consultation_whatever_the_case(consultation):
    theme_create(consultation=consultation, name="Travel")

    with pytest.raises(ValidationError) as error:
        theme_create(consultation=consultation, name="  travel ")

    assert error.value.message_dict == {"name": ["This consultation already has a theme with that name"]}


def test_renaming_a_theme_keeps_its_codings(consultation, officer):
    theme = theme_create(consultation=consultation, name="Buses")
    answer_code(answer=respond(consultation, officer, "Bus fares"), themes=[theme], coded_by=officer)

    theme_update(theme=theme, name="Travel to the hubs", description="Buses and distance", you_said="Too far")

    theme.refresh_from_db()
    assert (theme.name, theme.codings.count()) == ("Travel to the hubs", 1)
    assert "name" in events(theme, AuditAction.UPDATE).latest("occurred_at").changed_fields


def test_merging_moves_codings_and_impact_links_and_removes_the_merged_theme(consultation, officer):
    buses = theme_create(consultation=consultation, name="Buses")
    travel = theme_create(consultation=consultation, name="Travel")
    both = respond(consultation, officer, "Too far and the bus costs too much")
    only_buses = respond(consultation, officer, "Bus fares")
    answer_code(answer=both, themes=[buses, travel], coded_by=officer)
    answer_code(answer=only_buses, themes=[buses], coded_by=officer)
    linked = impact(consultation, themes=[buses])

    theme_merge(source=buses, target=travel)

    assert not Theme.objects.filter(pk=buses.pk).exists()
    assert set(travel.codings.values_list("answer_id", flat=True)) == {both.pk, only_buses.pk}
    assert AnswerTheme.objects.count() == 2
    assert list(linked.themes.all()) == [travel]
    with pytest.raises(ValidationError):
        theme_merge(source=travel, target=travel)


def test_themes_link_to_impacts_and_impacts_to_their_decision(consultation, officer):
    travel = theme_create(consultation=consultation, name="Travel")
    disabled = impact(consultation)
    theme_link_impact(theme=travel, impact=disabled)

    decision = decision_record(
        consultation=consultation,
        summary="Keep Beech Hill open two days a week as an outreach base.",
        we_did="We kept Beech Hill open two days a week.",
        decided_on=timezone.localdate() - timedelta(days=3),
        decided_by="The Executive",
        recorded_by=officer,
        impacts=[disabled],
    )

    disabled.refresh_from_db()
    assert disabled.decision == decision
    assert list(travel.impacts.all()) == [disabled]
    assert any("themes" in event.changed_fields for event in events(disabled, AuditAction.UPDATE))


def test_a_decision_needs_what_was_done_and_cannot_be_in_the_future(consultation, officer):
    with pytest.raises(ValidationError) as error:
        decision_record(
            consultation=consultation,
            summary="S",
            we_did="",
            decided_on=timezone.localdate() + timedelta(days=2),
            decided_by="Executive",
            recorded_by=officer,
        )

    assert set(error.value.message_dict) == {"we_did", "decided_on"}


def test_an_impact_with_missing_fields_names_each_one(consultation):
    with pytest.raises(ValidationError) as error:
        impact_create(consultation=consultation, characteristic="", group="", description="", direction="", severity="")

    assert set(error.value.message_dict) == {"characteristic", "group", "description", "direction", "severity"}


# Staff pages.


def test_only_consultation_officers_reach_the_theme_pages(signed_in_client, consultation):
    client = signed_in_client(staff(Role.PRACTITIONER))

    for name in ("themes", "coding", "impacts", "decision_add"):
        assert client.get(reverse(f"consultation_staff:{name}", args=[consultation.pk])).status_code == 403


def test_the_coding_page_shows_original_translation_and_translator_and_audits_the_read(
    signed_in_client, consultation, officer
):
    client = signed_in_client(officer)
    answer = urdu_answer(consultation, officer)
    theme_create(consultation=consultation, name="Travel")

    page = client.get(reverse("consultation_staff:coding", args=[consultation.pk])).content.decode()

    assert '<p class="govuk-body" lang="ur" data-testid="original">ہب بہت دور ہے</p>' in page
    assert "The hub is very far" in page
    assert "A. Interpreter" in page
    assert events(answer, AuditAction.VIEW).count() == 1


def test_accepting_a_suggestion_codes_the_answer_and_records_that_it_was_suggested(
    signed_in_client, consultation, officer
):
    client = signed_in_client(officer)
    travel = theme_create(consultation=consultation, name="Travel")
    drop_in = theme_create(consultation=consultation, name="Drop-in")
    for number in range(6):
        answer_code(
            answer=respond(consultation, officer, f"The bus to the hub is too far {number}"),
            themes=[travel],
            coded_by=officer,
        )
        answer_code(
            answer=respond(consultation, officer, f"Keep the drop-in sessions {number}"),
            themes=[drop_in],
            coded_by=officer,
        )
    uncoded = respond(consultation, officer, "The bus fare to the hub is too much")

    page = client.get(reverse("consultation_staff:coding", args=[consultation.pk])).content.decode()
    assert 'data-testid="suggestions"' in page
    assert not uncoded.codings.exists()  # shown, never applied
    response = client.post(
        reverse("consultation_staff:code_answer", args=[consultation.pk, uncoded.pk]),
        {"action": "accept", "theme": str(travel.pk), "next": "https://elsewhere.example/"},
    )

    coding = uncoded.codings.get()
    assert (coding.theme, coding.from_suggestion, coding.coded_by) == (travel, True, officer)
    assert coding.suggestion_score is not None
    assert coding.suggestion_score >= 0.35
    assert response.url == reverse("consultation_staff:coding", args=[consultation.pk]) + f"#answer-{uncoded.pk}"


def test_saving_no_themes_for_an_uncoded_answer_shows_the_error_summary(signed_in_client, consultation, officer):
    client = signed_in_client(officer)
    answer = urdu_answer(consultation, officer)
    theme_create(consultation=consultation, name="Travel")

    response = client.post(
        reverse("consultation_staff:code_answer", args=[consultation.pk, answer.pk]),
        {"action": "save", f"a{answer.pk}-coded_on": "original"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error:" in page
    assert f'<a href="#id_a{answer.pk}-themes_0">Choose at least one theme</a>' in page
    assert 'type="radio" value="original" checked>' in page  # what was chosen is kept, not the default


def test_adding_a_theme_with_a_clashing_name_keeps_what_was_typed(signed_in_client, consultation, officer):
    client = signed_in_client(officer)
    theme_create(consultation=consultation, name="Travel")

    response = client.post(
        reverse("consultation_staff:themes", args=[consultation.pk]),
        {"name": "travel", "description": "Buses and distance", "you_said": ""},
    )

    assert response.status_code == 400
    assert "This consultation already has a theme with that name" in response.content.decode()
    assert "Buses and distance" in response.content.decode()


def test_the_impacts_page_shows_each_theme_with_its_impacts_and_decision(signed_in_client, consultation, officer):
    client = signed_in_client(officer)
    travel = theme_create(consultation=consultation, name="Travel")
    theme_create(consultation=consultation, name="Praise")
    client.post(
        reverse("consultation_staff:impacts", args=[consultation.pk]),
        {
            "characteristic": "disability",
            "group": "Disabled parents",
            "description": "Further to travel",
            "direction": "negative",
            "severity": "high",
            "mitigation": "Outreach at Beech Hill",
            "themes": [str(travel.pk)],
        },
    )
    made = Impact.objects.get()
    client.post(
        reverse("consultation_staff:decision_add", args=[consultation.pk]),
        {
            "summary": "Keep outreach at Beech Hill",
            "we_did": "We kept outreach at Beech Hill.",
            "decided_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "decided_by": "The Executive",
            "impacts": [str(made.pk)],
        },
    )

    page = client.get(reverse("consultation_staff:impacts", args=[consultation.pk])).content.decode()
    assert list(made.themes.all()) == [travel]
    assert "Keep outreach at Beech Hill" in page
    assert "Not linked to an impact" in page  # Praise has none yet


# The outcome page.


def outcome_url(code="en"):
    return reverse("consultation:outcome", args=[SLUG, code])


def analysed(consultation):
    consultation = consultation_transition(consultation=consultation, to=Consultation.Status.CLOSED)
    return consultation_transition(consultation=consultation, to=Consultation.Status.ANALYSED)


def test_draft_open_and_analysed_consultations_have_no_public_outcome(client, consultation):
    assert client.get(outcome_url()).status_code == 404  # open
    analysed(consultation)
    assert client.get(outcome_url()).status_code == 404
    home = client.get(reverse("consultation:home", args=[SLUG, "en"])).content.decode()
    assert 'data-testid="outcome-link"' not in home


def test_officers_preview_the_outcome_while_it_is_analysed(signed_in_client, consultation, officer):
    analysed(consultation)

    page = signed_in_client(officer).get(outcome_url())

    assert page.status_code == 200
    assert "The public cannot see this page until the outcome is published." in page.content.decode()


def test_the_published_outcome_says_we_asked_you_said_we_did_with_small_counts_suppressed(
    client, consultation, officer
):
    travel = theme_create(consultation=consultation, name="Travel to the hubs", you_said="The hubs are too far.")
    praise = theme_create(consultation=consultation, name="Praise for family support")
    theme_create(consultation=consultation, name="Never used")
    for number in range(6):
        answer_code(answer=respond(consultation, officer, f"Too far {number}"), themes=[travel], coded_by=officer)
    for number in range(2):
        answer_code(answer=respond(consultation, officer, f"Thank you {number}"), themes=[praise], coded_by=officer)
    decision_record(
        consultation=consultation,
        summary="Keep Beech Hill as an outreach base",
        we_did="We kept Beech Hill open as an outreach base.",
        decided_on=timezone.localdate() - timedelta(days=2),
        decided_by="The Executive",
        recorded_by=officer,
    )
    consultation_transition(consultation=analysed(consultation), to=Consultation.Status.OUTCOME_PUBLISHED)

    page = client.get(outcome_url()).content.decode()

    assert "We asked, you said, we did" in page
    assert "Responses received: 8." in page
    assert "The hubs are too far." in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">6</td>' in page
    assert "fewer than 5" in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' not in page
    assert "Never used" not in page
    assert "We kept Beech Hill open as an outreach base." in page
    home = client.get(reverse("consultation:home", args=[SLUG, "en"])).content.decode()
    assert outcome_url() in home


def test_the_outcome_selector_suppresses_counts_from_one_to_four():
    consultation = open_childrens_centres()
    officer = staff(Role.CONSULTATION_OFFICER)
    theme = theme_create(consultation=consultation, name="Language")
    answer_code(answer=respond(consultation, officer, "Interpreters"), themes=[theme], coded_by=officer)

    [row] = selectors.outcome(consultation).you_said

    assert row.suppressed
    assert str(row.responses) == "fewer than 5"


def test_an_officer_renames_and_merges_themes_through_the_pages(signed_in_client, consultation, officer):
    client = signed_in_client(officer)
    buses = theme_create(consultation=consultation, name="Buses")
    travel = theme_create(consultation=consultation, name="Travel")
    answer_code(answer=respond(consultation, officer, "Bus fares"), themes=[buses], coded_by=officer)

    assert client.get(reverse("consultation_staff:theme_edit", args=[consultation.pk, buses.pk])).status_code == 200
    client.post(
        reverse("consultation_staff:theme_edit", args=[consultation.pk, buses.pk]),
        {"name": "Bus fares", "description": "", "you_said": "Buses cost too much."},
    )
    buses.refresh_from_db()
    assert (buses.name, buses.you_said) == ("Bus fares", "Buses cost too much.")
    refused = client.post(reverse("consultation_staff:theme_merge", args=[consultation.pk, buses.pk]), {})
    assert refused.status_code == 400
    assert "Choose the theme to merge into" in refused.content.decode()

    client.post(reverse("consultation_staff:theme_merge", args=[consultation.pk, buses.pk]), {"target": travel.pk})

    assert list(consultation.themes.values_list("name", flat=True)) == ["Travel"]
    assert travel.codings.count() == 1


def test_a_decision_without_its_public_statement_shows_the_error_and_keeps_what_was_typed(
    signed_in_client, consultation, officer
):
    client = signed_in_client(officer)

    response = client.post(
        reverse("consultation_staff:decision_add", args=[consultation.pk]),
        {"summary": "Keep Beech Hill open", "we_did": "", "decided_on": "2026-11-01", "decided_by": "Executive"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert '<a href="#id_we_did">Enter what the outcome page should say the council did</a>' in page
    assert "Keep Beech Hill open" in page


def a_decision(consultation, officer, **fields):
    values: dict[str, Any] = {
        "summary": "Keep Beech Hill open",
        "we_did": "We kept Beech Hill open.",
        "decided_on": timezone.localdate() - timedelta(days=3),
        "decided_by": "The Executive",
    } | fields
    return decision_record(consultation=consultation, recorded_by=officer, **values)


def test_a_decision_is_corrected_and_the_change_is_audited_with_the_fields_it_changed(consultation, officer):
    decision = a_decision(consultation, officer)

    decision_update(
        decision=decision,
        summary="Keep Beech Hill open two days a week",
        we_did=" We kept Beech Hill open two days a week. ",
        decided_on=decision.decided_on,
        decided_by="The Executive",
    )

    decision.refresh_from_db()
    assert (decision.summary, decision.we_did) == (
        "Keep Beech Hill open two days a week",
        "We kept Beech Hill open two days a week.",
    )
    [event] = events(decision, AuditAction.UPDATE)
    assert sorted(event.changed_fields) == ["summary", "we_did"]


def test_a_correction_is_checked_as_a_new_decision_is(consultation, officer):
    decision = a_decision(consultation, officer)

    with pytest.raises(ValidationError) as error:
        decision_update(
            decision=decision,
            summary="",
            we_did="",
            decided_on=timezone.localdate() + timedelta(days=1),
            decided_by=" ",
        )

    assert set(error.value.message_dict) == {"summary", "we_did", "decided_on", "decided_by"}
    decision.refresh_from_db()
    assert decision.summary == "Keep Beech Hill open"


def test_a_decision_cannot_be_changed_once_the_outcome_is_published(consultation, officer):
    decision = a_decision(consultation, officer)
    consultation_transition(consultation=analysed(consultation), to=Consultation.Status.OUTCOME_PUBLISHED)

    with pytest.raises(ValidationError) as error:
        decision_update(
            decision=decision,
            summary="Close Beech Hill",
            we_did="We closed it.",
            decided_on=decision.decided_on,
            decided_by="The Executive",
        )

    assert "has been published" in error.value.messages[0]
    decision.refresh_from_db()
    assert decision.summary == "Keep Beech Hill open"
    assert not events(decision, AuditAction.UPDATE).exists()


def test_an_officer_changes_a_decision_from_the_impacts_page(signed_in_client, consultation, officer):
    decision = a_decision(consultation, officer)
    client = signed_in_client(officer)
    url = reverse("consultation_staff:decision_edit", args=[consultation.pk, decision.pk])

    impacts = client.get(reverse("consultation_staff:impacts", args=[consultation.pk])).content.decode()
    assert f'href="{url}"' in impacts
    form = client.get(url).content.decode()
    assert "We kept Beech Hill open." in form
    response = client.post(
        url,
        {
            "summary": "Keep Beech Hill open",
            "we_did": "We kept Beech Hill open on Tuesdays.",
            "decided_on": decision.decided_on.isoformat(),
            "decided_by": "The Executive",
        },
    )

    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.we_did == "We kept Beech Hill open on Tuesdays."


def test_a_change_with_a_missing_field_shows_the_error_summary_and_keeps_what_was_typed(
    signed_in_client, consultation, officer
):
    decision = a_decision(consultation, officer)
    url = reverse("consultation_staff:decision_edit", args=[consultation.pk, decision.pk])

    response = signed_in_client(officer).post(
        url,
        {"summary": "Keep Beech Hill open on Tuesdays", "we_did": "", "decided_on": "2026-11-01", "decided_by": "X"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error:" in page
    assert '<a href="#id_we_did">Enter what the outcome page should say the council did</a>' in page
    assert "Keep Beech Hill open on Tuesdays" in page
    decision.refresh_from_db()
    assert decision.summary == "Keep Beech Hill open"


def test_after_publication_the_page_explains_and_a_change_is_refused(signed_in_client, consultation, officer):
    decision = a_decision(consultation, officer)
    consultation_transition(consultation=analysed(consultation), to=Consultation.Status.OUTCOME_PUBLISHED)
    client = signed_in_client(officer)
    url = reverse("consultation_staff:decision_edit", args=[consultation.pk, decision.pk])

    page = client.get(url).content.decode()
    assert 'data-testid="decision-locked"' in page
    assert 'name="we_did"' not in page
    refused = client.post(
        url,
        {
            "summary": "Close Beech Hill",
            "we_did": "We closed it.",
            "decided_on": decision.decided_on.isoformat(),
            "decided_by": "The Executive",
        },
    )

    assert refused.status_code == 400
    body = refused.content.decode()
    assert '<a href="#decision-locked">The outcome of this consultation has been published' in body
    decision.refresh_from_db()
    assert decision.summary == "Keep Beech Hill open"


def test_a_decision_of_another_consultation_is_not_found(signed_in_client, consultation, officer):
    decision = a_decision(consultation, officer)

    url = reverse("consultation_staff:decision_edit", args=[consultation.pk + 1, decision.pk])

    assert signed_in_client(officer).get(url).status_code == 404


def test_saving_a_decision_unchanged_writes_nothing_to_the_audit_trail(consultation, officer):
    decision = a_decision(consultation, officer)

    decision_update(
        decision=decision,
        summary=decision.summary,
        we_did=decision.we_did,
        decided_on=decision.decided_on,
        decided_by=decision.decided_by,
    )

    assert not events(decision, AuditAction.UPDATE).exists()
