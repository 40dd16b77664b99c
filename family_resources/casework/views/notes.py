"""Case notes: an episode's notes, newest first, and adding one. Notes are never edited once written."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from family_resources.audit.services import audit_view, audit_views, authorise
from family_resources.casework import selectors
from family_resources.casework.forms.notes import CaseNoteFilterForm, CaseNoteForm
from family_resources.casework.models import CaseNote, Episode
from family_resources.casework.services.notes import case_note_add
from family_resources.core.forms import form_add_service_errors

PAGE_SIZE = 50


def _episode_notes(*, episode: Episode, kinds: list[str]) -> QuerySet[CaseNote]:
    notes = CaseNote.objects.filter(episode=episode).select_related("author").order_by("-occurred_at", "-id")
    return notes.filter(kind__in=kinds) if kinds else notes


def note_list(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.view_episode", instance=episode)
    form = CaseNoteFilterForm(request.GET or None)
    kinds = form.kinds() if form.is_bound else []
    page = Paginator(_episode_notes(episode=episode, kinds=kinds), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    audit_view(instance=episode)
    # A sensitive note the reader may not open still shows when, what type and by whom: that is read too.
    audit_views(instances=page.object_list)
    return render(
        request,
        "casework/notes.html",
        {
            "episode": episode,
            "family": episode.family,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(kinds),
            "can_read_sensitive": request.user.has_perm("casework.view_sensitive_notes", episode),
            "can_work": request.user.has_perm("casework.work_on_episode", episode),
        },
    )


def note_add(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_case_page(episode_id=episode_id)
    authorise(user=request.user, perm="casework.work_on_episode", instance=episode)
    form = CaseNoteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case_note_add(
                episode=episode,
                kind=form.cleaned_data["kind"],
                occurred_at=form.occurred_at,
                text=form.cleaned_data["text"],
                sensitive=form.cleaned_data["sensitive"],
                author=request.user,
            )
        except ValidationError as error:
            form_add_service_errors(form, error, field_names={"occurred_at": form.occurred_at_field})
        else:
            messages.success(request, _("Note added."))
            return redirect("casework:notes", episode_id=episode.pk)
    audit_view(instance=episode)
    return render(request, "casework/notes_add.html", {"episode": episode, "family": episode.family, "form": form})
