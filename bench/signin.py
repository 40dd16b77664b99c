"""Staff sign-in for the benchmark, through the service's own forms, before the load starts.

Signing in is slow by design (the password hash costs about a second of CPU), so it is done once per
account before the load, and the load's simulated staff carry the signed-in sessions. `sign_in` is the
one place to change if sign-in changes.

    python bench/signin.py --host http://127.0.0.1:8765 --manifest m.json --out sessions.json --per-role 24
"""

import argparse
import http.cookiejar
import json
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from family_resources.benchmark import workload

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# What a TLS-terminating proxy in front of gunicorn tells Django: the production settings then run unchanged.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def _return_secure_cookies_over_loopback(self: Any, cookie: Any, request: Any) -> bool:
    return True


# The service sets Secure cookies; TLS ends at the (imagined) proxy, so this process sends them back over
# loopback HTTP. Patched on the class because requests merges cookies into new jars on every request.
http.cookiejar.DefaultCookiePolicy.return_ok_secure = _return_secure_cookies_over_loopback  # type: ignore[method-assign]


def form_post(session: requests.Session, host: str, path: str, data: dict[str, Any], page: str) -> requests.Response:
    found = CSRF_INPUT.search(page)
    token = found.group(1) if found else session.cookies.get("csrftoken", "")
    referer = f"https://{host.split('://', 1)[1]}{path}"
    return session.post(f"{host}{path}", data={**data, "csrfmiddlewaretoken": token}, headers={"Referer": referer})


def sign_in(session: requests.Session, host: str, email: str, password: str, totp_key: str | None) -> None:
    """Password, then the authenticator-app code when the service asks for one. Raises if it does not end signed in."""
    session.headers.update(PROXY_HEADERS)
    form = session.get(f"{host}{workload.SIGN_IN_PATH}")
    response = form_post(session, host, workload.SIGN_IN_PATH, {"username": email, "password": password}, form.text)
    if workload.MFA_VERIFY_PATH in response.url:
        if totp_key is None:
            raise RuntimeError(f"{email} has no authenticator app in the manifest")
        path = response.url.split(host, 1)[1]
        code = workload.totp(totp_key, time.time())
        response = form_post(session, host, path, {"code": code}, response.text)
    if not response.url.endswith("/staff/") or response.status_code != 200:
        raise RuntimeError(f"Sign-in for {email} ended on {response.url} ({response.status_code})")


def signed_in_cookies(host: str, email: str, manifest: dict[str, Any]) -> dict[str, str]:
    session = requests.Session()
    sign_in(session, host, email, manifest["password"], manifest.get("totp_keys", {}).get(email))
    return {cookie.name: cookie.value or "" for cookie in session.cookies}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-role", type=int, default=24)
    args = parser.parse_args()
    manifest = json.loads(args.manifest.read_text())
    emails = (
        list(manifest["open_episodes"])[: args.per_role]
        + manifest["staff"]["front_door_officers"][: args.per_role]
        + manifest["staff"]["service_managers"][: args.per_role]
    )
    with ThreadPoolExecutor(max_workers=4) as pool:
        cookies = list(pool.map(lambda email: signed_in_cookies(args.host, email, manifest), emails))
    args.out.write_text(json.dumps(dict(zip(emails, cookies, strict=True))))


if __name__ == "__main__":
    main()
