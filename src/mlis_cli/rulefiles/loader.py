"""Reading a rules directory strictly: every problem in every file, located, or a RuleSet.

The loader reads files; `schema` says what each may contain; `references`
checks what one file says of another; `compile` builds the engine's RuleSet
from what was read (`parsed`). Nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from mlis_cli import yaml_strict
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.rulefiles.compile import compile_ruleset
from mlis_cli.rulefiles.files import (
    COUNTRIES_DIR,
    MAX_FILE_BYTES,
    OPTIONAL_FILES,
    ROOT_FILE_NAMES,
    examine,
    rule_files,
)
from mlis_cli.rulefiles.hidden_text import hidden_text
from mlis_cli.rulefiles.parsed import Collected, ParsedFile
from mlis_cli.rulefiles.policy import policy_warnings
from mlis_cli.rulefiles.problems import Problem, RulesInvalid, dotted, message_for
from mlis_cli.rulefiles.references import check_references
from mlis_cli.rulefiles.salvage import model_at, path_of, salvage
from mlis_cli.rulefiles.schema import (
    CertificatesFile,
    CountryFile,
    DegreesFile,
    GroupsFile,
    GuidesFile,
    SourcesFile,
)

ROOT_FILES: dict[str, type[BaseModel]] = dict(
    zip(ROOT_FILE_NAMES, (SourcesFile, DegreesFile, GroupsFile, CertificatesFile, GuidesFile), strict=True)
)


def collect(directory: Path, display_root: str) -> Collected:
    """Read and validate every file of a rules directory; never raises for bad data."""
    collected = Collected(None, None, None, [], [])
    problems = collected.problems

    def display(relative: str) -> str:
        return f"{display_root.rstrip('/')}/{relative}" if display_root else relative

    if not directory.is_dir():
        problems.append(Problem(display_root or str(directory), 0, 0, "not a directory of rule files"))
        return collected
    for entry in rule_files(directory):
        if entry.unlisted is not None and entry.path == directory:
            problems.append(
                Problem(display_root or str(directory), 0, 0, f"cannot list directory: {entry.unlisted}")
            )
            return collected
        if entry.unlisted is not None:
            problems.append(
                Problem(display(entry.relative), 0, 0, f"cannot list directory: {entry.unlisted}")
            )
            continue
        model = _model_for(entry.relative)
        if model is None:
            problems.append(Problem(display(entry.relative), 1, 1, _unexpected_file(entry.relative)))
            continue
        parsed = _parse(entry.path, directory, display(entry.relative), model, problems)
        if parsed is None:
            continue
        if model is CountryFile:
            collected.countries.append(parsed)
        elif model is SourcesFile:
            collected.sources = parsed
        elif model is DegreesFile:
            collected.degrees = parsed
        elif model is CertificatesFile:
            collected.certificates = parsed
        elif model is GuidesFile:
            collected.guides = parsed
        else:
            collected.groups = parsed
    for name in ROOT_FILES:
        # one that exists but cannot be read has been reported already
        if not os.path.lexists(directory / name):
            collected.absent.add(name)
            if name not in OPTIONAL_FILES:
                problems.append(Problem(display(name), 0, 0, "required file is missing"))
    return collected


def load(directory: Path, display_root: str) -> RuleSet:
    """The RuleSet of a directory, or RulesInvalid with every problem found, sorted."""
    collected = collect(directory, display_root)
    problems = collected.problems + check_references(collected)
    if problems:
        raise RulesInvalid(sorted(set(problems)))
    return compile_ruleset(collected)


def problems_in(directory: Path, display_root: str) -> list[Problem]:
    """Every problem and policy warning in a directory, in file, line and column order:
    what `mlis rules validate` reports."""
    collected = collect(directory, display_root)
    found = collected.problems + check_references(collected) + hidden_text(collected)
    return sorted(set(found + policy_warnings(collected)))


def _model_for(relative: str) -> type[BaseModel] | None:
    if relative in ROOT_FILES:
        return ROOT_FILES[relative]
    folder, _, name = relative.partition("/")
    if folder == COUNTRIES_DIR and "/" not in name and name.endswith(".yaml"):
        return CountryFile
    return None


def _unexpected_file(relative: str) -> str:
    expected = ", ".join([*ROOT_FILES, f"{COUNTRIES_DIR}/<code>.yaml"])
    return f"not a rule file; expected only {expected}"


def _parse(
    path: Path, directory: Path, display: str, model: type[BaseModel], problems: list[Problem]
) -> ParsedFile | None:
    raw, problem = _read(path, directory)
    if raw is None:
        problems.append(Problem(display, *problem))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.append(Problem(display, line, column, f"not UTF-8 text (byte 0x{raw[error.start]:02x})"))
        return None
    try:
        document = yaml_strict.load(text, keep_going=True)
    except yaml_strict.YamlError as error:
        problems.append(Problem(display, error.mark.line, error.mark.column, error.message))
        return None
    problems.extend(Problem(display, e.mark.line, e.mark.column, e.message) for e in document.problems)
    if document.data is None:
        keys = ", ".join(_field_names(model))
        problems.append(Problem(display, 1, 1, f"file is empty; expected a mapping with {keys}"))
        return None
    try:
        validated = model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(_located(error, model, document, display))
        # what still reads is checked against the other files, so one run finds everything
        salvaged = salvage(model, document.data, error.errors())
        if salvaged is None:
            return None
        return ParsedFile(display, salvaged.model, document, kept=salvaged.kept, whole=False)
    return ParsedFile(display, validated, document, whole=not document.problems)


def _read(path: Path, directory: Path) -> tuple[bytes | None, tuple[int, int, str]]:
    """The bytes of a rule file, or where and why it was not read.

    Nothing is followed out of the directory, nothing but a regular file is
    opened (a pipe would block), and no more than the size cap is read even if
    the file grows after it was measured.
    """
    status, problem = examine(path, directory)
    if status is None:
        return None, problem
    too_large = f"rule files may be at most {MAX_FILE_BYTES:,} bytes"
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, (1, 1, f"cannot read file: {error.strerror}")
    if len(raw) > MAX_FILE_BYTES:
        return None, (1, 1, f"file is more than {MAX_FILE_BYTES:,} bytes; {too_large}")
    return raw, (0, 0, "")


def _located(
    error: ValidationError, model: type[BaseModel], document: yaml_strict.Document, display: str
) -> Iterator[Problem]:
    for detail in error.errors():
        loc = path_of(detail)
        kind = detail["type"]
        allowed = None
        if kind == "extra_forbidden":
            allowed = _field_names(model_at(model, loc[:-1]))
            mark = document.mark_of(loc, key=True)
        elif kind == "missing":
            mark = document.mark_of(loc[:-1])
        else:
            mark = document.mark_of(loc)
        message = message_for(detail, allowed)
        where = dotted(loc)
        yield Problem(display, mark.line, mark.column, f"{where}: {message}" if where else message)


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]
