"""Wording for directory entries, shared by the public pages, the organisations' pages and the officer's."""

from collections.abc import Iterable
from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from family_resources.directory.models import Service

register = template.Library()


@register.filter
def age_range(service: Service) -> str:
    """'Ages 0 to 5', 'Ages 11 and over', 'All ages'."""
    youngest, oldest = service.min_age, service.max_age
    if youngest is None and oldest is None:
        return _("All ages")
    if oldest is None:
        return _("Ages %(youngest)s and over") % {"youngest": youngest}
    if youngest is None or youngest == 0:
        return _("Up to age %(oldest)s") % {"oldest": oldest}
    return _("Ages %(youngest)s to %(oldest)s") % {"youngest": youngest, "oldest": oldest}


@register.filter
def cost(service: Service) -> str:
    if service.is_free:
        return _("Free")
    price = f"£{service.cost_amount:.2f}" if isinstance(service.cost_amount, Decimal) else ""
    return " ".join(
        part
        for part in (
            _("Paid for:") if price or service.cost_description else _("Paid for"),
            price,
            service.cost_description,
        )
        if part
    )


@register.filter
def language_names(codes: Iterable[str]) -> str:
    names = dict(settings.LANGUAGE_NAMES_IN_ENGLISH)
    return ", ".join(str(names.get(code, code)) for code in codes or [])
