"""Which questions are asked and in what order, without the database."""

from family_resources.consultation import survey
from family_resources.consultation.models import AnswerType, Question
from family_resources.consultation.templatetags.consultation_text import document_body


def q(pk, key, page, *, required=False, condition=None, value=""):
    return Question(
        pk=pk,
        key=key,
        page=page,
        position=pk,
        answer_type=AnswerType.FREE_TEXT,
        required=required,
        condition_question_id=condition,
        condition_value=value,
    )


WHO = q(1, "who", 1, required=True)
ORG = q(2, "org", 2, required=True, condition=1, value="organisation")
ORG_SIZE = q(3, "org-size", 2, condition=2, value="large")
VIEWS = q(4, "views", 3)
QUESTIONS = [WHO, ORG, ORG_SIZE, VIEWS]


def test_a_follow_up_is_asked_only_when_its_question_has_the_value():
    assert [x.key for x in survey.asked_questions(QUESTIONS, {"who": "parent"})] == ["who", "views"]
    assert survey.pages(QUESTIONS, {"who": "parent"}) == [1, 3]
    assert survey.pages(QUESTIONS, {"who": "organisation"}) == [1, 2, 3]


def test_a_follow_up_of_a_follow_up_goes_when_the_first_answer_changes():
    answers = {"who": "parent", "org": "large", "org-size": "x", "views": "v"}

    assert survey.kept_answers(QUESTIONS, answers) == {"who": "parent", "views": "v"}


def test_multiple_choice_answers_meet_a_condition_when_they_include_the_value():
    assert survey.is_asked(ORG, {"who": ["parent", "organisation"]}, {1: WHO})


def test_the_journey_resumes_at_the_first_page_not_seen_or_missing_a_required_answer():
    assert survey.first_unanswered_page(QUESTIONS, {}, []) == 1
    assert survey.first_unanswered_page(QUESTIONS, {}, [1]) == 1  # seen, but the required answer is missing
    assert survey.first_unanswered_page(QUESTIONS, {"who": "parent"}, [1]) == 3
    assert survey.first_unanswered_page(QUESTIONS, {"who": "parent"}, [1, 3]) is None


def test_document_text_becomes_escaped_paragraphs_and_lists():
    html = document_body("We <b>propose</b>:\n\n- one\n- two\n\n1. first\n2. second")

    assert html == (
        '<p class="govuk-body">We &lt;b&gt;propose&lt;/b&gt;:</p>'
        '<ul class="govuk-list govuk-list--bullet"><li>one</li><li>two</li></ul>'
        '<ol class="govuk-list govuk-list--number"><li>first</li><li>second</li></ol>'
    )
