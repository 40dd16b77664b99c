"""The service's form renderer draws selects as Django does, only without a template per option."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from family_resources.core.forms import GovukFormRenderer


class _Choices(forms.Form):
    area = forms.ChoiceField(
        choices=[("", "Any area"), ("north", "North & east"), ("south", 'South "central"')], required=False
    )
    need = forms.ChoiceField(
        choices=[("Family life", [("routines", "Routines"), ("sleep", "Sleep")]), ("Money", [("debt", "Debt")])]
    )
    languages = forms.MultipleChoiceField(choices=[("ur", "Urdu"), ("pl", "Polish"), ("ro", "Romanian")])
    level = forms.TypedChoiceField(choices=[(1, "Level 1"), (2, "Level 2")], coerce=int)


def _tags(html: str) -> str:
    """The markup without the whitespace between tags, which browsers ignore."""
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("field", ["area", "need", "languages", "level"])
@pytest.mark.parametrize(
    "data", [None, {"area": "south", "need": "sleep", "languages": ["ur", "ro"], "level": "2"}, {"area": "west"}]
)
def test_a_select_is_drawn_as_djangos_own_template_draws_it(field, data):
    ours = _Choices(data=data, renderer=GovukFormRenderer())[field]
    djangos = _Choices(data=data, renderer=DjangoTemplates())[field]

    assert _tags(ours.as_widget(attrs={"class": "govuk-select"})) == _tags(
        djangos.as_widget(attrs={"class": "govuk-select"})
    )


def test_the_chosen_options_are_marked_and_labels_escaped():
    bound = _Choices(data={"area": "south", "languages": ["ur", "ro"]}, renderer=GovukFormRenderer())

    area, languages = str(bound["area"]), str(bound["languages"])

    assert '<option value="south" selected>South &quot;central&quot;</option>' in area
    assert "North &amp; east" in area
    assert "multiple" in languages
    assert languages.count(" selected>") == 2
