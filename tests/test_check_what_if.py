"""mlis check --what-if in text, and the paths JSON output always carries."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES

RULES_DIR = str(FIXTURES / "whatif-rules")
US_IN_BELGIAN_PUBLIC_LIBRARY = (
    *("--degree", "ala", "--citizenship", "us", "--sector", "public", "--lang", "fr:C1", "--no-phd"),
)


def test_check_what_if_adds_the_paths_and_the_conditions_that_matter_to_the_text(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check", "--rules-dir", RULES_DIR, "-c", "be", *US_IN_BELGIAN_PUBLIC_LIBRARY, "--what-if", "--details"
    )
    assert (run.exit_code, run.stderr) == (0, "")
    section = run.stdout[run.stdout.index("  What would change") : run.stdout.index("  Sources\n")]
    assert section == (
        "  What would change the verdict\n"
        "    - A post in an academic library, a post in a special library or a post in a corporate library\n"
        "      would make Belgium decided case by case (now unlikely).\n"
        "    - Holding a doctorate would make Belgium decided case by case (now unlikely).\n"
        "\n"
        "  Conditions that matter (facts, not actions)\n"
        "    - With a citizenship of an EEA country or Switzerland, Belgium would be decided case by case\n"
        "      (now unlikely).\n"
        "\n"
    )


def test_check_what_if_shows_three_sentences_and_points_to_plan_for_the_rest(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check",
        *("--rules-dir", RULES_DIR, "-c", "be", "--what-if", "--details"),
        *("--degree", "ala", "--citizenship", "us", "--sector", "public", "--no-phd"),
        *("--lang", "fr:A2", "--lang", "nl:none"),
    )
    assert (run.exit_code, run.stderr) == (0, "")
    section = run.stdout[run.stdout.index("  What would change") : run.stdout.index("  Sources\n")]
    assert section.splitlines() == [
        "  What would change the verdict",
        "    - Speaking 'fr' at B2 and a post in an academic library would make Belgium decided case by case",
        "      (now unlikely).",
        "    - Speaking 'fr' at B2 and a post in a special library would make Belgium decided case by case",
        "      (now unlikely).",
        "    - Speaking 'fr' at B2 and a post in a corporate library would make Belgium decided case by case",
        "      (now unlikely).",
        "    'mlis plan --country be' with the same facts lists all 8 paths",
        "",
    ]


def test_check_what_if_says_an_eligible_country_needs_no_change(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check",
        "--rules-dir",
        RULES_DIR,
        "-c",
        "nz",
        "--degree",
        "ala",
        "--citizenship",
        "nz",
        "--what-if",
        "--details",
    )
    assert (run.exit_code, run.stderr) == (0, "")
    assert "  What would change the verdict\n    Nothing to change: it is eligible already.\n\n  Sources" in (
        run.stdout
    )


def test_check_without_what_if_shows_no_paths_in_text(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", RULES_DIR, "-c", "be", *US_IN_BELGIAN_PUBLIC_LIBRARY)
    assert (run.exit_code, run.stderr) == (0, "")
    assert "What would change" not in run.stdout
    assert "Conditions that matter" not in run.stdout


def test_check_json_always_carries_paths_for_every_country(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", RULES_DIR, "--all", "--degree", "ala", "--citizenship", "nz", "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    results = json.loads(run.stdout)["results"]
    assert [(r["country"], r["verdict"], len(r["paths"])) for r in results] == [
        ("be", "case_by_case", 8),
        ("de", "case_by_case", 1),
        ("fi", "conditional", 1),
        ("nz", "eligible", 0),
    ]
    assert list(results[0]) == [
        *("country", "name", "group", "association", "verdict", "worst_case", "complete"),
        *("requirements", "open_questions", "assumed", "next_steps", "see", "paths"),
        "conditions_that_matter",
        *("sources", "reviewed", "stale"),
    ]


def test_check_without_what_if_in_text_never_searches_for_paths(
    mlis, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args: object) -> None:
        raise AssertionError("searched for paths")

    monkeypatch.setattr("mlis_cli.engine.what_if.with_paths", refuse)
    run = mlis("check", "--rules-dir", RULES_DIR, "--all", *US_IN_BELGIAN_PUBLIC_LIBRARY)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("country ")


def test_check_brief_what_if_gives_the_best_path_of_each_country_under_the_table(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check",
        *("--rules-dir", RULES_DIR, "--all", "--brief", "--what-if"),
        *("--degree", "ala", "--citizenship", "us", "--age", "28", "--lang", "de:A2"),
        *("--sector", "public", "--stay", "long", "--no-phd"),
    )
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.split("\n\n")[1] == (
        "What would change the verdict (the best path; 'mlis plan' lists all)\n"
        "  New Zealand (nz): No change of language, sector, stay, degree, experience or doctorate that the\n"
        "                    rules mention improves it.\n"
        "  Finland (fi): A short stay would make Finland conditional (now decided case by case).\n"
        "  Belgium (be): Speaking 'fr' at B2 and a post in an academic library would make Belgium decided\n"
        "                case by case (now unlikely).\n"
        "  Germany (de): Speaking 'de' at B2 would make Germany decided case by case (now unlikely).\n"
    )
