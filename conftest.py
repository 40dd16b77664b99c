"""Fixtures shared by every app's tests: the browser for Playwright tests and signed-in clients."""

import os
from collections.abc import Iterator
from importlib import import_module
from typing import Any

import factory.random
import pytest
from django.apps import apps
from django.test import Client

from family_resources.accounts.models import User

# Playwright's sync API runs an event loop in the test thread; Django's live server is in another.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def signed_in_client(client: Client) -> Any:
    """A test client factory: signed_in_client(user) returns the client signed in as that user."""

    def sign_in(user: User) -> Client:
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _force_login_counts_as_full_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """force_login stands for a whole sign-in, password and second factor (docs/decisions/0022).

    Staff pages need a session whose second factor was checked; tests that are not about signing in
    get one from force_login, as a person would after both steps. Signing in itself is tested in accounts.
    """
    from family_resources.accounts.mfa import MFA_SESSION_KEY

    original = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        original(self, user, backend)
        session = self.session
        session[MFA_SESSION_KEY] = True
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _the_same_made_up_data_every_run(request: pytest.FixtureRequest) -> None:
    """Factories draw names and addresses from a generator seeded by the test's own id, so a test sees the same
    data whichever worker runs it and whatever ran before it: a failure can be repeated, and a pass is not luck."""
    factory.random.reseed_random(request.node.nodeid)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Rate limits count in the cache: each test starts with none used (core/ratelimits.py), and with no
    dashboard figures kept (reporting/snapshots.py)."""
    from django.core.cache import caches

    for alias in caches.settings:
        caches[alias].clear()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright: test tools cannot download a browser here."""
    from playwright.sync_api import expect, sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (make test installs it).")
    # Assertions wait as long as actions do (page.set_default_timeout below): under CI's load a sign-in or a
    # dashboard can take more than expect's own five seconds while the other worker runs the axe crawl.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# The data migrations that load the service model's reference data; each loader is idempotent.
REFERENCE_DATA_MIGRATIONS = [
    "family_resources.places.migrations.0002_reference_data",
    "family_resources.places.migrations.0003_postcodesector",
    "family_resources.places.migrations.0005_rooms_and_hours",
    "family_resources.directory.migrations.0004_needs_taxonomy",
    "family_resources.resources.migrations.0003_topics",
    "family_resources.catalogue.migrations.0002_reference_data",
    "family_resources.accounts.migrations.0002_teams",
    "family_resources.triage.migrations.0003_guidance_version_1",
    "family_resources.consultation.migrations.0003_childrens_centres_consultation",
]


def load_reference_data() -> None:
    for module in REFERENCE_DATA_MIGRATIONS:
        import_module(module).load(apps, None)


@pytest.fixture(autouse=True)
def _reference_data_for_browser_tests(request: pytest.FixtureRequest) -> None:
    """Browser and other transactional tests run against a flushed database: put the reference data back first.

    serialized_rollback should restore it, but Playwright's sync API keeps an event loop running
    in the test thread, and while one runs Django gives the thread a different connection that
    lacks the serialized copy, so the restore is silently skipped. Reloading from the data
    migrations' own (idempotent) loaders always works.
    """
    database = request.node.get_closest_marker("django_db")
    transactional = database is not None and database.kwargs.get("transaction", False)
    if request.node.get_closest_marker("browser") is None and not transactional:
        return
    request.getfixturevalue("transactional_db")
    load_reference_data()
