"""mlis plan: every path for one country, best first, with its steps and sources."""

from __future__ import annotations

import json

from tests.conftest import FIXTURES

RULES_DIR = str(FIXTURES / "whatif-rules")
US_IN_BELGIAN_PUBLIC_LIBRARY = (
    *("--degree", "ala", "--citizenship", "us", "--sector", "public", "--lang", "fr:C1", "--no-phd"),
)


def test_plan_lists_the_next_steps_with_their_costs_then_each_path_with_its_steps_and_sources(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "plan",
        "--rules-dir",
        RULES_DIR,
        "-c",
        "de",
        "--degree",
        "ala",
        "--citizenship",
        "us",
        "--lang",
        "de:none",
    )
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "Germany (de): unlikely\n"
        "\n"
        "  Next steps, with what they cost and how long they take\n"
        "    1. Ask the ZAB for a Statement of Comparability (EUR 200).\n"
        "       cost: Statement of Comparability: EUR 200 (stated 2026-11-22; whatif-fixture)\n"
        "       time: about three months (invented; no date given; whatif-fixture)\n"
        "    2. Take a German course and get a certificate.\n"
        "       cost: certificate exam: EUR 150.50 (invented; no date given; whatif-fixture)\n"
        "       cost: course membership: EUR 40 a year (no date given; whatif-fixture)\n"
        "    3. Check the EU Blue Card salary threshold for the post.\n"
        "\n"
        "  Known fees in all: EUR 350.50; EUR 40 a year\n"
        "  No source gives a cost for step 3.\n"
        "\n"
        "  Paths to a better verdict, best first\n"
        "\n"
        "  1. Speaking 'de' at B2 would make Germany decided case by case (now unlikely).\n"
        "     German at work: decided case by case (now unlikely)\n"
        "     - Ask the library whether German at B2 is enough for the post.\n"
        "     sources: whatif-fixture\n"
        "\n"
        "  Sources\n"
        '    [whatif-fixture] "Invented for the what-if tests; not a statement about any country", '
        "mlis test\n"
        "                     suite, no address recorded, 2026-11-22, weak\n"
        "\n"
        "  Rules reviewed 2026-11-22\n"
    )


def test_plan_ranks_paths_and_lists_conditions_that_matter_apart(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("plan", "--rules-dir", RULES_DIR, "-c", "Belgium", *US_IN_BELGIAN_PUBLIC_LIBRARY)
    assert (run.exit_code, run.stderr) == (0, "")
    lines = run.stdout.splitlines()
    assert [line for line in lines if line[:3].strip().isdigit()] == [
        "  1. A post in an academic library would make Belgium decided case by case (now unlikely).",
        "  2. A post in a special library would make Belgium decided case by case (now unlikely).",
        "  3. A post in a corporate library would make Belgium decided case by case (now unlikely).",
        "  4. Holding a doctorate would make Belgium decided case by case (now unlikely).",
    ]
    corporate = lines.index(
        "  3. A post in a corporate library would make Belgium decided case by case (now unlikely)."
    )
    assert lines[corporate + 1 : corporate + 4] == [
        "     Nationality condition: eligible (now unlikely)",
        "     - Look for American companies with information centres in Belgium.",
        "     sources: places-youll-go",
    ]
    start = lines.index("  Conditions that matter (facts, not actions)")
    assert lines[start + 1 : start + 3] == [
        "    - With a citizenship of an EEA country or Switzerland, Belgium would be decided case by case",
        "      (now unlikely).",
    ]


def test_plan_says_when_there_is_nothing_to_change(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("plan", "--rules-dir", RULES_DIR, "-c", "nz", "--degree", "ala", "--citizenship", "nz")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "New Zealand (nz): eligible\n"
        "\n"
        "  Nothing to change: it is eligible already.\n"
        "\n"
        "  Rules reviewed 2026-11-22\n"
    )


def test_plan_says_when_no_action_helps_and_what_matters_instead(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "plan",
        "--rules-dir",
        RULES_DIR,
        *("-c", "nz", "--degree", "ala", "--citizenship", "us", "--age", "28", "--experience", "0"),
    )
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.split("  Sources\n")[0] == (
        "New Zealand (nz): conditional\n"
        "\n"
        "  Next steps, with what they cost and how long they take\n"
        "    1. Apply for a working holiday visa before you turn 31.\n"
        "\n"
        "  No source gives a cost for any of these steps.\n"
        "\n"
        "  No change of language, sector, stay, degree, experience or doctorate that the rules mention\n"
        "  improves it.\n"
        "\n"
        "  Conditions that matter (facts, not actions)\n"
        "    - At age 31, New Zealand would be decided case by case (now conditional).\n"
        "    - With a citizenship of New Zealand, New Zealand would be eligible (now conditional).\n"
        "\n"
    )


def test_plan_json_carries_the_paths_the_conditions_and_every_source_they_cite(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "plan",
        *("--rules-dir", RULES_DIR, "--format", "json"),
        *("-c", "de", "--degree", "ala", "--citizenship", "us", "--lang", "de:none"),
    )
    assert (run.exit_code, run.stderr) == (0, "")
    data = json.loads(run.stdout)
    assert data == {
        "schema": 2,
        "today": "2026-11-22",
        "strict": False,
        "profile": {
            "degree": "ala",
            "citizenship": ["us"],
            "age": None,
            "languages": {"de": "none"},
            "sector": None,
            "stay": None,
            "graduated": None,
            "experience": None,
            "phd": None,
            "online": None,
        },
        "country": "de",
        "name": "Germany",
        "verdict": "unlikely",
        "worst_case": "unlikely",
        "complete": True,
        "costs": {
            "steps": [
                {
                    "step": "Ask the ZAB for a Statement of Comparability (EUR 200).",
                    "fees": [
                        {
                            "fee": "Statement of Comparability",
                            "amount": 200,
                            "currency": "EUR",
                            "per": "once",
                            "stated": "2026-11-22",
                            "note": None,
                            "sources": ["whatif-fixture"],
                        }
                    ],
                    "takes": {
                        "time": "about three months",
                        "stated": "nd",
                        "note": "invented",
                        "sources": ["whatif-fixture"],
                    },
                },
                {
                    "step": "Take a German course and get a certificate.",
                    "fees": [
                        {
                            "fee": "certificate exam",
                            "amount": 150.5,
                            "currency": "EUR",
                            "per": "once",
                            "stated": "nd",
                            "note": "invented",
                            "sources": ["whatif-fixture"],
                        },
                        {
                            "fee": "course membership",
                            "amount": 40,
                            "currency": "EUR",
                            "per": "year",
                            "stated": "nd",
                            "note": None,
                            "sources": ["whatif-fixture"],
                        },
                    ],
                    "takes": None,
                },
                {"step": "Check the EU Blue Card salary threshold for the post.", "fees": [], "takes": None},
            ],
            "totals": [
                {"currency": "EUR", "per": "once", "amount": 350.5},
                {"currency": "EUR", "per": "year", "amount": 40},
            ],
            "no_known_cost": [3],
        },
        "paths": [
            {
                "changes": {"language:de": "B2"},
                "verdict": "case_by_case",
                "worst_case": "case_by_case",
                "improves_from": {"verdict": "unlikely", "worst_case": "unlikely"},
                "requirements": [
                    {
                        "id": "german",
                        "title": "German at work",
                        "from": {"verdict": "unlikely", "worst_case": "unlikely"},
                        "to": {"verdict": "case_by_case", "worst_case": "case_by_case"},
                        "reason": "Some libraries may take you on with German at B2.",
                    }
                ],
                "next_steps": ["Ask the library whether German at B2 is enough for the post."],
                "sources": ["whatif-fixture"],
                "sentence": "Speaking 'de' at B2 would make Germany decided case by case (now unlikely).",
                "costs": {
                    "steps": [
                        {
                            "step": "Ask the library whether German at B2 is enough for the post.",
                            "fees": [],
                            "takes": None,
                        }
                    ],
                    "totals": [],
                    "no_known_cost": [1],
                },
            }
        ],
        "conditions_that_matter": [],
        "sources": [
            {
                "id": "whatif-fixture",
                "title": "Invented for the what-if tests; not a statement about any country",
                "publisher": "mlis test suite",
                "url": None,
                "date": "2026-11-22",
                "reliability": "weak",
            }
        ],
        "reviewed": "2026-11-22",
        "stale": False,
    }


def test_plan_takes_exactly_one_country(mlis) -> None:  # type: ignore[no-untyped-def]
    missing = mlis("plan", "--rules-dir", RULES_DIR, "--degree", "ala")
    assert (missing.exit_code, missing.stdout) == (2, "")
    assert missing.stderr == "mlis: error: Missing option '--country' / '-c'. (try 'mlis plan --help')\n"
    several = mlis("plan", "--rules-dir", RULES_DIR, "-c", "de,be")
    assert (several.exit_code, several.stdout) == (2, "")
    assert several.stderr == (
        "mlis: error: plan takes one country, got 'de,be' "
        "(run one plan per country, or 'mlis check --what-if' for several)\n"
    )


def test_plan_reports_a_bad_fact_as_one_json_error_line(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("plan", "--rules-dir", RULES_DIR, "-c", "de", "--lang", "de:Z9", "--json")
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {
            "code": "usage",
            "message": "language level 'Z9' for 'de': expected one of none, A1, A2, B1, B2, C1, C2, "
            "native, some",
            "hint": None,
        }
    }


def test_plan_help_leads_with_examples(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("plan", "--help")
    assert run.exit_code == 0
    assert run.stdout.splitlines()[5:9] == [
        "  Examples:",
        "    mlis plan --country de --degree ala --citizenship us --lang de:A2",
        "    mlis plan --country be --degree ala --citizenship us --sector public --lang fr:C1",
        "    mlis plan --country nz --degree ala --citizenship us --age 28 --format json",
    ]
