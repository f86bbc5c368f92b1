"""Hostile input for mlis: generated profiles, mutated rule files, and the contract each must meet.

Shared by the property tests and by benchmarks/fuzz_counts.py, which runs them
at larger counts and prints how many were tried. How many examples a run tries
is set by MLIS_FUZZ: `ci` (the default, for every test run) or `deep`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from mlis_cli.__main__ import main
from mlis_cli.model.verdicts import SCALE, WORDS
from mlis_cli.person.profile_input import PROFILE_KEYS
from mlis_cli.rulefiles import loader

LEVELS = {
    "ci": {"profiles": 200, "mutations": 300},
    "deep": {"profiles": 5_000, "mutations": 20_000},
}
SCALE_NAMES = frozenset(verdict.value for verdict in SCALE)


def fuzz_level() -> str:
    level = os.environ.get("MLIS_FUZZ", "ci") or "ci"
    if level not in LEVELS:
        raise ValueError(f"MLIS_FUZZ={level!r}: expected one of {', '.join(LEVELS)}")
    return level


def count(kind: str) -> int:
    """How many profiles or rule-file mutations this run tries."""
    return LEVELS[fuzz_level()][kind]


# --- Profiles --------------------------------------------------------------

_HUGE = st.integers(min_value=10**15, max_value=10**4000) | st.integers(
    min_value=-(10**4000), max_value=-(10**15)
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | _HUGE
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Zs"]))
    | st.sampled_from(["", " ", "\n", "~", "null", "[bold]x[/]", "0x1F", "1e999", "-", ":", "de:"])
)
JUNK = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)
CODES = ["us", "fi", "de", "gb", "uk", "ch", "se", "Finland", "United States", "US"]
LANGUAGES = st.dictionaries(
    st.sampled_from(["fi", "sv", "de", "en", "FI"]),
    st.sampled_from(["A1", "B2", "c1", "C2", "native", "none"]),
    min_size=1,
    max_size=3,
) | st.lists(st.sampled_from(["de:B2", "fi:native", "sv:A2", "EN:c1"]), min_size=1, max_size=3)
# values a person would mean, and values a spreadsheet or a typo would give
VALID: dict[str, st.SearchStrategy[Any]] = {
    "degree": st.sampled_from(
        ["ala", "cilip", "alia", "lianza", "lai", "other", "unaccredited", "none", "ALA"]
    ),
    "citizenship": st.sampled_from(CODES)
    | st.lists(st.sampled_from(CODES), min_size=1, max_size=3)
    | st.sampled_from(["us,fi", "de, ch"]),
    "age": st.integers(min_value=0, max_value=120) | st.sampled_from(["29", " 40 "]),
    "languages": LANGUAGES,
    "language": LANGUAGES,
    "sector": st.sampled_from(["public", "academic", "school", "special", "corporate", "PUBLIC"]),
    "stay": st.sampled_from(["short", "long", "Long"]),
    "graduated": st.integers(min_value=1900, max_value=2036) | st.just("2019"),
    "experience": st.floats(min_value=0, max_value=80) | st.integers(min_value=0, max_value=80),
    "phd": st.booleans(),
    "online": st.booleans(),
}
ODD: dict[str, st.SearchStrategy[Any]] = {
    "degree": st.sampled_from(["mls", "", " ", "ala\nala", "ALA-accredited", "mls\r\n", "m\u2028ls"]),
    "citizenship": st.sampled_from(["xx", "", ",", "us,,", "zz9", "eu", "eea", "Atlantis", "u\ns", "us\nfi"])
    | st.just([]),
    "age": st.integers(min_value=-5, max_value=-1)
    | st.integers(min_value=121, max_value=10**14)
    | st.just("29.5"),
    "languages": st.dictionaries(
        st.sampled_from(["xx", "toolong", "", "1a", "de"]),
        st.sampled_from(["Z9", "", "fluent", "B2"]),
        max_size=3,
    )
    | st.lists(st.sampled_from(["en", "de:", ":B2", "xx:C1", "de:B7", "de\n:B2", "d\ne:B2"]), max_size=3),
    "language": st.sampled_from([{}, [], "de:B2", "fluent"]),
    "sector": st.sampled_from(["prison", "", "Public Library", "pub\nlic"]),
    "stay": st.sampled_from(["forever", "", "short-term", "lo\nng"]),
    "graduated": st.integers(min_value=1000, max_value=1899) | st.integers(min_value=2037, max_value=9999),
    "experience": st.floats(min_value=-10, max_value=-0.01) | st.floats(min_value=80.01, max_value=1e300),
    "phd": st.sampled_from(["yes", 1, 0, "true"]),
    "online": st.sampled_from(["yes", 1, 0, "true"]),
}
assert set(VALID) == set(ODD) == set(PROFILE_KEYS), "every profile fact has valid and odd values"


@st.composite
def broken(draw: st.DrawFn, values: st.SearchStrategy[Any]) -> Any:
    """A meant value with a line break or control character slipped into its text."""
    value = draw(values)
    breaks = st.sampled_from(["\n", "\r\n", "\u2028", "\x85", "\t", "\x1b[31m", "\u200b"])
    if isinstance(value, str):
        at = draw(st.integers(min_value=0, max_value=len(value)))
        return value[:at] + draw(breaks) + value[at:]
    if isinstance(value, list) and value and isinstance(value[0], str):
        return [value[0] + draw(breaks), *value[1:]]
    if isinstance(value, dict) and value:
        code, level = next(iter(value.items()))
        return {**value, code: str(level) + draw(breaks)}
    return value


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    """A mapping of facts: all meant, or one spoiled (so its own message is the one given), or chaos."""
    keys = draw(st.lists(st.sampled_from(sorted(VALID)), unique=True, max_size=6))
    facts = {key: draw(VALID[key]) for key in keys}
    mode = draw(st.sampled_from(["clean", "spoiled", "spoiled", "chaos"]))
    if mode == "spoiled" and keys:
        key = draw(st.sampled_from(keys))
        facts[key] = draw(ODD[key] | broken(VALID[key]) | JUNK)
    elif mode == "chaos":
        for key in keys:
            facts[key] = draw(st.sampled_from([VALID[key], ODD[key], JUNK]).flatmap(lambda values: values))
        facts.update(draw(st.dictionaries(st.text(max_size=10), JUNK, max_size=2)))
    return facts


@st.composite
def profile_texts(draw: st.DrawFn) -> str:
    """A profile as a person might hand it over: YAML, JSON, or text that is neither."""
    form = draw(st.sampled_from(["yaml", "yaml", "json", "json", "text"]))
    if form == "text":
        return draw(st.text())
    facts = draw(profiles())
    if form == "json":
        return json.dumps(facts, ensure_ascii=draw(st.booleans()))
    return yaml.safe_dump(facts, allow_unicode=True)


FLAGS = ["--age", "--lang", "--citizenship", "--degree", "--sector", "--stay", "--graduated", "--experience"]


@st.composite
def check_arguments(draw: st.DrawFn) -> list[str]:
    """`mlis check --profile -` with a country, an output form and sometimes flags that override."""
    args = ["check", "--profile", "-", "--country", draw(st.sampled_from(["fi", "FI", "Finland", "suomi"]))]
    if draw(st.booleans()):
        args.append("--json")
    if draw(st.booleans()):
        args.append("--strict")
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        for flag, value in draw(
            st.lists(st.tuples(st.sampled_from(FLAGS), st.text(max_size=12)), max_size=2)
        ):
            args += [flag, value]
    return args


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def run_mlis(args: Sequence[str], stdin: str = "") -> Outcome:
    """The real entry point, in-process, with the given stdin and its streams captured."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        sys.stdin = saved
    return Outcome(code, out.getvalue(), err.getvalue())


_WORDS = "|".join(re.escape(words) for words in WORDS.values())
_HEADLINE = re.compile(
    rf"^Finland \(fi\): (?:could be )?({_WORDS})(?: or (?:{_WORDS}),.*| \(worst case.*)?$", re.MULTILINE
)
"""The headline: a verdict in words, or what it could be and what it depends on."""


def assert_check_contract(args: Sequence[str], outcome: Outcome) -> None:
    """Exit 0 with a verdict from the scale, or exit 2 with one line on stderr; nothing else."""
    as_json = "--json" in args
    if outcome.exit_code == 0:
        assert outcome.stderr == "", outcome.stderr
        if as_json:
            (result,) = json.loads(outcome.stdout)["results"]
            assert result["verdict"] in SCALE_NAMES, result
            assert result["worst_case"] in SCALE_NAMES, result
        else:
            headline = _HEADLINE.match(outcome.stdout)
            assert headline is not None and headline.start() == 0, outcome.stdout[:200]
        return
    assert outcome.exit_code == 2, (outcome.exit_code, outcome.stderr[-2000:])
    assert outcome.stdout == "", outcome.stdout
    assert outcome.stderr.endswith("\n") and outcome.stderr.count("\n") == 1, outcome.stderr
    if as_json:
        assert json.loads(outcome.stderr)["error"]["code"] == "usage", outcome.stderr
    else:
        assert outcome.stderr.startswith("mlis: error: "), outcome.stderr


# --- Batches ----------------------------------------------------------------


@st.composite
def batch_lines(draw: st.DrawFn) -> str:
    """JSONL: profiles one per line, with blank, broken and non-object lines among them."""
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        kind = draw(st.sampled_from(["profile", "profile", "junk", "text", "blank"]))
        if kind == "profile":
            lines.append(json.dumps(draw(profiles())))
        elif kind == "junk":
            lines.append(json.dumps(draw(JUNK)))
        elif kind == "text":
            lines.append(draw(st.text(max_size=30)).replace("\n", " "))
        else:
            lines.append("")
    return "\n".join(lines) + ("\n" if draw(st.booleans()) else "")


def verdict_values(data: Any) -> Iterator[Any]:
    """Every value of a `verdict` or `worst_case` key anywhere in a JSON document."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("verdict", "worst_case"):
                yield value
            else:
                yield from verdict_values(value)
    elif isinstance(data, list):
        for item in data:
            yield from verdict_values(item)


def assert_batch_contract(outcome: Outcome) -> None:
    """A documented exit code, JSON lines on stdout with verdicts from the scale, no traceback."""
    assert outcome.exit_code in (0, 1, 2), (outcome.exit_code, outcome.stderr[-2000:])
    assert "Traceback" not in outcome.stderr, outcome.stderr
    for line in outcome.stdout.splitlines():
        for verdict in verdict_values(json.loads(line)):
            assert verdict in SCALE_NAMES, line
    if outcome.exit_code == 2:
        assert outcome.stderr.count("\n") == 1, outcome.stderr


# --- Rule files -------------------------------------------------------------

Mutator = Callable[[random.Random, bytes], bytes]
_KEY_LINE = re.compile(rb"^( *)(- )?([A-Za-z_][\w-]*):( |$)")
_VALUES = [
    b"[]",
    b"{}",
    b"42",
    b"-1",
    b"3.5",
    b"true",
    b"null",
    b"~",
    b"''",
    b'"x"',
    b"[a, b]",
    b"{a: 1}",
    b"2026-02-30",
    b"0x" + b"f" * 30,
    b"9" * 5000,
    b".nan",
    b"-.inf",
    b"!!binary aGk=",
    b"!!python/name:os.system",
    b"!!python/object/apply:os.system ['true']",
    b"!!set {a, b}",
    b"|\n  block",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\u00e9\u2028\u0085\ufeff".encode(),
]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _key_lines(lines: list[bytes]) -> list[int]:
    return [index for index, line in enumerate(lines) if _KEY_LINE.match(line)] or [0]


def delete_key(rng: random.Random, data: bytes) -> bytes:
    """Remove a key with everything indented under it."""
    lines = _lines(data)
    start = rng.choice(_key_lines(lines))
    match = _KEY_LINE.match(lines[start])
    indent = len(match.group(1)) + len(match.group(2) or b"") if match else 0
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    if match and match.group(2):  # keep the list item open: drop only the key after "- "
        return b"\n".join([*lines[:start], match.group(1) + b"- ", *lines[end:]])
    return b"\n".join(lines[:start] + lines[end:])


def swap_type(rng: random.Random, data: bytes) -> bytes:
    """Give a key a value of another type, or one YAML reads in a surprising way."""
    lines = _lines(data)
    index = rng.choice(_key_lines(lines))
    match = _KEY_LINE.match(lines[index])
    head = lines[index][: match.end()].rstrip() if match else b"key:"
    lines[index] = head + b" " + rng.choice(_VALUES)
    return b"\n".join(lines)


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 8)) + data[at:]


def insert_character(rng: random.Random, data: bytes) -> bytes:
    """A character YAML gives meaning to, or one that breaks a reader: quotes, tabs, NUL, BOM."""
    at = rng.randrange(len(data) + 1)
    character = rng.choice(list(":-[]{}&*!|>'\"#%@`,?\t\n\r\x00\x07\x85\ufeff\u2028\ud7ff\U0001f600"))
    return data[:at] + character.encode() + data[at:]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def duplicate_key(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    index = rng.choice(_key_lines(lines))
    match = _KEY_LINE.match(lines[index])
    copy = lines[index]
    if match and match.group(2):  # repeat the key inside the same list item
        copy = match.group(1) + b"  " + lines[index][match.end(2) :]
    return b"\n".join([*lines[: index + 1], copy, *lines[index + 1 :]])


def add_alias(rng: random.Random, data: bytes) -> bytes:
    """Anchor one value and refer to it from another, or plant a billion-laughs block."""
    lines = _lines(data)
    if rng.random() < 0.25:
        laughs = [b"lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        laughs += [f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]".encode() for n in range(1, 10)]
        at = rng.randrange(len(lines) + 1)
        return b"\n".join(lines[:at] + laughs + lines[at:])
    candidates = [i for i in _key_lines(lines) if lines[i].rstrip().endswith(b":") is False]
    first, second = sorted(rng.sample(candidates, 2)) if len(candidates) > 1 else (0, 0)
    for index, replacement in ((first, b"&shared "), (second, b"*shared")):
        match = _KEY_LINE.match(lines[index])
        if match:
            rest = lines[index][match.end() :]
            lines[index] = lines[index][: match.end()] + (
                replacement + rest if index == first else replacement
            )
    return b"\n".join(lines)


def shift_indent(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    shift = rng.choice([-2, -1, 1, 2, 4])
    lines[index] = b" " * shift + lines[index] if shift > 0 else lines[index][-shift:]
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    if len(lines) > 1:
        index = rng.randrange(len(lines) - 1)
        lines[index], lines[index + 1] = lines[index + 1], lines[index]
    return b"\n".join(lines)


MUTATORS: tuple[Mutator, ...] = (
    delete_key,
    swap_type,
    insert_bytes,
    insert_character,
    truncate,
    duplicate_key,
    add_alias,
    shift_indent,
    swap_lines,
)


@dataclass(frozen=True)
class Mutation:
    seed: int
    file: str  # relative to the rules directory
    mutators: tuple[str, ...]
    data: bytes

    def __str__(self) -> str:
        return f"seed {self.seed}: {self.file} <- {' + '.join(self.mutators)}"


def mutations(rules: Path, total: int, first_seed: int = 0) -> Iterator[Mutation]:
    """`total` mutated versions of the rule files, spread evenly, the same for the same seeds.

    Each applies one to three mutators to the original bytes of one file.
    """
    files = [entry.relative for entry in loader.rule_files(rules)]
    originals = {name: (rules / name).read_bytes() for name in files}
    for seed in range(first_seed, first_seed + total):
        rng = random.Random(seed)
        name = files[seed % len(files)]
        data = originals[name]
        applied = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            mutator = rng.choice(MUTATORS)
            data = mutator(rng, data)
            applied.append(mutator.__name__)
        yield Mutation(seed, name, tuple(applied), data)


class FuzzRules:
    """A scratch rules directory: one file at a time is replaced by a mutation.

    A mutated file is read beside the registries alone (no other country),
    with sources.yaml trimmed to the sources the rules cite, so that each try
    parses little beyond the file under test while references are still checked.
    """

    def __init__(self, rules: Path, scratch: Path) -> None:
        self.rules = rules
        self.directory = scratch / "rules"
        (self.directory / "countries").mkdir(parents=True)
        self.registries = {name: (rules / name).read_bytes() for name in loader.ROOT_FILES}
        self.countries = {
            entry.relative: (rules / entry.relative).read_bytes()
            for entry in loader.rule_files(rules)
            if entry.relative.startswith("countries/")
        }
        sources = yaml.safe_load(self.registries["sources.yaml"])["sources"]
        cited = set(re.findall(rb"[a-z0-9]+(?:-[a-z0-9]+)*", b"".join(self.countries.values())))
        cited |= set(re.findall(rb"[a-z0-9]+(?:-[a-z0-9]+)*", self.registries["degrees.yaml"]))
        for name in loader.ROOT_FILES:
            if name != "sources.yaml":
                cited |= set(re.findall(rb"[a-z0-9]+(?:-[a-z0-9]+)*", self.registries[name]))
        kept = {key: value for key, value in sources.items() if key.encode() in cited}
        self.trimmed_sources = yaml.safe_dump({"sources": kept}, allow_unicode=True).encode()

    def problems(self, mutation: Mutation) -> list[loader.Problem]:
        """Every problem `mlis rules validate` finds with the mutated file in place."""
        for path in (self.directory / "countries").iterdir():
            path.unlink()
        files = {**self.registries, "sources.yaml": self.trimmed_sources}
        files[mutation.file] = mutation.data
        for name, data in files.items():
            (self.directory / name).write_bytes(data)
        return loader.problems_in(self.directory, "rules")


def assert_located(mutation: Mutation, problems: Sequence[loader.Problem], directory: Path) -> None:
    """Each problem names a file of the directory, a line within it (1-based), and one line of text."""
    for problem in problems:
        name = problem.file.removeprefix("rules/")
        assert (directory / name).exists(), (str(mutation), str(problem))
        lines = len(re.findall(rb"\r\n?|\n", (directory / name).read_bytes())) + 1
        assert 1 <= problem.line <= lines + 1 and problem.column >= 1, (str(mutation), str(problem))
        assert problem.message and "\n" not in problem.message, (str(mutation), str(problem))
    assert problems == sorted(set(problems)), str(mutation)


# --- Hostile rules directories (for the rules cache) -------------------------

HOSTILE_KINDS = ("pipe", "device", "link-out", "loop", "dangling", "dir-yaml", "huge", "dir-link")
HOSTILE_NAMES = ("countries/zz.yaml", "countries/fi.yaml", "degrees.yaml", "groups.yaml", "x.yaml")


def hostile_directory(rng: random.Random, rules: Path, outside: Path) -> list[str]:
    """Put one to three hostile things into a copy of the rules, each of which makes it invalid:
    pipes, links to devices, out of the directory, in a loop or to nothing, directories
    named like rule files, huge sparse files. Returns what was done, to show on failure."""
    done = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(HOSTILE_KINDS)
        name = rng.choice(HOSTILE_NAMES)
        target = rules / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif os.path.lexists(target):
            target.unlink()
        if kind == "pipe":
            os.mkfifo(target)
        elif kind == "device":
            target.symlink_to(rng.choice(["/dev/zero", "/dev/urandom", "/dev/null", "/dev/tty"]))
        elif kind == "link-out":
            copy = outside / f"{rng.randrange(10**9)}.yaml"
            copy.write_bytes(b"code: fi\n")
            target.symlink_to(copy)
        elif kind == "loop":
            target.symlink_to(target.name)
        elif kind == "dangling":
            target.symlink_to("nowhere.yaml")
        elif kind == "dir-yaml":
            target.mkdir()
        elif kind == "huge":
            with target.open("wb") as huge:
                huge.truncate(rng.choice([1_000_001, 2**31, 2**40]))
        else:
            target.symlink_to(rng.choice(["/", "/dev", str(rules)]), target_is_directory=True)
        done.append(f"{kind} at {name}")
    return done


# --- The output channel -------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HOSTILE_PIECES = st.sampled_from(
    [
        "\x1b[2J",
        "\x1b]8;;https://evil.example/\x1b\\",
        "\x00",
        "\x07",
        "\x7f",
        "\x9b31m",
        "\u202e",
        "\u2066",
        "\u200b",
        "\ufeff",
        "\u2028",
        "[/]",
        "[link=https://evil.example/]x[/link]",
        "[bold]",
        '=HYPERLINK("http://evil.example/")',
        "+1",
        "-1+2",
        "@SUM(A1)",
        "\t",
        "\r",
        "; ",
        '"',
        ",",
        "\n",
        "f\u0456",
    ]
)
_BMP = st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",))
hostile_texts = st.lists(_HOSTILE_PIECES | st.text(_BMP, max_size=8), min_size=1, max_size=6).map("".join)
"""Text built from what a terminal or a spreadsheet would act on, and ordinary text around it."""


def hidden_in(text: str) -> list[str]:
    """The characters of text nobody would see as written (newline and tab aside)."""
    from mlis_cli.model.visible import is_hidden

    return sorted({char for char in text if is_hidden(char)})


def assert_text_output_contract(outcome: Outcome) -> None:
    """Text output without color carries no control, format or separator character at all."""
    assert outcome.exit_code in (0, 2), (outcome.exit_code, outcome.stderr[-2000:])
    assert hidden_in(outcome.stdout) == [], outcome.stdout[:300]
    assert hidden_in(outcome.stderr.rstrip("\n")) == [], outcome.stderr


def assert_csv_output_contract(outcome: Outcome, list_columns: Sequence[str]) -> None:
    """CSV whose cells no spreadsheet runs as formulas, with no hidden character, and whose
    list cells are JSON arrays."""
    import csv

    assert outcome.exit_code in (0, 1, 2), (outcome.exit_code, outcome.stderr[-2000:])
    assert "Traceback" not in outcome.stderr, outcome.stderr
    rows = list(csv.DictReader(io.StringIO(outcome.stdout)))
    for row in rows:
        for column, cell in row.items():
            assert hidden_in(cell) == [], (column, cell)
            if cell and not cell.lstrip("-").replace(".", "", 1).isdigit():
                assert not cell.startswith(FORMULA_STARTS), (column, cell)
            if column in list_columns and cell:
                assert isinstance(json.loads(cell), list), (column, cell)


def with_country_name(rules: Path, directory: Path, code: str, name: str) -> Path:
    """A copy of the rules whose country `code` is called name; YAML escapes carry any character,
    and a letter in front keeps the name from being empty."""
    if directory.exists():
        shutil.rmtree(directory)
    shutil.copytree(rules, directory)
    country = directory / "countries" / f"{code}.yaml"
    text = country.read_text(encoding="utf-8")
    renamed = re.sub(r"(?m)^name: .*$", lambda _: f"name: {json.dumps('X' + name)}", text, count=1)
    country.write_text(renamed, encoding="utf-8")
    return directory


# --- Concurrency --------------------------------------------------------------

PROFILE_FACTS: dict[str, Callable[[random.Random], str]] = {
    "age": lambda rng: str(rng.randint(20, 70)),
    "graduated": lambda rng: str(rng.randint(1980, 2025)),
    "experience": lambda rng: str(rng.randint(0, 30)),
    "degree": lambda rng: rng.choice(["ala", "cilip"]),
    "sector": lambda rng: rng.choice(["public", "academic", "school"]),
    "stay": lambda rng: rng.choice(["short", "long"]),
}


def concurrent_profile_sets(rng: random.Random, config: Path, environment: dict[str, str]) -> dict[str, str]:
    """Two `mlis profile set` of different facts at once, each in a process of its own, over no
    saved profile; the facts (as text) that did not reach the file, empty when none was lost."""
    import subprocess

    (config / "profile.yaml").unlink(missing_ok=True)
    first, second = rng.sample(sorted(PROFILE_FACTS), 2)
    wanted = {first: PROFILE_FACTS[first](rng), second: PROFILE_FACTS[second](rng)}
    command = [sys.executable, "-m", "mlis_cli", "profile", "set"]
    env = {**environment, "MLIS_CONFIG_DIR": str(config)}
    processes = [
        subprocess.Popen([*command, fact, value], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for fact, value in wanted.items()
    ]
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
    saved = yaml.safe_load((config / "profile.yaml").read_text(encoding="utf-8")) or {}
    return {fact: value for fact, value in wanted.items() if str(saved.get(fact)) != value}
