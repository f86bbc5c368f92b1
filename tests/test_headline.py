"""The headline never reads the best case as the answer: while facts are missing it says what they decide."""

from __future__ import annotations

from tests.conftest import FIXTURES

RULES = str(FIXTURES / "scripting")
CHECK = ("check", "--rules-dir", RULES, "--no-profile", "--degree", "ala")


def test_a_settled_answer_is_the_verdict_alone(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*CHECK, "-c", "xd", "--lang", "en:native")
    assert run.stdout.splitlines()[0] == "Dorvia (xd): unlikely"


def test_an_open_answer_says_what_it_could_be_and_what_it_depends_on(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*CHECK, "-c", "xd")
    assert (
        run.stdout.splitlines()[0]
        == "Dorvia (xd): could be decided case by case or unlikely, depending on your German"
    )


def test_more_than_three_facts_point_to_the_open_questions(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--no-profile", "--country", "au")
    assert run.stdout.splitlines()[:2] == [
        "Australia (au): could be eligible or unlikely, depending on your degree, the kind of library, when",
        "you graduated and more (see the open questions)",
    ]


def test_strict_reports_the_worst_case_and_says_so(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*CHECK, "-c", "xd", "--strict")
    assert run.stdout.splitlines()[0] == (
        "Dorvia (xd): unlikely (worst case, as --strict asks; the open questions may improve it)"
    )
