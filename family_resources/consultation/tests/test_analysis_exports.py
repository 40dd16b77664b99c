"""The outcome downloads: every response without personal details, the equality breakdown and the PDF
summary report with small numbers hidden, each download logged and only for consultation officers."""

import csv
import io
import logging
from datetime import timedelta
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse

from family_resources.accounts.roles import Role
from family_resources.accounts.tests.factories import staff
from family_resources.audit.models import AuditAction, AuditEvent
from family_resources.consultation.analysis import exports, figures
from family_resources.consultation.models import Answer
from family_resources.consultation.tests.analysis_dataset import EMAIL, POSTCODE, WORDS, Known, build_consultation
from family_resources.consultation.tests.test_analysis import shown_small, table_cells

pytestmark = pytest.mark.django_db


@pytest.fixture
def known() -> Known:
    return build_consultation()


def url(known: Known, name: str) -> str:
    return reverse(f"consultation_staff:{name}", args=[known.consultation.pk])


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_responses_csv_has_a_row_a_response_and_a_column_a_question(client, known):
    client.force_login(known.officer)

    response = client.get(url(known, "analysis_responses_csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="childrens-centres-redesign-responses.csv"'
    heading, *rows = read_csv(response.content)
    assert heading[:10] == [
        "Row",
        "Submitted on",
        "Channel",
        "Assisted",
        "Language",
        "Edition",
        "Easy read",
        "Respondent type",
        "Postcode district",
        "Neighbourhood",
    ]
    assert "agree-integrated-service" in heading
    assert "age-band" in heading
    assert len(rows) == 11
    assert [row[0] for row in rows] == [str(n) for n in range(1, 12)]
    first = dict(zip(heading, rows[0], strict=True))
    assert first["Submitted on"] == (known.today - timedelta(days=3)).isoformat()
    assert first["services-used"] == "stay-and-play;baby-massage"
    assert first["impact-how"] == WORDS
    assert first["Postcode district"] == "LU1"
    channels = sorted(row[heading.index("Channel")] for row in rows)
    assert channels.count("online") == 9
    assert [row[heading.index("Assisted")] for row in rows].count("yes") == 1
    assert [row[heading.index("Edition")] for row in rows].count("ur") == 2


def test_the_responses_csv_holds_no_email_postcode_reference_or_staff_name(client, known):
    client.force_login(known.officer)

    body = client.get(url(known, "analysis_responses_csv")).content.decode("utf-8-sig")

    assert EMAIL not in body
    assert "@" not in body
    assert POSTCODE not in body
    assert "3QZ" not in body
    assert "receipt-email" not in body
    assert "postcode," not in body.splitlines()[0]
    assert known.first.reference not in body
    assert "Olive Officer" not in body
    assert known.officer.email not in body


def test_words_flagged_as_personal_are_left_out(known):
    answer = Answer.objects.get(response=known.first, question_key="impact-how")

    with mock.patch.object(Answer, exports.PERSONAL_FLAG, True, create=True):
        table = exports.responses_table(known.consultation)

    column = table.headings.index("impact-how")
    assert table.rows[0][column] == "[left out: holds personal details]"
    assert WORDS not in str(table.rows)
    assert answer.original_text == WORDS


def test_downloading_the_responses_is_audited_and_logged(client, known, caplog):
    client.force_login(known.officer)

    with caplog.at_level(logging.INFO):
        client.get(url(known, "analysis_responses_csv"))

    views = AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="consultation.response")
    assert views.count() == 11
    assert f"consultation download responses consultation={known.consultation.pk} user={known.officer.pk}" in (
        caplog.text
    )


def test_the_equality_csv_hides_every_small_number(client, known):
    client.force_login(known.officer)

    response = client.get(url(known, "analysis_equality_csv"), {"views": "agree-integrated-service"})

    assert response.status_code == 200
    heading, *rows = read_csv(response.content)
    assert heading[:4] == ["Question", "Answer", "All responses", "Strongly agree"]
    sex = {row[1]: row[2:] for row in rows if row[0] == "What is your sex?"}
    assert sex["Female"][:2] == ["7", "withheld"]
    assert sex["Male"][0] == "fewer than 5"
    assert sex["All responses"][0] == "11"
    assert not shown_small([cell for row in rows for cell in row[2:]], 5)


@override_settings(CONSULTATION_SUPPRESS_BELOW=10)
def test_the_equality_csv_follows_the_setting(client, known):
    client.force_login(known.officer)

    _heading, *rows = read_csv(client.get(url(known, "analysis_equality_csv")).content)

    sex = {row[1]: row[2:] for row in rows if row[0] == "What is your sex?"}
    assert sex["Female"][0] == "fewer than 10"
    assert not shown_small([cell for row in rows for cell in row[2:]], 10)


def test_the_pdf_report_is_made_from_the_template_with_small_numbers_hidden(client, known, caplog):
    client.force_login(known.officer)
    rendered: list[str] = []
    original = exports.summary_html

    def keep(report):
        html = original(report)
        rendered.append(html)
        return html

    with mock.patch.object(exports, "summary_html", keep), caplog.at_level(logging.INFO):
        response = client.get(url(known, "analysis_summary_pdf"), {"views": "agree-integrated-service"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="childrens-centres-redesign-summary.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5000
    html = rendered[0]
    assert "Answers to each question" in html
    assert "Responses by channel" in html
    assert "style=" not in html
    for key in ("age-band", "sex", "ethnicity", "disability", "main-language", "used-childrens-centre"):
        cells = [c for row in table_cells(html, key)[1:] for c in row[1:]]
        assert not shown_small(cells, 5), key
    labels = {row[0]: row[1:] for row in table_cells(html, "sex")[1:]}
    assert labels["Male"][0] == "fewer than 5"
    assert "consultation download summary-pdf" in caplog.text


@override_settings(CONSULTATION_SUPPRESS_BELOW=10)
def test_the_pdf_report_follows_the_setting(known):
    views = figures.default_views_question(known.consultation)
    report = exports.summary(known.consultation, views_question=views, today=known.today)

    html = exports.summary_html(report)

    labels = {row[0]: row[1:] for row in table_cells(html, "sex")[1:]}
    assert labels["Female"][0] == "fewer than 10"
    assert exports.summary_pdf(report).startswith(b"%PDF-")


@pytest.mark.parametrize("name", ["analysis_responses_csv", "analysis_equality_csv", "analysis_summary_pdf"])
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.SERVICE_MANAGER, Role.ADMINISTRATOR])
def test_only_consultation_officers_download(client, known, name, role):
    client.force_login(staff(role))

    assert client.get(url(known, name)).status_code == 403
