"""The pages the link crawl cannot reach by itself, for the accessibility crawl (issue 11).

Some public pages come only after a form: the family portal after the family's code sign-in, a community
organisation's pages after its emailed sign-in link, each page of the self-referral journey and of a
consultation response after the one before is answered, registering for a consultation session and the
emailed links to cancel the place or stop consultation notices, and the pages a form shows with its errors.
`Walker` drives one browser through them, in the browser's chosen language, and checks each page once;
`flows_world` makes the records those pages need; `uncovered` compares the pages seen with every public
URL name the project has (the same names the authorisation walk knows), less an explicit exclusion list.
"""

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from config.tests.test_authorisation_walk import EXPECTED
from family_resources.accounts.models import User
from family_resources.accounts.roles import Role
from family_resources.consultation.content import CONSULTATION_SLUG
from family_resources.consultation.models import (
    Channel,
    Consultation,
    DocumentPage,
    Edition,
    FaqItem,
    TranslationMethod,
)
from family_resources.consultation.services import (
    ResponseInput,
    consultation_create,
    consultation_transition,
    edition_add,
    response_submit,
)
from family_resources.consultation.tests.factories import QuestionFactory
from family_resources.consultation.themes.services import answer_code, theme_create
from family_resources.consultation.themes.services import decision_record as outcome_decision
from family_resources.demo.builders import DEMO_DOMAIN
from family_resources.directory.models import Organisation
from family_resources.families.tests.factories import ConsentFactory
from family_resources.intake.tests.factories import ReceivedReferralFactory
from family_resources.notifications.models import Message
from family_resources.outreach.models import Event
from family_resources.outreach.services import NOTICE_TEMPLATE, notice_create, notice_deliver, registration_create
from family_resources.outreach.tests.factories import an_event, service_user
from family_resources.portal.tests.factories import portal_family
from family_resources.resources.models import Topic
from family_resources.resources.services import (
    article_create,
    article_publish,
    article_submit,
    article_translation_save,
)
from family_resources.triage.followup import followups_run
from family_resources.triage.models import SignpostingPack
from family_resources.triage.services import decision_record

# Public URL names no crawl shows as a page of its own, and why. Every other public URL name of the
# authorisation walk's table (config/tests/test_authorisation_walk.py EXPECTED; public means outside /staff/
# and /api/) must be shown by the crawl in every language (see `uncovered`). A new public page is reached by
# an entry point or a flow; add it here only if it is not a page people see.
NOT_PAGES = {
    "core:language": "sets the language cookie and redirects; the crawl sets the cookie itself",
    "consultation:default": "redirects to the edition in the visitor's language (its target is checked)",
    "portal:appointment_calendar": "an .ics download, not a page",
    "directory:evidence_document": "the organisation's own uploaded document, a download",
    "directory:sign_out": "POST only, then a redirect to the sign-in page (checked)",
    "operations:healthz": "the load balancer's plain-text health check",
    "operations:readyz": "the load balancer's plain-text readiness check",
}
# Public pages not crawled yet, and why: a page built after this crawl gets an entry point or a flow here
# (and records in flows_world) when it lands, and is listed here only until then.
# None now: the outcome page and the outreach pages are reached by the flows below (walk_outreach,
# walk_outcome) with records made in flows_world.
NOT_CRAWLED_YET: dict[str, str] = {}
NOT_PUBLIC_PREFIXES = ("staff/", "api/")

SUBMIT = "main form button[type=submit].govuk-button:not(.govuk-button--secondary):not([name])"
LINK = re.compile(r"https?://\S+?(/[^\s\"'<>]*)")
FIELD = "main form input[name], main form textarea[name], main form select[name]"
FIELDS = f"""() => [...document.querySelectorAll('{FIELD}')]
    .filter(e => !['hidden', 'submit', 'button', 'file'].includes((e.type || '').toLowerCase())).map(e => e.name)"""
# Fill every field of the page's forms: the value given for its name, or else something that passes the
# usual rules (the first option of a choice, a made-up email address or phone number, a word of text).
FILL = """(given) => {
    const done = new Set();
    for (const el of document.querySelectorAll('FIELD')) {
        const name = el.name, type = (el.type || '').toLowerCase();
        if (['hidden', 'submit', 'button', 'file'].includes(type)) continue;
        const wanted = given[name];
        if (type === 'radio' || type === 'checkbox') {
            if (wanted !== undefined && wanted !== null) { el.checked = el.value === String(wanted); continue; }
            const group = [...document.querySelectorAll('main form input')].filter(e => e.name === name);
            if (!done.has(name) && !group.some(e => e.checked)) el.checked = true;
            done.add(name);
            continue;
        }
        if (el.tagName === 'SELECT') {
            if (wanted !== undefined && wanted !== null) el.value = String(wanted);
            else if (!el.value) { const o = [...el.options].find(o => o.value); if (o) el.value = o.value; }
            continue;
        }
        if (wanted !== undefined && wanted !== null) { el.value = String(wanted); continue; }
        if (el.value) continue;
        el.value = {email: 'someone@example.org', tel: '07700 900982', number: '1', url: 'https://example.org/'}[type]
            || 'Example';
    }
}""".replace("FIELD", FIELD)


def url_name(path: str) -> str:
    match = resolve(path)
    return match.view_name if match.url_name else f"?{match.route}"


def _walk(resolver: URLResolver, namespace: str = "", prefix: str = "") -> Iterator[tuple[str, URLPattern, str]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from _walk(entry, inner, prefix + str(entry.pattern))
        else:
            yield namespace, entry, prefix + str(entry.pattern)


def public_url_names() -> set[str]:
    """Every URL name of the authorisation walk's table outside /staff/ and /api/."""
    walked = {key.split("(")[0] for key in EXPECTED}
    names = set()
    for namespace, pattern, route in _walk(get_resolver()):
        if route.startswith(NOT_PUBLIC_PREFIXES):
            continue
        if pattern.name is None:
            names.add(f"?{namespace}:{pattern.pattern}")
        else:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names & walked


def uncovered(seen: set[str]) -> list[str]:
    """The public URL names no page of the crawl showed, less those listed as not pages or not crawled yet."""
    return sorted(public_url_names() - seen - set(NOT_PAGES) - set(NOT_CRAWLED_YET))


def stale_exclusions() -> list[str]:
    """Names on the exclusion lists that are no longer public URL names: the lists must stay true."""
    return sorted((set(NOT_PAGES) | set(NOT_CRAWLED_YET)) - public_url_names())


def last_link(template: str, recipient: str, under: str = "/") -> str:
    """The path of the (first) link under `under` in the newest message of this kind to this address."""
    message = Message.objects.filter(template=template, recipient=recipient).latest("pk")
    paths = [match.group(1) for match in LINK.finditer(message.body) if match.group(1).startswith(under)]
    assert paths, f"no link under {under} in the {template} message"
    return paths[0]


def last_code(recipient: str) -> str:
    message = Message.objects.filter(template="portal_sign_in_code", recipient=recipient).latest("pk")
    match = re.search(r"\b(\d{6})\b", message.body)
    assert match is not None, "no code in the sign-in message"
    return match.group(1)


# --- The records the flows need --------------------------------------------------------------------


PORTAL_EMAIL = "crawl.parent@example.org"


@dataclass
class FlowsWorld:
    article_slug: str
    organisation_email: str
    edition_code: str
    followup_link: str
    event_id: int  # a session of the open consultation with places left
    full_event_id: int  # one with none left
    outcome_code: str  # the edition in this language of a consultation whose outcome is published
    unsubscribe_link: str  # from a consultation notice emailed to a family


def flows_world(language: str) -> FlowsWorld:
    """A portal family (plan, appointment, group open to them, a signposting pack to answer), an article with
    an easy read version and translations, the consultation published in `language` with two sessions (one
    full), a past consultation whose outcome is published in `language`, and a consultation notice emailed to a
    family (for its unsubscribe link), on top of the demo data."""
    ours = portal_family(email=PORTAL_EMAIL, preferred_language=language)
    ConsentFactory.create(family=ours.family, given_by=ours.parent)  # so the portal offers to withdraw it
    referral = ReceivedReferralFactory.create(family=ours.family, consent_given=True)
    decision = decision_record(
        referral=referral,
        level=2,
        immediate_risk=False,
        rationale="Community support fits.",
        decided_by=User.objects.filter(role=Role.FRONT_DOOR_OFFICER).order_by("pk")[0],
        differs_reason="Officer's judgement.",
    )
    pack = SignpostingPack.objects.get(decision=decision)
    assert pack.followup_due_at is not None, "the pack's follow-up is what help_check:followup shows"
    followups_run(now=pack.followup_due_at + timedelta(minutes=1))
    followup_link = last_link("signposting_followup", PORTAL_EMAIL)

    editor = User.objects.get(email=f"directory@{DEMO_DOMAIN}")
    reviewer = User.objects.get(email=f"service.manager@{DEMO_DOMAIN}")
    article = article_create(
        content={
            "title": "Play ideas at home",
            "kind": "article",
            "summary": "Cheap games.",
            "body": "Use boxes.",
            "easy_read_body": "Play is good. Boxes are free.",
            "min_age": 1,
            "max_age": 4,
        },
        topics=[Topic.objects.order_by("pk")[0]],
        ceased_services=[],
        created_by=editor,
    )
    for code in ("ur", "pl", "bn", "ro", "pa", "pt"):
        article_translation_save(article=article, language=code, title="Play ideas", summary="Games", body="Boxes")
    article = article_publish(article=article_submit(article=article, submitted_by=editor), published_by=reviewer)

    organisation = (
        Organisation.objects.filter(kind=Organisation.Kind.COMMUNITY, services__isnull=False)
        .exclude(account_email="")
        .order_by("pk")
        .first()
    )
    assert organisation is not None, "the demo data has community organisations with services"
    return FlowsWorld(
        article_slug=article.slug,
        organisation_email=organisation.account_email,
        edition_code=_edition_in(language),
        followup_link=followup_link,
        event_id=an_event(title="Evening online session").pk,
        full_event_id=_full_event().pk,
        outcome_code=_published_outcome(language),
        unsubscribe_link=_notice_link(language),
    )


def _full_event() -> Event:
    """A session at the library with its one place taken."""
    event = an_event(title="Morning session at the library", meeting_link="", place="Luton Central Library", capacity=1)
    registration_create(
        event=event, name="Pat Example", email="pat@example.org", mobile="", access_needs="", language="en"
    )
    return event


OUTCOME_SLUG = "family-hubs-opening-hours"
OUTCOME_QUESTION = "views"


def _published_outcome(language: str) -> str:
    """A past consultation, in English and in `language`, with two responses coded to a theme, a decision,
    and its outcome published, as a consultation officer would take it there. Returns the edition's code."""
    officer = User.objects.get(email=f"consultation@{DEMO_DOMAIN}")
    today = timezone.localdate()
    consultation = consultation_create(
        title="Family hubs opening hours",
        slug=OUTCOME_SLUG,
        summary="When the family hubs should open.",
        opens_on=today - timedelta(days=200),
        closes_on=today - timedelta(days=140),
    )
    QuestionFactory.create(consultation=consultation, key=OUTCOME_QUESTION, text="What do you think?")
    consultation = consultation_transition(consultation=consultation, to=Consultation.Status.OPEN)
    english = consultation.editions.get(code="en")
    late = theme_create(consultation=consultation, name="Late opening", you_said="Open later for working parents.")
    for text in ("Please open after six.", "Evenings would help us."):
        response = response_submit(
            data=ResponseInput(
                edition=english, answers={OUTCOME_QUESTION: text}, channel=Channel.PAPER, entered_by=officer
            )
        )
        answer_code(answer=response.answers.get(question_key=OUTCOME_QUESTION), themes=[late], coded_by=officer)
    outcome_decision(
        consultation=consultation,
        summary="Open two hubs until seven",
        we_did="Two hubs now open until seven on Thursdays.",
        decided_on=today - timedelta(days=30),
        decided_by="The Executive",
        recorded_by=officer,
    )
    for status in (Consultation.Status.CLOSED, Consultation.Status.ANALYSED, Consultation.Status.OUTCOME_PUBLISHED):
        consultation = consultation_transition(consultation=consultation, to=status)
    if language == "en":
        return "en"
    return edition_add(
        consultation=consultation,
        language=language,
        easy_read=False,
        title=consultation.title,
        summary=consultation.summary,
        method=TranslationMethod.MACHINE,
        translated_by="Accessibility crawl",
    ).code


NOTICE_EMAIL = "crawl.notice@example.org"


def _notice_link(language: str) -> str:
    """The unsubscribe link in a consultation notice emailed to a family with open support."""
    service_user(contact_email=NOTICE_EMAIL, preferred_language=language)
    officer = User.objects.get(email=f"consultation@{DEMO_DOMAIN}")
    notice = notice_create(
        consultation=Consultation.objects.get(slug=CONSULTATION_SLUG),
        by_email=True,
        by_sms=False,
        by_letter=False,
        by=officer,
    )
    notice_deliver(notice_id=notice.pk)
    return last_link(NOTICE_TEMPLATE, NOTICE_EMAIL, under="/events/unsubscribe/")


def _edition_in(language: str) -> str:
    """The children's centres consultation published in this language, as staff would add a translation.

    The survey's questions have no translation yet (they show in English, marked so); the document pages
    and the FAQ are copied from the English edition so each kind of page exists in this edition too.
    """
    consultation = Consultation.objects.get(slug=CONSULTATION_SLUG)
    if language == "en":
        return "en"
    english = consultation.editions.get(code="en")
    edition: Edition = edition_add(
        consultation=consultation,
        language=language,
        easy_read=False,
        title=english.title,
        summary=english.summary,
        method=TranslationMethod.MACHINE,
        translated_by="Accessibility crawl",
    )
    for item in english.pages.all():
        DocumentPage.objects.create(
            edition=edition, position=item.position, slug=item.slug, heading=item.heading, body=item.body
        )
    for faq in english.faqs.all():
        FaqItem.objects.create(edition=edition, position=faq.position, question=faq.question, answer=faq.answer)
    return edition.code


# --- Driving the browser ---------------------------------------------------------------------------


# Pages of one URL name that each ask something different: checked one by one in every language.
PER_PATH = {"journey:question", "journey:eligibility"}


@dataclass
class Walker:
    """Walks forms in the browser, checking each kind of page it lands on once.

    Thorough (the English crawl), a page is checked once per URL name, path and heading, so every question
    page of the journey and of a consultation, and every kind of person, is checked. Otherwise, as the link
    crawl does, once per URL name (per path for the journey's own questions) and state (its errors, say).
    """

    page: Page
    base_url: str
    check: Callable[[str], None]
    thorough: bool = True
    seen: set[str] = field(default_factory=set)  # URL names of the pages shown
    checked: set[str] = field(default_factory=set)

    @property
    def path(self) -> str:
        return urlsplit(self.page.url).path

    def look(self, state: str = "") -> None:
        """Check the page now shown, unless its kind of page in this state was checked already."""
        name = url_name(self.path)
        self.seen.add(name)
        key = name
        if self.thorough:
            key += f" {self.path} {self.page.locator('h1').first.inner_text()!r}"
        elif name in PER_PATH:
            key += f" {self.path}"
        key += f" ({state})" if state else ""
        if key not in self.checked:
            self.checked.add(key)
            self.check(key)

    def goto(self, path: str, state: str = "") -> None:
        self.page.goto(self.base_url + path)
        self.look(state)

    def submit(self) -> None:
        """Press the page's main button (not "save and come back later")."""
        self.page.locator(SUBMIT).first.click()
        self.page.wait_for_load_state()

    def submit_empty(self) -> None:
        """Send the form as it is, expecting its error summary, and check the page with its errors."""
        self.submit()
        expect(self.page.locator(".govuk-error-summary")).to_be_visible()
        self.look("with errors")

    def fill(self, answers: Mapping[str, Any]) -> None:
        """Fill the page's fields; a list in `answers` gives the values for successive pages in turn."""
        given: dict[str, Any] = {}
        for name in dict.fromkeys(self.page.evaluate(FIELDS)):
            value = answers.get(name)
            if isinstance(value, list):
                value = value.pop(0) if value else None
            given[name] = value
        self.page.evaluate(FILL, given)

    def answer(self, answers: Mapping[str, Any], *, until: str, errors_at: set[str], limit: int = 30) -> None:
        """Answer each page, checking it first, until the page at path `until`; at each path in `errors_at`,
        send the page empty once first and check it with its errors."""
        for _ in range(limit):
            if self.path == until:
                self.look()
                return
            self.look()
            if self.page.locator(SUBMIT).count() == 0:
                # A page that only explains (the journey's eligibility pages): its button is a link.
                self.page.locator("main a.govuk-button").first.click()
                self.page.wait_for_load_state()
                continue
            if self.path in errors_at:
                errors_at.discard(self.path)
                self.submit_empty()
            self.fill(answers)
            before = self.path
            self.submit()
            if self.path == before and self.page.locator(".govuk-error-summary").count():
                summary = self.page.locator(".govuk-error-summary").inner_text()
                raise AssertionError(f"the crawl's answers on {before} were refused: {summary}")
        raise AssertionError(f"never reached {until}; stuck at {self.path}")


def journey_answers(language: str, *, professional: bool) -> dict[str, Any]:
    today = timezone.localdate()
    child, adult, due = today - timedelta(days=5 * 365), today - timedelta(days=30 * 365), today + timedelta(days=90)
    answers: dict[str, Any] = {
        "referrer": "professional" if professional else "parent",
        "name": "Alex Example",
        "email": "alex@example.org",
        "organisation": "Luton Health Visiting",
        "role": "Health visitor",
        "immediate_risk": "no",
        # Out of the council's area for the professional, so the eligibility pages show.
        "postcode": "SW1A 1AA" if professional else "LU4 8BW",
        "line_1": "1 Example Road",
        "line_2": "",
        "town": "Luton",
        "relationship": ["parent"] if professional else ["child", "unborn", "parent"],
        "given_name": "Sam",
        "family_name": "Example",
        "date_of_birth_day": [adult.day] if professional else [child.day, adult.day],
        "date_of_birth_month": [adult.month] if professional else [child.month, adult.month],
        "date_of_birth_year": [adult.year] if professional else [child.year, adult.year],
        "expected_date_of_delivery_day": due.day,
        "expected_date_of_delivery_month": due.month,
        "expected_date_of_delivery_year": due.year,
        "has_send": "no",
        "add_another": ["no"] if professional else ["yes", "yes", "no"],
        "preferred_language": language,
        "interpreter_needed": "no",
        "open_to_social_care": "no",
        "concerns": "Our son's sleep is difficult and we would like some help.",
        "consent_given": "yes",
        "sharing_agreed": "health",
        "consent_reason_if_not": "",
    }
    return answers


def walk_journey(walker: Walker, language: str) -> None:
    """The self-referral journey, every page: as a parent (a child, a baby on the way and an adult, one page
    sent empty first), remove, save for later, resume by the emailed link, send; then as a professional from
    outside the area with no child in range, as far as check your answers, for the pages only they see."""
    check_path = reverse("journey:check")
    walker.goto(reverse("journey:start"))
    walker.goto(reverse("journey:question", args=["who"]))
    walker.answer(
        journey_answers(language, professional=False),
        until=check_path,
        errors_at={reverse("journey:person_details", args=[0])},
    )
    walker.goto(reverse("journey:person_remove", args=[2]))
    walker.submit_empty()
    walker.goto(reverse("journey:save"))
    walker.fill({"email": "alex@example.org"})
    walker.submit()
    walker.look()  # saved
    walker.goto(reverse("journey:resume", args=["not-a-real-token"]))
    walker.page.goto(walker.base_url + last_link("draft_resume_link", "alex@example.org"))
    assert walker.path == check_path, walker.path  # every page answered: the link comes back to check answers
    walker.seen.add("journey:resume")
    walker.submit()
    walker.look()  # confirmation

    walker.goto(reverse("journey:question", args=["who"]))
    walker.answer(journey_answers(language, professional=True), until=check_path, errors_at=set())


CONSULTATION_ANSWERS = {"postcode": "LU4 8BW", "email": "sam@example.org"}


def walk_consultation(walker: Walker, code: str) -> None:
    """A consultation response in one edition: the first question sent empty, every question page, save for
    later, come back by the emailed link, check your answers and the confirmation."""
    start = reverse("consultation:start", args=[CONSULTATION_SLUG, code])
    check_path = reverse("consultation:check", args=[CONSULTATION_SLUG, code])
    walker.goto(start)
    walker.submit()
    walker.answer(dict(CONSULTATION_ANSWERS), until=check_path, errors_at={walker.path})
    walker.goto(reverse("consultation:save", args=[CONSULTATION_SLUG, code]))
    walker.submit_empty()
    walker.fill(CONSULTATION_ANSWERS)
    walker.submit()
    walker.look("saved")
    walker.goto(reverse("consultation:resume", args=["not-a-real-token"]))
    walker.page.goto(walker.base_url + last_link("consultation_resume_link", "sam@example.org"))
    assert walker.path == check_path, walker.path
    walker.seen.add("consultation:resume")
    walker.submit()
    walker.look()  # confirmation


def sign_in_family(walker: Walker) -> None:
    """Sign in to the family portal as a family does: ask for a code, read it from the outbox, enter it."""
    walker.goto(reverse("portal:sign_in"))
    walker.fill({"contact": PORTAL_EMAIL})
    walker.submit()
    walker.look()  # enter your code
    walker.fill({"code": last_code(PORTAL_EMAIL)})
    walker.submit()
    assert walker.path == reverse("portal:home"), walker.path


def portal_forms(walker: Walker) -> None:
    """After the link crawl of the portal: a form's errors, a group booked and then left, and signing out."""
    walker.goto(reverse("portal:message"))
    walker.submit_empty()
    walker.goto(reverse("portal:home"))
    walker.page.locator("main a[href*='/groups/']").first.click()
    walker.page.wait_for_load_state()
    walker.fill({})
    walker.submit()
    walker.page.locator("main a[href*='/places/']").first.click()
    walker.page.wait_for_load_state()
    walker.look()  # leave the group
    walker.page.goto(walker.base_url + reverse("portal:home"))
    walker.page.locator(f"form[action='{reverse('portal:sign_out')}'] button").first.click()
    walker.page.wait_for_load_state()
    walker.look("signed out")


def sign_in_organisation(walker: Walker, email: str) -> None:
    """Sign in as a community organisation does: the form, the emailed link, the button on its page."""
    walker.goto(reverse("directory:sign_in"))
    walker.fill({"email": email})
    walker.submit()
    walker.look()  # check your email
    walker.goto(last_link("directory_sign_in_link", email))
    walker.submit()
    assert walker.path == reverse("directory:organisation_home"), walker.path


def organisation_forms(walker: Walker) -> None:
    """A new service sent empty: the organisation's form with its errors."""
    walker.goto(reverse("directory:service_add"))
    walker.submit_empty()


APPLY_ANSWERS = {"phone": "01632 960 001", "charity_number": "", "company_number": "", "website": ""}


def directory_forms(walker: Walker) -> None:
    """Asking to be listed: the form with its errors, then sent."""
    walker.goto(reverse("directory:apply"))
    walker.submit_empty()
    walker.fill(APPLY_ANSWERS)
    walker.submit()
    walker.look()  # sent


def help_check(walker: Walker, link: str) -> None:
    """The signposting follow-up a family opens from its message: the question, its errors, a used link."""
    walker.goto(link)
    walker.submit_empty()
    walker.goto(reverse("help_check:followup", args=["not-a-real-token"]), "unknown link")


REGISTER_ANSWERS = {"name": "Robin Example", "email": "robin@example.org", "mobile": "", "access_needs": ""}


def walk_outreach(walker: Walker, world: FlowsWorld) -> None:
    """The open consultation's sessions: the list, a session, registering (sent empty first, then properly),
    the confirmation, and the emailed cancel link with its confirmation; a full session; the unsubscribe link
    of a consultation notice and its confirmation. In English also a place on the waiting list and a cancel
    link already used."""
    walker.goto(reverse("outreach:list", args=[CONSULTATION_SLUG]))
    walker.goto(reverse("outreach:event", args=[CONSULTATION_SLUG, world.event_id]))
    walker.goto(reverse("outreach:register", args=[CONSULTATION_SLUG, world.event_id]))
    walker.submit_empty()
    walker.fill(REGISTER_ANSWERS)
    walker.submit()
    assert url_name(walker.path) == "outreach:confirmation", walker.path
    walker.look()
    cancel = last_link("event_registration_confirmed", REGISTER_ANSWERS["email"], under="/events/cancel/")
    walker.goto(cancel)
    walker.submit()
    expect(walker.page.locator("main .govuk-panel")).to_be_visible()
    walker.look("cancelled")
    walker.goto(reverse("outreach:event", args=[CONSULTATION_SLUG, world.full_event_id]), "full")
    if walker.thorough:
        walker.goto(cancel, "already cancelled")
        expect(walker.page.get_by_test_id("already-cancelled")).to_be_visible()
        walker.goto(reverse("outreach:register", args=[CONSULTATION_SLUG, world.full_event_id]), "full")
        walker.fill(REGISTER_ANSWERS)
        walker.submit()
        assert url_name(walker.path) == "outreach:confirmation", walker.path
        walker.look("waiting list")
    walker.goto(world.unsubscribe_link)
    walker.submit()
    expect(walker.page.locator("main .govuk-panel")).to_be_visible()
    walker.look("unsubscribed")


def walk_outcome(walker: Walker, world: FlowsWorld) -> None:
    """We asked, you said, we did: the published outcome in this language's edition."""
    walker.goto(reverse("consultation:outcome", args=[OUTCOME_SLUG, world.outcome_code]))
