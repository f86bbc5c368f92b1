"""Which files a rules directory holds and which the loader may open: names and metadata only.

Nothing here opens or parses a rule file, so the rules cache can tell from
this module alone whether what it keeps is still current, without importing
the loader, the schema or the YAML reader.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 1_000_000

ROOT_FILE_NAMES = ("sources.yaml", "degrees.yaml", "groups.yaml", "certificates.yaml", "guides.yaml")
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
            found.append(Entry(folder, relative_to(folder, directory), error.strerror or "cannot list"))
            continue
        for path in children:
            relative = relative_to(path, directory)
            if path.is_dir() and not path.is_symlink() and not is_rule_file(relative):
                folders.append(path)
            else:
                found.append(Entry(path, relative))
    return sorted(found, key=lambda entry: entry.relative)


def relative_to(path: Path, directory: Path) -> str:
    return path.relative_to(directory).as_posix()


def is_rule_file(relative: str) -> bool:
    """Whether a path (relative to the rules directory) names a rule file: a root file or a country's."""
    if relative in ROOT_FILE_NAMES:
        return True
    folder, _, name = relative.partition("/")
    return folder == COUNTRIES_DIR and "/" not in name and name.endswith(".yaml")


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
        if not is_rule_file(entry.relative):
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
