"""The parent's online referral with the keyboard alone, as a person who cannot use a mouse would make it.

Nothing is clicked or filled: focus moves with Tab, buttons and links are pressed with Enter, boxes
are ticked with Space and text is typed. Inside a group of radios browsers move between the options
with the arrow keys (Tab leaves the group), so the arrows are used there and nowhere else. Every
control reached must show where the focus is.
"""

from typing import Any

import pytest
from playwright.sync_api import Page

from family_resources.families.tests.factories import years_ago
from family_resources.intake.models import Channel, Referral

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAX_TABS = 120

# The accessible name of the focused element, worked out as a screen reader would for these controls.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {name: "", tag: "", type: "", group: "", checked: false};
  const label = (e.labels && e.labels.length) ? e.labels[0].innerText : "";
  const fieldset = e.closest("fieldset");
  const legend = fieldset && fieldset.querySelector("legend") ? fieldset.querySelector("legend").innerText : "";
  return {
    name: (e.getAttribute("aria-label") || label || e.innerText || e.value || "").trim(),
    tag: e.tagName.toLowerCase(),
    type: (e.getAttribute("type") || "").toLowerCase(),
    group: legend.trim(),
    checked: !!e.checked,
  };
}"""

# GOV.UK's focus state is a yellow outline or box shadow; with neither, a keyboard user cannot see where they are.
FOCUS_VISIBLE = """() => {
  const s = getComputedStyle(document.activeElement);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return outline || (s.boxShadow && s.boxShadow !== "none") || s.backgroundColor === "rgb(255, 221, 0)";
}"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page: Page, name: str, *, group: str = "") -> dict:
    """Press Tab until the control called `name` (in the fieldset `group`, if given) has the focus."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now["name"][:40])
        if now["name"] == name and (not group or now["group"].startswith(group)):
            assert page.evaluate(FOCUS_VISIBLE), f"The focus on “{name}” cannot be seen"
            return now
    raise AssertionError(f"Tab never reached “{name}” on {page.url}; it passed: {seen}")


def press(page: Page, name: str) -> None:
    """Tab to a button or link and press Enter, which takes the person to the next page."""
    tab_to(page, name)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Page, label: str, text: str) -> None:
    tab_to(page, label)
    page.keyboard.type(text)


def choose(page: Page, group: str, option: str) -> None:
    """Tab into a radio group, then move with the arrow keys to `option`; Space makes sure it is chosen."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused(page)["type"] == "radio" and focused(page)["group"].startswith(group):
            break
    else:
        raise AssertionError(f"Tab never reached the question “{group}” on {page.url}")
    for _ in range(30):
        if focused(page)["name"] == option:
            page.keyboard.press("Space")
            assert focused(page)["checked"]
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"“{option}” is not an answer to “{group}”")


def tick(page: Page, label: str) -> None:
    tab_to(page, label)
    page.keyboard.press("Space")
    assert focused(page)["checked"]


def test_a_parent_refers_their_family_with_the_keyboard_alone(live_server: Any, page: Page) -> None:
    page.goto(live_server.url + "/refer/")
    press(page, "Start now")

    choose(page, "Who are you?", "A parent or carer, asking for help for my own family")
    press(page, "Continue")
    type_into(page, "Full name", "Kai Keyboard")
    type_into(page, "Email address (optional)", "kai@example.com")
    press(page, "Continue")
    choose(page, "", "No")
    press(page, "Continue")
    type_into(page, "What is your postcode?", "LU4 8BW")
    press(page, "Continue")
    type_into(page, "Address line 1", "3 Example Road")
    type_into(page, "Town or city", "Luton")
    press(page, "Continue")

    choose(page, "", "Child or young person")
    press(page, "Continue")
    type_into(page, "First name", "Robin")
    type_into(page, "Last name", "Keyboard")
    born = years_ago(4)
    type_into(page, "Day", str(born.day))
    type_into(page, "Month", str(born.month))
    type_into(page, "Year", str(born.year))
    choose(page, "", "No")
    press(page, "Continue")
    choose(page, "", "No")  # nobody else to add
    press(page, "Continue")

    choose(page, "", "English")
    choose(page, "Do you need an interpreter?", "No")
    press(page, "Continue")
    type_into(page, "What would you like help with?", "Robin will not settle at nursery.")
    press(page, "Continue")
    choose(page, "", "Yes")
    tick(page, "Health services, such as the family's GP and health visitor")
    press(page, "Continue")

    page.get_by_role("heading", name="Check your answers before sending the referral").wait_for()
    press(page, "Accept and send")

    page.get_by_role("heading", name="Referral sent").wait_for()
    referral = Referral.objects.get(reference=page.get_by_test_id("reference").inner_text().strip())
    assert referral.channel == Channel.ONLINE_SELF
    assert referral.referrer_name == "Kai Keyboard"
    assert [(p.given_name, p.date_of_birth) for p in referral.people.all()] == [("Robin", born)]
