"""Every piece of public interface text is translated into each of the service's other six languages.

A string counts as public when any place it is used is a page, form or message the public sees
(PUBLIC_SOURCES). Staff pages are in English first; their strings are translated where a
translation exists and fall back to English otherwise.
"""

import re
import shutil
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]

# Where public text lives: the layout and public pages, the online referral, the public help check,
# the resource centre, the community directory (for families and for the groups who list in it),
# the family portal, the consultation's public pages, and the labels of records families see there.
# `*` stays inside one folder; a pattern ending in `/**` takes everything under it.
PUBLIC_SOURCES = [
    "config/settings/base.py",  # the languages' names
    "family_resources/core/**",
    "family_resources/intake/journey/**",
    "family_resources/intake/templates/intake/journey/**",
    "family_resources/intake/models.py",
    "family_resources/intake/eligibility.py",
    "family_resources/families/models/household.py",
    "family_resources/families/models/consent.py",
    "family_resources/triage/followup.py",
    "family_resources/triage/templates/triage/followup.html",
    "family_resources/casework/models/plans.py",
    "family_resources/scheduling/models/**",
    "family_resources/programmes/models/**",
    "family_resources/resources/models.py",
    "family_resources/resources/views.py",
    "family_resources/resources/forms.py",
    "family_resources/resources/templates/resources/*.html",
    "family_resources/directory/forms.py",
    "family_resources/directory/views/public.py",
    "family_resources/directory/views/organisations.py",
    "family_resources/directory/templates/directory/*.html",
    "family_resources/directory/templates/directory/organisation/*",
    "family_resources/portal/access.py",
    "family_resources/portal/forms.py",
    "family_resources/portal/models.py",
    "family_resources/portal/selectors.py",
    "family_resources/portal/services/**",
    "family_resources/portal/views/public.py",
    "family_resources/portal/templates/portal/*.html",
    "family_resources/consultation/models.py",
    "family_resources/consultation/forms.py",
    "family_resources/consultation/views.py",
    "family_resources/consultation/survey.py",
    "family_resources/consultation/templates/consultation/public/*",
    "family_resources/consultation/themes/views.py",  # the outcome page (its template is in public/)
    "family_resources/consultation/templates/consultation/public/outcome.html",
    "family_resources/outreach/views.py",
    "family_resources/outreach/public_forms.py",
    "family_resources/outreach/services.py",
    "family_resources/outreach/templates/outreach/public/*",
    "family_resources/privacy/templates/privacy/notice.html",
    "family_resources/operations/templates/operations/*",
]


def _matches(path: str, pattern: str) -> bool:
    if pattern.endswith("/**"):
        return path.startswith(pattern[:-2])
    parts, pattern_parts = path.split("/"), pattern.split("/")
    return len(parts) == len(pattern_parts) and all(map(fnmatch, parts, pattern_parts))


def is_public(entry: polib.POEntry) -> bool:
    return any(_matches(path, pattern) for path, _line in entry.occurrences for pattern in PUBLIC_SOURCES)


def catalogue(code: str, root: Path = BASE_DIR) -> polib.POFile:
    path = root / "locale" / code / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"There is no catalogue for {code}: run `make messages`"
    return polib.pofile(str(path))


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_public_string_is_translated(code: str) -> None:
    untranslated = [
        f"{entry.msgid!r} ({entry.occurrences[0][0]})"
        for entry in catalogue(code)
        if is_public(entry) and not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert not untranslated, f"{len(untranslated)} public strings have no {code} translation:\n" + "\n".join(
        untranslated[:40]
    )


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_translations_keep_their_placeholders(code: str) -> None:
    """A translation that drops or renames %(name)s or {{ name }} would break the page or lose the fact it gives."""
    placeholder = r"%\([a-z_]+\)[sd]|%[sd]"
    broken = [
        entry.msgid
        for entry in catalogue(code)
        if entry.translated()
        and not entry.msgid_plural
        and sorted(re.findall(placeholder, entry.msgid)) != sorted(re.findall(placeholder, entry.msgstr))
    ]
    assert not broken, f"{code} translations with the wrong placeholders: {broken[:20]}"


def test_the_catalogues_hold_every_string_in_the_code(tmp_path: Path) -> None:
    """Text added to the code must reach the catalogues (`make messages`), or it can never be translated."""
    copy = tmp_path / "project"
    for name in ("config", "family_resources"):
        shutil.copytree(BASE_DIR / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copy(BASE_DIR / "manage.py", copy)
    (copy / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "ur", "--no-obsolete", "--verbosity", "0"],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    in_code = {(entry.msgctxt, entry.msgid) for entry in catalogue("ur", copy)}
    committed = {(entry.msgctxt, entry.msgid) for entry in catalogue("ur") if not entry.obsolete}

    missing = sorted(msgid for _ctx, msgid in in_code - committed)
    assert not missing, (
        f"{len(missing)} strings are in the code but not the catalogues: run `make messages`. {missing[:20]}"
    )
