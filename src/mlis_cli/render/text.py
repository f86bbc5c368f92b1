"""Text output for people: a colored verdict per country, then reasons, steps and sources.

Color is never the only signal: every mark is also a word (met, not met, open).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mlis_cli.model.iso639 import NAMES as LANGUAGE_NAMES
from mlis_cli.model.report import CountryResult, Report, RequirementResult, Status, TrialResult
from mlis_cli.model.ruleset import Source
from mlis_cli.model.verdicts import WORDS, Verdict
from mlis_cli.render.encoding import is_unicode
from mlis_cli.render.evidence import reason_words
from mlis_cli.render.layout import block, item

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from mlis_cli.engine.step_costs import PlanCosts

VERDICT_STYLES: dict[Verdict, str] = {
    Verdict.ELIGIBLE: "bold green",
    Verdict.CONDITIONAL: "bold cyan",
    Verdict.CASE_BY_CASE: "bold yellow",
    Verdict.UNLIKELY: "bold dark_orange",
    Verdict.INELIGIBLE: "bold red",
    Verdict.UNKNOWN: "bold magenta",
}
STATUS_MARKS: dict[Status, tuple[str, str]] = {
    Status.MET: ("✓ met", "green"),
    Status.CASE_BY_CASE: ("~ decided case by case", "yellow"),
    Status.NOT_MET: ("✗ not met", "red"),
    Status.NOT_KNOWN: ("? not known", "magenta"),
    Status.OPEN: ("… open", "yellow"),
}
"""A mark and the words for it, by where a requirement stands; color is never the only signal."""
ASCII_MARKS: dict[Status, str] = {
    Status.MET: "+ met",
    Status.CASE_BY_CASE: "~ decided case by case",
    Status.NOT_MET: "x not met",
    Status.NOT_KNOWN: "? not known",
    Status.OPEN: "... open",
}
"""The same marks for an output whose encoding cannot hold the others (cp1252, ASCII)."""
TRIAL_WORDS: dict[TrialResult, str] = {
    TrialResult.MATCHED: "matched",
    TrialResult.NOT_MATCHED: "did not match",
    TrialResult.UNANSWERED: "unanswered",
    TrialResult.NOT_REACHED: "not reached",
}


def verdict_text(verdict: Verdict) -> str:
    from rich.markup import escape

    return f"[{VERDICT_STYLES[verdict]}]{escape(WORDS[verdict])}[/]"


def render_report(report: Report, console: Console, *, explain: bool, brief: bool) -> None:
    """Every case still possible and every source in full (--details); --explain adds every case tried."""
    if len(report.results) > 1:
        render_table(report, console)
        if brief:
            render_brief_what_if(report, console)
            return
    for index, result in enumerate(report.results):
        if index or len(report.results) > 1:
            console.print()
        render_country(result, console, explain=explain, strict=report.strict, today=report.today)


def render_saved_facts(note: str, console: Console) -> None:
    from rich.markup import escape

    # soft_wrap keeps the file's path on one line, whole, to copy.
    console.print(f"[dim]{escape(note)}[/]", soft_wrap=True)
    console.print()


def render_table(report: Report, console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("country", "verdict", "worst case", "complete", "open questions"):
        table.add_column(column)
    for result in report.results:
        table.add_row(
            escape(f"{result.name} ({result.code})"),
            verdict_text(result.verdict),
            verdict_text(result.worst_case),
            "yes" if result.complete else "no",
            ", ".join(q.fact for q in result.open_questions) or "-",
        )
    print_table(table, console)


def print_table(table: Table, console: Console) -> None:
    """A table without the spaces rich pads its last column with, printed line by line."""
    from rich.text import Text

    for segments in console.render_lines(table, console.options, pad=False):
        line = Text()
        for segment in segments:
            line.append(segment.text, segment.style)
        line.rstrip()
        console.print(line, soft_wrap=True)


def render_country(
    result: CountryResult, console: Console, *, explain: bool, strict: bool, today: dt.date
) -> None:
    from rich.markup import escape

    block(console, headline(result, strict=strict))
    block(console, f"[dim]{escape(result.association)}[/]", 2)
    for fact in result.assumed:
        block(console, escape(assumed_words(fact)), 2)
    console.print()
    for requirement in result.requirements:
        render_requirement(requirement, console, explain=explain, today=today)
    if result.open_questions:
        block(console, "[bold]Open questions[/]", 2)
        for question in result.open_questions:
            item(console, "-", f"{escape(question.question)} [bold]{escape(question.flag)}[/]", 4)
        console.print()
    if result.next_steps:
        block(console, "[bold]Next steps[/]", 2)
        for number, step in enumerate(result.next_steps, start=1):
            item(console, f"{number}.", escape(step), 4)
        console.print()
    render_see_also(result, console)
    if result.what_if is not None:
        render_what_if(result, console)
    block(console, "[bold]Sources[/]", 2)
    for source in result.sources:
        item(console, escape(f"[{source.id}]"), escape(describe_source(source)), 4)
    console.print()
    reviewed = f"Rules reviewed {result.reviewed.isoformat()}"
    if result.stale:
        reviewed += " [bold red]warning: more than 12 months ago; advice may be out of date[/]"
    block(console, reviewed, 2)


DEPENDS_SHOWN = 3
"""Facts named in a headline; the rest are under Open questions."""


def headline(result: CountryResult, *, strict: bool) -> str:
    """The country and its verdict; while facts are missing, what it could be and what it depends on.

    'Finland (fi): could be eligible or ineligible, depending on your degree and how long you stay'
    """
    from rich.markup import escape

    name = f"[bold]{escape(result.name)} ({result.code})[/]"
    if result.complete:
        return f"{name}: {verdict_text(result.verdict)}"
    if strict:
        return (
            f"{name}: {verdict_text(result.verdict)} "
            "(worst case, as --strict asks; the open questions may improve it)"
        )
    return (
        f"{name}: could be {verdict_text(result.verdict)} or {verdict_text(result.worst_case)}, "
        f"depending on {escape(depends_words(result))}"
    )


def depends_words(result: CountryResult) -> str:
    """What the open questions are about: 'your citizenship, your age and how long you stay'."""
    from mlis_cli.model.facts import fact_of

    facts = [question.fact for question in result.open_questions]
    languages = [fact for fact in facts if fact.startswith("language:")]
    if len(languages) > 1:
        facts = [fact for fact in facts if fact not in languages[1:]]
    topics = [
        "your languages" if len(languages) > 1 and fact == languages[0] else fact_of(fact).topic
        for fact in facts
    ]
    topics = list(dict.fromkeys(topics))
    if len(topics) > DEPENDS_SHOWN:
        topics = [*topics[:DEPENDS_SHOWN], "more (see the open questions)"]
    return topics[0] if len(topics) == 1 else ", ".join(topics[:-1]) + " and " + topics[-1]


def assumed_words(fact: str) -> str:
    """Why a fact the person did not give counts as it does: a language not among theirs."""
    code = fact.partition(":")[2]
    name = LANGUAGE_NAMES.get(code, f"'{code}'")
    return (
        f"{name} is not among your languages, so it counts as none; "
        f"add --lang {code}:LEVEL if you speak some ({code}:some if you do not know your level)."
    )


def render_see_also(result: CountryResult, console: Console) -> None:
    """The commands that tell more about the next steps, where the rules point to them."""
    from rich.markup import escape

    if not result.see:
        return
    block(console, "[bold]See also[/]", 2)
    for link in result.see:
        block(console, f"[bold]{escape(link.command)}[/]: {escape(link.title)}", 4)
    console.print()


WHAT_IF_SHOWN = 3
"""Paths shown per country by `check --what-if`; `mlis plan` lists them all."""
NO_PATH = (
    "No change of language, sector, stay, degree, experience or doctorate that the rules mention improves it."
)


def render_what_if(result: CountryResult, console: Console) -> None:
    from rich.markup import escape

    assert result.what_if is not None
    paths = result.what_if.paths
    block(console, "[bold]What would change the verdict[/]", 2)
    if result.verdict is Verdict.ELIGIBLE and result.worst_case is Verdict.ELIGIBLE:
        block(console, "Nothing to change: it is eligible already.", 4)
    elif not paths:
        block(console, NO_PATH, 4)
    from mlis_cli.engine.what_if import grouped_sentences

    sentences = grouped_sentences(paths, result.name)
    for sentence in sentences[:WHAT_IF_SHOWN]:
        item(console, "-", escape(sentence), 4)
    if len(sentences) > WHAT_IF_SHOWN:
        block(
            console,
            f"[dim]'mlis plan --country {result.code}' with the same facts lists all {len(paths)} paths[/]",
            4,
        )
    console.print()
    render_conditions(result, console)


def render_brief_what_if(report: Report, console: Console) -> None:
    """Under the comparison table, with --what-if: the best path of each country."""
    from rich.markup import escape

    from mlis_cli.engine.what_if import grouped_sentences

    if any(result.what_if is None for result in report.results):
        return
    console.print()
    block(console, "[bold]What would change the verdict[/] [dim](the best path; 'mlis plan' lists all)[/]")
    for result in report.results:
        assert result.what_if is not None
        if result.verdict is Verdict.ELIGIBLE and result.worst_case is Verdict.ELIGIBLE:
            words = "nothing to change: it is eligible already."
        elif result.what_if.paths:
            words = grouped_sentences(result.what_if.paths, result.name)[0]
        else:
            words = NO_PATH
        item(console, f"{escape(result.name)} ({result.code}):", escape(words), 2)


def render_conditions(result: CountryResult, console: Console) -> None:
    from rich.markup import escape

    assert result.what_if is not None
    if not result.what_if.conditions:
        return
    block(console, "[bold]Conditions that matter[/] [dim](facts, not actions)[/]", 2)
    for condition in result.what_if.conditions:
        item(console, "-", escape(condition.sentence), 4)
    console.print()


def render_plan(
    result: CountryResult, sources: Mapping[str, Source], console: Console, costs: PlanCosts | None = None
) -> None:
    """`mlis plan`: every path for one country, best first, numbered, with its steps and sources;
    with costs, the next steps and each path's steps with their fees and time."""
    from rich.markup import escape

    assert result.what_if is not None
    block(console, headline(result, strict=False))
    console.print()
    from mlis_cli.engine.what_if import ends_words
    from mlis_cli.render.step_costs import render_plan_steps, render_step_details

    paths = result.what_if.paths
    cited: dict[str, None] = {}
    if costs is not None:
        cited.update(dict.fromkeys(render_plan_steps(costs.now, console)))
    if result.verdict is Verdict.ELIGIBLE and result.worst_case is Verdict.ELIGIBLE:
        block(console, "Nothing to change: it is eligible already.", 2)
        console.print()
    elif not paths:
        block(console, NO_PATH, 2)
        console.print()
    else:
        block(console, "[bold]Paths to a better verdict, best first[/]", 2)
        console.print()
    for number, path in enumerate(paths, start=1):
        item(console, f"{number}.", escape(path.sentence), 2)
        for change in path.requirements:
            block(
                console,
                f"[dim]{escape(change.title)}: {ends_words(change.verdict, change.worst_case)} "
                f"(now {ends_words(change.was_verdict, change.was_worst_case)})[/]",
                5,
            )
        if costs is not None:
            cited.update(
                dict.fromkeys(render_step_details(costs.paths[number - 1], console, numbered=False, indent=5))
            )
        else:
            for step in path.next_steps:
                item(console, "-", escape(step), 5)
        block(console, f"[dim]sources: {', '.join(path.sources)}[/]", 5)
        console.print()
        cited.update(dict.fromkeys(path.sources))
    render_conditions(result, console)
    for condition in result.what_if.conditions:
        cited.update(dict.fromkeys(condition.sources))
    if cited:
        block(console, "[bold]Sources[/]", 2)
        for source_id in cited:
            item(console, escape(f"[{source_id}]"), escape(describe_source(sources[source_id])), 4)
        console.print()
    block(console, f"Rules reviewed {result.reviewed.isoformat()}", 2)


def render_requirement(
    requirement: RequirementResult, console: Console, *, explain: bool, today: dt.date
) -> None:
    from rich.markup import escape

    mark, style = STATUS_MARKS[requirement.status]
    if not is_unicode(console.encoding):
        mark = ASCII_MARKS[requirement.status]
    item(
        console,
        f"[{style}]{mark}[/]",
        f"[bold]{escape(requirement.title)}[/] [dim]({requirement.kind})[/]: "
        + (
            f"{verdict_text(requirement.verdict)} or {verdict_text(requirement.worst_case)}"
            if requirement.status is Status.OPEN
            else verdict_text(requirement.verdict)
        ),
        2,
    )
    if requirement.status is Status.OPEN:
        for outcome in requirement.outcomes:
            when = f"if {outcome.condition}" if outcome.condition else "otherwise"
            item(
                console,
                "-",
                f"{escape(when)}: {verdict_text(outcome.verdict)}. {escape(reason_words(outcome, today))}",
                6,
            )
    else:
        block(console, escape(reason_words(requirement.outcome, today)), 6)
    if explain:
        for trial in requirement.trials:
            condition = trial.condition or "otherwise"
            missing = f" (needs {', '.join(trial.missing)})" if trial.missing else ""
            item(
                console,
                f"[dim]case {trial.case + 1}:[/]",
                f"[dim]{escape(condition)}: {TRIAL_WORDS[trial.result]}{escape(missing)}[/]",
                6,
            )
        if requirement.compared:
            facts = ", ".join(
                f"{fact}={'unknown' if value is None else value}" for fact, value in requirement.compared
            )
            block(console, f"[dim]facts compared: {escape(facts)}[/]", 6)
    console.print()


def describe_source(source: Source) -> str:
    parts = [
        f'"{source.title}"',
        source.publisher,
        source.url or "no address recorded",
        source.date if source.date != "nd" else "no date",
        source.reliability,
    ]
    return ", ".join(parts)
