"""Batch's shortcuts give exactly what the engine and the profile parser give."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlis_cli.batch import LineError, parse_object
from mlis_cli.engine.evaluation import evaluate_country
from mlis_cli.engine.summaries import Summaries
from mlis_cli.errors import UsageError
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.person.profile_input import ProfileReader, parse_profile
from mlis_cli.rulefiles import loader
from tests.conftest import RULES
from tests.rulekit import country, ruleset

TODAY = dt.date(2026, 11, 22)
RULESET = loader.load(RULES, "rules")
CODES = list(RULESET.countries)

LEVELS = ["none", "some", "A1", "A2", "B1", "B2", "C1", "C2", "native"]
profiles = st.fixed_dictionaries(
    {},
    optional={
        "degree": st.sampled_from(list(RULESET.degrees)),
        "citizenship": st.lists(
            st.sampled_from(["us", "ca", "gb", "au", "nz", "ie", "de", "fi", "ch", "jp", "mx", "kr"]),
            min_size=1,
            max_size=3,
        ),
        "age": st.integers(0, 120),
        "languages": st.dictionaries(
            st.sampled_from(["de", "da", "fr", "nl", "fi", "sv", "ga", "en"]),
            st.sampled_from(LEVELS),
            max_size=3,
        ),
        "sector": st.sampled_from(["public", "academic", "school", "special", "corporate"]),
        "stay": st.sampled_from(["short", "long"]),
        "graduated": st.integers(1990, 2030),
        "experience": st.integers(0, 40) | st.floats(0, 40, allow_nan=False),
        "phd": st.booleans(),
        "online": st.booleans(),
    },
)


def assert_summaries_equal_the_engine(
    batch: list[dict[str, Any]],
    strict: bool,
    countries: list[list[str]] | None = None,
    ruleset: RuleSet = RULESET,
) -> None:
    """Each profile's answers, for every country or for the countries given with it."""
    summaries = Summaries(ruleset, TODAY, strict=strict)
    for number, data in enumerate(batch):
        profile = parse_profile(data, ruleset.degrees, TODAY)
        codes = countries[number] if countries else list(ruleset.countries)
        for code, answer in zip(codes, summaries.of(profile, codes), strict=True):
            result = evaluate_country(ruleset, ruleset.countries[code], profile, TODAY, strict=strict)
            assert (
                answer.country,
                answer.verdict,
                answer.worst_case,
                answer.complete,
                answer.open_questions,
            ) == (
                code,
                result.verdict,
                result.worst_case,
                result.complete,
                tuple(question.fact for question in result.open_questions),
            )


@settings(max_examples=300, deadline=None)
@given(st.lists(profiles, min_size=1, max_size=40), st.booleans())
def test_summaries_equal_the_engine_for_every_country(batch: list[dict[str, Any]], strict: bool) -> None:
    assert_summaries_equal_the_engine(batch, strict)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(profiles, st.lists(st.sampled_from(CODES), min_size=1, max_size=3, unique=True)),
        min_size=1,
        max_size=40,
    )
)
def test_summaries_equal_the_engine_when_each_line_names_its_countries(
    lines: list[tuple[dict[str, Any], list[str]]],
) -> None:
    assert_summaries_equal_the_engine([data for data, _ in lines], False, [codes for _, codes in lines])


def test_a_country_keeps_one_number_per_class_of_citizenship_however_many_it_has_seen() -> None:
    # Found by comparing a process pool with a single process: a country worked out the
    # classes of new citizenships in several calls, numbered them inconsistently, and
    # answered for a Canadian what it had answered for a New Zealander.
    batch: list[dict[str, Any]] = [
        {"degree": "lianza", "citizenship": ["de"], "stay": "long"},
        {"degree": "none", "citizenship": ["fi"], "stay": "long"},
        {"degree": "none", "citizenship": ["nz"], "age": 38},
        {"degree": "unaccredited", "citizenship": ["ca"], "age": 28, "stay": "long"},
        {"degree": "ala", "citizenship": ["ca", "de"], "age": 54},
        {"degree": "lai", "citizenship": ["nz", "in"], "age": 51, "languages": {"de": "A2"}},
        {"degree": "alia", "citizenship": ["ca"], "age": 50, "languages": {"fi": "C1"}},
    ]
    countries = [["fi", "de", "nz"], ["fi", "de"], ["au", "fi"], ["au", "fi"], ["fi", "de", "nz"]]
    assert_summaries_equal_the_engine(batch, False, [*countries, ["fi", "de", "nz"], ["fi", "de", "nz"]])


SOME_GERMAN = """
- id: german
  kind: language
  title: German
  cases:
    - when: {language: {de: A1}}
      verdict: case_by_case
      reason: Some German will do.
      sources: [places-youll-go]
    - otherwise: true
      verdict: unlikely
      reason: No German will not.
      sources: [places-youll-go]
"""


def test_a_language_spoken_at_some_level_is_not_a_language_not_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # `de: some` meets A1 while a language not given stays open: batch must not take
    # one for the other, whichever it sees first.
    rules = ruleset(tmp_path, {"xa": country("xa", SOME_GERMAN)})
    lines: list[dict[str, Any]] = [
        {"degree": "ala"},
        {"degree": "ala", "languages": {"de": "some"}},
        {"degree": "ala", "languages": {"en": "native"}},
        {"degree": "ala", "languages": {"de": "some"}},
        {"degree": "ala"},
    ]
    assert_summaries_equal_the_engine(lines, False, ruleset=rules)
    assert_summaries_equal_the_engine(lines[::-1], False, ruleset=rules)
    answers = Summaries(rules, TODAY, strict=False)
    got = [
        (a.verdict.value, a.worst_case.value)
        for line in lines
        for a in answers.of(parse_profile(line, rules.degrees, TODAY), ["xa"])
    ]
    assert got == [
        ("case_by_case", "unlikely"),
        ("case_by_case", "case_by_case"),
        ("unlikely", "unlikely"),
        ("case_by_case", "case_by_case"),
        ("case_by_case", "unlikely"),
    ]


junk = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=True), st.text(max_size=8)
)
raw_profiles = st.dictionaries(
    st.sampled_from(
        [
            "degree",
            "citizenship",
            "age",
            "languages",
            "language",
            "sector",
            "stay",
            "graduated",
            "experience",
            "phd",
            "salary",
        ]
    ),
    junk
    | st.lists(junk, max_size=3)
    | st.dictionaries(st.text(max_size=3), junk, max_size=2)
    | profiles.map(lambda p: p.get("degree")),
    max_size=5,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(raw_profiles, min_size=1, max_size=10))
def test_the_profile_reader_gives_what_parse_profile_gives_errors_included(
    batch: list[dict[str, Any]],
) -> None:
    reader = ProfileReader(RULESET.degrees, TODAY)
    for data in batch:
        try:
            expected: Any = parse_profile(data, RULESET.degrees, TODAY)
        except UsageError as error:
            expected = ("error", error.message, error.hint)
        try:
            got: Any = reader.read(data)
        except UsageError as error:
            got = ("error", error.message, error.hint)
        assert got == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'{"degree":"ala","degree":"cilip"}', 'duplicate key "degree"'),
        (b'{"degree" : "ala", "degree" : "cilip"}', 'duplicate key "degree"'),
        (b'{"languages":{"de":"B1","de":"C1"}}', 'duplicate key "de"'),
        (b'{"id":"a\\":b","degree":"ala","degree":"x"}', 'duplicate key "degree"'),
    ],
)
def test_a_repeated_key_is_found_however_the_line_is_spaced(text: bytes, message: str) -> None:
    with pytest.raises(LineError) as raised:
        parse_object(text)
    assert raised.value.message == message


def test_a_colon_inside_a_string_is_not_taken_for_a_key() -> None:
    assert parse_object(b'{"id":"a\\":b","degree":"ala"}') == {"id": 'a":b', "degree": "ala"}
