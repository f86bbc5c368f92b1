"""mlis as a library: load the rules, read a person's facts, evaluate them, check many at once.

    import mlis_cli.api as mlis

    rules = mlis.load_rules()
    person = mlis.parse_profile({"degree": "ala", "citizenship": ["us"], "stay": "long"}, rules)
    report = mlis.evaluate(rules, person, ["fi", "de"])
    print(report.results[0].verdict)           # Verdict.CASE_BY_CASE
    print(mlis.report_document(report))        # what `mlis check --format json` prints

The commands of the CLI are built on these functions. What they return is made
of plain records (named tuples, frozen dataclasses, enums) that pickle, and so
do a loaded rule set and a BatchEvaluator: load the rules once and send them to
worker processes (multiprocessing, Dask). Errors are MlisError: UsageError for
what a person gave, RulesInvalid (with every located problem) for rule data.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlis_cli.errors import MlisError, UsageError
from mlis_cli.model.profile import Profile
from mlis_cli.model.report import CountryResult, Report
from mlis_cli.model.ruleset import RuleSet
from mlis_cli.model.verdicts import Verdict
from mlis_cli.rulefiles.location import rules_dir
from mlis_cli.rulefiles.problems import Problem, RulesInvalid

if TYPE_CHECKING:
    from mlis_cli.batch import Tally

# Each function imports what it needs when called: a command that only lists
# countries does not pay for the engine, and the CLI starts faster.

__all__ = [
    "BatchEvaluator",
    "CountryResult",
    "MlisError",
    "Problem",
    "Profile",
    "Report",
    "RuleSet",
    "RulesInvalid",
    "UsageError",
    "Verdict",
    "countries",
    "evaluate",
    "load_rules",
    "parse_profile",
    "report_document",
]


def load_rules(directory: str | os.PathLike[str] | None = None, *, cache: bool = True) -> RuleSet:
    """The validated rules of a directory, or the rules shipped with mlis.

    With cache (the default) the validated rules are kept in the user's cache
    directory (MLIS_CACHE_DIR moves it, MLIS_CACHE_DIR=off turns it off) and
    read from there while the files are unchanged. Raises RulesInvalid.
    """
    path, shown = rules_dir(Path(directory) if directory is not None else None)
    if cache:
        from mlis_cli.rulefiles import cache as rules_cache

        return rules_cache.load(path, shown)
    from mlis_cli.rulefiles import loader

    return loader.load(path, shown)


def parse_profile(facts: Mapping[str, Any], rules: RuleSet, *, today: dt.date | None = None) -> Profile:
    """A person's facts, as a profile file gives them ({"degree": "ala", "age": 29, ...}).

    Codes are read in any case and by common names; raises UsageError naming
    the fact, the value and what is accepted.
    """
    from mlis_cli.person.profile_input import parse_profile as parse

    return parse(facts, rules.degrees, today or dt.date.today())


def countries(names: Iterable[str], rules: RuleSet, *, every: bool = False) -> list[str]:
    """Country codes from codes or names ("fi", "Germany", "fi,de"), in order, without repeats.

    every adds every country with rules. Raises UsageError for a country without rules.
    """
    from mlis_cli.person.destinations import resolve_all

    return resolve_all(list(names), every, rules)


def evaluate(
    rules: RuleSet,
    profile: Profile,
    codes: Iterable[str] | None = None,
    *,
    today: dt.date | None = None,
    strict: bool = False,
    what_if: bool = False,
) -> Report:
    """The verdict of each country (every country with rules when codes is None).

    strict reports the worst case as the verdict; what_if also searches what
    would change each verdict (each result's `what_if`), which costs more.
    """
    from mlis_cli.engine.evaluation import evaluate as evaluate_countries

    chosen = list(rules.countries) if codes is None else countries(codes, rules)
    report = evaluate_countries(rules, profile, chosen, today or dt.date.today(), strict=strict)
    if not what_if:
        return report
    from mlis_cli.engine import what_if as search

    return search.with_paths(rules, report)


def report_document(report: Report) -> dict[str, Any]:
    """A report as `mlis check --format json` prints it: plain data, ready for json.dumps."""
    from mlis_cli.render.report_dict import report_dict

    return report_dict(report)


class BatchEvaluator:
    """Many profiles against the rules, as `mlis batch` checks them.

    A profile is a mapping of facts, as on a line of `mlis batch` input, with
    an optional "id" and "countries"; a profile without "countries" is checked
    against the countries given here. A profile that cannot be checked gives
    an error record, and the evaluator goes on (with fail_fast, BadLine, a
    UsageError, ends it). It pickles, so each worker of a pool can be handed one.
    """

    def __init__(
        self,
        rules: RuleSet,
        codes: Iterable[str] = (),
        *,
        today: dt.date | None = None,
        strict: bool = False,
        fail_fast: bool = False,
    ) -> None:
        from mlis_cli.batch import Batch

        wanted = list(codes)
        chosen = countries(wanted, rules) if wanted else []
        self._batch = Batch(rules, chosen, today or dt.date.today(), strict=strict, fail_fast=fail_fast)

    @property
    def tally(self) -> Tally:
        """Lines seen, bad lines, the first bad line and the worst verdict so far."""
        return self._batch.tally

    def take_tally(self) -> Tally:
        """The tally so far, and a new one from here on: each piece of a file split among
        processes is tallied on its own, and the pieces' tallies add up in order (Tally.add)."""
        return self._batch.take_tally()

    def records(
        self, profiles: Iterable[Mapping[str, Any] | str | bytes], first_line: int = 1
    ) -> Iterator[dict[str, Any]]:
        """One record per profile and country, as dicts; profiles numbered from first_line.

        A profile is a mapping, or a line of JSON text as `mlis batch` reads it.
        """
        return self._batch.records(enumerate(map(_as_line, profiles), start=first_line))

    def json_lines(self, lines: Iterable[str | bytes], first_line: int = 1) -> Iterator[str]:
        """JSON Lines in, `mlis batch` output out: for each line, its records as JSONL text.

        Lines are numbered from first_line, so that the pieces of a file split
        at line boundaries give, concatenated, exactly what `mlis batch` writes.
        """
        return self._batch.json_lines(enumerate(map(_as_line, lines), start=first_line))

    def summary_records(self, lines: Iterable[str | bytes], first_line: int = 1) -> Iterator[dict[str, Any]]:
        """As records, each with "barriers": the ids of the requirements that stand or may stand
        in the way, which `mlis batch --summary` counts."""
        return self._batch.records_with_barriers(enumerate(map(_as_line, lines), start=first_line))

    def summary_lines(self, lines: Iterable[str | bytes], first_line: int = 1) -> Iterator[str]:
        """summary_records as JSON Lines: what a worker of `batch --summary --jobs N` sends back."""
        import json

        records = self.summary_records(lines, first_line)
        return (json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def _as_line(item: Any) -> Any:
    """Text as the bytes mlis batch reads; anything else as it is."""
    return item.encode("utf-8", "surrogateescape") if isinstance(item, str) else item
