"""The benchmark's pages and form journeys, in plain Python: the load driver (bench/locustfile.py) and the
query counter (`manage.py bench_queries`) both read them, so both measure the same requests.

No Django imports here: locust imports this module without setting Django up.
"""

import hashlib
import hmac
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

# The floor: the staff layout (navigation and all) for a signed-in user, with no queries of its own.
FLOOR = "floor (sign-out page)"
SIGN_IN_PATH = "/staff/sign-in/"
MFA_VERIFY_PATH = "/staff/sign-in/security-code/"

# The rows of the benchmark's table, in order, with who requests each.
PAGES: list[tuple[str, str]] = [
    (FLOOR, "any staff"),
    ("triage queue", "front_door_officer"),
    ("family record", "front_door_officer"),
    ("chronology", "practitioner"),
    ("practitioner home", "practitioner"),
    ("diary", "practitioner"),
    ("group enrolment (POST)", "practitioner"),
    ("dashboard", "service_manager"),
    ("directory search", "public"),
    ("ORUK API services", "public"),
    ("self-referral submit (POST)", "public"),
]
KEY_PAGES = [name for name, _who in PAGES if name != FLOOR]


@dataclass(frozen=True)
class Step:
    """One page of a form journey: its path and the answers posted to it."""

    path: str
    data: dict[str, Any]


def totp(key_hex: str, now: float, *, step: int = 30, digits: int = 6) -> str:
    """The code an authenticator app shows now for a key (RFC 6238, as django-otp's TOTPDevice checks)."""
    counter = int(now // step).to_bytes(8, "big")
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def _birthday(years: int) -> dict[str, str]:
    born = datetime.now(tz=UTC).date() - timedelta(days=365 * years + 40)
    return {
        "date_of_birth_day": str(born.day),
        "date_of_birth_month": str(born.month),
        "date_of_birth_year": str(born.year),
    }


def self_referral_steps(rng: random.Random) -> list[Step]:
    """A parent's online self-referral, page by page, ending before the check-answers page."""
    surname = rng.choice(["Example", "Sample", "Fictional", "Testing"])
    return [
        Step("/refer/who/", {"referrer": "parent"}),
        Step("/refer/about-you/", {"name": f"Alex {surname}", "email": "alex@example.com", "phone": ""}),
        Step("/refer/immediate-risk/", {"immediate_risk": "no"}),
        Step("/refer/postcode/", {"postcode": "LU4 8BW"}),
        Step("/refer/address/", {"line_1": "1 Example Road", "line_2": "", "town": "Luton"}),
        Step("/refer/people/0/who/", {"relationship": "parent"}),
        Step("/refer/people/0/details/", {"given_name": "Alex", "family_name": surname, **_birthday(30)}),
        Step("/refer/people/1/who/", {"relationship": "child"}),
        Step(
            "/refer/people/1/details/",
            {"given_name": "Sam", "family_name": surname, "has_send": "no", **_birthday(4)},
        ),
        Step("/refer/people/", {"add_another": "no"}),
        Step("/refer/language/", {"preferred_language": "en", "interpreter_needed": "no"}),
        Step("/refer/concerns/", {"concerns": "We are struggling with our toddler's sleep and would like help."}),
        Step("/refer/consent/", {"consent_given": "yes", "sharing_agreed": ["health", "education"]}),
    ]


CHECK_ANSWERS_PATH = "/refer/check-answers/"


def family_path(reference: str) -> str:
    return f"/staff/families/{reference}/"


def chronology_path(reference: str) -> str:
    return f"/staff/casework/families/{reference}/chronology/"


def enrol_path(episode_id: int) -> str:
    return f"/staff/programmes/episodes/{episode_id}/enrol/"


def directory_path(rng: random.Random, words: list[str]) -> str:
    word = rng.choice(words).split(" ")[0].lower() if words else "play"
    return f"/directory/?q={word}"


def oruk_path(rng: random.Random) -> str:
    return f"/api/oruk/services?page={rng.randrange(1, 4)}"


_RADIO = r'name="{name}"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="{name}"'


def radio_values(html: str, name: str) -> list[str]:
    """The values of a radio group on a page: what a person could choose."""
    return [a or b for a, b in re.findall(_RADIO.format(name=name), html)]


def enrol_choice(html: str, rng: random.Random) -> dict[str, str] | None:
    """A programme and a parent from the enrolment page, or None when it offers no choice."""
    programmes = radio_values(html, "programme")
    people = radio_values(html, "person")
    if not programmes or not people:
        return None
    return {"programme": rng.choice(programmes), "person": people[0]}
