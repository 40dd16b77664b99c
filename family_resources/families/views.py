"""The family record, as staff see it."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from family_resources.audit.services import audit_view, audit_views
from family_resources.families.selectors import family_record


def family_detail(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_record(reference=reference)
    if not request.user.has_perm("families.view_family", family):
        raise PermissionDenied
    members = list(family.members.all())
    referrals = list(family.referrals.all())
    decisions = [r.decision for r in referrals if hasattr(r, "decision")]
    # Everything person-level the page shows counts as read.
    audit_view(instance=family)
    audit_views(instances=[*members, *referrals, *decisions, *family.episodes.all()])
    return render(request, "families/family_detail.html", {"family": family, "members": members})
