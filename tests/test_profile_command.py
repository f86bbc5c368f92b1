"""mlis profile init, show, path, set and clear, driven through the real entry point."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from mlis_cli.commands.shared import load_rules
from tests.conftest import Run

HEADER = (
    "# mlis saved profile: the facts 'mlis check' uses when no flag gives them.\n"
    "# Change it with 'mlis profile set FACT VALUE' or 'mlis profile init'.\n"
)
RETRY = ". Try again, or press Enter to skip.\n"


@pytest.fixture
def saved_file() -> Path:
    return Path(os.environ["MLIS_CONFIG_DIR"]) / "profile.yaml"


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Feed lines to standard input, as a person answering the questions would."""

    def feed(*lines: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))

    return feed


def test_the_questionnaire_re_asks_after_each_wrong_answer_and_saves_the_right_ones(
    mlis, typed, saved_file: Path
) -> None:
    typed(
        "alx", "ala",  # a typo, then the code
        "us, xx", "us, Canada",  # an unknown country, then a code and a name
        "200", "29",  # out of range
        "de", "de:B2, fi:a1",  # no level
        "library", "",  # not a sector, then skipped
        "long",
        "",  # graduated skipped
        "2.5",
        "maybe", "no",
        "yes",  # studied fully online
    )  # fmt: skip
    result: Run = mlis("profile", "init")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert saved_file.read_text(encoding="utf-8") == HEADER + (
        "degree: ala\n"
        "citizenship:\n- ca\n- us\n"
        "age: 29\n"
        "languages:\n  de: B2\n  fi: A1\n"
        "stay: long\n"
        "experience: 2.5\n"
        "phd: false\n"
        "online: true\n"
    )
    degrees = ", ".join(load_rules(None).degrees)
    refusals = [line for line in result.stderr.splitlines() if "Not accepted" in line]
    assert refusals == [
        f"degree:   Not accepted: unknown degree 'alx': expected one of {degrees} (did you mean ala?)"
        + RETRY.rstrip("\n"),
        "citizenship:   Not accepted: unknown citizenship 'xx': expected a country code such as us, gb, fi"
        + RETRY.rstrip("\n"),
        "age:   Not accepted: age: 200 is out of range; expected 0 to 120" + RETRY.rstrip("\n"),
        "languages:   Not accepted: language 'de': expected CODE:LEVEL, e.g. de:B2 or fi:native"
        + RETRY.rstrip("\n"),
        "sector:   Not accepted: sector: expected one of public, academic, school, special, corporate, "
        "international-school, got 'library'" + RETRY.rstrip("\n"),
        "phd:   Not accepted: phd: expected yes or no, got 'maybe'" + RETRY.rstrip("\n"),
    ]
    assert result.stderr.endswith(
        f"online: Saved your profile to {saved_file}.\n"
        "'mlis check --country CODE' now uses it; 'mlis profile show' shows it.\n"
    )


def test_the_degree_question_explains_every_code_from_the_rules(mlis, typed) -> None:
    typed(*[""] * 10)
    result = mlis("profile", "init")
    assert result.exit_code == 0
    for code, degree in load_rules(None).degrees.items():
        assert f"\n  {code:<13} {degree.name}\n" in result.stderr


def test_skipping_every_question_saves_a_profile_with_nothing_known(mlis, typed, saved_file: Path) -> None:
    typed(*[""] * 10)
    assert mlis("profile", "init").exit_code == 0
    assert saved_file.read_text(encoding="utf-8") == HEADER


def test_facts_given_as_flags_are_not_asked(mlis, typed, saved_file: Path) -> None:
    typed(*[""] * 8)  # citizenship, age, languages, sector, graduated, experience, phd, online
    result = mlis("profile", "init", "--degree", "cilip", "--stay", "short")
    assert result.exit_code == 0, result.stderr
    assert "\ndegree: " not in result.stderr
    assert "\nstay: " not in result.stderr
    assert saved_file.read_text(encoding="utf-8") == HEADER + "degree: cilip\nstay: short\n"


def test_input_that_ends_early_saves_nothing_and_says_how_to_avoid_questions(
    mlis, typed, saved_file: Path
) -> None:
    typed("ala")
    result = mlis("profile", "init")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "citizenship: \n"
        "mlis: error: input ended before every question was answered; nothing was saved "
        "(to set up without questions, give the facts as flags with --no-input, "
        "e.g. 'mlis profile init --degree ala --no-input')\n"
    )
    assert not saved_file.exists()


def test_no_input_saves_exactly_the_flags(mlis, saved_file: Path) -> None:
    result = mlis(
        "profile", "init", "--degree", "ALA", "--citizenship", "us", "--citizenship", "Finland",
        "--age", "29", "--lang", "de:B2", "--lang", "sv:native", "--sector", "Academic",
        "--graduated", "2019", "--phd", "--no-input",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"Saved your profile to {saved_file}.\n"
        "'mlis check --country CODE' now uses it; 'mlis profile show' shows it.\n"
    )
    assert saved_file.read_text(encoding="utf-8") == HEADER + (
        "degree: ala\n"
        "citizenship:\n- fi\n- us\n"
        "age: 29\n"
        "languages:\n  de: B2\n  sv: native\n"
        "sector: academic\n"
        "graduated: 2019\n"
        "phd: true\n"
    )


def test_a_bad_flag_value_saves_nothing(mlis, saved_file: Path) -> None:
    result = mlis("profile", "init", "--degree", "ala", "--age", "-3", "--no-input")
    assert result.exit_code == 2
    assert result.stderr == "mlis: error: age: expected a whole number, got '-3'\n"
    assert not saved_file.exists()


def test_init_with_no_input_over_a_saved_profile_changes_only_the_facts_given(mlis, saved_file: Path) -> None:
    mlis("profile", "init", "--degree", "ala", "--age", "29", "--lang", "de:B2", "--no-input")
    run = mlis("profile", "init", "--degree", "cilip", "--no-input")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr.startswith("Kept from the saved profile: age, languages.\n")
    assert saved_file.read_text(encoding="utf-8") == HEADER + "degree: cilip\nage: 29\nlanguages:\n  de: B2\n"


def test_init_with_replace_starts_from_nothing_and_names_what_it_drops(mlis, saved_file: Path) -> None:
    mlis("profile", "init", "--degree", "ala", "--age", "29", "--lang", "de:B2", "--no-input")
    run = mlis("profile", "init", "--degree", "cilip", "--no-input", "--replace")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr.startswith("Dropped from the saved profile (--replace): age, languages.\n")
    assert saved_file.read_text(encoding="utf-8") == HEADER + "degree: cilip\n"


def test_init_over_a_saved_profile_offers_each_saved_answer(mlis, typed, saved_file: Path) -> None:
    mlis("profile", "init", "--degree", "ala", "--citizenship", "us", "--age", "29", "--no-input")
    typed(
        "",  # degree: kept
        "us, fi",  # citizenship: changed
        "unknown",  # age: forgotten on purpose
        "fi:A1",  # languages: new
        "", "", "", "", "", "",
    )  # fmt: skip
    run = mlis("profile", "init")
    assert run.exit_code == 0, run.stderr
    assert "Your saved answers are shown in brackets: Enter keeps one, 'unknown' forgets it.\n" in run.stderr
    assert (
        "degree [ala]: " in run.stderr and "citizenship [us]: " in run.stderr and "age [29]: " in run.stderr
    )
    assert "\nsector: " in run.stderr  # nothing saved, nothing offered
    assert saved_file.read_text(encoding="utf-8") == HEADER + (
        "degree: ala\ncitizenship:\n- fi\n- us\nlanguages:\n  fi: A1\n"
    )


def test_show_lists_every_fact_with_unknown_where_none_is_saved(mlis) -> None:
    mlis(
        "profile", "init", "--degree", "ala", "--citizenship", "us,ca", "--lang", "de:B2",
        "--experience", "3", "--no-phd", "--no-input",
    )  # fmt: skip
    result = mlis("profile", "show")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (
        "degree       ala (ALA-accredited master's)\n"
        "citizenship  ca, us\n"
        "age          unknown\n"
        "languages    de:B2\n"
        "sector       unknown\n"
        "stay         unknown\n"
        "graduated    unknown\n"
        "experience   3\n"
        "phd          no\n"
        "online       unknown\n"
    )


def test_show_as_json_gives_every_fact_with_null_where_none_is_saved(mlis) -> None:
    mlis("profile", "init", "--degree", "ala", "--lang", "fi:A2", "--stay", "long", "--no-input")
    shown = mlis("profile", "show", "--format", "json")
    assert shown.exit_code == 0
    expected = {
        "degree": "ala",
        "citizenship": None,
        "age": None,
        "languages": {"fi": "A2"},
        "sector": None,
        "stay": "long",
        "graduated": None,
        "experience": None,
        "phd": None,
        "online": None,
    }
    assert json.loads(shown.stdout) == expected


def test_show_without_a_saved_profile_says_how_to_make_one(mlis, saved_file: Path) -> None:
    result = mlis("profile", "show")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"mlis: error: no saved profile at {saved_file} (create one with 'mlis profile init')\n"
    )


def test_path_prints_where_the_profile_lives(mlis, saved_file: Path) -> None:
    result = mlis("profile", "path")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{saved_file}\n", "")


@pytest.mark.parametrize(
    ("args", "said", "saved"),
    [
        (("degree", "CILIP"), "degree: cilip", "degree: cilip\nage: 29\nlanguages:\n  fi: A1\n"),
        (
            ("lang", "de:B2"),
            "languages: de:B2, fi:A1",
            "degree: ala\nage: 29\nlanguages:\n  de: B2\n  fi: A1\n",
        ),
        (("lang", "fi:C1"), "languages: fi:C1", "degree: ala\nage: 29\nlanguages:\n  fi: C1\n"),
        (
            ("citizenship", "us, Canada"),
            "citizenship: ca, us",
            "degree: ala\ncitizenship:\n- ca\n- us\nage: 29\nlanguages:\n  fi: A1\n",
        ),
        (("age", "30"), "age: 30", "degree: ala\nage: 30\nlanguages:\n  fi: A1\n"),
        (("age", "unknown"), "age: unknown", "degree: ala\nlanguages:\n  fi: A1\n"),
        (("lang", "unknown"), "languages: unknown", "degree: ala\nage: 29\n"),
        (("phd", "yes"), "phd: yes", "degree: ala\nage: 29\nlanguages:\n  fi: A1\nphd: true\n"),
        (("stay", "short"), "stay: short", "degree: ala\nage: 29\nlanguages:\n  fi: A1\nstay: short\n"),
    ],
)
def test_set_changes_one_fact_and_keeps_the_others(
    mlis, saved_file: Path, args: tuple[str, str], said: str, saved: str
) -> None:
    mlis("profile", "init", "--degree", "ala", "--age", "29", "--lang", "fi:A1", "--no-input")
    result = mlis("profile", "set", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"{said} (saved to {saved_file})\n"
    assert saved_file.read_text(encoding="utf-8") == HEADER + saved


def test_set_creates_the_profile_when_there_is_none(mlis, saved_file: Path) -> None:
    assert mlis("profile", "set", "lang", "de:B2").exit_code == 0
    assert saved_file.read_text(encoding="utf-8") == HEADER + "languages:\n  de: B2\n"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("age", "old"), "age: expected a whole number, got 'old'"),
        (("age", "²"), "age: expected a whole number, got '²'"),
        (("lang", "de"), "language 'de': expected CODE:LEVEL, e.g. de:B2 or fi:native"),
        (
            ("lang", "de:fluent"),
            "language level 'fluent' for 'de': expected one of none, A1, A2, B1, B2, C1, C2, native, some",
        ),
        (
            ("citizenship", "us,atlantis"),
            "unknown citizenship 'atlantis': expected a country code such as us, gb, fi "
            "(did you mean albania?)",
        ),
        (("phd", "perhaps"), "phd: expected yes or no, got 'perhaps'"),
        (
            ("agee", "29"),
            "unknown fact 'agee': expected one of degree, citizenship, age, lang, sector, stay, "
            "graduated, experience, phd, online (did you mean age, degree?)",
        ),
    ],
)  # fmt: skip
def test_set_refuses_a_bad_value_and_leaves_the_file_alone(
    mlis, saved_file: Path, args: tuple[str, str], error: str
) -> None:
    mlis("profile", "init", "--degree", "ala", "--no-input")
    result = mlis("profile", "set", *args)
    assert result.exit_code == 2
    assert result.stderr == f"mlis: error: {error}\n"
    assert saved_file.read_text(encoding="utf-8") == HEADER + "degree: ala\n"


def test_set_can_repair_the_fact_that_made_a_saved_profile_invalid(mlis, saved_file: Path) -> None:
    saved_file.parent.mkdir(parents=True)
    saved_file.write_text("degree: alx\nage: 29\n", encoding="utf-8")
    result = mlis("profile", "set", "degree", "ala")
    assert result.exit_code == 0, result.stderr
    assert saved_file.read_text(encoding="utf-8") == HEADER + "degree: ala\nage: 29\n"


def test_clear_removes_the_file_and_says_so(mlis, saved_file: Path) -> None:
    mlis("profile", "init", "--degree", "ala", "--no-input")
    result = mlis("profile", "clear")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"Removed your saved profile {saved_file}.\n"
    assert not saved_file.exists()
    again = mlis("profile", "clear")
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == f"No saved profile at {saved_file}; nothing to remove.\n"


def test_profile_without_a_subcommand_shows_its_commands(mlis) -> None:
    result = mlis("profile")
    assert result.exit_code == 0
    for command in ("init", "show", "path", "set", "clear"):
        assert f"\n  {command} " in result.stdout or f"\n│ {command} " in result.stdout


class InterruptedInput(io.StringIO):
    """A keyboard that sends Ctrl-C after the first answer."""

    def readline(self, size: int | None = -1) -> str:
        if self.tell() > 0:
            raise KeyboardInterrupt
        return super().readline()


def test_ctrl_c_during_the_questions_saves_nothing_and_keeps_the_old_profile(
    mlis, monkeypatch: pytest.MonkeyPatch, saved_file: Path
) -> None:
    mlis("profile", "init", "--degree", "cilip", "--no-input")
    monkeypatch.setattr("sys.stdin", InterruptedInput("ala\n"))
    result = mlis("profile", "init")
    assert result.exit_code == 130
    assert result.stderr.endswith("\ncitizenship: \nmlis: interrupted\n")
    assert saved_file.read_text(encoding="utf-8") == HEADER + "degree: cilip\n"
