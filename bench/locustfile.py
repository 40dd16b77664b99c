"""The benchmark's load: staff and the public using the service at once, over HTTP on loopback.

Run by bench/run.py (`make bench`); it reads the generator's manifest from BENCH_MANIFEST and the staff
sessions bench/signin.py made through the real sign-in forms from BENCH_SESSIONS. Requests carry
`X-Forwarded-Proto: https`, as a TLS-terminating proxy in front of gunicorn sends, so production settings
(SSL redirect, secure cookies, strict CSRF referer checks) run unchanged on plain HTTP.
"""

import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

from locust import HttpUser, between, constant, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.signin import PROXY_HEADERS
from family_resources.benchmark import workload

MANIFEST: dict[str, Any] = json.loads(Path(os.environ["BENCH_MANIFEST"]).read_text())
# Signed-in sessions by account (bench/signin.py signs in before the load starts).
SESSIONS: dict[str, dict[str, str]] = json.loads(Path(os.environ["BENCH_SESSIONS"]).read_text())
# "latency": people pause between pages (the figures per page); "throughput": no pauses (requests per second).
PHASE = os.environ.get("BENCH_PHASE", "latency")
WAIT = constant(0) if PHASE == "throughput" else between(0.5, 1.5)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class ServiceUser(HttpUser):
    abstract = True
    wait_time = WAIT

    def on_start(self) -> None:
        self.rng = random.Random()
        self.client.headers.update(PROXY_HEADERS)

    def page(self, name: str, path: str) -> Any:
        with self.client.get(path, name=name, catch_response=True) as response:
            if "/sign-in/" in response.url:
                response.failure("sent to sign in")
            return response

    def post_form(
        self, name: str, path: str, data: dict[str, Any], page_html: str | None = None, expect: str = ""
    ) -> Any:
        """Post a form as a browser does: with the page's CSRF token and the page as referer.

        With `expect`, the request fails unless it ends on a URL containing it."""
        token = None
        if page_html is not None:
            found = CSRF_INPUT.search(page_html)
            token = found.group(1) if found else None
        if token is None:
            token = self.client.cookies.get("csrftoken", "")
        referer = f"https://{str(self.host).split('://', 1)[1]}{path}"
        with self.client.post(
            path,
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": referer},
            name=name,
            catch_response=True,
        ) as response:
            if expect and not response.url.endswith(expect):
                response.failure(f"ended on {response.url}, not {expect}")
            return response


_ACCOUNTS_USED: dict[str, int] = {}


def next_account(role: str, emails: list[str]) -> str:
    """The accounts of a role in turn, so simulated people are spread over them."""
    used = _ACCOUNTS_USED.get(role, 0)
    _ACCOUNTS_USED[role] = used + 1
    return emails[used % len(emails)]


class StaffUser(ServiceUser):
    abstract = True
    emails: list[str] = []

    def on_start(self) -> None:
        super().on_start()
        self.email = next_account(type(self).__name__, [email for email in self.emails if email in SESSIONS])
        for name, value in SESSIONS[self.email].items():
            self.client.cookies.set(name, value)

    @task(2)
    def floor(self) -> None:
        self.page(workload.FLOOR, "/staff/sign-out/")


class Practitioner(StaffUser):
    weight = 5
    emails = list(MANIFEST["open_episodes"])

    def on_start(self) -> None:
        super().on_start()
        self.caseload = MANIFEST["open_episodes"][self.email]

    @task(3)
    def home(self) -> None:
        self.page("practitioner home", "/staff/")

    @task(3)
    def chronology(self) -> None:
        case = self.rng.choice(self.caseload)
        self.page("chronology", workload.chronology_path(case["family"]))

    @task(2)
    def diary(self) -> None:
        self.page("diary", "/staff/scheduling/diary/")

    @task(1)
    def enrol(self) -> None:
        case = self.rng.choice(self.caseload)
        path = workload.enrol_path(case["episode"])
        form = self.page("group enrolment (form)", path)
        choice = workload.enrol_choice(form.text, self.rng)
        if choice is not None:
            self.post_form("group enrolment (POST)", path, choice, form.text)


class FrontDoorOfficer(StaffUser):
    weight = 3
    emails = MANIFEST["staff"]["front_door_officers"]

    @task(3)
    def queue(self) -> None:
        self.page("triage queue", "/staff/")

    @task(3)
    def family(self) -> None:
        self.page("family record", workload.family_path(self.rng.choice(MANIFEST["families"])))


class ServiceManager(StaffUser):
    weight = 1
    emails = MANIFEST["staff"]["service_managers"]

    @task(3)
    def dashboard(self) -> None:
        self.page("dashboard", "/staff/reports/")


class Public(ServiceUser):
    weight = 4

    @task(4)
    def directory(self) -> None:
        self.page("directory search", workload.directory_path(self.rng, MANIFEST.get("directory_words", [])))

    @task(3)
    def oruk(self) -> None:
        self.page("ORUK API services", workload.oruk_path(self.rng))

    @task(1)
    def self_referral(self) -> None:
        """Answer each page of the online referral; each answer redirects to (and loads) the next page."""
        self.client.cookies.clear()
        steps = workload.self_referral_steps(self.rng)
        page = self.page("self-referral (page)", steps[0].path)
        for step in steps:
            page = self.post_form("self-referral (answer)", step.path, step.data, page.text)
        self.post_form(
            "self-referral submit (POST)", workload.CHECK_ANSWERS_PATH, {}, page.text, expect="/refer/confirmation/"
        )
