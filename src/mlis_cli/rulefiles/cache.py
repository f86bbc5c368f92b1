"""A cache of validated rules, so a command does not parse and check every file each time.

The cache key is a hash of every file in the rules directory (names and bytes),
the name the directory is shown by, the package version and the cache format:
change any byte and the key changes, so a stale cache is never used. A cache
that cannot be read, or that holds anything but the rule classes, is ignored
and rebuilt: it is never trusted. It is written atomically (a temporary file,
then a rename), one file per rules directory, in the user's cache directory
(MLIS_CACHE_DIR overrides; MLIS_CACHE_DIR=off turns the cache off).

The file is a pickle read by an unpickler that refuses every class but the
RuleSet's own records and enums, so it cannot run code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from mlis_cli import __version__
from mlis_cli.model.ruleset import RuleSet

FORMAT = 2
"""Bumped whenever the compiled rules change shape, so an older cache is never read."""
_MAGIC = b"mlis-rules-cache\n"


def cache_dir() -> Path | None:
    """Where caches go, or None when the cache is turned off."""
    chosen = os.environ.get("MLIS_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlis", appauthor=False))


def content_key(directory: Path, shown: str) -> str:
    """A hash of everything the loader would read, and of how files are named in messages."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{shown}\0".encode())
    for path in sorted(directory.rglob("*")):
        if path.is_dir():
            continue
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as error:
            digest.update(f"\0unreadable {error.errno}\0".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def cache_file(directory: Path, root: Path) -> Path:
    name = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:32]
    return root / f"rules-{name}.pickle"


def read(path: Path, key: str) -> RuleSet | None:
    """The cached rules if the file holds exactly this key's rules; None otherwise."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _MAGIC + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    try:
        ruleset = _RuleUnpickler(io.BytesIO(data[len(header) :])).load()
    except Exception:  # a corrupt or foreign cache is ignored, whatever it raises
        return None
    return ruleset if isinstance(ruleset, RuleSet) else None


def write(path: Path, key: str, ruleset: RuleSet) -> None:
    """Store the rules; a cache that cannot be written only costs speed next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = _MAGIC + key.encode() + b"\n" + pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rules-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def load(directory: Path, shown: str) -> RuleSet:
    """The validated rules of a directory: from the cache when its key matches, else loaded and cached."""
    root = cache_dir()
    if root is None:
        return _load_and_check(directory, shown)
    key = content_key(directory, shown)
    path = cache_file(directory, root)
    cached = read(path, key)
    if cached is not None:
        return cached
    ruleset = _load_and_check(directory, shown)
    write(path, key, ruleset)
    return ruleset


def _load_and_check(directory: Path, shown: str) -> RuleSet:
    from mlis_cli.rulefiles import loader

    return loader.load(directory, shown)


class _RuleUnpickler(pickle.Unpickler):
    """Only the classes a RuleSet is made of; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "datetime" and name == "date":
            return dt.date
        if module == "builtins" and name in ("frozenset", "set"):
            return {"frozenset": frozenset, "set": set}[name]
        if module.startswith("mlis_cli.") and module.split(".")[-1] != "__main__":
            value = super().find_class(module, name)
            if isinstance(value, type) and (
                dataclasses.is_dataclass(value)
                or issubclass(value, enum.Enum)
                or (issubclass(value, tuple) and hasattr(value, "_fields"))
            ):
                return value
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the rules")
