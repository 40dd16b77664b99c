"""Production: refuses to start unless it has been configured safely."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int
from config.settings.base import *  # noqa: F403
from config.settings.base import INSECURE_DEFAULT_SECRET_KEY, SECRET_KEY

DEBUG = env_bool("DEBUG", False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: it shows personal data in error pages.")
if SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Logs are one JSON object a line, personal data scrubbed, unless LOG_FORMAT says otherwise (docs/decisions/0023).
LOGGING["handlers"] = {  # noqa: F405
    "console": {
        "class": "logging.StreamHandler",
        "formatter": env_str("LOG_FORMAT", "json"),  # noqa: F405
        "filters": ["no_personal_data"],
    }
}
# The load balancer probes health over plain HTTP inside the network: answer rather than redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Rate limits and lockouts count in the cache, so every web server must share one: the database's
# cache table (made by operations/0002), unless CACHE_LOCATION names another table.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": env_str("CACHE_LOCATION", "django_cache"),  # noqa: F405
    },
    # The dashboard's kept figures (reporting/0003 makes the table).
    "reporting": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": env_str("REPORTING_CACHE_LOCATION", "reporting_cache"),  # noqa: F405
    },
}
