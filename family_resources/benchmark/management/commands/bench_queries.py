"""Count the SQL queries of each benchmark page: `python manage.py bench_queries --manifest m.json --out q.json`.

Counted outside the load run, in this process, with Django's test client against the same database and
settings as the server: the production server is left exactly as it runs (no query-logging hook), and a
count needs no timing. Each page is requested twice and the second request is counted, as a page is in
steady use (sessions, caches and lazily loaded reference data warmed).
"""

import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from family_resources.accounts.models import User
from family_resources.benchmark import workload
from family_resources.casework.chronology import family_chronology
from family_resources.families.models import Family
from family_resources.scheduling.selectors import todays_appointments

# The session key staff sign-in sets once the second factor is checked, if the service asks for one.
try:
    from family_resources.accounts.mfa import MFA_SESSION_KEY
except ImportError:  # a service without staff MFA
    MFA_SESSION_KEY = ""


def staff_client(email: str) -> Client:
    client = Client(headers={"host": "127.0.0.1"})
    client.force_login(User.objects.get(email=email))
    if MFA_SESSION_KEY:
        session = client.session
        session[MFA_SESSION_KEY] = True
        session.save()
    return client


def with_appointments_today(emails: list[str]) -> str:
    """The first practitioner whose diary shows appointments today, by the diary's own rule. The diary opens on
    today: counted for someone with an empty day, it would skip the reads and their audit, and the count would
    differ from scale to scale with whose day it was."""
    for email in emails:
        if todays_appointments(User.objects.get(email=email)):
            return email
    return emails[0]


def with_fullest_chronology(references: list[str], practitioner: str) -> str:
    """Of these families, the first whose chronology takes the most queries to build. The chronology runs only
    the sources with something to list, so a family with less history reads less: counting the fullest one
    gives the bound, whichever families each scale's data happens to put in the caseload."""
    user = User.objects.get(email=practitioner)

    def queries(reference: str) -> int:
        family = Family.objects.get(reference=reference)
        with CaptureQueriesContext(connection) as captured:
            family_chronology(family=family, user=user)
        return len(captured.captured_queries)

    return max(references, key=queries)


def counted(client: Client, method: str, path: str, data: dict[str, Any] | None = None) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, data or {}, secure=True) if method == "POST" else client.get(path, secure=True)
    return len(queries), response


def dashboard_afresh(manager: Client) -> dict[str, float]:
    """The dashboard's cost when its figures are worked out rather than kept (reporting.snapshots): what the
    first manager to open it in REPORTING_CACHE_SECONDS waits for. One request at a time, in this process."""
    times = []
    with override_settings(REPORTING_CACHE_SECONDS=0):
        for _time in range(3):
            started = time.perf_counter()
            queries, response = counted(manager, "GET", "/staff/reports/")
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"dashboard answered {response.status_code}")
    return {"queries": queries, "ms": round(statistics.median(times))}


class Command(BaseCommand):
    help = "Counts the SQL queries each page of the benchmark's workload makes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--manifest", type=Path, required=True)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument(
            "--afresh",
            type=Path,
            help="Also time the dashboard with its figures worked out, not kept (median of three), into this file.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        manifest = json.loads(options["manifest"].read_text())
        rng = random.Random(1)
        email, caseload = next(iter(manifest["open_episodes"].items()))
        practitioner = staff_client(email)
        officer = staff_client(manifest["staff"]["front_door_officers"][0])
        manager = staff_client(manifest["staff"]["service_managers"][0])
        diarist = staff_client(with_appointments_today(list(manifest["open_episodes"])))
        family = manifest["families"][0]
        case = caseload[0]
        chronicled = with_fullest_chronology([c["family"] for c in caseload], email)
        gets: dict[str, tuple[Client, str]] = {
            workload.FLOOR: (officer, "/staff/sign-out/"),
            "triage queue": (officer, "/staff/"),
            "family record": (officer, workload.family_path(family)),
            "chronology": (practitioner, workload.chronology_path(chronicled)),
            "practitioner home": (practitioner, "/staff/"),
            "diary": (diarist, "/staff/scheduling/diary/"),
            "dashboard": (manager, "/staff/reports/"),
            "directory search": (Client(headers={"host": "127.0.0.1"}), "/directory/?q=stay"),
            "ORUK API services": (Client(headers={"host": "127.0.0.1"}), "/api/oruk/services?page=1"),
        }
        counts: dict[str, int] = {}
        for name, (client, path) in gets.items():
            counted(client, "GET", path)
            counts[name], response = counted(client, "GET", path)
            if response.status_code != 200:
                raise RuntimeError(f"{name} answered {response.status_code}")
        # Group enrolment: the form, then the choice posted, twice over different programmes.
        for _time in range(2):
            _n, page = counted(practitioner, "GET", workload.enrol_path(case["episode"]))
            choice = workload.enrol_choice(page.content.decode(), rng)
            if choice is None:
                raise RuntimeError("The enrolment page offered no programme")
            counts["group enrolment (POST)"], _response = counted(
                practitioner, "POST", workload.enrol_path(case["episode"]), choice
            )
        # The online self-referral, answered page by page; the submission is counted, twice.
        for _time in range(2):
            public = Client(headers={"host": "127.0.0.1"})
            for step in workload.self_referral_steps(rng):
                public.post(step.path, step.data, secure=True)
            counts["self-referral submit (POST)"], response = counted(public, "POST", workload.CHECK_ANSWERS_PATH)
            if not response["Location"].endswith("/refer/confirmation/"):
                raise RuntimeError(f"The self-referral ended on {response['Location']}")
        options["out"].write_text(json.dumps(counts, indent=1))
        if options["afresh"] is not None:
            options["afresh"].write_text(json.dumps(dashboard_afresh(manager), indent=1))
        self.stdout.write(json.dumps(counts))
