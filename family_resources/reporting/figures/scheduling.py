"""One-to-one appointments: how many were kept each month, and how many families did not come."""

from django.utils.translation import gettext as _

from family_resources.reporting import filters as where
from family_resources.reporting.figures.monthly import counts_by_month, monthly_figure, with_percent
from family_resources.reporting.filters import Filters
from family_resources.reporting.tables import Column, Figure
from family_resources.scheduling.models import Appointment, AppointmentStatus

CANCELLED = AppointmentStatus.CANCELLED.value
DNA_PERCENT = "percent_did_not_attend"


def appointments(filters: Filters) -> Figure:
    """Appointments by the month they were due: attended, did not attend, and their did-not-attend rate.

    The rate is of appointments that were due and marked (attended or not), so a cancelled appointment, or
    one not yet marked, does not lower it. Families are placed by the team that holds their episode.
    """
    due = Appointment.objects.filter(where.within(filters, "starts_at"), *where.casework(filters, "episode__"))
    # One pass over the appointments: the cancelled ones are counted by their status, whose value is CANCELLED.
    counted = [AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND, AppointmentStatus.CANCELLED]
    counts = counts_by_month(due.filter(status__in=counted), moment="starts_at", category="status")
    figure = monthly_figure(
        filters=filters,
        slug="appointments",
        title=_("One-to-one appointments and did-not-attend rate"),
        description=_(
            "Appointments with a practitioner by the month they were due: those the family attended, those they "
            "did not attend, and the did-not-attend rate of the two. Cancelled appointments are counted apart."
        ),
        categories=[
            (AppointmentStatus.ATTENDED.value, _("Attended")),
            (AppointmentStatus.DID_NOT_ATTEND.value, _("Did not attend")),
        ],
        counts=counts,
        total_label=_("Appointments due and marked"),
        chart_title=_("Appointments due and marked each month"),
        extra=[Column(CANCELLED, _("Cancelled"))],
        notes=(_("Appointments not yet marked as attended or not are left out."),),
    )
    return with_percent(
        figure, key=DNA_PERCENT, part=AppointmentStatus.DID_NOT_ATTEND.value, label=_("% did not attend")
    )
