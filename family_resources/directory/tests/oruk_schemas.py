"""The Open Referral UK specification's own OpenAPI document and JSON schemas, read from ../shared/oruk/.

They are never copied into this repository (their licence is CC BY-SA, and the copy would drift).
`openapi.json` refers to the schemas by their web address; with no network here, that address is
mapped to the folder.
"""

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

PUBLISHED_AT = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI = PUBLISHED_AT + "openapi.json"


def oruk_folder() -> Path:
    folder = Path(settings.BASE_DIR).parent / "shared" / "oruk" / "schema"
    if not (folder / "openapi.json").exists():
        pytest.fail(
            f"The Open Referral UK schemas are missing: expected {folder}/openapi.json. "
            "They live in the shared folder beside the repository (shared/oruk, see its SOURCE.md)."
        )
    return folder


@cache
def registry() -> Registry:
    folder = oruk_folder()
    resources = []
    for path in folder.rglob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((PUBLISHED_AT + path.relative_to(folder).as_posix(), DRAFT202012.create_resource(contents)))
    return Registry().with_resources(resources)


def openapi() -> dict[str, Any]:
    return registry().contents(OPENAPI)


def response_schema(path: str) -> dict[str, Any]:
    """A reference to the schema the OpenAPI document gives for a path's 200 response."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {"$ref": f"{OPENAPI}#/paths/{pointer}/get/responses/200/content/application~1json/schema"}


format_checker = FormatChecker()


@format_checker.checks("uri")
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


@format_checker.checks("date-time")
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def problems(instance: Any, schema: dict[str, Any]) -> list[str]:
    """Every way the instance breaks the schema, formats included, as readable lines."""
    validator = Draft202012Validator(schema, registry=registry(), format_checker=format_checker)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}" for error in validator.iter_errors(instance)
    ]


def _resolved(schema: dict[str, Any], resolver: Any) -> tuple[dict[str, Any], Any]:
    while "$ref" in schema:
        found = resolver.lookup(schema["$ref"])
        schema, resolver = found.contents, found.resolver
    return schema, resolver


def unknown_fields(
    instance: Any, schema: dict[str, Any], *, allowed: frozenset[str] = frozenset(), where: str = ""
) -> list[str]:
    """Fields the specification does not name. JSON schema allows extra fields; the specification's names must be exact.

    `allowed` lists deliberate extensions by their path with list positions as [], like "languages[].code".
    """
    return _unknown(instance, schema, registry().resolver(), allowed, where)


def _unknown(instance: Any, schema: dict[str, Any], resolver: Any, allowed: frozenset[str], where: str) -> list[str]:
    schema, resolver = _resolved(schema, resolver)
    if isinstance(instance, list):
        items = schema.get("items", {})
        return [p for item in instance for p in _unknown(item, items, resolver, allowed, where + "[]")]
    if not isinstance(instance, dict):
        return []
    known: dict[str, tuple[dict[str, Any], Any]] = {k: (v, resolver) for k, v in schema.get("properties", {}).items()}
    for part in schema.get("allOf", []):
        sub, sub_resolver = _resolved(part, resolver)
        known.update({k: (v, sub_resolver) for k, v in sub.get("properties", {}).items()})
    found = []
    for key, value in instance.items():
        path = f"{where}.{key}" if where else key
        if key in known:
            found += _unknown(value, known[key][0], known[key][1], allowed, path)
        elif path not in allowed:
            found.append(path)
    return found
