"""The family record page and its download."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from family_resources.audit.services import audit_views, authorise
from family_resources.families.addresses import address_seen_by, own_addresses_seen_by
from family_resources.families.export import as_csv, family_export_rows
from family_resources.families.selectors import family_record


def family_detail(request: HttpRequest, reference: str) -> HttpResponse:
    family = family_record(reference=reference)
    authorise(user=request.user, perm="families.view_family", instance=family)
    user = request.user
    members = list(family.members.all())
    professionals = list(family.professionals.all())
    consents = list(family.consents.all())
    current_consent = next((consent for consent in consents if consent.is_current), None)
    letters = list(family.letters.all())
    referrals = list(family.referrals.all())
    decisions = [r.decision for r in referrals if hasattr(r, "decision")]
    episodes = list(family.episodes.all())
    # Everything person-level the page shows counts as read; a hidden address shown is a read of its own.
    # One append: one turn holding the audit chain's lock, however many records the page shows.
    audit_views(instances=[family, *members, *professionals, *consents, *letters, *referrals, *decisions, *episodes])
    household_address = address_seen_by(user=user, holder=family)
    own_addresses = own_addresses_seen_by(user=user, people=members)
    can_write_letters = user.has_perm("families.write_letter", family)
    return render(
        request,
        "families/family_detail.html",
        {
            "family": family,
            "members": [
                {
                    "person": person,
                    "own_address": own_addresses.get(person.pk),
                    "can_change_address": person.lives_elsewhere and user.has_perm("families.change_address", person),
                }
                for person in members
            ],
            "household_address": household_address,
            "current_professionals": [p for p in professionals if p.is_current],
            "former_professionals": [p for p in professionals if not p.is_current],
            "letter_allowed": {
                p.pk
                for p in professionals
                if can_write_letters and p.is_current and current_consent and current_consent.covers(p.agency_type)
            },
            "current_consent": current_consent,
            "past_consents": [consent for consent in consents if consent is not current_consent],
            "letters": letters,
            "referrals": referrals,
            "episodes": [
                {"episode": episode, "can_open": user.has_perm("casework.view_episode", episode)}
                for episode in episodes
            ],
            "can_change": user.has_perm("families.change_family", family),
            "can_change_address": user.has_perm("families.change_address", family),
            "can_write_letters": can_write_letters,
        },
    )


def family_export(request: HttpRequest, reference: str) -> HttpResponse:
    """The record as CSV, for those who may read it; the download is audited like the page."""
    family = family_record(reference=reference)
    authorise(user=request.user, perm="families.view_family", instance=family)
    members = list(family.members.all())
    audit_views(instances=[family, *members])
    rows = family_export_rows(family=family, people=members, user=request.user)
    response = HttpResponse(as_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="family-{family.reference}.csv"'
    response["Cache-Control"] = "no-store"
    return response
