"""Listed languages are the person's languages: one not named counts as none, and the output says so."""

from __future__ import annotations

import io
import json
import sys

import pytest

from tests.conftest import FIXTURES

RULES = str(FIXTURES / "scripting")
CHECK = ("check", "--rules-dir", RULES, "--degree", "ala", "-c", "xd", "--no-profile")
ASSUMED_LINE = (  # at the suite's 100 columns
    "  German is not among your languages, so it counts as none; add --lang de:LEVEL if you speak some\n"
    "  (de:some if you do not know your level).\n"
)


def test_with_no_language_given_german_stays_an_open_question(mlis) -> None:  # type: ignore[no-untyped-def]
    result = json.loads(mlis(*CHECK, "--json").stdout)["results"][0]
    assert (result["verdict"], result["worst_case"], result["assumed"]) == ("case_by_case", "unlikely", [])
    assert [q["fact"] for q in result["open_questions"]] == ["language:de"]


def test_a_listed_language_makes_the_others_count_as_none(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*CHECK, "--lang", "en:native", "--json")
    result = json.loads(run.stdout)["results"][0]
    assert (result["verdict"], result["worst_case"], result["complete"]) == ("unlikely", "unlikely", True)
    assert result["open_questions"] == []
    assert result["assumed"] == [{"fact": "language:de", "value": "none"}]
    assert result["requirements"][0]["compared"] == {"language:de": "none"}


def test_the_text_says_in_one_line_why_a_language_counts_as_none(mlis) -> None:  # type: ignore[no-untyped-def]
    text = mlis(*CHECK, "--lang", "en:native").stdout
    why = "  Why: Dorvian language is unlikely to be met.\n"
    assert text.startswith("Dorvia (xd): unlikely\n" + why + ASSUMED_LINE)
    assert text.count("is not among your languages") == 1


def test_some_says_the_language_is_spoken_at_a_level_not_given(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(*CHECK, "--lang", "en:native", "--lang", "de:some", "--json")
    document = json.loads(run.stdout)
    result = document["results"][0]
    assert (result["verdict"], result["worst_case"], result["assumed"]) == ("case_by_case", "unlikely", [])
    assert [q["fact"] for q in result["open_questions"]] == ["language:de"]
    assert document["profile"]["languages"] == {"de": "some", "en": "native"}


def test_a_language_listed_in_a_profile_file_counts_the_same(mlis, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.yaml"
    path.write_text("languages: {fr: C1}\n", encoding="utf-8")
    result = json.loads(mlis(*CHECK, "--profile", str(path), "--json").stdout)["results"][0]
    assert result["assumed"] == [{"fact": "language:de", "value": "none"}]


def test_a_language_in_the_saved_profile_counts_the_same(mlis) -> None:  # type: ignore[no-untyped-def]
    assert mlis("profile", "set", "lang", "fr:C1").exit_code == 0
    check = ("check", "--rules-dir", RULES, "--degree", "ala", "-c", "xd")
    result = json.loads(mlis(*check, "--json").stdout)["results"][0]
    assert (result["verdict"], result["assumed"]) == ("unlikely", [{"fact": "language:de", "value": "none"}])


@pytest.mark.parametrize(
    ("languages", "record"),
    [
        ("{}", ("case_by_case", "unlikely", ["language:de"])),
        ('{"en": "native"}', ("unlikely", "unlikely", [])),
        ('{"en": "native", "de": "some"}', ("case_by_case", "unlikely", ["language:de"])),
    ],
)
def test_a_batch_line_that_lists_languages_counts_the_same(mlis, monkeypatch, languages, record) -> None:  # type: ignore[no-untyped-def]
    line = f'{{"degree": "ala", "languages": {languages}}}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode()), encoding="utf-8"))
    run = mlis("batch", "--rules-dir", RULES, "-c", "xd")
    got = json.loads(run.stdout)
    assert (got["verdict"], got["worst_case"], got["open_questions"]) == record
