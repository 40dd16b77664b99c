"""The public community directory: search, a page per service, and "my service has stopped"."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from family_resources.core.ratelimits import rate_limit
from family_resources.directory import selectors
from family_resources.directory.forms import SearchForm, StoppedForm
from family_resources.directory.models import Service
from family_resources.places.models import Neighbourhood
from family_resources.places.selectors import area_of, neighbourhoods
from family_resources.resources.selectors import articles_replacing

PAGE_SIZE = 20


def _neighbourhood_from(postcode: str, slug: str) -> tuple[Neighbourhood | None, bool]:
    """The family's neighbourhood from their postcode (or the area they chose), and whether the postcode is outside
    Luton."""
    if postcode:
        area = area_of(postcode)
        return area.neighbourhood, not area.in_area
    return (neighbourhoods().filter(slug=slug).first() if slug else None), False


@login_not_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    searched = bool(set(request.GET) - {"page"})
    form = SearchForm(request.GET if searched else None)
    results: QuerySet[Service] | list[Service] = []
    outside_area = False
    neighbourhood = None
    if not searched:
        results = selectors.service_search(selectors.SearchCriteria())
    elif form.is_valid():
        answers = form.cleaned_data
        neighbourhood, outside_area = _neighbourhood_from(answers["postcode"], answers["neighbourhood"])
        criteria = selectors.SearchCriteria(
            text=answers["q"].strip(),
            need=selectors.term_by_slug(answers["need"]),
            age=answers["age"],
            neighbourhood=neighbourhood,
            weekday=int(answers["day"]) if answers["day"] else None,
            language=answers["language"],
            cost=answers["cost"],
        )
        results = selectors.service_search(criteria)
    # The paginator counts and slices the query in the database: only one page of services is loaded.
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "page": page,
            "count": page.paginator.count,
            "query": query.urlencode(),
            "neighbourhood": neighbourhood,
            "outside_area": outside_area,
            "searched": searched,
        },
    )


@login_not_required
@require_GET
def service_detail(request: HttpRequest, service_uuid: str) -> HttpResponse:
    service = selectors.public_service(service_uuid=service_uuid)
    return render(request, "directory/service_detail.html", {"entry": service})


@login_not_required
@require_GET
@rate_limit("public_form", methods=("GET",))
def stopped(request: HttpRequest) -> HttpResponse:
    """A family whose children's centre service stopped finds what replaces it near them."""
    form = StoppedForm(request.GET or None)
    context: dict = {"form": form}
    if form.is_bound and form.is_valid():
        answers = form.cleaned_data
        ceased = selectors.ceased_services().filter(slug=answers["service"]).first() if answers["service"] else None
        site = selectors.closed_sites().filter(pk=answers["site"]).first() if answers["site"] else None
        home, outside_area = _neighbourhood_from(answers["postcode"], "")
        context.update(
            ceased=ceased,
            site=site,
            outside_area=outside_area,
            replacements=selectors.replacements_for(ceased=ceased, site=site, neighbourhood=home),
            articles=articles_replacing(ceased_service_id=ceased.pk if ceased else None),
        )
    return render(request, "directory/stopped.html", context)
