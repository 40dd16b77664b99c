"""Where a threshold decision sends a family. Pure rules, tested without the database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Route(models.TextChoices):
    SOCIAL_CARE = "social_care", _("Children's social care")
    ACCEPTED = "accepted", _("Accepted by a neighbourhood team")
    SIGNPOSTED = "signposted", _("Signposted to community support")


LEVELS = (1, 2, 3, 4)


def route_for(*, level: int, immediate_risk: bool, open_to_social_care: bool) -> Route:
    """Apply the service model's routing.

    Immediate risk goes to children's social care at once, whatever the level.
    Level 4 goes to social care unless a social worker already has the family, in
    which case this service's specialist offers run alongside them. Level 3 is
    served by a neighbourhood team; levels 1 and 2 are signposted.
    """
    if level not in LEVELS:
        raise ValueError(f"Threshold level must be one of {LEVELS}, not {level}.")
    if immediate_risk:
        return Route.SOCIAL_CARE
    if level == 4:
        return Route.ACCEPTED if open_to_social_care else Route.SOCIAL_CARE
    if level == 3:
        return Route.ACCEPTED
    return Route.SIGNPOSTED
