"""Allocation: a team manager chooses the family's lead practitioner, seeing caseloads first."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from family_resources.accounts.models import User
from family_resources.audit.services import audit_view
from family_resources.casework import selectors
from family_resources.casework.forms.allocation import AllocationForm
from family_resources.casework.services import episode_allocate
from family_resources.core.forms import form_add_service_errors


def allocate(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = selectors.episode_for_allocation(episode_id=episode_id)
    if not request.user.has_perm("casework.allocate", episode):
        raise PermissionDenied
    caseloads = selectors.team_caseloads(team_id=episode.team_id)
    form = AllocationForm(request.POST if request.method == "POST" else None, caseloads=caseloads)
    if request.method == "POST" and form.is_valid():
        practitioner = User.objects.get(pk=form.cleaned_data["practitioner"])
        try:
            episode_allocate(
                episode=episode,
                practitioner=practitioner,
                allocated_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s now leads the %(family)s family's support.") % {
                    "name": practitioner.full_name, "family": episode.family.family_name,
                }
            )  # fmt: skip
            return redirect("accounts:home")
    audit_view(instance=episode)
    history = list(episode.allocations.select_related("practitioner", "allocated_by"))
    return render(
        request,
        "casework/allocate.html",
        {"episode": episode, "form": form, "caseloads": caseloads, "history": history},
    )
