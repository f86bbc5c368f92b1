"""mlis check points to `mlis degrees CODE` where the rules say so, in JSON and in text."""

from __future__ import annotations

import json

from tests.rulekit import country, rules_dir

SEE_NONE = [
    {"ref": "degrees:none", "command": "mlis degrees none", "title": "No library degree"},
    {"ref": "degrees:ala", "command": "mlis degrees ala", "title": "ALA-accredited master's"},
]
SEE_UNACCREDITED = [
    {
        "ref": "degrees:unaccredited",
        "command": "mlis degrees unaccredited",
        "title": "Unaccredited library degree",
    },
    {"ref": "degrees:ala", "command": "mlis degrees ala", "title": "ALA-accredited master's"},
]


def result(mlis, *args: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    run = mlis("check", "--country", "fi", *args, "--json")
    assert (run.exit_code, run.stderr) == (0, "")
    found = json.loads(run.stdout)["results"][0]
    assert isinstance(found, dict)
    return found


def test_no_degree_points_to_finding_an_accredited_program(mlis) -> None:  # type: ignore[no-untyped-def]
    found = result(mlis, "--degree", "none", "--sector", "public", "--stay", "long", "--citizenship", "us")
    assert found["see"] == SEE_NONE
    requirements = found["requirements"]
    assert isinstance(requirements, list)
    assert [(r["id"], r["see"]) for r in requirements] == [
        ("recognition", SEE_NONE),
        ("right-to-work", []),
        ("finnish-or-swedish", []),
    ]


def test_an_unaccredited_degree_points_to_checking_it_and_to_accredited_programs(mlis) -> None:  # type: ignore[no-untyped-def]
    found = result(mlis, "--degree", "unaccredited", "--stay", "long", "--citizenship", "se")
    assert found["see"] == SEE_UNACCREDITED


def test_an_ala_degree_gets_no_pointer_where_the_rules_give_none(mlis) -> None:  # type: ignore[no-untyped-def]
    found = result(mlis, "--degree", "ala", "--stay", "long", "--citizenship", "us")
    assert found["see"] == []


SHORT_STAY_OR_NOT = country(
    "xs",
    """
    - id: recognition
      kind: review
      title: Recognition
      cases:
        - when: {stay: short}
          verdict: eligible
          reason: A short stay needs no decision.
          sources: [places-youll-go]
        - otherwise: true
          verdict: unlikely
          reason: An unaccredited degree is not recognised.
          see: [degrees:unaccredited, degrees:ala]
          sources: [places-youll-go]
    """,
)


def test_an_open_requirement_points_where_its_worst_case_does_like_its_steps(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    directory = rules_dir(tmp_path, {"xs": SHORT_STAY_OR_NOT})
    run = mlis("check", "--rules-dir", str(directory), "-c", "xs", "--degree", "unaccredited", "--json")
    found = json.loads(run.stdout)["results"][0]
    assert found["see"] == SEE_UNACCREDITED
    recognition = found["requirements"][0]
    assert recognition["status"] == "open"
    assert recognition["see"] == []
    assert [(o["verdict"], o["see"]) for o in recognition["outcomes"]] == [
        ("eligible", []),
        ("unlikely", SEE_UNACCREDITED),
    ]


def test_text_lists_the_commands_after_the_next_steps(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check",
        "--country",
        "fi",
        "--degree",
        "none",
        "--sector",
        "public",
        "--stay",
        "long",
        "--citizenship",
        "fi",
    )
    assert run.exit_code == 0
    see_also = (
        "\n  See also\n"
        "    mlis degrees none: No library degree\n"
        "    mlis degrees ala: ALA-accredited master's\n"
        "\nRules reviewed "
    )
    assert see_also in run.stdout
    assert run.stdout.index("  Next steps\n") < run.stdout.index(see_also)


def test_text_has_no_see_also_section_without_pointers(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--country", "fi", "--degree", "ala", "--stay", "short", "--citizenship", "fi")
    assert run.exit_code == 0
    assert "See also" not in run.stdout
