"""The online referral's pages. Public: families and partners do not sign in to refer.

Every question page works the same way: GET shows the question with any saved answer,
POST checks it, keeps it in the session and moves on; errors show the GOV.UK error summary
with everything typed kept. `?change=1` marks a visit from check your answers, which
the page returns to once the answers are complete again.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from family_resources.core.ratelimits import rate_limit
from family_resources.intake.eligibility import Eligibility, EligibilityStatus, Ineligibility
from family_resources.intake.journey import steps
from family_resources.intake.journey.drafts import DraftState, referral_draft_find, referral_draft_save
from family_resources.intake.journey.fields import YES, JourneyForm
from family_resources.intake.journey.forms import (
    PERSON_FORMS,
    QUESTION_FORMS,
    AddAnotherForm,
    RelationshipForm,
    RemovePersonForm,
    SaveForm,
)
from family_resources.intake.journey.services import online_referral_submit, referral_input
from family_resources.intake.journey.state import SENT_KEY, Journey, person_name
from family_resources.intake.journey.summary import person_description, summary_sections
from family_resources.intake.models import Referral
from family_resources.intake.services import referral_validate

# Identifiers and page names only: never what anyone typed.
logger = logging.getLogger(__name__)

QUESTION_TEMPLATE = "intake/journey/question.html"
# Extra words some question pages show above their form.
INTROS = {steps.ADDRESS: "intake/journey/_address_intro.html"}
# And below their questions.
OUTROS = {steps.IMMEDIATE_RISK: "intake/journey/_emergency_numbers.html"}
# Which page asks again about each rule referral_validate may refuse.
VALIDATION_PAGES = {
    "concerns": steps.CONCERNS,
    "postcode": steps.POSTCODE,
    "consent_reason_if_not": steps.CONSENT,
}


def _changing(request: HttpRequest) -> bool:
    return request.GET.get("change") == "1"


def _keep_change(url: str, changing: bool) -> str:
    return f"{url}?change=1" if changing else url


def _saving_for_later(request: HttpRequest) -> bool:
    return "save_for_later" in request.POST


def emergency_numbers() -> dict[str, str]:
    return {
        "police": settings.POLICE_EMERGENCY_NUMBER,
        "social_care": settings.CHILDRENS_SOCIAL_CARE_PHONE,
        "social_care_out_of_hours": settings.CHILDRENS_SOCIAL_CARE_OUT_OF_HOURS_PHONE,
    }


def step_url(journey: Journey, step: steps.Step) -> str:
    if step.is_people:
        if journey.people:
            return reverse("journey:people")
        return reverse("journey:person_relationship", args=[0])
    return reverse("journey:question", args=[step.slug])


def resume_link(token: str) -> str:
    """The full address in the email: from settings, never from the request's Host header."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("journey:resume", args=[token])


def where_to_resume(journey: Journey) -> str:
    """The first page still to answer, or check your answers when every page is answered."""
    step = journey.first_incomplete()
    return step_url(journey, step) if step else reverse("journey:check")


def _next_after(journey: Journey, slug: str, changing: bool) -> str:
    if changing:
        return where_to_resume(journey)
    following = steps.step_after(slug, journey.referrer)
    return step_url(journey, following) if following else reverse("journey:check")


def _not_started(request: HttpRequest) -> HttpResponse:
    if request.session.get(SENT_KEY):
        return redirect("journey:confirmation")
    return redirect("journey:start")


def _page_title(form: JourneyForm, fallback: Any) -> str:
    for name, look in form.presentation.items():
        if look.heading and name in form.fields:
            return str(form.fields[name].label)
    return str(fallback)


def _render_question(
    request: HttpRequest, form: JourneyForm, *, title: Any, back_url: str, status: int = 200, **extra: Any
) -> HttpResponse:
    template = extra.pop("template", QUESTION_TEMPLATE)
    context = {
        "form": form,
        "title": _page_title(form, title),
        "back_url": back_url,
        "emergency": emergency_numbers(),
        **extra,
    }
    return render(request, template, context, status=status)


@login_not_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    journey = Journey(request.session)
    return render(
        request,
        "intake/journey/start.html",
        {
            "emergency": emergency_numbers(),
            "continue_url": where_to_resume(journey) if journey.started else "",
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def question(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in steps.QUESTION_SLUGS:
        raise Http404
    step = steps.BY_SLUG[slug]
    journey = Journey(request.session)
    if slug != steps.WHO and not journey.started:
        return _not_started(request)
    if not journey.can_show(step):
        return redirect(where_to_resume(journey))
    changing = _changing(request)
    form_class = QUESTION_FORMS[slug]
    if request.method == "POST":
        form = form_class(request.POST, asked_by=journey.referrer)
        if form.is_valid():
            journey.save_page(slug, form.answers())
            logger.info("referral journey page answered: %s", slug)
            if _saving_for_later(request):
                return redirect("journey:save")
            if slug == steps.POSTCODE and journey.out_of_area:
                return redirect(_keep_change(reverse("journey:eligibility", args=["area"]), changing))
            return redirect(_next_after(journey, slug, changing))
        if _saving_for_later(request):
            return redirect("journey:save")
    else:
        form = form_class(initial=journey.page(slug), asked_by=journey.referrer)
    before = steps.step_before(slug, journey.referrer)
    if changing:
        back_url = reverse("journey:check")
    elif before is not None:
        back_url = step_url(journey, before)
    else:
        back_url = reverse("journey:start")
    return _render_question(
        request,
        form,
        title=step.title,
        back_url=back_url,
        intro_template=INTROS.get(slug, ""),
        outro_template=OUTROS.get(slug, ""),
        postcode=journey.postcode,
        changing=changing,
    )


def _people_guard(request: HttpRequest, journey: Journey) -> HttpResponse | None:
    if not journey.started:
        return _not_started(request)
    if not journey.can_show(steps.BY_SLUG[steps.PEOPLE]):
        return redirect(where_to_resume(journey))
    return None


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def people(request: HttpRequest) -> HttpResponse:
    """Everyone added so far, each with change and remove links, and whether to add another."""
    journey = Journey(request.session)
    if refusal := _people_guard(request, journey):
        return refusal
    if not journey.people:
        return redirect("journey:person_relationship", index=0)
    changing = _changing(request)
    if request.method == "POST":
        form = AddAnotherForm(request.POST, asked_by=journey.referrer)
        if form.is_valid():
            adding = form.cleaned_data["add_another"] == YES
            journey.set_people_complete(not adding)
            if _saving_for_later(request):
                return redirect("journey:save")
            if adding:
                return redirect(
                    _keep_change(reverse("journey:person_relationship", args=[len(journey.people)]), changing)
                )
            if journey.no_child_in_range:
                return redirect(_keep_change(reverse("journey:eligibility", args=["people"]), changing))
            return redirect(_next_after(journey, steps.PEOPLE, changing))
        if _saving_for_later(request):
            return redirect("journey:save")
    else:
        form = AddAnotherForm(asked_by=journey.referrer)
    listed = [
        {"index": index, "name": person_name(person), "description": person_description(person)}
        for index, person in enumerate(journey.people)
    ]
    back_url = reverse("journey:check") if changing else reverse("journey:question", args=[steps.ADDRESS])
    return _render_question(
        request,
        form,
        title=steps.BY_SLUG[steps.PEOPLE].title,
        back_url=back_url,
        template="intake/journey/people.html",
        people=listed,
        changing=changing,
    )


def _person_index(journey: Journey, index: int, *, allow_new: bool) -> None:
    if index < 0 or index > len(journey.people) or (index == len(journey.people) and not allow_new):
        raise Http404


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def person_relationship(request: HttpRequest, index: int) -> HttpResponse:
    """Who the next person is: a child, an unborn baby or an adult. Their details come on the next page."""
    journey = Journey(request.session)
    if refusal := _people_guard(request, journey):
        return refusal
    _person_index(journey, index, allow_new=True)
    changing = _changing(request)
    existing = journey.people[index] if index < len(journey.people) else {}
    if request.method == "POST":
        form = RelationshipForm(request.POST, asked_by=journey.referrer)
        if form.is_valid():
            journey.set_pending_relationship(index, form.cleaned_data["relationship"])
            if _saving_for_later(request):
                return redirect("journey:save")
            return redirect(_keep_change(reverse("journey:person_details", args=[index]), changing))
        if _saving_for_later(request):
            return redirect("journey:save")
    else:
        relationship = journey.pending_relationship(index) or existing.get("relationship")
        form = RelationshipForm(initial={"relationship": relationship}, asked_by=journey.referrer)
    if changing:
        back_url = reverse("journey:check")
    elif journey.people:
        back_url = reverse("journey:people")
    else:
        back_url = reverse("journey:question", args=[steps.ADDRESS])
    return _render_question(request, form, title=form.fields["relationship"].label, back_url=back_url)


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def person_details(request: HttpRequest, index: int) -> HttpResponse:
    """A child's, unborn baby's or adult's details, on a page that asks only what applies to them."""
    journey = Journey(request.session)
    if refusal := _people_guard(request, journey):
        return refusal
    _person_index(journey, index, allow_new=True)
    changing = _changing(request)
    existing = journey.people[index] if index < len(journey.people) else {}
    relationship = journey.pending_relationship(index) or existing.get("relationship")
    if relationship not in PERSON_FORMS:
        return redirect(_keep_change(reverse("journey:person_relationship", args=[index]), changing))
    form_class = PERSON_FORMS[relationship]
    if request.method == "POST":
        form = form_class(request.POST, asked_by=journey.referrer)
        if form.is_valid():
            is_new = index == len(journey.people)
            journey.save_person(index, {"relationship": relationship, **form.answers()})
            if _saving_for_later(request):
                return redirect("journey:save")
            if changing and not is_new:
                return redirect(where_to_resume(journey))
            return redirect(_keep_change(reverse("journey:people"), changing))
        if _saving_for_later(request):
            return redirect("journey:save")
    else:
        same_kind = existing and PERSON_FORMS.get(existing.get("relationship", "")) is form_class
        form = form_class(initial=existing if same_kind else {}, asked_by=journey.referrer)
    titles = {
        "child": _("Details of the child or young person"),
        "unborn": _("When is the baby due?"),
    }
    return _render_question(
        request,
        form,
        title=titles.get(relationship, _("Details of the adult")),
        back_url=_keep_change(reverse("journey:person_relationship", args=[index]), changing),
    )


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def person_remove(request: HttpRequest, index: int) -> HttpResponse:
    journey = Journey(request.session)
    if refusal := _people_guard(request, journey):
        return refusal
    _person_index(journey, index, allow_new=False)
    changing = _changing(request)
    name = person_name(journey.people[index]) or _("this person")
    if request.method == "POST":
        form = RemovePersonForm(request.POST, name=name, asked_by=journey.referrer)
        if form.is_valid():
            if form.cleaned_data["remove"] == YES:
                journey.remove_person(index)
            if not journey.people:
                return redirect("journey:person_relationship", index=0)
            return redirect(_keep_change(reverse("journey:people"), changing))
    else:
        form = RemovePersonForm(name=name, asked_by=journey.referrer)
    return _render_question(
        request,
        form,
        title=form.fields["remove"].label,
        back_url=_keep_change(reverse("journey:people"), changing),
        hide_save=True,
    )


@login_not_required
@require_GET
def eligibility(request: HttpRequest, stage: str) -> HttpResponse:
    """Told as soon as the answers show it: we may not be able to help, and where else to go.

    The referral can still be sent, so that the contact is kept.
    """
    if stage not in ("area", "people"):
        raise Http404
    journey = Journey(request.session)
    if not journey.started:
        return _not_started(request)
    changing = _changing(request)
    assessed = journey.eligibility()
    reasons: tuple[Ineligibility, ...]
    if stage == "area":
        reasons = tuple(reason for reason in assessed.reasons if reason == Ineligibility.OUT_OF_AREA)
        back_url = _keep_change(reverse("journey:question", args=[steps.POSTCODE]), changing)
        after = steps.POSTCODE
    else:
        reasons = assessed.reasons
        back_url = _keep_change(reverse("journey:people"), changing)
        after = steps.PEOPLE
    continue_url = _next_after(journey, after, changing)
    if not reasons:
        return redirect(continue_url)
    shown = Eligibility(EligibilityStatus.NOT_ELIGIBLE, reasons)
    return render(
        request,
        "intake/journey/eligibility.html",
        {
            "explanation": shown.explanation(postcode=journey.postcode),
            "where_else": shown.where_else(),
            "continue_url": continue_url,
            "back_url": back_url,
            "professional": journey.is_professional,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def check_answers(request: HttpRequest) -> HttpResponse:
    journey = Journey(request.session)
    if not journey.started:
        return _not_started(request)
    missing = journey.first_incomplete()
    if missing is not None:
        return redirect(step_url(journey, missing))
    if request.method == "POST":
        errors = referral_validate(referral_input(journey))
        if errors:
            first = next(iter(errors))
            return redirect(step_url(journey, steps.BY_SLUG[VALIDATION_PAGES.get(first, steps.PEOPLE)]))
        try:
            referral = online_referral_submit(journey=journey)
        except ValidationError:
            return redirect(where_to_resume(journey))
        logger.info("online referral sent: %s", referral.reference)
        journey.finish(_confirmation(referral, emailed=bool(referral.referrer_email)))
        return redirect("journey:confirmation")
    assessed = journey.eligibility()
    return render(
        request,
        "intake/journey/check_answers.html",
        {
            "sections": summary_sections(journey),
            "back_url": reverse("journey:question", args=[steps.CONSENT]),
            "explanation": assessed.explanation(postcode=journey.postcode),
            "where_else": assessed.where_else() if assessed.reasons else [],
            "immediate_risk": referral_input(journey).urgency == "immediate_risk",
            "emergency": emergency_numbers(),
            "professional": journey.is_professional,
        },
    )


def _confirmation(referral: Referral, *, emailed: bool) -> dict[str, Any]:
    """What the confirmation page shows, kept in the session once the answers are gone."""
    assessed = Eligibility(
        EligibilityStatus(referral.eligibility), tuple(Ineligibility(r) for r in referral.ineligibility_reasons)
    )
    return {
        "reference": referral.reference,
        "immediate_risk": referral.immediate_risk,
        "professional": referral.referrer_type != "self",
        "emailed": emailed,
        "explanation": assessed.explanation(postcode=referral.postcode),
        "where_else": assessed.where_else() if assessed.reasons else [],
    }


@login_not_required
@require_GET
def confirmation(request: HttpRequest) -> HttpResponse:
    sent = request.session.get(SENT_KEY)
    if not sent:
        return redirect("journey:start")
    return render(request, "intake/journey/confirmation.html", {"sent": sent, "emergency": emergency_numbers()})


@login_not_required
@require_http_methods(["GET", "POST"])
@rate_limit("public_form")
def save(request: HttpRequest) -> HttpResponse:
    """Save and come back later: the answers so far are kept, and a link back is emailed."""
    journey = Journey(request.session)
    if not journey.started:
        return _not_started(request)
    details = journey.page(steps.YOUR_DETAILS if journey.is_professional else steps.ABOUT_YOU)
    if request.method == "POST":
        form = SaveForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            language = (
                "en"
                if journey.is_professional
                else journey.page(steps.LANGUAGE).get("preferred_language") or translation.get_language() or "en"
            )
            draft = referral_draft_save(
                answers=journey.answers,
                email=email,
                link_for=resume_link,
                language=language,
                replaces=journey.draft_id,
            )
            journey.remember_draft(draft.pk, email)
            logger.info("referral draft saved: %s", draft.pk)
            return redirect("journey:saved")
    else:
        form = SaveForm(initial={"email": journey.saved_to or details.get("email", "")})
    return _render_question(
        request,
        form,
        title=_("Save and come back later"),
        back_url=where_to_resume(journey),
        template="intake/journey/save.html",
    )


@login_not_required
@require_GET
def saved(request: HttpRequest) -> HttpResponse:
    journey = Journey(request.session)
    if not journey.saved_to:
        return _not_started(request)
    return render(
        request,
        "intake/journey/saved.html",
        {"email": journey.saved_to, "continue_url": where_to_resume(journey)},
    )


@login_not_required
@require_GET
def resume(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the email: the saved answers come back into this browser's session."""
    lookup = referral_draft_find(token=token)
    if lookup.state != DraftState.OPEN or lookup.draft is None:
        status = 404 if lookup.state == DraftState.UNKNOWN else 410
        return render(request, "intake/journey/resume_problem.html", {"state": lookup.state}, status=status)
    journey = Journey(request.session)
    journey.restore(answers=lookup.draft.answers, draft_id=lookup.draft.pk)
    logger.info("referral draft resumed: %s", lookup.draft.pk)
    return redirect(where_to_resume(journey))
