"""Gathering a profile from a file or stdin and from flags; flags win."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mlis_cli.errors import UsageError
from mlis_cli.model.profile import SOME
from mlis_cli.person.profile_input import BOTH_LANGUAGE_KEYS, language_code, parse_language, split_languages


def announce_terminal_read(what: str) -> None:
    """One line on stderr before reading stdin from a terminal, so that a wait is never silent."""
    isatty = getattr(sys.stdin, "isatty", None)  # a stand-in for stdin may have none
    if callable(isatty) and isatty():
        end = "Ctrl-Z then Enter" if os.name == "nt" else "Ctrl-D"
        sys.stderr.write(f"mlis: reading {what} from the terminal; end with {end}\n")
        sys.stderr.flush()


MAX_PROFILE = 1 << 20
"""The most characters read from a profile file or stdin: a profile takes a few hundred."""


def read_profile_file(name: str) -> dict[str, Any]:
    """Facts from a YAML or JSON profile file, or from stdin when name is '-'."""
    shown = "stdin" if name == "-" else name
    if name == "-":
        announce_terminal_read("a profile (YAML or JSON)")
    try:
        if name == "-":
            text = sys.stdin.read(MAX_PROFILE + 1)
        else:
            with Path(name).open(encoding="utf-8") as stream:
                text = stream.read(MAX_PROFILE + 1)
    except OSError as error:
        raise UsageError(f"cannot read profile {shown}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"cannot read profile {shown}: not UTF-8 text") from None
    if len(text) > MAX_PROFILE:
        raise UsageError(f"profile {shown} is longer than {MAX_PROFILE} characters (1 Mi)")
    from mlis_cli import yaml_strict  # only when there is a file: YAML costs start-up time

    try:
        data = yaml_strict.load(text).data
    except yaml_strict.YamlError as error:
        where = f"{shown}:{error.mark.line}:{error.mark.column}"
        raise UsageError(f"{where}: {error.message}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"profile {shown}: expected a mapping of facts such as degree: ala")
    if data.get("language") is not None and data.get("languages") is not None:
        raise UsageError(BOTH_LANGUAGE_KEYS)
    return data


def merge(file_facts: dict[str, Any], flags: dict[str, Any], languages: Iterable[str]) -> dict[str, Any]:
    """The file's facts overridden by the flags that were given."""
    facts = dict(file_facts)
    facts.update({key: value for key, value in flags.items() if value is not None})
    given = [parse_language(text) for text in split_languages(languages)]
    if given:
        base = facts.pop("languages", None) or facts.pop("language", None) or {}
        if not isinstance(base, dict):
            raise UsageError("languages in the profile file: expected a mapping such as {de: B2}")
        merged = {_code(code): level for code, level in base.items()}
        merged.update((code, SOME if level is None else level.value) for code, level in given)
        facts["languages"] = merged
    return facts


def layered(
    saved: dict[str, Any], file_facts: dict[str, Any], flags: dict[str, Any], languages: Iterable[str]
) -> tuple[dict[str, Any], list[str]]:
    """The saved profile's facts, overridden by the profile file's, overridden by the flags.

    Also returns the facts that came from the saved profile, so that the output can
    say which ones the person did not give this time.
    """
    saved_given = _given(saved)
    file_given = _given(file_facts)
    facts = merge({**saved_given, **file_given}, flags, languages)
    flagged = {key for key, value in flags.items() if value is not None}
    languages_flagged = {
        code for code, _level in (parse_language(text) for text in split_languages(languages))
    }
    from_saved = []
    for key, value in saved_given.items():
        if key in file_given or key in flagged:
            continue
        if key == "languages" and isinstance(value, dict) and set(value) <= languages_flagged:
            continue
        from_saved.append(key)
    return facts, from_saved


def _given(facts: dict[str, Any]) -> dict[str, Any]:
    """The facts with a value, 'language' read as 'languages'."""
    return {("languages" if key == "language" else key): v for key, v in facts.items() if v is not None}


def _code(code: Any) -> Any:
    """A profile file's language key as the code it stands for, so that a flag for it replaces it."""
    return language_code(code) if isinstance(code, str) else code
