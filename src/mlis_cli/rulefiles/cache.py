"""A cache of validated rules, so a command does not parse and check every file each time.

The cache can only make mlis faster, never different:

- The key is a hash of the metadata (type, size, times, inode, device, mode,
  where links point) of every path the loader considers, taken after the
  loader's own checks (`files.fingerprint`): any change the loader could see
  misses, and building the key opens no file, so a pipe, a device or a huge
  file in the rules directory costs nothing. The key and the file name come
  from the resolved directory, not from the working directory.
- It is used only from a directory owned by the user running mlis and not
  writable by anyone else; any other directory is silently not used.
- Its content is authenticated: an HMAC-SHA256 with a random secret kept in
  the user's config directory (created once, readable by the user alone) is
  checked before anything is unpickled. A file that fails, or that is not a
  regular file of the user's below the size cap, is ignored and rebuilt; it is
  opened without following links and without blocking.
- Rules modified in the last two seconds are not cached, so that two writes
  within one tick of the file system's clock cannot leave a stale key.
- It is written atomically (a temporary file, then a rename); only the most
  recent few files are kept.

MLIS_CACHE_DIR moves it; MLIS_CACHE_DIR=off turns it off. The unpickler still
refuses every class but the RuleSet's own records and enums.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from mlis_cli import __version__
from mlis_cli.model.ruleset import RuleSet

FORMAT = 4
"""Bumped whenever the compiled rules or this file's layout change, so an older cache is never read."""
_MAGIC = b"mlis-rules-cache 4\n"
MAX_CACHE_BYTES = 64 * 1024 * 1024
"""A cache file larger than this is not read (the shipped rules take well under 1 MB)."""
KEEP = 8
"""How many cache files (one per rules directory) are kept; older ones are removed."""
SETTLED_NS = 2_000_000_000
"""Rules modified less than this long ago (ns) are not cached: a file rewritten twice within
one tick of the file system's clock, at the same size, would keep the same metadata."""
SECRET_FILE = "rules-cache.key"
_SECRET_BYTES = 32
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def cache_dir() -> Path | None:
    """Where caches go, or None when the cache is turned off."""
    chosen = os.environ.get("MLIS_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlis", appauthor=False))


def content_key(directory: Path) -> str:
    """A hash of what the loader would read in a directory, from metadata alone."""
    return _key_and_newest(directory)[0]


def _key_and_newest(directory: Path) -> tuple[str, int]:
    from mlis_cli.rulefiles import files

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    newest = 0
    for line, modified in files.fingerprint(directory):
        digest.update(line.encode("utf-8", "surrogateescape") + b"\0")
        newest = max(newest, modified)
    return digest.hexdigest(), newest


def cache_file(directory: Path, root: Path) -> Path:
    name = hashlib.sha256(os.fsencode(directory.resolve())).hexdigest()[:32]
    return root / f"rules-{name}.pickle"


def private_dir(root: Path) -> bool:
    """Whether root is (now) a directory of this user's that nobody else can write to."""
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = root.stat()
    except OSError:
        return False
    return _private(status, 0o022) and stat.S_ISDIR(status.st_mode)


def _private(status: os.stat_result, forbidden: int) -> bool:
    owner = os.getuid() if hasattr(os, "getuid") else status.st_uid
    return status.st_uid == owner and not status.st_mode & forbidden


def secret() -> bytes | None:
    """This user's key for the cache, created on first use; None when it cannot be kept privately."""
    from mlis_cli.person.saved_profile import config_dir

    folder = config_dir()
    path = folder / SECRET_FILE
    for _ in range(2):
        found = _read_capped(path, _SECRET_BYTES, 0o077)
        if found is not None:
            return found if len(found) == _SECRET_BYTES else None
        if os.path.lexists(path):
            return None  # there, but not a private regular file of ours: never used
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".rules-cache-", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(secrets.token_bytes(_SECRET_BYTES))
                # a link fails if another process created the key first; then theirs is read
                os.link(temporary, path)
            except FileExistsError:
                pass
            finally:
                Path(temporary).unlink(missing_ok=True)
        except OSError:
            return None
    return None


def _read_capped(path: Path, cap: int, forbidden: int) -> bytes | None:
    """A regular file of this user's, at most cap bytes, opened without following a link or blocking."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or not _private(status, forbidden) or status.st_size > cap:
            return None
        chunks = []
        remaining = cap + 1
        while remaining > 0:
            chunk = os.read(handle, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        return data if len(data) <= cap else None
    except OSError:
        return None
    finally:
        os.close(handle)


def _signature(key: bytes, content: bytes) -> bytes:
    return hmac.new(key, content, hashlib.sha256).hexdigest().encode()


def read(path: Path, key: str, shown: str, signing_key: bytes) -> RuleSet | None:
    """The rules cached for this key if the file is signed with signing_key; None otherwise."""
    data = _read_capped(path, MAX_CACHE_BYTES, 0o022)
    if data is None or not data.startswith(_MAGIC):
        return None
    signature, newline, content = data[len(_MAGIC) :].partition(b"\n")
    if not newline or not hmac.compare_digest(signature, _signature(signing_key, content)):
        return None
    header = key.encode() + b"\n"
    if not content.startswith(header):
        return None
    try:
        stored_shown, ruleset = _RuleUnpickler(io.BytesIO(content[len(header) :])).load()
    except Exception:  # a corrupt or foreign cache is ignored, whatever it raises
        return None
    if not isinstance(ruleset, RuleSet) or not isinstance(stored_shown, str):
        return None
    return _shown_as(ruleset, stored_shown, shown)


def write(path: Path, key: str, shown: str, ruleset: RuleSet, signing_key: bytes) -> None:
    """Store the rules; a cache that cannot be written only costs speed next time."""
    content = key.encode() + b"\n" + pickle.dumps((shown, ruleset), protocol=pickle.HIGHEST_PROTOCOL)
    payload = _MAGIC + _signature(signing_key, content) + b"\n" + content
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rules-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
    prune(path.parent)


def prune(root: Path, keep: int = KEEP) -> None:
    """Remove all but the keep most recently written cache files."""
    try:
        found = []
        for child in root.glob("rules-*.pickle"):
            status = child.lstat()
            if stat.S_ISREG(status.st_mode):
                found.append((status.st_mtime_ns, child))
        for _, old in sorted(found, reverse=True)[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def load(directory: Path, shown: str) -> RuleSet:
    """The validated rules of a directory: from the cache when its key matches, else loaded and cached."""
    root = cache_dir()
    signing_key = secret() if root is not None and private_dir(root) else None
    if root is None or signing_key is None:
        return _load_and_check(directory, shown)
    key, newest = _key_and_newest(directory)
    path = cache_file(directory, root)
    cached = read(path, key, shown, signing_key)
    if cached is not None:
        return cached
    ruleset = _load_and_check(directory, shown)
    # Not kept if anything changed while the files were read, nor if a file was modified
    # so recently that a second change within the clock's tick would leave its metadata as is.
    if content_key(directory) == key and time.time_ns() - newest > SETTLED_NS:
        write(path, key, shown, ruleset, signing_key)
    return ruleset


def _shown_as(ruleset: RuleSet, stored: str, shown: str) -> RuleSet:
    """The rules as if loaded under the name shown: country files are named by it in messages."""
    if stored == shown:
        return ruleset
    old, new = _prefix(stored), _prefix(shown)
    countries = {
        code: country._replace(file=new + country.file.removeprefix(old))
        for code, country in ruleset.countries.items()
    }
    return ruleset._replace(countries=countries)


def _prefix(shown: str) -> str:
    return f"{shown.rstrip('/')}/" if shown else ""


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
