"""The answer at a glance: one screen for one country, a table and short blocks for many.

For each country: the verdict and one sentence of why, each requirement in
one line (mark, title, verdict) with its reason in one sentence and the
strongest source of that reason numbered under it, the questions that could
still change the answer, and the next steps. Every case tried and every
source in full is `--details` away (mlis_cli.render.text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlis_cli.model.report import CountryResult, Outcome, Report, RequirementResult, Status
from mlis_cli.model.ruleset import Source
from mlis_cli.model.verdicts import Verdict
from mlis_cli.render.encoding import is_unicode
from mlis_cli.render.evidence import with_looked_for
from mlis_cli.render.layout import block, item
from mlis_cli.render.text import (
    ASCII_MARKS,
    STATUS_MARKS,
    assumed_words,
    depends_words,
    headline,
    print_table,
    render_see_also,
    render_what_if,
    verdict_text,
)

if TYPE_CHECKING:
    from rich.console import Console

RELIABILITY_ORDER = ("official", "secondary", "weak")
STANDING: dict[Verdict, str] = {
    Verdict.ELIGIBLE: "is met",
    Verdict.CONDITIONAL: "is met on conditions",
    Verdict.CASE_BY_CASE: "is decided case by case",
    Verdict.UNKNOWN: "is not known",
    Verdict.UNLIKELY: "is unlikely to be met",
    Verdict.INELIGIBLE: "is not met",
}
"""A requirement's verdict as the end of a sentence about it."""
WHY_SHOWN = 2
"""Requirements named in the sentence of why; the others are counted."""


def render_answers(report: Report, console: Console, *, brief: bool) -> None:
    """Every country of the report at a glance; with several, the comparison table first, best first."""
    results = ranked(report.results)
    if len(results) > 1 or brief:
        render_ranking(results, console)
        if brief:
            from mlis_cli.render.text import render_brief_what_if

            render_brief_what_if(report._replace(results=tuple(results)), console)
            return
    several = len(results) > 1
    for result in results:
        if several:
            console.print()
        render_answer(result, console, strict=report.strict, steps=not several)
    if several:
        console.print()
        block(console, "[dim]Next steps of one country: the same command with --country CODE.[/]")
        block(console, "[dim]Every case and every source in full: --details.[/]")
    else:
        reviewed = results[0].reviewed.isoformat()
        block(console, f"[dim]Rules reviewed {reviewed}; every case and every source in full: --details.[/]")


def ranked(results: tuple[CountryResult, ...]) -> list[CountryResult]:
    """Best first: by verdict, then worst case, keeping the order asked for among equals."""
    return sorted(results, key=lambda result: (result.verdict.rank, result.worst_case.rank))


def render_ranking(results: list[CountryResult], console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("country")
    # Whole verdicts read best; below 80 columns they wrap rather than lose words.
    table.add_column("verdict", no_wrap=console.width >= 80)
    table.add_column("open questions")
    for result in results:
        verdict = verdict_text(result.verdict)
        if not result.complete:
            verdict += f" or {verdict_text(result.worst_case)}"
        table.add_row(escape(f"{result.name} ({result.code})"), verdict, escape(open_facts(result)))
    print_table(table, console)


def open_facts(result: CountryResult) -> str:
    """The facts still open, short: 'citizenship, age, languages'; '-' when none."""
    names = ["languages" if q.fact.startswith("language:") else q.fact for q in result.open_questions]
    return ", ".join(dict.fromkeys(names)) or "-"


def render_answer(result: CountryResult, console: Console, *, strict: bool, steps: bool) -> None:
    """One country: the verdict, why, each requirement with its one-sentence reason, then what to do."""
    from rich.markup import escape

    block(console, headline(result, strict=strict))
    reason = why(result)
    if reason:
        block(console, escape(reason), 2)
    for fact in result.assumed:
        block(console, escape(assumed_words(fact)), 2)
    if result.stale:
        block(console, "[bold red]Rules reviewed more than 12 months ago; advice may be out of date.[/]", 2)
    console.print()
    cited: dict[str, int] = {}
    for requirement in result.requirements:
        render_requirement_line(requirement, result.sources, cited, console)
    if result.open_questions:
        flags = " ".join(question.flag for question in result.open_questions)
        item(console, "[bold]Answer with:[/]", escape(flags), 2)
    if steps:
        render_steps(result, console)
    if result.what_if is not None:
        console.print()
        render_what_if(result, console)


def why(result: CountryResult) -> str:
    """One sentence: the requirements that set the verdict whatever is still open, and what the rest
    depends on. While the verdict itself is open the headline says what it depends on; a best case
    of eligible needs no why."""
    if not result.complete and result.verdict is Verdict.ELIGIBLE:
        return ""
    setting = [
        requirement
        for requirement in result.requirements
        if requirement.verdict is result.verdict and requirement.worst_case is result.verdict
    ]
    parts = []
    if setting and result.verdict is Verdict.ELIGIBLE and len(setting) == len(result.requirements):
        parts.append("every requirement is met")
    elif setting and len(setting) == len(result.requirements) > 1:
        every = "both requirements" if len(setting) == 2 else f"all {len(setting)} requirements"
        parts.append(f"{every} {STANDING[result.verdict].replace('is ', 'are ', 1)}")
    elif setting:
        names = [requirement.title for requirement in setting[:WHY_SHOWN]]
        if len(setting) > WHY_SHOWN:
            more = len(setting) - WHY_SHOWN
            names.append(f"{more} more requirement{'s' if more > 1 else ''}")
        subject = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        standing = STANDING[result.verdict]
        parts.append(f"{subject} {standing if len(names) == 1 else standing.replace('is ', 'are ', 1)}")
    still_open = any(r.status is Status.OPEN and r not in setting for r in result.requirements)
    if result.complete and still_open and not parts:
        parts.append(("the rest depends on " if parts else "it depends on ") + depends_words(result))
    if not parts:
        return ""
    return f"Why: {'; '.join(parts)}."


def render_requirement_line(
    requirement: RequirementResult, sources: tuple[Source, ...], cited: dict[str, int], console: Console
) -> None:
    """Mark, title and verdict; the reason in one sentence; its strongest source, numbered."""
    from rich.markup import escape

    mark, style = STATUS_MARKS[requirement.status]
    if not is_unicode(console.encoding):
        mark = ASCII_MARKS[requirement.status]
    mark = mark.split(" ", 1)[0]
    verdict = verdict_text(requirement.verdict)
    if requirement.status is Status.OPEN and requirement.worst_case is not requirement.verdict:
        verdict += f" or {verdict_text(requirement.worst_case)}"
    item(console, f"[{style}]{escape(mark)}[/]", f"[bold]{escape(requirement.title)}[/]: {verdict}", 2)
    outcomes = shown_outcomes(requirement)
    by_id = {source.id: source for source in sources}
    references: list[tuple[int, Source]] = []
    for outcome in outcomes:
        source = strongest(outcome, by_id)
        if source is None:
            continue
        if source.id not in cited:
            cited[source.id] = len(cited) + 1
            references.append((cited[source.id], source))
    words = " ".join(outcome_words(outcome) for outcome in outcomes)
    used = dict.fromkeys(cited[s.id] for o in outcomes if (s := strongest(o, by_id)) is not None)
    numbers = "".join(f"[{number}]" for number in used)
    block(console, escape(f"{words} {numbers}".rstrip()), 6)
    if references:
        block(
            console,
            escape("; ".join(f"[{number}] {reference_words(source)}" for number, source in references)),
            6,
        )


def outcome_words(outcome: Outcome) -> str:
    """The summary, or the reason where the rules give none; for unknown, what was looked for."""
    return with_looked_for(outcome.summary or outcome.reason, outcome)


def shown_outcomes(requirement: RequirementResult) -> list[Outcome]:
    """The outcome that applies; while open, its best and its worst still possible, or the worst
    alone where both give the same verdict."""
    if requirement.status is not Status.OPEN:
        return [requirement.outcome]
    worst = requirement.worst_outcome
    if worst.verdict is requirement.outcome.verdict:
        return [worst]  # the verdict is settled; the case to prepare for says why
    return [requirement.outcome, worst]


def strongest(outcome: Outcome, sources: dict[str, Source]) -> Source | None:
    """The outcome's most reliable source, the first the rules cite among equals."""
    known = [sources[source_id] for source_id in outcome.sources if source_id in sources]
    if not known:
        return None
    return min(known, key=lambda source: _reliability_rank(source.reliability))


def _reliability_rank(reliability: str) -> int:
    known = reliability in RELIABILITY_ORDER
    return RELIABILITY_ORDER.index(reliability) if known else len(RELIABILITY_ORDER)


def reference_words(source: Source) -> str:
    """'oph.fi, official, no date': where it is, how far to trust it, when it was said.

    The site alone keeps the answer on one screen; --details and `mlis sources` give the address.
    """
    from urllib.parse import urlsplit

    site = (urlsplit(source.url).hostname or source.url) if source.url else source.publisher
    site = site.removeprefix("www.")
    date = source.date if source.date != "nd" else "no date"
    return f"{site}, {source.reliability}, {date}"


def render_steps(result: CountryResult, console: Console) -> None:
    """The steps of every requirement whose verdict is settled (of the case to prepare for where
    it is still open); those of the others wait for the answers."""
    from rich.markup import escape

    decided: dict[str, None] = {}
    for requirement in result.requirements:
        if requirement.status is not Status.OPEN:
            decided.update(dict.fromkeys(requirement.outcome.steps))
        elif requirement.worst_case is requirement.verdict:  # settled: the case to prepare for
            decided.update(dict.fromkeys(requirement.worst_outcome.steps))
    waiting = [step for step in result.next_steps if step not in decided]
    if decided or waiting or result.see:
        console.print()
    if decided:
        block(console, "[bold]Next steps[/]", 2)
        for number, step in enumerate(decided, start=1):
            item(console, f"{number}.", escape(step), 4)
    if waiting:
        more = "1 more step waits" if len(waiting) == 1 else f"{len(waiting)} more steps wait"
        block(console, f"[dim]{more} for your answers (--details lists them).[/]", 2)
    render_see_also(result, console)
