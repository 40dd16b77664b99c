"""The analysis figures and page: counts against a small consultation with known answers
(tests/analysis_dataset.py), answers per question, and the equality breakdown with small numbers hidden."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.consultation.analysis import figures
from family_resources.consultation.models import Consultation
from family_resources.consultation.tests.analysis_dataset import Known, build_consultation
from family_resources.reporting.suppression import Suppressed, suppress_grid
from family_resources.reporting.tables import Column, Figure, Row

pytestmark = pytest.mark.django_db


@pytest.fixture
def known() -> Known:
    return build_consultation()


def analysis_url(known: Known) -> str:
    return reverse("consultation_staff:analysis", args=[known.consultation.pk])


def table_cells(page: str, key: str) -> list[list[str]]:
    """The rows of one equality table on a page or in the report: the row label, then each cell's text."""
    table = re.search(rf'<table[^>]*data-testid="equality-{key}".*?</table>', page, re.S)
    assert table is not None
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), re.S)
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)] for r in rows
    ]


def shown_small(cells: list[str], limit: int) -> list[str]:
    """Any cell that shows a number from 1 to limit - 1."""
    return [c for c in cells if c.isdigit() and 0 < int(c) < limit]


def test_responses_are_counted_by_channel_language_edition_and_respondent_type(known):
    consultation = known.consultation

    by_channel = figures.responses_by_channel(consultation)
    assert [by_channel.value(k, "responses") for k in ("online", "phone", "paper", "interpreter", "event")] == [
        9,
        1,
        1,
        0,
        0,
    ]
    assert by_channel.value("assisted", "responses") == 1
    assert figures.responses_by_language(consultation).value("ur", "responses") == 2
    assert figures.responses_by_language(consultation).value("en", "responses") == 9
    by_edition = figures.responses_by_edition(consultation)
    assert (by_edition.value("en", "responses"), by_edition.value("ur", "responses")) == (9, 2)
    by_type = figures.responses_by_respondent_type(consultation)
    assert [by_type.value(k, "responses") for k in ("parent", "individual", "professional", "organisation")] == [
        7,
        2,
        1,
        1,
    ]
    assert by_type.value(figures.NOT_GIVEN, "responses") == 0
    assert figures.responses_easy_read(consultation) == 0


def test_responses_over_time_are_counted_a_day_across_the_open_period(known):
    over_time = figures.responses_over_time(known.consultation, today=known.today)

    days = over_time.row_keys()
    assert days[0] == (known.today - timedelta(days=10)).isoformat()
    assert days[-1] == known.today.isoformat()
    assert over_time.value((known.today - timedelta(days=3)).isoformat(), "responses") == 2
    assert over_time.value((known.today - timedelta(days=1)).isoformat(), "responses") == 1
    assert over_time.value(known.today.isoformat(), "responses") == 8
    assert sum(v or 0 for v in over_time.column_values("responses")) == 11


def test_a_long_consultation_is_counted_a_week_at_a_time(known):
    Consultation.objects.filter(pk=known.consultation.pk).update(opens_on=known.today - timedelta(days=100))
    known.consultation.refresh_from_db()

    over_time = figures.responses_over_time(known.consultation, today=known.today)

    assert over_time.title == "Responses a week"
    assert sum(v or 0 for v in over_time.column_values("responses")) == 11
    assert len(over_time.rows) in (15, 16)


def test_choice_questions_are_tallied_option_by_option_and_words_are_only_counted(known):
    tallies = {t.question.key: t for t in figures.question_tallies(known.consultation)}

    agree = tallies["agree-integrated-service"]
    assert agree.answered == 11
    assert agree.figure is not None
    assert agree.figure.title.startswith("To what extent do you agree or disagree with the proposal")
    assert [(row.label, row.values[0]) for row in agree.figure.rows] == [
        ("Strongly agree", 8),
        ("Agree", 0),
        ("Neither agree nor disagree", 1),
        ("Disagree", 2),
        ("Strongly disagree", 0),
        ("Don't know", 0),
    ]
    services = tallies["services-used"].figure
    assert services is not None
    assert services.value("stay-and-play", "responses") == 7
    assert services.value("baby-massage", "responses") == 7
    assert tallies["services-used"].answered == 7
    assert tallies["impact-how"].figure is None
    assert tallies["impact-how"].answered == 2
    assert tallies["impact-rating"].figure is not None  # a rating, counted 1 to 5
    assert "receipt-email" not in tallies
    assert "postcode" not in tallies


def test_the_answers_can_be_filtered_by_channel_edition_and_respondent_type(known):
    def agree(**chosen):
        tally = next(
            t
            for t in figures.question_tallies(known.consultation, figures.Filters(**chosen))
            if t.question.key == "agree-integrated-service"
        )
        return tally.answered

    assert agree(edition="ur") == 2
    assert agree(channel="paper") == 1
    assert agree(respondent_type="parent") == 7
    assert agree(channel="online", edition="en") == 7


def test_the_equality_breakdown_counts_each_answer_and_crosses_it_with_a_views_question(known):
    views = figures.default_views_question(known.consultation, "agree-integrated-service")

    sex = next(
        t for t in figures.equality_breakdown(known.consultation, views_question=views) if t.question.key == "sex"
    )

    figure = sex.figure
    assert figure.value("female", "all") == 7
    assert figure.value("female", "strongly-agree") == 7
    assert figure.value("male", "disagree") == 2
    assert figure.value("prefer-not-to-say", "all") == 1
    assert figure.value(figures.NOT_GIVEN, "neither") == 1
    assert figure.value(figures.ALL, "all") == 11
    assert figure.value(figures.ALL, "strongly-agree") == 8


def test_every_equality_cell_under_the_threshold_is_hidden_and_a_lone_hidden_cell_gets_a_complement(known):
    views = figures.default_views_question(known.consultation, "agree-integrated-service")

    for table in figures.equality_breakdown(known.consultation, views_question=views):
        for row, cells in table.rows:
            for value, cell in zip(row.values, cells, strict=True):
                if value is not None and 0 < value < 5:
                    assert isinstance(cell, Suppressed), (table.question.key, row.key)

    sex = next(
        t for t in figures.equality_breakdown(known.consultation, views_question=views) if t.question.key == "sex"
    )
    by_key = {row.key: c for row, c in sex.rows}
    strongly_agree = [c.key for c in sex.figure.columns].index("strongly-agree")
    # "prefer not to say" strongly agreeing is 1, alone in its column: the female 7 is withheld with it.
    assert by_key["female"][strongly_agree] == Suppressed(5, small=False)
    assert str(by_key["female"][strongly_agree]) == "withheld"
    assert str(by_key["male"][0]) == "fewer than 5"


def test_suppress_grid_withholds_down_columns_as_well_as_along_rows():
    figure = Figure(
        slug="grid",
        title="Grid",
        description="",
        row_heading="Row",
        columns=(Column("all", "All"), Column("a", "A"), Column("b", "B")),
        rows=(
            Row("x", "X", (20, 12, 8)),
            Row("y", "Y", (13, 3, 10)),
            Row("z", "Z", (30, 15, 15)),
            Row("total", "Total", (63, 30, 33)),
        ),
    )

    cells = suppress_grid(figure, total_row="total", total_column="all", limit=5)

    assert cells[1][1] == Suppressed(5)  # the 3
    assert cells[1][2] == Suppressed(5, small=False)  # its row's other part
    assert cells[0][1] == Suppressed(5, small=False)  # the smallest other part of its column
    assert cells[0][2] == Suppressed(5, small=False)  # and so on until no line has one hidden cell
    assert cells[2] == [30, 15, 15]
    assert cells[3] == [63, 30, 33]


def test_the_page_shows_the_counts_the_tallies_and_the_equality_breakdown_with_small_numbers_hidden(client, known):
    client.force_login(known.officer)

    response = client.get(analysis_url(known), {"views": "agree-integrated-service"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Analysis of the responses" in page
    assert "<svg" in page
    assert "Responses by channel (the figures)" in page
    assert "Responses answering in words: 2" in page
    assert reverse("consultation_staff:responses", args=[known.consultation.pk]) in page
    rows = table_cells(page, "sex")
    assert rows[0][:3] == ["Answer", "All responses", "Strongly agree"]
    labels = {row[0]: row[1:] for row in rows[1:]}
    assert labels["Female"][0] == "7"
    assert labels["Female"][1] == "withheld"
    assert labels["Male"][0] == "fewer than 5"
    for key in ("age-band", "sex", "ethnicity", "disability", "main-language", "used-childrens-centre"):
        assert not shown_small([c for row in table_cells(page, key)[1:] for c in row[1:]], 5), key


def test_the_page_filters_the_answers(client, known):
    client.force_login(known.officer)

    page = client.get(analysis_url(known), {"edition": "ur"}).content.decode()

    assert "Only the responses that match the filters are counted." in page
    assert "Responses answering: 2" in page


def test_an_unknown_filter_value_shows_the_error_summary(client, known):
    client.force_login(known.officer)

    response = client.get(analysis_url(known), {"channel": "pigeon"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "<title>Error:" in page


@override_settings(CONSULTATION_SUPPRESS_BELOW=10)
def test_the_setting_changes_the_threshold(client, known):
    client.force_login(known.officer)

    page = client.get(analysis_url(known)).content.decode()

    labels = {row[0]: row[1:] for row in table_cells(page, "sex")[1:]}
    assert labels["Female"][0] == "fewer than 10"
    assert labels["All responses"][0] == "11"
    assert not shown_small([c for row in table_cells(page, "sex")[1:] for c in row[1:]], 10)


@override_settings(CONSULTATION_SUPPRESS_BELOW=2)
def test_a_lower_threshold_shows_more(known):
    sex = next(t for t in figures.equality_breakdown(known.consultation) if t.question.key == "sex")

    cells = {row.key: c for row, c in sex.rows}
    assert cells["male"][0] == 2
    assert cells["prefer-not-to-say"][0] == Suppressed(2)


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.FRONT_DOOR_OFFICER, Role.ADMINISTRATOR]
)
def test_only_consultation_officers_see_the_analysis(client, known, role):
    client.force_login(staff(role))

    assert client.get(analysis_url(known)).status_code == 403


def test_someone_not_signed_in_is_sent_to_sign_in(client, known):
    response = client.get(analysis_url(known))

    assert response.status_code == 302


def test_the_consultation_page_links_to_the_analysis(client, known):
    client.force_login(known.officer)

    page = client.get(reverse("consultation_staff:detail", args=[known.consultation.pk])).content.decode()

    assert analysis_url(known) in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_analysis_page_is_accessible_and_filters_without_javascript(page, live_server):
    from playwright.sync_api import expect

    from family_resources.core.tests.browser import accessibility_problems
    from family_resources.reporting.tests.test_browser import sign_in

    known = build_consultation()
    sign_in(page, live_server.url, known.officer)

    page.goto(live_server.url + analysis_url(known))
    expect(page.locator("h1")).to_have_text("Analysis of the responses")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    reports = accessibility_problems(page, seen_as="consultation officer, the analysis page")

    page.get_by_label("Edition", exact=True).select_option("ur")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("main")).to_contain_text("Only the responses that match the filters are counted.")
    reports += accessibility_problems(page, seen_as="consultation officer, the analysis page filtered")
    assert not reports, "\n".join(reports)
