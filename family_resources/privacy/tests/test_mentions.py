"""Finding other people, and contact details that are not the family's, in free text (no database)."""

import pytest

from family_resources.privacy.mentions import MentionFinder, Name, find_mentions, name_from_text, phone_digits

SUBJECT = Name("Morgan", "Subject")
OTHERS = [
    Name("Dean", "Lacey"),
    Name("Jordan", "Subject"),
    Name("Ann", "Other"),
    Name("Zoë", "Brown"),
    Name("Will", "Moss"),
    Name("Al", "Short"),
    Name("Morgan", "Cousin"),
    name_from_text("Dr Pat Thirdparty"),
]


@pytest.fixture
def finder() -> MentionFinder:
    return MentionFinder(others=OTHERS, subject=SUBJECT, own_contacts=["mum.subject@example.com", "07700 900123"])


def test_a_full_name_is_found_and_reported_as_the_person(finder):
    assert finder.names_in("Mum's partner Dean Lacey was at the visit.") == ["Dean Lacey"]


def test_a_full_name_across_a_line_break_and_in_capitals_is_found(finder):
    assert finder.names_in("Spoke to DEAN\nLACEY on the phone") == ["Dean Lacey"]


def test_a_distinctive_given_name_alone_is_found(finder):
    assert finder.names_in("jordan was upset after school") == ["Jordan"]


def test_names_are_reported_in_the_order_they_appear_once_each(finder):
    text = "Jordan and Dean Lacey argued; Dean left, Jordan stayed."
    assert finder.names_in(text) == ["Jordan", "Dean Lacey"]


def test_the_subjects_own_name_is_not_a_mention(finder):
    assert finder.names_in("Morgan Subject came to the group with Morgan's sister.") == []


def test_another_persons_full_name_is_found_even_when_they_share_the_subjects_given_name(finder):
    assert finder.names_in("Morgan Cousin came too.") == ["Morgan Cousin"]


def test_a_given_name_is_found_only_as_a_whole_word(finder):
    assert finder.names_in("Annual review of the plan; Deanery school; Jordanian food.") == []
    assert finder.names_in("Ann's mother called.") == ["Ann"]


def test_a_given_name_shorter_than_three_letters_counts_only_in_the_full_name(finder):
    assert finder.names_in("Al came round.") == []
    assert finder.names_in("Al Short came round.") == ["Al Short"]


def test_the_family_name_alone_is_not_a_mention(finder):
    assert finder.names_in("The Subject family, the Lacey household.") == []


@pytest.mark.parametrize("written", ["Zoë came", "Zoe came", "ZOË came", "zoe came", "Zoe\u0308 came"])
def test_accents_and_case_are_ignored_so_zoe_and_zoë_are_one_name(finder, written):
    assert finder.names_in(written) == ["Zoë"]


def test_an_accent_in_the_text_matches_a_name_held_without_one():
    finder = MentionFinder(others=[Name("Zoe", "Brown")], subject=SUBJECT)
    assert finder.names_in("Zoë Brown was there") == ["Zoe Brown"]


def test_a_given_name_that_is_also_a_word_counts_alone_only_when_capitalised(finder):
    assert finder.names_in("I will call back next week.") == []
    assert finder.names_in("Later Will called back.") == ["Will"]
    assert finder.names_in("will moss called") == ["Will Moss"]


def test_a_professionals_title_is_not_needed_to_find_them(finder):
    assert finder.names_in("Pat Thirdparty rang.") == ["Dr Pat Thirdparty"]
    assert finder.names_in("Dr Pat Thirdparty rang.") == ["Dr Pat Thirdparty"]


def test_an_email_address_of_someone_else_is_flagged_and_the_familys_own_is_not(finder):
    text = "Copied to dean.lacey@example.net and MUM.SUBJECT@example.com."
    assert finder.contacts_in(text) == ["dean.lacey@example.net"]


@pytest.mark.parametrize(
    "number",
    ["07700 900456", "07700900456", "+44 7700 900456", "+44 (0)7700 900456", "(01632) 960456", "0161-496-0456"],
)
def test_a_uk_phone_number_of_someone_else_is_flagged(finder, number):
    assert finder.contacts_in(f"Her new number is {number}.") == [number]


@pytest.mark.parametrize("written", ["07700 900123", "07700900123", "+44 7700 900123", "+447700900123"])
def test_the_familys_own_number_however_written_is_not_flagged(finder, written):
    assert finder.contacts_in(f"Text mum on {written} please") == []


@pytest.mark.parametrize("text", ["Reference REF-07700900456", "Born 01/02/2019", "Score 12345678901", "on 0800"])
def test_references_dates_and_other_numbers_are_not_phone_numbers(finder, text):
    assert finder.contacts_in(text) == []


def test_find_mentions_returns_names_and_contacts_together():
    names, contacts = find_mentions(
        "Dean Lacey gave 07700 900456", others=[Name("Dean", "Lacey")], subject=SUBJECT, own_contacts=[]
    )
    assert (names, contacts) == (["Dean Lacey"], ["07700 900456"])


def test_phone_digits_reads_the_international_prefix():
    assert phone_digits("+44 (0)7700 900123") == phone_digits("+44 7700 900123") == "07700900123"


def test_empty_text_mentions_nobody(finder):
    assert (finder.names_in(""), finder.contacts_in("")) == ([], [])
