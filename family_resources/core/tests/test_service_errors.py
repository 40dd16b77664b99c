"""A service's ValidationError shown on a form. No database."""

from django import forms
from django.core.exceptions import ValidationError

from family_resources.core.forms import form_add_service_errors


class NameForm(forms.Form):
    name = forms.CharField(required=False)


def bound() -> NameForm:
    form = NameForm({"name": "Sam"})
    assert form.is_valid()
    return form


def test_an_error_for_a_field_the_form_has_goes_against_that_field():
    form = bound()
    form_add_service_errors(form, ValidationError({"name": "Name is taken"}))
    assert form.errors == {"name": ["Name is taken"]}


def test_a_renamed_field_goes_against_the_forms_own_name():
    form = bound()
    form_add_service_errors(form, ValidationError({"given_name": "Too long"}), field_names={"given_name": "name"})
    assert form.errors == {"name": ["Too long"]}


def test_an_error_without_a_field_or_for_an_unknown_field_goes_at_the_top():
    form = bound()
    form_add_service_errors(form, ValidationError("This referral already has a decision."))
    form_add_service_errors(form, ValidationError({"people": "Add a child"}))
    assert form.non_field_errors() == ["This referral already has a decision.", "Add a child"]
