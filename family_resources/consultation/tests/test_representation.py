"""Who are we not hearing from: the figures against a hand-made dataset, small numbers and the rule (ADR 0032)."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from family_resources.accounts.models import Team
from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import NeighbourhoodFactory, TeamFactory, staff
from family_resources.casework.tests.factories import OpenEpisodeFactory
from family_resources.consultation.models import Answer, Consultation, Edition, Response
from family_resources.consultation.representation import _dimension, representation, supported_families
from family_resources.consultation.tests.factories import ConsultationFactory, EditionFactory, choice_question
from family_resources.families.models import Family
from family_resources.families.tests.factories import AdultFactory, ChildFactory, FamilyFactory
from family_resources.places.models import Neighbourhood, Place, Room
from family_resources.reporting.suppression import Suppressed
from family_resources.scheduling.models import Appointment

pytestmark = pytest.mark.django_db


def _supported(team: Team, **fields: Any) -> Family:
    family = FamilyFactory.create(neighbourhood=team.neighbourhood, **fields)
    OpenEpisodeFactory.create(referral__family=family, team=team)
    return family


def _respond(edition: Edition, number: int, neighbourhood: Neighbourhood | None = None, **answers: str) -> None:
    response = Response.objects.create(
        consultation=edition.consultation,
        edition=edition,
        reference=f"CR-T{edition.pk}-{number}",
        language="en",
        neighbourhood=neighbourhood,
    )
    questions = {q.key: q for q in edition.consultation.questions.all()}
    for key, value in answers.items():
        Answer.objects.create(response=response, question=questions[key], question_key=key, value=value)


@pytest.fixture
def world() -> dict[str, Any]:
    """Eight supported families (four prefer English, four Urdu), two neighbourhoods, and ten responses.

    Families: north has the four English ones, south the four Urdu ones. Each Urdu family's adult is recorded
    as Asian Pakistani; three English families' adults as White British and one not recorded. Two families
    have a child with SEND; one English family had an appointment at a hub last month. Left out: a family
    whose support ended three years ago, and one never supported.
    Responses: eight in English and two in Urdu (plus one "prefer not to say"); five White British; five
    saying they have no disability; north eight, south two; four used a children's centre, one did not.
    """
    north = NeighbourhoodFactory.create(name="North Test", slug="north-test")
    south = NeighbourhoodFactory.create(name="South Test", slug="south-test")
    north_team, south_team = TeamFactory.create(neighbourhood=north), TeamFactory.create(neighbourhood=south)
    english = [_supported(north_team, preferred_language="en") for _ in range(4)]
    urdu = [_supported(south_team, preferred_language="ur") for _ in range(4)]
    for family in urdu:
        AdultFactory.create(family=family, ethnicity="asian-pakistani")
    for family in english[:3]:
        AdultFactory.create(family=family, ethnicity="white-british")
    AdultFactory.create(family=english[3])
    ChildFactory.create(family=english[0], has_send=True)
    ChildFactory.create(family=urdu[0], has_send=True)
    old = FamilyFactory.create(preferred_language="pl", neighbourhood=north)
    today = timezone.localdate()
    OpenEpisodeFactory.create(
        referral__family=old,
        team=north_team,
        opened_on=today - timedelta(days=5 * 365),
        closed_on=today - timedelta(days=3 * 365),
        status="closed",
        closure_reason="outcomes_met",
    )
    FamilyFactory.create(preferred_language="pl", neighbourhood=north)
    episode = english[0].episodes.get()
    hub = Place.objects.create(name="Test hub", slug="test-hub", kind=Place.Kind.HUB)
    hub_room = Room.objects.create(place=hub, name="Family room", capacity=6)
    starts = timezone.now() - timedelta(days=30)
    Appointment.objects.create(
        episode=episode,
        person=english[0].members.filter(kind="adult").get(),
        practitioner=staff(Role.PRACTITIONER),
        purpose="Sleep",
        where="place",
        room=hub_room,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        booked_by=staff(Role.PRACTITIONER),
    )

    consultation = ConsultationFactory.create(status=Consultation.Status.OPEN)
    edition = EditionFactory.create(consultation=consultation)
    choice_question(consultation, "main-language", ["english", "urdu", "prefer-not-to-say"], kind="equality")
    choice_question(consultation, "ethnicity", ["white-british", "asian-pakistani"], kind="equality")
    choice_question(consultation, "disability", ["yes", "no"], kind="equality")
    choice_question(consultation, "used-childrens-centre", ["yes", "no"], kind="equality")
    for number in range(8):
        answers = {"main-language": "english"}
        if number < 5:
            answers |= {"ethnicity": "white-british", "disability": "no"}
        if number < 4:
            answers["used-childrens-centre"] = "yes"
        if number == 4:
            answers["used-childrens-centre"] = "no"
        _respond(edition, number, north, **answers)
    _respond(edition, 8, south, **{"main-language": "urdu"})
    _respond(edition, 9, south, **{"main-language": "urdu"})
    _respond(edition, 10, None, **{"main-language": "prefer-not-to-say"})
    return {"consultation": consultation, "north": north, "south": south}


def test_supported_families_are_those_with_support_in_the_last_two_years(world: dict[str, Any]) -> None:
    assert supported_families().count() == 8


def test_figures_match_the_hand_made_dataset(world: dict[str, Any], settings: Any) -> None:
    settings.CONSULTATION_SUPPRESS_BELOW = 2
    result = representation(consultation=world["consultation"])

    language = result.dimension("language")
    assert (language.respondents_total, language.service_users_total) == (10, 8)
    urdu = language.group("urdu")
    assert (urdu.respondents, urdu.respondent_share, urdu.service_users, urdu.service_user_share) == (2, 20.0, 4, 50.0)
    assert urdu.gap == -30.0
    assert urdu.under_represented
    english = language.group("english")
    assert (english.respondent_share, english.service_user_share, english.under_represented) == (80.0, 50.0, False)
    assert language.group("polish").service_users == 0  # the family supported three years ago is not counted

    area = result.dimension("neighbourhood")
    south = area.group(str(world["south"].pk))
    assert (south.respondents, south.respondent_share, south.service_users, south.service_user_share) == (
        2,
        20.0,
        4,
        50.0,
    )
    assert south.under_represented

    ethnicity = result.dimension("ethnicity")
    assert ethnicity.service_users_total == 7  # the adult with no ethnic group recorded is left out
    pakistani = ethnicity.group("asian-pakistani")
    assert (pakistani.respondents, pakistani.service_users, pakistani.service_user_share) == (0, 4, 57.1)
    assert pakistani.under_represented
    assert not ethnicity.group("white-british").under_represented

    disability = result.dimension("disability")
    assert (disability.group("yes").service_users, disability.group("yes").service_user_share) == (2, 25.0)
    assert disability.group("yes").respondent_share == 0.0
    assert disability.group("yes").under_represented

    centre = result.dimension("centre")
    assert (centre.group("yes").service_users, centre.group("no").service_users) == (1, 7)
    assert (centre.group("yes").respondent_share, centre.group("no").respondent_share) == (80.0, 20.0)
    assert not centre.group("yes").under_represented  # one family: below the threshold of two
    assert centre.group("no").under_represented  # 20% of responses, 87.5% of families

    texts = [finding.text for finding in result.findings]
    assert any(text.startswith("Urdu speakers: 20% of responses, 50% of families we support") for text in texts)
    assert any("South Test" in text for text in texts)


def test_small_numbers_are_hidden_with_what_would_reveal_them(world: dict[str, Any]) -> None:
    result = representation(consultation=world["consultation"])  # the default threshold: 5
    assert result.limit == 5
    language = result.dimension("language")
    urdu = language.group("urdu")
    respondents, respondent_share, service_users, service_user_share, gap = urdu.cells
    assert str(respondents) == "fewer than 5"
    assert isinstance(respondents, Suppressed)
    assert isinstance(respondent_share, Suppressed)
    assert isinstance(gap, Suppressed)
    assert isinstance(service_users, Suppressed)
    assert isinstance(service_user_share, Suppressed)
    # English (8 respondents) is withheld too, or Urdu's two could be worked out from the total.
    english = language.group("english")
    assert isinstance(english.cells[0], Suppressed)
    assert str(english.cells[0]) == "withheld"
    # The findings do not give a hidden share away.
    urdu_text = next(f.text for f in result.findings if f.group == "urdu") if urdu.under_represented else ""
    assert "20%" not in urdu_text


def test_query_count_is_bounded(world: dict[str, Any], django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(8):
        representation(consultation=world["consultation"])


GROUPS = [("a", "A"), ("b", "B")]


def _rule(respondents: dict[str, int], families: dict[str, int], limit: int = 5) -> dict[str, bool]:
    dimension = _dimension(
        key="test",
        title="Test",
        respondents_basis="respondents",
        service_users_basis="families",
        groups=GROUPS,
        respondent_counts=respondents,
        service_user_counts=families,
        limit=limit,
    )
    return {group.key: group.under_represented for group in dimension.groups}


def test_under_represented_below_half_the_families_share() -> None:
    assert _rule({"a": 2, "b": 18}, {"a": 30, "b": 70}) == {"a": True, "b": False}  # 10% against 30%


def test_exactly_half_is_not_under_represented() -> None:
    assert _rule({"a": 15, "b": 85}, {"a": 30, "b": 70}) == {"a": False, "b": False}


def test_too_few_families_in_the_group_is_not_flagged() -> None:
    assert _rule({"a": 0, "b": 20}, {"a": 4, "b": 70})["a"] is False


def test_too_few_respondents_is_not_compared_yet() -> None:
    assert _rule({"a": 0, "b": 4}, {"a": 30, "b": 70})["a"] is False


def test_the_staff_page_shows_tables_and_findings(world: dict[str, Any], client: Client, settings: Any) -> None:
    settings.CONSULTATION_SUPPRESS_BELOW = 2
    client.force_login(staff(Role.CONSULTATION_OFFICER))
    page = client.get(reverse("consultation_staff:representation", args=[world["consultation"].pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<caption" in html
    assert 'scope="col"' in html
    assert "Urdu speakers: 20% of responses, 50% of families we support" in html
    detail = client.get(reverse("consultation_staff:detail", args=[world["consultation"].pk]))
    assert reverse("consultation_staff:representation", args=[world["consultation"].pk]) in detail.content.decode()


def test_the_staff_page_is_the_consultation_officers(world: dict[str, Any], client: Client) -> None:
    client.force_login(staff(Role.PRACTITIONER))
    page = client.get(reverse("consultation_staff:representation", args=[world["consultation"].pk]))
    assert page.status_code == 403
