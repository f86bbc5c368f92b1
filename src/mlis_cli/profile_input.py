"""Turning what a person typed (flags, a profile file, a batch line) into a Profile.

Codes are accepted in any case and by common names; anything that cannot be
read is a UsageError naming the fact, the value and what was expected, with
the nearest valid codes where there are some.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Iterable, Mapping
from typing import Any

from mlis_cli.errors import UsageError
from mlis_cli.facts import FACTS
from mlis_cli.iso3166 import ALIASES, NAMES
from mlis_cli.model.profile import Profile
from mlis_cli.model.rule_files import Level, Sector, Stay

PROFILE_KEYS = (*FACTS, "languages")
_LEVELS = {level.value.lower(): level for level in Level}
MAX_AGE = 120
MAX_EXPERIENCE = 80


def _shown(value: Any) -> str:
    """A value as a message quotes it: its repr, on one line, at most 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def nearest(word: str, choices: Iterable[str], count: int = 3) -> list[str]:
    return difflib.get_close_matches(word.lower(), list(choices), n=count, cutoff=0.5)


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = nearest(word, choices)
    return f"did you mean {', '.join(close)}?" if close else None


def resolve_citizenship(text: str) -> str:
    """An ISO 3166 code from a code, a name or a common alias, in any case."""
    key = " ".join(text.strip().lower().split())
    if key in NAMES:
        return key
    if key in ALIASES:
        return ALIASES[key]
    by_name = {name.lower(): code for code, name in NAMES.items()}
    if key in by_name:
        return by_name[key]
    hint = _did_you_mean(key, [*NAMES, *by_name, *ALIASES])
    raise UsageError(
        f"unknown citizenship {_shown(text)}: expected a country code such as us, gb, fi", hint=hint
    )


def parse_degree(value: Any, degrees: Iterable[str]) -> str:
    known = list(degrees)
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"degree: expected one of {', '.join(known)}, got {_shown(value)}")
    code = value.strip().lower()
    if code not in known:
        raise UsageError(
            f"unknown degree {_shown(value)}: expected one of {', '.join(known)}",
            hint=_did_you_mean(code, known) or "run 'mlis degrees' to see what each code means",
        )
    return code


def parse_level(code: str, value: Any) -> Level:
    level = _LEVELS.get(str(value).strip().lower()) if isinstance(value, str) else None
    if level is None:
        raise UsageError(
            f"language level {_shown(value)} for {_shown(code)}: expected one of "
            f"{', '.join(level.value for level in Level)}"
        )
    return level


def parse_language(text: str) -> tuple[str, Level]:
    """'de:B2' -> ('de', Level.B2)"""
    code, sep, level = text.partition(":")
    if not sep:
        raise UsageError(f"language {_shown(text)}: expected CODE:LEVEL, e.g. de:B2 or fi:native")
    return _language_code(code), parse_level(code.strip().lower(), level)


def _language_code(text: str) -> str:
    code = text.strip().lower()
    if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()):
        raise UsageError(f"language code {_shown(text)}: expected a 2- or 3-letter code such as de, da, fi")
    return code


def _whole_number(fact: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{fact}: expected a whole number, got {_shown(value)}")
    if not low <= value <= high:
        raise UsageError(f"{fact}: {value} is out of range; expected {low} to {high}")
    return value


def _number(fact: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise UsageError(f"{fact}: expected a number, got {_shown(value)}") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UsageError(f"{fact}: expected a number, got {_shown(value)}")
    if not low <= value <= high:
        raise UsageError(f"{fact}: {value:g} is out of range; expected {low:g} to {high:g}")
    return float(value)


def _choice(fact: str, value: Any, choices: type[Sector] | type[Stay]) -> str:
    names = [choice.value for choice in choices]
    if isinstance(value, str) and value.strip().lower() in names:
        return value.strip().lower()
    raise UsageError(
        f"{fact}: expected one of {', '.join(names)}, got {_shown(value)}",
        hint=_did_you_mean(str(value), names),
    )


def _citizenships(value: Any) -> tuple[str, ...]:
    items: list[Any] = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        raise UsageError(f"citizenship: expected country codes, got {_shown(value)}")
    return tuple(sorted({resolve_citizenship(item) for item in items if item.strip()}))


def _languages(value: Any) -> dict[str, Level]:
    if isinstance(value, Mapping):
        languages = {}
        for code, level in value.items():
            if not isinstance(code, str):
                raise UsageError(f"languages: expected a language code, got {_shown(code)}")
            languages[_language_code(code)] = parse_level(code, level)
        return languages
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return dict(parse_language(item) for item in value)
    raise UsageError(f"languages: expected a mapping such as {{de: B2}}, got {_shown(value)}")


def parse_profile(data: Mapping[str, Any], degrees: Iterable[str], today: dt.date) -> Profile:
    """A Profile from a mapping of facts; null or absent facts stay unknown."""
    unknown = [key for key in data if key not in PROFILE_KEYS]
    if unknown:
        key = unknown[0]
        raise UsageError(
            f"unknown profile fact {_shown(key)}: expected one of {', '.join(PROFILE_KEYS)}",
            hint=_did_you_mean(str(key), PROFILE_KEYS),
        )
    if data.get("language") is not None and data.get("languages") is not None:
        # the same fact twice: keeping either would silently drop the other
        raise UsageError("the profile gives both 'language' and 'languages': give one")
    facts: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "degree":
            facts["degree"] = parse_degree(value, degrees)
        elif key == "citizenship":
            facts["citizenship"] = _citizenships(value)
        elif key == "age":
            facts["age"] = _whole_number("age", value, 0, MAX_AGE)
        elif key in ("language", "languages"):
            facts["languages"] = _languages(value)
        elif key == "sector":
            facts["sector"] = _choice("sector", value, Sector)
        elif key == "stay":
            facts["stay"] = _choice("stay", value, Stay)
        elif key == "graduated":
            facts["graduated"] = _whole_number("graduated", value, 1900, today.year + 10)
        elif key == "experience":
            facts["experience"] = _number("experience", value, 0, MAX_EXPERIENCE)
        elif key == "phd":
            if not isinstance(value, bool):
                raise UsageError(f"phd: expected true or false, got {_shown(value)}")
            facts["phd"] = value
    return Profile(**facts)
