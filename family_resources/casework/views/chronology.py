"""A family's chronology across all its episodes, filterable by type and date, and printable."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from family_resources.audit.services import audit_named_views, authorise
from family_resources.casework.chronology import (
    Entry,
    RecordRef,
    family_chronology,
    family_for_chronology,
    records_shown,
    registered_kinds,
)
from family_resources.casework.forms.chronology import ChronologyFilterForm


def chronology(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_for_chronology(reference=reference)
    authorise(user=request.user, perm="casework.view_chronology", instance=family)
    kinds = registered_kinds()
    form = ChronologyFilterForm(request.GET or None, kinds=kinds)
    entries: list[Entry] = []
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        entries = family_chronology(
            family=family,
            user=request.user,
            kinds=data.get("kind"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
    audit_named_views(records=[RecordRef.of(family), *records_shown(entries)])
    query = request.GET.copy()
    query.pop("print", None)
    printing = request.GET.get("print") == "1"
    chosen = set(form.cleaned_data.get("kind") or []) if form.is_bound and form.is_valid() else set()
    return render(
        request,
        "casework/chronology_print.html" if printing else "casework/chronology.html",
        {
            "family": family,
            "form": form,
            "entries": entries,
            "query": query.urlencode(),
            "kinds_shown": [kind.label for kind in kinds if kind in chosen],
            "printed_at": timezone.localtime(),
        },
    )
