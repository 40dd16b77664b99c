"""The audit trail search page for managers."""

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from family_resources.audit.forms import AuditSearchForm
from family_resources.audit.selectors import audit_search, audited_object_types

PAGE_SIZE = 50


@permission_required("audit.view_auditevent", raise_exception=True)
def search(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None, object_types=audited_object_types())
    events = audit_search()
    if form.is_bound and form.is_valid():
        events = audit_search(**form.cleaned_data)
    elif form.is_bound:
        events = events.none()
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/search.html", {"form": form, "page": page, "query": query.urlencode()})
