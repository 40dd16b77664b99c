"""The public outcome page: "We asked, you said, we did".

Public once the consultation's outcome is published; consultation officers can preview it while the
consultation is analysed. Shown in the edition's language, like the consultation's other pages; the
themes and decisions are written by staff in English and marked as English.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from family_resources.consultation import selectors as consultation_selectors
from family_resources.consultation.models import Consultation
from family_resources.consultation.themes import selectors

PREVIEW = "consultation.run_consultations"


@login_not_required
@require_GET
def outcome(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    edition = consultation_selectors.public_edition(slug=slug, code=code)
    if edition is None:
        raise Http404
    consultation = edition.consultation
    published = consultation.status == Consultation.Status.OUTCOME_PUBLISHED
    preview = consultation.status == Consultation.Status.ANALYSED and request.user.has_perm(PREVIEW)
    if not (published or preview):
        raise Http404
    with translation.override(edition.language):
        response = render(
            request,
            "consultation/public/outcome.html",
            {
                "edition": edition,
                "consultation": consultation,
                "outcome": selectors.outcome(consultation),
                "preview": preview,
            },
        )
    response.headers["Content-Language"] = edition.language
    return response
