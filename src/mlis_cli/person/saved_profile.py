"""The profile a person saves once: where it lives, reading it strictly, writing it atomically.

It lives in the per-user config directory (platformdirs), or in MLIS_CONFIG_DIR
when that is set. It is read with the strict YAML loader and validated by
`parse_profile`, exactly like a `--profile` file; every problem names the file.
Writing goes to a temporary file in the same directory, then renames it over the
old one, so a crash leaves either the old profile or the new one, never half of one.
Commands that read, change and write it hold a lock (`profile.yaml.lock`, beside
it) from the read to the write, so two at once cannot lose each other's facts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from mlis_cli.errors import UsageError
from mlis_cli.person.fact_answers import FACT_NAMES, known_facts
from mlis_cli.person.profile_input import parse_profile

CONFIG_DIR_VARIABLE = "MLIS_CONFIG_DIR"
FILE_NAME = "profile.yaml"
LOCK_SUFFIX = ".lock"
LOCK_WAIT_SECONDS = 10.0
"""How long to wait for another mlis to finish changing the profile before giving up."""
HEADER = (
    "# mlis saved profile: the facts 'mlis check' uses when no flag gives them.\n"
    "# Change it with 'mlis profile set FACT VALUE' or 'mlis profile init'.\n"
)
FIX_HINT = (
    "fix it with 'mlis profile set FACT VALUE' or in an editor, start again with "
    "'mlis profile init', or ignore it with --no-profile"
)


class SavedProfile(NamedTuple):
    path: Path
    facts: dict[str, Any]
    """The known facts, normalised (codes lower case, languages a mapping)."""


def config_dir() -> Path:
    """MLIS_CONFIG_DIR when set, otherwise the per-user config directory of this system."""
    chosen = os.environ.get(CONFIG_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return platformdirs.user_config_path("mlis", appauthor=False)


def profile_path() -> Path:
    return config_dir() / FILE_NAME


def read_facts(path: Path) -> dict[str, Any] | None:
    """The facts written in the file as they stand, or None when there is no file."""
    if not path.exists():
        return None
    from mlis_cli.person.profile_sources import MAX_PROFILE

    try:
        with path.open(encoding="utf-8") as stream:
            text = stream.read(MAX_PROFILE + 1)
    except OSError as error:
        raise UsageError(f"cannot read saved profile {path}: {error.strerror}", hint=FIX_HINT) from None
    except UnicodeDecodeError:
        raise UsageError(f"cannot read saved profile {path}: not UTF-8 text", hint=FIX_HINT) from None
    if len(text) > MAX_PROFILE:
        raise UsageError(
            f"saved profile {path} is longer than {MAX_PROFILE} characters (1 Mi)", hint=FIX_HINT
        )
    from mlis_cli import yaml_strict  # only when there is a file: YAML costs start-up time

    try:
        data = yaml_strict.load(text).data
    except yaml_strict.YamlError as error:
        where = f"{path}:{error.mark.line}:{error.mark.column}"
        raise UsageError(f"saved profile {where}: {error.message}", hint=FIX_HINT) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(
            f"saved profile {path}: expected a mapping of facts such as degree: ala", hint=FIX_HINT
        )
    return data


def validated(path: Path, data: dict[str, Any], degrees: Iterable[str], today: dt.date) -> dict[str, Any]:
    """The known facts of a saved profile, normalised; a UsageError naming the file otherwise."""
    try:
        return known_facts(parse_profile(data, degrees, today))
    except UsageError as error:
        hint = f"{error.hint}; {FIX_HINT}" if error.hint else FIX_HINT
        raise UsageError(f"saved profile {path}: {error.message}", hint=hint) from None


def load(path: Path, degrees: Iterable[str], today: dt.date) -> SavedProfile | None:
    """The saved profile at path, validated, or None when there is none."""
    data = read_facts(path)
    if data is None:
        return None
    return SavedProfile(path, validated(path, data, degrees, today))


def note(path: Path, facts: Iterable[str]) -> str:
    """The line that tells which facts of a check came from the saved profile."""
    return f"From your saved profile ({path}): {', '.join(facts)}"


def render(facts: dict[str, Any]) -> str:
    """The file's text: a header, then the facts in their usual order."""
    import yaml

    ordered = {key: facts[key] for key in FACT_NAMES if key in facts}
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return HEADER + ("" if not ordered else body)


def write(path: Path, facts: dict[str, Any]) -> None:
    """Replace the file with these facts atomically: a temporary file, then a rename."""
    text = render(facts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as error:
        where = f" ({error.filename})" if error.filename and Path(error.filename) != path else ""
        raise UsageError(f"cannot write saved profile {path}: {error.strerror}{where}") from None


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the profile's lock (an advisory lock on a file beside it) while inside.

    Another mlis holding it is waited for, up to `wait` seconds; then a UsageError.
    The lock file stays (removing it would race with the next holder); it is empty.
    """
    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise UsageError(f"cannot lock saved profile {path}: {error.strerror} ({lock_path})") from None
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise UsageError(
                    f"saved profile {path} is being changed by another mlis (locked for over {wait:g} s)",
                    hint=f"try again; if no other mlis runs, remove {lock_path}",
                )
            time.sleep(0.01)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock


def _try_lock(handle: int) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def remove(path: Path) -> bool:
    """Delete the saved profile; False when there was none."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise UsageError(f"cannot remove saved profile {path}: {error.strerror}") from None
    return True
