"""/healthz and /readyz: public, JSON, no personal data, no session or audit writes."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from family_resources.operations.health import readiness


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Touches nothing else, so a database outage does not restart web servers."""
    return JsonResponse({"status": "ok"})


@login_not_required
@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers and, when a worker is used, it has run a task recently."""
    checks = readiness()
    ready = all(result != "failing" for result in checks.values())
    failing = [name for name, result in checks.items() if result == "failing"]
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks, "failing": failing},
        status=200 if ready else 503,
    )
