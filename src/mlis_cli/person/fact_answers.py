"""Reading one profile fact typed as text: a questionnaire answer or `mlis profile set FACT VALUE`.

Every value goes through `profile_input.parse_profile`, so a typed answer is
accepted or refused with exactly the words a profile file or a flag would get.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from mlis_cli.errors import UsageError
from mlis_cli.model.profile import FIELDS, Profile
from mlis_cli.person.profile_input import nearest, parse_profile

FACT_NAMES = tuple(name for name in FIELDS if name != "languages_listed")
"""The facts of a saved profile, in the order they are asked and shown."""

ALIASES = {"lang": "languages", "language": "languages"}
NAMES_FOR_PEOPLE = tuple("lang" if name == "languages" else name for name in FACT_NAMES)

_YES = ("yes", "y", "true")
_NO = ("no", "n", "false")


def fact_key(name: str) -> str:
    """The fact a name stands for ('lang' is 'languages'); UsageError for any other name."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key in FACT_NAMES:
        return key
    close = nearest(name, [*NAMES_FOR_PEOPLE, *ALIASES])
    raise UsageError(
        f"unknown fact '{name}': expected one of {', '.join(NAMES_FOR_PEOPLE)}",
        hint=f"did you mean {', '.join(dict.fromkeys(close))}?" if close else None,
    )


def known_facts(profile: Profile) -> dict[str, Any]:
    """The facts a profile knows, as a saved profile and `profile show --format json` hold them."""
    return {key: value for key, value in profile.to_dict().items() if value not in (None, [], {})}


def read_answer(key: str, text: str, degrees: Iterable[str], today: dt.date) -> Any:
    """The normalised value of fact `key` typed as `text`, or UsageError saying what was expected.

    Languages are CODE:LEVEL items separated by commas or spaces (`de:B2, fi:native`);
    phd and online are yes or no; citizenships are separated by commas.
    """
    raw: Any = text.strip()
    if key == "languages":
        raw = [part for part in re.split(r"[,\s]+", raw) if part]
    elif key == "citizenship":
        raw = ",".join(part.strip() for part in raw.split(","))
    elif key in ("phd", "online"):
        raw = yes_or_no(key, raw)
    value = known_facts(parse_profile({key: raw}, degrees, today)).get(key)
    if value is None:
        raise UsageError(f"{key}: no value given")
    return value


def yes_or_no(fact: str, text: str) -> bool:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise UsageError(f"{fact}: expected yes or no, got {text!r}")
