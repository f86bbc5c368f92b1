"""What protects the process from a hostile rules directory, each with its exact message.

Size cap, nesting depth, aliases, tags, huge numbers, bytes that are not text,
links, pipes and folders where files should be: each is reported, located, and
neither followed, executed nor crashed on.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mlis_cli.rulefiles import loader
from tests.conftest import RULES
from tests.rule_dirs import many_rule_files

UNEXPECTED = (
    "not a rule file; expected only sources.yaml, degrees.yaml, groups.yaml, certificates.yaml, "
    "guides.yaml, countries/<code>.yaml"
)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the shipped rules to spoil."""
    directory = tmp_path / "rules"
    shutil.copytree(RULES, directory)
    return directory


def problems(directory: Path) -> list[str]:
    return [str(problem) for problem in loader.problems_in(directory, "rules")]


def with_country(rules: Path, text: str | bytes) -> list[str]:
    path = rules / "countries" / "xx.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return problems(rules)


def permissions_enforced(path: Path) -> bool:
    """Whether taking away read permission stops this process (it does not for root)."""
    return not os.access(path, os.R_OK)


def test_the_copy_of_the_shipped_rules_has_no_problems(rules: Path) -> None:
    assert problems(rules) == []


# --- size ---


def test_a_file_over_the_size_cap_is_refused_from_its_size_alone(rules: Path) -> None:
    # 10 GB, sparse: reading it whole would take the machine down, so passing shows it is not read
    with (rules / "countries" / "xx.yaml").open("wb") as handle:
        handle.truncate(10_000_000_000)
    assert problems(rules) == [
        "rules/countries/xx.yaml:1:1: file is 10,000,000,000 bytes; rule files may be at most 1,000,000 bytes"
    ]


def test_a_file_one_byte_over_the_cap_is_refused(rules: Path) -> None:
    assert with_country(rules, "#" * 1_000_001) == [
        "rules/countries/xx.yaml:1:1: file is 1,000,001 bytes; rule files may be at most 1,000,000 bytes"
    ]


def test_a_file_exactly_at_the_cap_is_read(rules: Path) -> None:
    fi = (RULES / "countries" / "fi.yaml").read_text(encoding="utf-8")
    padding = "#" * (1_000_000 - len(fi.encode()) - 1) + "\n"
    (rules / "countries" / "fi.yaml").write_text(padding + fi, encoding="utf-8")
    assert (rules / "countries" / "fi.yaml").stat().st_size == 1_000_000
    assert problems(rules) == []


# --- structure ---


def test_ten_thousand_nested_flow_brackets_stop_at_the_depth_limit(rules: Path) -> None:
    assert with_country(rules, "[" * 10_000 + "]" * 10_000) == [
        "rules/countries/xx.yaml:1:65: nesting deeper than 64 levels"
    ]


def test_deeply_nested_flow_mappings_stop_at_the_depth_limit(rules: Path) -> None:
    assert with_country(rules, "{a: " * 10_000 + "}" * 10_000) == [
        "rules/countries/xx.yaml:1:254: nesting deeper than 64 levels"
    ]


def test_deeply_nested_block_sequences_stop_at_the_depth_limit(rules: Path) -> None:
    assert with_country(rules, "- " * 100_000 + "x\n") == [
        "rules/countries/xx.yaml:1:129: nesting deeper than 64 levels"
    ]


def test_billion_laughs_is_refused_at_the_first_anchor(rules: Path) -> None:
    laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)
    )
    assert with_country(rules, laughs) == [
        "rules/countries/xx.yaml:1:5: anchor '&a0' is not allowed in rule files"
    ]


def test_an_alias_is_refused_even_without_its_anchor(rules: Path) -> None:
    assert with_country(rules, "code: *fi\n") == [
        "rules/countries/xx.yaml:1:7: alias '*fi' is not allowed in rule files"
    ]


# A duplicate key spoils its entry, not the file: the rest is still checked.
DUPLICATE_NAME = [
    *(
        f"rules/countries/xx.yaml:1:1: {key}: missing required key '{key}'"
        for key in ("association", "group", "requirements", "reviewed")
    ),
    "rules/countries/xx.yaml:3:1: duplicate key 'name' (first defined at line 2)",
]


def test_a_duplicate_key_names_where_it_was_first_defined(rules: Path) -> None:
    assert with_country(rules, "code: xx\nname: A\nname: B\n") == DUPLICATE_NAME


def test_a_key_that_cannot_stand_is_reported_and_so_is_what_its_value_holds(rules: Path) -> None:
    # the second 'name' is left out, but a bad key inside it is still found
    assert with_country(rules, "code: xx\nname: A\nname: {1: B}\n2: C\n") == [
        *DUPLICATE_NAME,
        "rules/countries/xx.yaml:3:8: mapping key '1' reads as int; quote it to make it a string",
        "rules/countries/xx.yaml:4:1: mapping key '2' reads as int; quote it to make it a string",
    ]


def test_a_second_document_in_one_file_is_refused(rules: Path) -> None:
    assert with_country(rules, "code: xx\n---\ncode: yy\n") == [
        "rules/countries/xx.yaml:2:1: not valid YAML: but found another document"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "code: xx\nname: 'A\u2028B\u0085C'\nname: D\n",  # line and next-line separators inside a value
        "code: xx\r\nname: A\r\nname: D\r\n",
        "code: xx\rname: A\rname: D\r",
    ],
    ids=["unicode line separators", "CRLF", "CR"],
)
def test_lines_are_counted_as_an_editor_shows_them(rules: Path, text: str) -> None:
    assert with_country(rules, text) == DUPLICATE_NAME


def test_a_syntax_error_after_a_line_separator_stays_on_its_line(rules: Path) -> None:
    assert with_country(rules, "code: xx\nname: 'A\u2028B'\naliases: [x\n") == [
        "rules/countries/xx.yaml:4:1: not valid YAML: expected ',' or ']', but got '<stream end>'"
    ]


# --- tags: data only, never code ---


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        (
            "!!python/object/apply:os.system ['touch {marker}']",
            "tag:yaml.org,2002:python/object/apply:os.system",
        ),
        ("!!python/name:os.system", "tag:yaml.org,2002:python/name:os.system"),
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary"),
        ("!!set {a, b}", "tag:yaml.org,2002:set"),
        ("!local thing", "!local"),
    ],
)
def test_a_tag_beyond_plain_data_is_refused_and_nothing_runs(
    rules: Path, tmp_path: Path, value: str, tag: str
) -> None:
    marker = tmp_path / "executed"
    assert with_country(rules, f"code: {value.replace('{marker}', str(marker))}\n") == [
        f"rules/countries/xx.yaml:1:7: tag '{tag}' is not allowed in rule files"
    ]
    assert not marker.exists()


def test_a_merge_key_is_refused(rules: Path) -> None:
    assert with_country(rules, "<<: {code: xx}\n") == [
        "rules/countries/xx.yaml:1:1: tag 'tag:yaml.org,2002:merge' is not allowed in rule files"
    ]


def test_a_profile_with_a_python_tag_is_a_usage_error_and_nothing_runs(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "executed"
    profile = tmp_path / "me.yaml"
    profile.write_text(f"degree: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    run = mlis("check", "--profile", str(profile), "--country", "fi")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"mlis: error: {profile}:1:9: tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "is not allowed in rule files\n"
    )
    assert not marker.exists()


# --- numbers ---


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("9" * 5000, "'" + "9" * 37 + "...'"),
        ("0x" + "f" * 5000, "'0x" + "f" * 35 + "...'"),
        ("0" + "7" * 5000, "'0" + "7" * 36 + "...'"),
        ("1:" * 3000 + "1", "'" + "1:" * 18 + "1...'"),
        ("1_" * 3000 + "1", "'" + "1_" * 18 + "1...'"),
        ("1000000000000000", "'1000000000000000'"),
        ("-1000000000000000", "'-1000000000000000'"),
    ],
)
def test_an_integer_of_sixteen_digits_or_more_is_refused(rules: Path, value: str, shown: str) -> None:
    assert with_country(rules, f"code: {value}\n") == [
        f"rules/countries/xx.yaml:1:7: number {shown} is too large; at most 15 digits"
    ]


def test_fifteen_digits_are_read_as_a_number(rules: Path) -> None:
    assert with_country(rules, "code: 999999999999999\n")[0] == (
        "rules/countries/xx.yaml:1:1: association: missing required key 'association'"
    )
    assert "rules/countries/xx.yaml:1:7: code: expected a string, got 999999999999999" in problems(rules)


# --- bytes that are not YAML text ---


def test_bytes_that_are_not_utf8_are_located(rules: Path) -> None:
    assert with_country(rules, b"code: xx\nname: Caf\xe9\n") == [
        "rules/countries/xx.yaml:2:10: not UTF-8 text (byte 0xe9)"
    ]


@pytest.mark.parametrize(("character", "code"), [("\x00", "0000"), ("\x07", "0007"), ("\x1b", "001B")])
def test_a_control_character_is_located(rules: Path, character: str, code: str) -> None:
    assert with_country(rules, f"code: xx\nname: Test{character}land\n") == [
        f"rules/countries/xx.yaml:2:11: character U+{code} is not allowed in YAML"
    ]


# --- what is not a plain file inside the directory ---


def test_files_that_are_not_rule_files_are_reported(rules: Path) -> None:
    (rules / "README.md").write_text("notes\n", encoding="utf-8")
    (rules / "countries" / "fi.yml").write_text("code: fi\n", encoding="utf-8")
    (rules / "countries" / ".fi.yaml.swp").write_bytes(b"\x00\x01")
    (rules / "drafts").mkdir()
    (rules / "drafts" / "de.yaml").write_text("code: de\n", encoding="utf-8")
    assert problems(rules) == [
        f"rules/README.md:1:1: {UNEXPECTED}",
        f"rules/countries/.fi.yaml.swp:1:1: {UNEXPECTED}",
        f"rules/countries/fi.yml:1:1: {UNEXPECTED}",
        f"rules/drafts/de.yaml:1:1: {UNEXPECTED}",
    ]


def test_a_directory_named_like_a_rule_file_is_reported_not_walked(rules: Path) -> None:
    (rules / "countries" / "xx.yaml").mkdir()
    (rules / "countries" / "xx.yaml" / "inner.yaml").write_text("code: xx\n", encoding="utf-8")
    assert problems(rules) == ["rules/countries/xx.yaml:0:0: is a directory; expected a YAML file"]


def test_a_registry_that_is_a_directory_is_reported_once(rules: Path) -> None:
    (rules / "groups.yaml").unlink()
    (rules / "groups.yaml").mkdir()
    assert problems(rules)[0] == "rules/groups.yaml:0:0: is a directory; expected a YAML file"
    assert "rules/groups.yaml:0:0: required file is missing" not in problems(rules)


def test_a_named_pipe_is_reported_without_being_opened(rules: Path) -> None:
    # opening a pipe with no writer would block forever
    os.mkfifo(rules / "countries" / "xx.yaml")
    assert problems(rules) == [
        "rules/countries/xx.yaml:0:0: not a regular file (a pipe, socket or device); not read"
    ]


def test_a_link_to_a_device_inside_is_not_read(rules: Path) -> None:
    os.mkfifo(rules / "pipe")
    (rules / "countries" / "xx.yaml").symlink_to(rules / "pipe")
    assert problems(rules) == [
        "rules/countries/xx.yaml:0:0: not a regular file (a pipe, socket or device); not read",
        f"rules/pipe:1:1: {UNEXPECTED}",
    ]


def test_a_symbolic_link_outside_the_directory_is_not_followed(rules: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    shutil.copy(RULES / "countries" / "fi.yaml", outside)
    (rules / "countries" / "fi.yaml").unlink()
    (rules / "countries" / "fi.yaml").symlink_to(outside)
    (rules / "countries" / "pw.yaml").symlink_to("/etc/passwd")
    assert problems(rules) == [
        "rules/countries/fi.yaml:1:1: symbolic link points outside the rules directory; not followed",
        "rules/countries/pw.yaml:1:1: symbolic link points outside the rules directory; not followed",
    ]


def test_a_symbolic_link_that_escapes_through_dot_dot_is_not_followed(rules: Path, tmp_path: Path) -> None:
    shutil.copy(RULES / "countries" / "fi.yaml", tmp_path / "fi.yaml")
    (rules / "countries" / "fi.yaml").unlink()
    (rules / "countries" / "fi.yaml").symlink_to("../../fi.yaml")
    assert problems(rules) == [
        "rules/countries/fi.yaml:1:1: symbolic link points outside the rules directory; not followed"
    ]


def test_a_symbolic_link_inside_the_directory_is_followed(rules: Path) -> None:
    (rules / "drafts").mkdir()
    (rules / "countries" / "fi.yaml").rename(rules / "drafts" / "fi.yaml")
    (rules / "countries" / "fi.yaml").symlink_to("../drafts/fi.yaml")
    # the link loads as Finland; the draft it points at is itself not a rule file
    assert problems(rules) == [f"rules/drafts/fi.yaml:1:1: {UNEXPECTED}"]
    linked = [c for c in loader.collect(rules, "rules").countries if c.display == "rules/countries/fi.yaml"]
    assert [parsed.model.code for parsed in linked] == ["fi"]  # type: ignore[attr-defined]


def test_a_symbolic_link_loop_is_reported(rules: Path) -> None:
    (rules / "countries" / "xx.yaml").symlink_to("yy.yaml")
    (rules / "countries" / "yy.yaml").symlink_to("xx.yaml")
    (rules / "countries" / "zz.yaml").symlink_to("zz.yaml")
    assert problems(rules) == [
        "rules/countries/xx.yaml:1:1: symbolic link loops; not followed",
        "rules/countries/yy.yaml:1:1: symbolic link loops; not followed",
        "rules/countries/zz.yaml:1:1: symbolic link loops; not followed",
    ]


def test_a_dangling_symbolic_link_is_reported(rules: Path) -> None:
    (rules / "countries" / "xx.yaml").symlink_to("gone.yaml")
    assert problems(rules) == ["rules/countries/xx.yaml:1:1: symbolic link points to nothing"]


def test_a_link_to_a_folder_is_reported_and_not_walked(rules: Path) -> None:
    (rules / "countries" / "loop").symlink_to(rules)
    (rules / "etc").symlink_to("/etc")
    assert problems(rules) == [f"rules/countries/loop:1:1: {UNEXPECTED}", f"rules/etc:1:1: {UNEXPECTED}"]


def test_an_unreadable_file_is_reported(rules: Path) -> None:
    path = rules / "countries" / "fi.yaml"
    path.chmod(0)
    try:
        if not permissions_enforced(path):
            pytest.skip("file permissions are not enforced for this user (root)")
        assert problems(rules) == ["rules/countries/fi.yaml:1:1: cannot read file: Permission denied"]
    finally:
        path.chmod(0o644)


def test_a_folder_that_cannot_be_listed_is_reported(rules: Path) -> None:
    folder = rules / "drafts"
    folder.mkdir()
    (folder / "de.yaml").write_text("code: de\n", encoding="utf-8")
    folder.chmod(0)
    try:
        if not permissions_enforced(folder):
            pytest.skip("file permissions are not enforced for this user (root)")
        assert problems(rules) == ["rules/drafts:0:0: cannot list directory: Permission denied"]
    finally:
        folder.chmod(0o755)


def test_a_rules_directory_that_cannot_be_listed_is_one_problem(rules: Path) -> None:
    rules.chmod(0)
    try:
        if not permissions_enforced(rules):
            pytest.skip("file permissions are not enforced for this user (root)")
        assert problems(rules) == ["rules:0:0: cannot list directory: Permission denied"]
    finally:
        rules.chmod(0o755)


# --- many files ---


def test_three_thousand_files_are_all_validated(tmp_path: Path) -> None:
    directory = tmp_path / "rules"
    directory.mkdir()
    for name in loader.ROOT_FILES:
        shutil.copy(RULES / name, directory / name)
    codes, empty, strays = many_rule_files(
        directory, countries=250, empty=1_500, strays=3_000 - 1_750 - len(loader.ROOT_FILES)
    )
    assert sum(1 for path in directory.rglob("*") if path.is_file()) == 3_000
    expected = [
        *(
            f"rules/countries/{name}:1:1: file is empty; expected a mapping with code, name, aliases, group, "
            "association, reviewed, requirements, tests"
            for name in empty
        ),
        *(f"rules/notes/{name}:1:1: {UNEXPECTED}" for name in strays),
    ]
    # the 250 valid country files were read and checked too: they would be listed otherwise
    assert problems(directory) == expected
    assert len(codes) == 250
