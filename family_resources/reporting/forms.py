"""The dashboard's filters and the choice of quarter for the Supporting Families return."""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from family_resources.catalogue.models import ServiceArea
from family_resources.core.forms import DateRangeForm
from family_resources.places.models import Neighbourhood
from family_resources.reporting.filters import AgeBand, Filters, Scope, default_range
from family_resources.reporting.supporting_families import Quarter, recent_quarters

# Ten years of monthly rows is the most the page and a download hold.
MAX_MONTHS = 120


class DashboardFilterForm(DateRangeForm):
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("All neighbourhoods"),
        error_messages={"invalid_choice": _("Choose a neighbourhood from the list")},
    )
    service_area = forms.ModelChoiceField(
        label=_("Service area"),
        queryset=ServiceArea.objects.none(),
        required=False,
        empty_label=_("All service areas"),
        help_text=_("The service areas the front door found the family needs help with."),
        error_messages={"invalid_choice": _("Choose a service area from the list")},
    )
    age_band = forms.ChoiceField(
        label=_("Child's age"),
        required=False,
        choices=[("", _("All ages")), *AgeBand.choices],
        help_text=_("Families with a child of this age on the last day of the range."),
        error_messages={"invalid_choice": _("Choose an age band from the list")},
    )
    field_order = ["date_from", "date_to", "neighbourhood", "service_area", "age_band"]

    def __init__(self, *args: Any, neighbourhoods: QuerySet[Neighbourhood] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date_from"].help_text = _("For example, 2026-04-01. Leave empty for the last 12 months.")
        self.fields["date_to"].help_text = _("For example, 2026-11-30. Leave empty for today.")
        neighbourhood = self.fields["neighbourhood"]
        assert isinstance(neighbourhood, forms.ModelChoiceField)
        if neighbourhoods is None:
            # One team's page: the neighbourhood is the team's own.
            del self.fields["neighbourhood"]
        else:
            neighbourhood.queryset = neighbourhoods
        service_area = self.fields["service_area"]
        assert isinstance(service_area, forms.ModelChoiceField)
        service_area.queryset = ServiceArea.objects.order_by("position", "name")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start <= end and _months_between(start, end) > MAX_MONTHS:
            self.add_error("date_from", _("The dates can be at most 10 years apart"))
        return cleaned

    def filters(self, *, scope: Scope, today: date) -> Filters:
        """The filters chosen, with the default range filling any date left empty. Call after is_valid()."""
        data = self.cleaned_data
        default_from, default_to = default_range(today=today)
        date_to = data.get("date_to") or default_to
        date_from = data.get("date_from") or min(default_from, date_to)
        neighbourhood = data.get("neighbourhood")
        service_area = data.get("service_area")
        return Filters(
            date_from=date_from,
            date_to=date_to,
            neighbourhood_id=neighbourhood.pk if neighbourhood else None,
            service_area_id=service_area.pk if service_area else None,
            age_band=data.get("age_band") or "",
            scope=scope,
        )


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


class QuarterForm(forms.Form):
    quarter = forms.ChoiceField(
        label=_("Quarter"),
        error_messages={
            "required": _("Choose the quarter to report on"),
            "invalid_choice": _("Choose a quarter from the list"),
        },
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.quarters = {quarter.slug: quarter for quarter in recent_quarters(today=today)}
        quarter = self.fields["quarter"]
        assert isinstance(quarter, forms.ChoiceField)
        quarter.choices = [(slug, q.label) for slug, q in self.quarters.items()]

    def chosen(self) -> Quarter:
        return self.quarters[self.cleaned_data["quarter"]]
