"""The partner API's routes, under /api/v1/ (config/urls.py)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern

from family_resources.api.apis import api

# ninja reverses its own routes in this namespace (to put the right paths in the OpenAPI document).
app_name = api.urls_namespace

urlpatterns = api.urls[0]
# The site's LoginRequiredMiddleware would send token requests to the sign-in page:
# every API view authenticates its own requests by token instead.
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
