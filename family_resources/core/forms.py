"""GOV.UK Design System rendering for Django forms.

Django's form-rendering API picks the template for every field, so every form in
the service gets GOV.UK markup (labels, hints, error messages linked to fields)
from one place instead of per-page markup.
"""

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
