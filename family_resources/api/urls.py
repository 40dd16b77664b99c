"""The partner API's routes, under /api/v1/ (config/urls.py)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern

from family_resources.api.apis import api
from family_resources.core.ratelimits import api_rate_limit

# ninja reverses its own routes in this namespace (to put the right paths in the OpenAPI document).
app_name = api.urls_namespace

urlpatterns = api.urls[0]
# The site's LoginRequiredMiddleware would send token requests to the sign-in page:
# every API view authenticates its own requests by token instead.
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        # Limited per token and per network address, with a JSON 429 (docs/decisions/0022).
        pattern.callback = api_rate_limit(pattern.callback)
        login_not_required(pattern.callback)
