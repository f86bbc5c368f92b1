"""Reading a rules directory strictly: every problem in every file, located, or a RuleSet.

The loader reads files; `schema` says what each may contain; `references`
checks what one file says of another; `compile` builds the engine's RuleSet
from what was read (`parsed`). Nothing here prints.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from mlis_cli import yaml_strict
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.rulefiles.compile import compile_ruleset
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

MAX_FILE_BYTES = 1_000_000

ROOT_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "degrees.yaml": DegreesFile,
    "groups.yaml": GroupsFile,
    "certificates.yaml": CertificatesFile,
    "guides.yaml": GuidesFile,
}
OPTIONAL_FILES = frozenset({"certificates.yaml", "guides.yaml"})
"""Root files a rules directory may leave out: a directory of one country's rules
needs no certificates or guides; a case that points to them is then a problem."""
COUNTRIES_DIR = "countries"


@dataclass(frozen=True)
class Entry:
    """Something in a rules directory to read or report, and why a folder could not be listed."""

    path: Path
    relative: str
    unlisted: str | None = None


def rule_files(directory: Path) -> list[Entry]:
    """Every entry of a rules directory except the folders it descends into, sorted.

    Folders are listed without following symbolic links, so a link to a folder
    (or a loop of them) is an entry like any other; a folder that cannot be
    listed is an entry with the reason; a folder named like a rule file is an
    entry, so that it is reported rather than walked.
    """
    found: list[Entry] = []
    folders = [directory]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                children = [Path(child.path) for child in listing]
        except OSError as error:
            found.append(Entry(folder, _relative(folder, directory), error.strerror or "cannot list"))
            continue
        for path in children:
            relative = _relative(path, directory)
            if path.is_dir() and not path.is_symlink() and _model_for(relative) is None:
                folders.append(path)
            else:
                found.append(Entry(path, relative))
    return sorted(found, key=lambda entry: entry.relative)


def _relative(path: Path, directory: Path) -> str:
    return path.relative_to(directory).as_posix()


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


def examine(path: Path, directory: Path) -> tuple[os.stat_result | None, tuple[int, int, str]]:
    """The status of a rule file the loader would open, or where and why it would not.

    Only looks: follows no link out of the directory and opens nothing, so the
    rules cache can ask it of any entry without blocking on a pipe or reading a
    huge file.
    """
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return None, (1, 1, "symbolic link points to nothing")
        except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
            return None, (1, 1, "symbolic link loops; not followed")
        if not target.is_relative_to(directory.resolve()):
            return None, (1, 1, "symbolic link points outside the rules directory; not followed")
    too_large = f"rule files may be at most {MAX_FILE_BYTES:,} bytes"
    try:
        status = path.stat()
    except OSError as error:
        return None, (1, 1, f"cannot read file: {error.strerror}")
    if stat.S_ISDIR(status.st_mode):
        return None, (0, 0, "is a directory; expected a YAML file")
    if not stat.S_ISREG(status.st_mode):
        return None, (0, 0, "not a regular file (a pipe, socket or device); not read")
    if status.st_size > MAX_FILE_BYTES:
        return None, (1, 1, f"file is {status.st_size:,} bytes; {too_large}")
    return status, (0, 0, "")


def fingerprint(directory: Path) -> Iterator[tuple[str, int]]:
    """One line for every path the loader considers, naming what it would read there,
    with the latest modification time (ns) that line saw.

    Built from names and file metadata only (type, size, times, inode, device,
    mode, where a link points), after the loader's own checks: nothing is opened,
    so a pipe, a device or a huge file costs nothing. Any change the loader
    could see changes a line.
    """
    yield f"directory {directory.resolve()} {directory.is_dir()}", 0
    if not directory.is_dir():
        return
    for entry in rule_files(directory):
        line = f"{entry.relative!r}"
        if entry.unlisted is not None:
            yield f"{line} unlisted {entry.unlisted}", 0
            continue
        try:
            own = entry.path.lstat()
        except OSError as error:
            yield f"{line} gone {error.errno}", 0
            continue
        line += f" {_metadata(own)}"
        if stat.S_ISLNK(own.st_mode):
            try:
                line += f" link {os.readlink(entry.path)!r} to {entry.path.resolve()}"
            except (OSError, RuntimeError) as error:
                line += f" link unresolved {error}"
        if _model_for(entry.relative) is None:
            yield f"{line} not a rule file", own.st_mtime_ns
            continue
        status, problem = examine(entry.path, directory)
        if status is None:
            yield f"{line} refused {problem}", own.st_mtime_ns
        else:
            yield f"{line} reads {_metadata(status)}", max(own.st_mtime_ns, status.st_mtime_ns)


def _metadata(status: os.stat_result) -> str:
    return (
        f"mode={status.st_mode:o} size={status.st_size} mtime={status.st_mtime_ns} "
        f"ctime={status.st_ctime_ns} inode={status.st_ino} device={status.st_dev}"
    )


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
