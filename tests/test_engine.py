"""The engine: first match wins, unanswered cases keep both branches, countries take the worst."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mlis_cli.engine.evaluation import NO_RULE_REASON, evaluate, evaluate_country, is_stale
from mlis_cli.model.profile import Profile
from mlis_cli.model.report import Status
from mlis_cli.model.verdicts import Verdict
from mlis_cli.rulefiles.schema import Level
from tests.rulekit import country, ruleset

TODAY = dt.date(2026, 11, 22)

TWO_REQUIREMENTS = country(
    "xa",
    """
    - id: degree
      kind: accreditation
      title: Degree recognised
      cases:
        - when: {degree: [ala]}
          verdict: eligible
          reason: First case.
          steps: [Apply A.]
          sources: [places-youll-go]
        - when: {degree: [ala, cilip]}
          verdict: conditional
          reason: Second case, also matching ala.
          steps: [Apply B.]
          sources: [cilip-become-librarian]
    - id: work
      kind: visa
      title: Right to work
      cases:
        - when: {citizenship: [eea]}
          verdict: eligible
          reason: Free movement.
          sources: [your-europe-work-abroad]
        - when: {age: {max: 30}}
          verdict: conditional
          reason: Working holiday.
          steps: [Apply for the working holiday visa.]
          sources: [places-youll-go]
        - otherwise: true
          verdict: unlikely
          reason: Sponsorship.
          steps: [Find a sponsor.]
          sources: [places-youll-go]
    """,
)


def test_the_first_matching_case_decides(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    result = evaluate_country(rules, rules.countries["xa"], Profile(degree="ala"), TODAY)
    degree = result.requirements[0]
    assert (degree.status, degree.verdict, degree.outcome.reason) == (
        Status.MET,
        Verdict.ELIGIBLE,
        "First case.",
    )
    assert [t.result.value for t in degree.trials] == ["matched", "not_reached"]


def test_a_later_case_applies_when_the_earlier_ones_do_not_match(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    result = evaluate_country(rules, rules.countries["xa"], Profile(degree="cilip"), TODAY)
    assert result.requirements[0].verdict is Verdict.CONDITIONAL


def test_no_matching_case_is_unknown_never_a_guess(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    result = evaluate_country(rules, rules.countries["xa"], Profile(degree="none"), TODAY)
    degree = result.requirements[0]
    assert (degree.status, degree.verdict, degree.outcome.reason) == (
        Status.NOT_KNOWN,
        Verdict.UNKNOWN,
        NO_RULE_REASON,
    )


def test_several_unanswered_requirements_give_best_and_worst_case(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    result = evaluate_country(rules, rules.countries["xa"], Profile(), TODAY)
    # a known barrier (unlikely, for the work permit) outranks what no case covers (unknown)
    assert (result.verdict, result.worst_case, result.complete) == (
        Verdict.ELIGIBLE,
        Verdict.UNLIKELY,
        False,
    )
    degree, work = result.requirements
    assert degree.status is Status.OPEN
    assert [o.verdict for o in degree.outcomes] == [
        Verdict.ELIGIBLE,
        Verdict.CONDITIONAL,
        Verdict.UNKNOWN,
    ]
    assert [o.verdict for o in work.outcomes] == [
        Verdict.ELIGIBLE,
        Verdict.CONDITIONAL,
        Verdict.UNLIKELY,
    ]
    assert [(q.fact, q.flag, q.settles) for q in result.open_questions] == [
        ("degree", "--degree CODE", ("degree",)),
        ("citizenship", "--citizenship CODE", ("work",)),
        ("age", "--age YEARS", ("work",)),
    ]


def test_strict_reports_the_worst_case_as_the_verdict(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    profile = Profile(degree="ala", citizenship=("us",))
    loose = evaluate_country(rules, rules.countries["xa"], profile, TODAY)
    strict = evaluate_country(rules, rules.countries["xa"], profile, TODAY, strict=True)
    assert (loose.verdict, loose.worst_case) == (Verdict.CONDITIONAL, Verdict.UNLIKELY)
    assert (strict.verdict, strict.worst_case, strict.complete) == (
        Verdict.UNLIKELY,
        Verdict.UNLIKELY,
        False,
    )


def test_the_country_takes_the_worst_requirement(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    profile = Profile(degree="ala", citizenship=("us",), age=45)
    result = evaluate_country(rules, rules.countries["xa"], profile, TODAY)
    assert (result.verdict, result.complete) == (Verdict.UNLIKELY, True)
    assert result.next_steps == ("Apply A.", "Find a sponsor.")


def test_an_open_requirement_contributes_its_worst_case_steps(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    result = evaluate_country(rules, rules.countries["xa"], Profile(degree="ala"), TODAY)
    assert result.next_steps == ("Apply A.", "Find a sponsor.")


def test_a_fact_that_changes_only_the_reason_leaves_the_requirement_open_but_the_verdict_sure(
    tmp_path: Path,
) -> None:
    rules = ruleset(
        tmp_path,
        {
            "xb": country(
                "xb",
                """
                - id: only
                  kind: review
                  title: Same either way
                  cases:
                    - when: {age: {max: 30}}
                      verdict: case_by_case
                      reason: Young.
                      sources: [places-youll-go]
                    - otherwise: true
                      verdict: case_by_case
                      reason: Anyone.
                      sources: [places-youll-go]
                """,
            )
        },
    )
    result = evaluate_country(rules, rules.countries["xb"], Profile(), TODAY)
    only = result.requirements[0]
    assert (only.status, [o.reason for o in only.outcomes], result.verdict, result.complete) == (
        Status.OPEN,
        ["Young.", "Anyone."],
        Verdict.CASE_BY_CASE,
        True,
    )
    assert [q.fact for q in result.open_questions] == ["age"]


def test_a_case_that_cannot_be_reached_once_earlier_cases_are_settled_is_not_possible(
    tmp_path: Path,
) -> None:
    rules = ruleset(
        tmp_path,
        {
            "xd": country(
                "xd",
                """
                - id: post
                  kind: review
                  title: Public posts
                  cases:
                    - when: {sector: [public]}
                      verdict: unlikely
                      reason: Public posts need nationality.
                      sources: [places-youll-go]
                    - when: {sector: [public], degree: [ala]}
                      verdict: ineligible
                      reason: Never reached, since public posts stop at the first case.
                      sources: [places-youll-go]
                    - otherwise: true
                      verdict: eligible
                      reason: Other sectors are open.
                      sources: [places-youll-go]
                """,
            )
        },
    )
    result = evaluate_country(rules, rules.countries["xd"], Profile(degree="ala"), TODAY)
    assert (result.verdict, result.worst_case) == (Verdict.ELIGIBLE, Verdict.UNLIKELY)
    assert [t.result.value for t in result.requirements[0].trials] == [
        "unanswered",
        "not_reached",
        "unanswered",
    ]


def test_cases_that_cover_every_degree_leave_no_unknown_when_the_degree_is_missing(tmp_path: Path) -> None:
    every = "[ala, cilip, alia, lianza, lai, other, unaccredited, none]"
    rules = ruleset(
        tmp_path,
        {
            "xe": country(
                "xe",
                f"""
                - id: degree
                  kind: accreditation
                  title: Degree
                  cases:
                    - when: {{degree: [ala]}}
                      verdict: eligible
                      reason: ALA.
                      sources: [places-youll-go]
                    - when: {{degree: {every}}}
                      verdict: case_by_case
                      reason: The rest.
                      sources: [places-youll-go]
                """,
            )
        },
    )
    result = evaluate_country(rules, rules.countries["xe"], Profile(), TODAY)
    assert (result.verdict, result.worst_case) == (Verdict.ELIGIBLE, Verdict.CASE_BY_CASE)


def test_evaluate_keeps_the_order_of_the_countries_asked(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS, "xb": TWO_REQUIREMENTS.replace("xa", "xb")})
    report = evaluate(rules, Profile(), ["xb", "xa"], TODAY)
    assert [r.code for r in report.results] == ["xb", "xa"]


def test_sources_are_those_of_every_possible_outcome_in_order(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xa": TWO_REQUIREMENTS})
    result = evaluate_country(rules, rules.countries["xa"], Profile(), TODAY)
    assert [s.id for s in result.sources] == [
        "places-youll-go",
        "cilip-become-librarian",
        "your-europe-work-abroad",
    ]


def test_rules_reviewed_more_than_twelve_months_ago_are_stale() -> None:
    reviewed = dt.date(2025, 11, 22)
    assert (is_stale(reviewed, dt.date(2026, 11, 22)), is_stale(reviewed, dt.date(2026, 11, 23))) == (
        False,
        True,
    )
    assert is_stale(dt.date(2024, 2, 29), dt.date(2025, 3, 1)) is True


def test_languages_compare_by_level_with_native_above_c2(tmp_path: Path) -> None:
    rules = ruleset(
        tmp_path,
        {
            "xc": country(
                "xc",
                """
                - id: lang
                  kind: language
                  title: German
                  cases:
                    - when: {language: {de: B2}}
                      verdict: eligible
                      reason: Enough German.
                      sources: [places-youll-go]
                    - otherwise: true
                      verdict: unlikely
                      reason: Not enough German.
                      sources: [places-youll-go]
                """,
            )
        },
    )
    xc = rules.countries["xc"]
    verdicts = [
        evaluate_country(rules, xc, Profile(languages=languages), TODAY).verdict
        for languages in ({"de": Level.NATIVE}, {"de": Level.B2}, {"de": Level.B1}, {"de": Level.NONE})
    ]
    assert verdicts == [Verdict.ELIGIBLE, Verdict.ELIGIBLE, Verdict.UNLIKELY, Verdict.UNLIKELY]
    unknown = evaluate_country(rules, xc, Profile(languages={"fr": Level.C2}), TODAY)
    assert [q.fact for q in unknown.open_questions] == ["language:de"]
    assert unknown.open_questions[0].flag == "--lang de:LEVEL"


SHARED_AGE = country(
    "xj",
    """
    - id: holiday
      kind: visa
      title: Working holiday
      cases:
        - when: {age: {max: 30}}
          verdict: eligible
          reason: Young enough for the working holiday.
          sources: [places-youll-go]
        - otherwise: true
          verdict: unlikely
          reason: Too old for the working holiday.
          sources: [places-youll-go]
    - id: seniority
      kind: review
      title: Senior post
      cases:
        - when: {age: {min: 35}}
          verdict: eligible
          reason: Old enough for the senior post.
          sources: [places-youll-go]
        - otherwise: true
          verdict: unlikely
          reason: Too young for the senior post.
          sources: [places-youll-go]
    """,
)


def test_a_fact_two_requirements_read_takes_one_value_in_both(tmp_path: Path) -> None:
    rules = ruleset(tmp_path, {"xj": SHARED_AGE})
    result = evaluate_country(rules, rules.countries["xj"], Profile(), TODAY)
    # each requirement alone could be eligible, but no age is both at most 30 and at least 35
    assert [(r.verdict, r.worst_case) for r in result.requirements] == [
        (Verdict.ELIGIBLE, Verdict.UNLIKELY),
        (Verdict.ELIGIBLE, Verdict.UNLIKELY),
    ]
    assert (result.verdict, result.worst_case, result.complete) == (Verdict.UNLIKELY, Verdict.UNLIKELY, True)
    assert [q.fact for q in result.open_questions] == ["age"]


BETTER_LATER = country(
    "xa",
    """
    - id: local-language
      kind: language
      title: Local language
      cases:
        - when: {sector: [public]}
          verdict: case_by_case
          reason: Public libraries may ask for it.
          steps: [Read each advert.]
          sources: [places-youll-go]
        - otherwise: true
          verdict: eligible
          reason: Nobody else asks for it.
          sources: [places-youll-go]
    """,
)


def test_an_open_requirement_lists_its_outcomes_in_the_order_the_rules_check_them(tmp_path: Path) -> None:
    # The otherwise case is the better one here: shown by verdict it would come first and
    # read as if it applied to everyone before the sector was asked.
    rules = ruleset(tmp_path, {"xa": BETTER_LATER})
    result = evaluate_country(rules, rules.countries["xa"], Profile(degree="ala"), TODAY)
    (requirement,) = result.requirements
    assert requirement.status is Status.OPEN
    assert [(o.condition, o.verdict) for o in requirement.outcomes] == [
        ("sector is public", Verdict.CASE_BY_CASE),
        (None, Verdict.ELIGIBLE),
    ]
    assert requirement.outcome.verdict is Verdict.ELIGIBLE
    assert requirement.worst_outcome.verdict is Verdict.CASE_BY_CASE
    assert result.next_steps == ("Read each advert.",)
