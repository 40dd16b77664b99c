"""The language switch on a consultation's pages (ADR 0032).

Choosing a language on an edition's page goes to the consultation's published edition in that language,
on the same page where that edition has it (the same document page address, the FAQ, the same step of
responding), otherwise to that edition's home page. Easy read stays easy read where the language has an
easy read edition. A language with no edition goes to the English edition, as the consultation's own
address does. The switch itself is unchanged: the site's language links (core's context processor) send
the visitor through `core:language`, which remembers the choice, to the address this module gives.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from family_resources.consultation.models import DocumentPage, Edition, FaqItem

# Pages that exist in every edition with the same arguments: answers are kept per consultation, not edition.
SAME_PAGE = {"home", "start", "question", "check", "save", "confirmation"}


def _target(editions: list[Edition], language: str, easy_read: bool) -> Edition | None:
    for wanted in ((language, easy_read), (language, False), ("en", easy_read), ("en", False)):
        match = next((e for e in editions if (e.language, e.easy_read) == wanted), None)
        if match is not None:
            return match
    return None


def language_alternates(request: HttpRequest, edition: Edition) -> dict[str, str]:
    """{language code: the address of this page in the edition for that language}, for the language links.
    A language whose edition is this one is left out: the link keeps the visitor on the page they are on."""
    match = request.resolver_match
    if match is None or match.namespace != "consultation" or "code" not in match.kwargs:
        return {}
    name = match.url_name or ""
    editions = list(Edition.objects.filter(consultation_id=edition.consultation_id, published=True))
    targets = {code: _target(editions, code, edition.easy_read) for code, _native in settings.LANGUAGES}
    others = {e.pk for e in targets.values() if e is not None and e.pk != edition.pk}
    slug = str(match.kwargs.get("page", ""))
    with_page = set()
    with_faq = set()
    if name == "document" and others:
        with_page = set(
            DocumentPage.objects.filter(edition_id__in=others, slug=slug).values_list("edition_id", flat=True)
        )
    if name == "faq" and others:
        with_faq = set(FaqItem.objects.filter(edition_id__in=others).values_list("edition_id", flat=True))
    slug_of = edition.consultation.slug
    alternates = {}
    for code, target in targets.items():
        if target is None or target.pk == edition.pk:
            continue
        if name == "document" and target.pk in with_page:
            url = reverse("consultation:document", args=[slug_of, target.code, slug])
        elif name == "faq" and target.pk in with_faq:
            url = reverse("consultation:faq", args=[slug_of, target.code])
        elif name in SAME_PAGE:
            extra = [match.kwargs["page"]] if name == "question" else []
            url = reverse(f"consultation:{name}", args=[slug_of, target.code, *extra])
        else:
            url = reverse("consultation:home", args=[slug_of, target.code])
        alternates[code] = url
    return alternates
