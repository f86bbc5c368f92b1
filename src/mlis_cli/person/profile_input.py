"""Turning what a person typed (flags, a profile file, a batch line) into a Profile.

Codes are accepted in any case and by common names; anything that cannot be
read is a UsageError naming the fact, the value and what was expected, with
the nearest valid codes where there are some.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from mlis_cli.errors import UsageError
from mlis_cli.model.facts import FACTS
from mlis_cli.model.iso639 import NAMES as LANGUAGE_NAMES
from mlis_cli.model.iso639 import THREE_LETTER
from mlis_cli.model.iso3166 import ALIASES, NAMES
from mlis_cli.model.profile import SOME, Profile
from mlis_cli.model.vocabulary import Level, Sector, Stay

PROFILE_KEYS = (*FACTS, "languages")
_LEVELS = {level.value.lower(): level for level in Level}
BOTH_LANGUAGE_KEYS = "the profile gives both 'language' and 'languages': give one"
MAX_AGE = 120
MAX_EXPERIENCE = 80
MAX_DIGITS = 15
"""No fact needs a longer number; longer ones are refused before Python converts or prints them."""


def _shown(value: Any) -> str:
    """A value as a message quotes it: its repr, on one line, at most 60 characters."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_DIGITS:
        return f"a number of more than {MAX_DIGITS} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def nearest(word: str, choices: Iterable[str], count: int = 3) -> list[str]:
    import difflib  # only when a suggestion is needed

    return difflib.get_close_matches(word.lower(), list(choices), n=count, cutoff=0.6)


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


DEGREE_TITLES = frozenset(
    [
        "mlis",
        "mls",
        "mlib",
        "mlibsc",
        "mli",
        "mlisc",
        "mlsc",
        "msls",
        "mslis",
        "msis",
        "msi",
        "mis",
        "mim",
        "mas",
        "mais",
        "ms",
        "msc",
        "ma",
        "mlitt",
        "blis",
        "blib",
        "bls",
        "master",
        "masters",
    ]
)
"""The names of library degrees people hold, which are not degree codes: the code names the body
that accredited the program, whatever the degree is called."""


def parse_degree(value: Any, degrees: Iterable[str] | Mapping[str, Any]) -> str:
    known = list(degrees)
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"degree: expected one of {', '.join(known)}, got {_shown(value)}")
    code = value.strip().lower()
    if code not in known:
        words = [word for word in re.split(r"[^a-z]+", code) if word]
        if (
            words
            and any(w in DEGREE_TITLES for w in words)
            and all(w in DEGREE_TITLES or w in known for w in words)
        ):
            raise UsageError(
                _degree_title(value, degrees),
                hint=_codes_named(words, known),
            )
        raise UsageError(
            f"unknown degree {_shown(value)}: expected one of {', '.join(known)}",
            hint=_did_you_mean(code, known) or "run 'mlis degrees' to see what each code means",
        )
    return code


def _degree_title(value: str, degrees: Iterable[str] | Mapping[str, Any]) -> str:
    """A degree's name given as a code: what the code names instead, and every code with its meaning."""
    if isinstance(degrees, Mapping):
        codes = ", ".join(f"{code} ({getattr(degree, 'name', degree)})" for code, degree in degrees.items())
    else:
        codes = ", ".join(degrees)
    return (
        f"degree {_shown(value)} is what the degree is called; the degree code names the body "
        f"that accredited the program: {codes}"
    )


def _codes_named(words: list[str], known: list[str]) -> str | None:
    codes = [word for word in words if word in known]
    return f"did you mean {', '.join(dict.fromkeys(codes))}?" if codes else None


def parse_level(code: str, value: Any) -> Level | None:
    """A CEFR level, none or native; None for `some` (spoken, level not given)."""
    word = value.strip().lower() if isinstance(value, str) else None
    if word == SOME:
        return None
    level = _LEVELS.get(word) if word is not None else None
    if level is None:
        raise UsageError(
            f"language level {_shown(value)} for {_shown(code)}: expected one of "
            f"{', '.join([*(level.value for level in Level), SOME])}"
        )
    return level


def parse_language(text: str) -> tuple[str, Level | None]:
    """'de:B2' -> ('de', Level.B2); 'deu:B2', 'ger:B2' and 'german:B2' as well."""
    code, sep, level = text.partition(":")
    if not sep:
        raise UsageError(
            f"language {_shown(text)}: expected CODE:LEVEL, e.g. de:B2 or fi:native",
            hint=_level_hint(text),
        )
    resolved = language_code(code)
    return resolved, parse_level(resolved, level)


def split_languages(texts: Iterable[str]) -> list[str]:
    """Each --lang value split at its commas, as --country is: 'de:B2,fi:A1' is two languages."""
    return [part.strip() for text in texts for part in text.split(",") if part.strip()]


_LANGUAGES_BY_NAME = {name.lower(): code for code, name in LANGUAGE_NAMES.items()}


def language_code(text: str) -> str:
    """An ISO 639-1 code from a two-letter code, a three-letter ISO 639-2 code or an English name."""
    key = " ".join(text.strip().lower().split())
    code = key if key in LANGUAGE_NAMES else THREE_LETTER.get(key) or _LANGUAGES_BY_NAME.get(key)
    if code is None:
        raise UsageError(
            f"unknown language {_shown(text)}: expected an ISO 639 code such as de, deu or ger, "
            "or an English name such as German",
            hint=_language_hint(key),
        )
    return code


def _level_hint(text: str) -> str | None:
    """For a language given without a level: the code with a level, or the nearest codes."""
    try:
        code = language_code(text)
    except UsageError:
        return _language_hint(text)
    return None if code == text.strip().lower() else f"add a level, e.g. {code}:B2"


def _language_hint(text: str) -> str | None:
    """The nearest language codes (a one-letter slip in a code, a misspelt name), each with its name."""
    key = " ".join(text.strip().lower().split())
    codes: list[str] = []
    if 2 <= len(key) <= 3 and key.isascii() and key.isalpha():
        # a code that starts a language's name (ge: German, Georgian) comes before the slips
        codes = [code for name, code in sorted(_LANGUAGES_BY_NAME.items()) if name.startswith(key)]
        pool = LANGUAGE_NAMES if len(key) == 2 else THREE_LETTER
        for candidate in pool:
            if sum(a != b for a, b in zip(candidate, key, strict=True)) == 1:
                code = candidate if len(key) == 2 else THREE_LETTER[candidate]
                if code not in codes:
                    codes.append(code)
    else:
        codes = [_LANGUAGES_BY_NAME[name] for name in nearest(key, _LANGUAGES_BY_NAME)]
    if not codes:
        return None
    shown = codes[:5]
    return "did you mean " + ", ".join(f"{code} ({LANGUAGE_NAMES[code]})" for code in shown) + "?"


def _whole_number(fact: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, str):
        text = value.strip()
        # isdigit() also accepts digits int() refuses (superscripts) and other scripts' digits
        if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
            value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{fact}: expected a whole number, got {_shown(value)}")
    if not low <= value <= high:
        raise UsageError(f"{fact}: {_shown(value)} is out of range; expected {low} to {high}")
    return value


def _number(fact: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise UsageError(f"{fact}: expected a number, got {_shown(value)}") from None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_DIGITS:
        raise UsageError(f"{fact}: {_shown(value)} is out of range; expected {low:g} to {high:g}")
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
    items: list[Any] = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        raise UsageError(f"citizenship: expected country codes, got {_shown(value)}")
    codes = {resolve_citizenship(part) for item in items for part in item.split(",") if part.strip()}
    if not codes:
        raise UsageError(f"citizenship: expected country codes, got {_shown(value)}")
    return tuple(sorted(codes))


def _languages(value: Any) -> dict[str, Level | None]:
    if isinstance(value, Mapping):
        languages = {}
        for code, level in value.items():
            if not isinstance(code, str):
                raise UsageError(f"languages: expected a language code, got {_shown(code)}")
            resolved = language_code(code)
            languages[resolved] = parse_level(resolved, level)
        return languages
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return dict(parse_language(item) for item in split_languages(value))
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
        raise UsageError(BOTH_LANGUAGE_KEYS)
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
        elif key in ("phd", "online"):
            if not isinstance(value, bool):
                raise UsageError(f"{key}: expected true or false, got {_shown(value)}")
            facts[key] = value
    return Profile(**facts, languages_listed=bool(facts.get("languages")))


_FIELDS = {key: ("languages" if key == "language" else key) for key in PROFILE_KEYS}
_NOT_SEEN = object()


class ProfileReader:
    """parse_profile for many profiles: each fact's value is checked once, then remembered.

    The result is exactly parse_profile's, errors included: a value that fails
    is not remembered and fails again with the same message.
    """

    def __init__(self, degrees: Iterable[str], today: dt.date, limit: int = 4_096) -> None:
        self.degrees = degrees if isinstance(degrees, Mapping) else list(degrees)
        self.today = today
        self.limit = limit
        self._known: dict[str, dict[Any, Any]] = {key: {} for key in PROFILE_KEYS}

    def read(self, data: Mapping[str, Any]) -> Profile:
        if not data.keys() <= self._known.keys() or ("language" in data and "languages" in data):
            return parse_profile(data, self.degrees, self.today)  # raises its usual message
        facts: dict[str, Any] = {}
        for key, value in data.items():
            if value is None:
                continue
            known = self._known[key]
            if type(value) is dict and _FIELDS[key] == "languages":
                # Each language is remembered on its own: combinations of languages are too many.
                facts["languages"] = {
                    code: level
                    for item in value.items()
                    for code, level in self._fact(known, key, dict((item,))).items()
                }
                continue
            try:
                facts[_FIELDS[key]] = self._fact(known, key, value)
            except _Unhashable:
                return parse_profile(data, self.degrees, self.today)
        return Profile(**facts, languages_listed=bool(facts.get("languages")))

    def _fact(self, known: dict[Any, Any], key: str, value: Any) -> Any:
        """One fact's normalised value, checked by parse_profile the first time it is seen."""
        try:
            memo = _frozen(value)
        except TypeError:
            raise _Unhashable from None
        fact = known.get(memo, _NOT_SEEN)
        if fact is _NOT_SEEN:
            fact = getattr(parse_profile({key: value}, self.degrees, self.today), _FIELDS[key])
            if len(known) >= self.limit:
                known.clear()
            known[memo] = fact
        return fact


class _Unhashable(Exception):
    """A value that cannot be remembered: parse_profile reads the whole profile instead."""


def _frozen(value: Any) -> Any:
    """A hashable stand-in that keeps apart what parsing keeps apart (True is not 1, 1 is not "1")."""
    kind = type(value)
    if kind is str:
        return value
    if kind is list:
        return (list, tuple(_frozen(item) for item in value))
    if kind is dict:
        return (dict, tuple((key, _frozen(item)) for key, item in value.items()))
    hash(value)
    return (kind, value)
