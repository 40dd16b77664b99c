"""The test suite: fast hashing, no manifest needed, same database rules as production."""

from config.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_DATA_ALLOWED = True
# Tests see the figures of the data they make at once; reporting/tests/test_snapshots.py turns the cache on.
REPORTING_CACHE_SECONDS = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory database: its table locks refuse a second writer at once
    # rather than letting it wait, so concurrency tests would test SQLite's test mode, not the service.
    # TEST_SQLITE_NAME gives a run its own file, so two runs on one machine do not share one.
    test_file = env_str("TEST_SQLITE_NAME", str(BASE_DIR / "var" / "test.sqlite3"))  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": test_file}  # noqa: F405
