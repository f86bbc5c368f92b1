"""What the report to hand over of `mlis check` and `mlis plan` says: a Document, in words.

The profile as given, a verdict table, then each country: its verdict, every
requirement with its reasons and its own sources, open questions, next steps
and what would change the verdict. Pure: the date the report is made comes in
as an argument, like `today` elsewhere. Verdicts are in words ("decided case by
case"); report_markdown and report_html write the Document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mlis_cli.model.facts import fact_of
from mlis_cli.model.iso639 import NAMES as LANGUAGE_NAMES
from mlis_cli.model.profile import SOME, Profile
from mlis_cli.model.report import (
    CountryResult,
    Report,
    RequirementChange,
    RequirementResult,
    Status,
    TrialResult,
    WhatIfPath,
)
from mlis_cli.model.ruleset import Source
from mlis_cli.model.verdicts import Verdict
from mlis_cli.render.document import (
    Block,
    Document,
    Heading,
    Item,
    Items,
    Line,
    Paragraph,
    Section,
    Strong,
    Table,
    VerdictWords,
)
from mlis_cli.render.evidence import reason_words
from mlis_cli.render.report_parts import made_and_reviewed, source_blocks, source_line

STATUS_WORDS: dict[Status, str] = {
    Status.MET: "met",
    Status.CASE_BY_CASE: "decided case by case",
    Status.NOT_MET: "not met",
    Status.NOT_KNOWN: "not known",
    Status.OPEN: "open",
}
PROFILE_FACTS = (
    ("degree", "Degree"),
    ("citizenship", "Citizenship"),
    ("age", "Age"),
    ("languages", "Languages"),
    ("sector", "Kind of library"),
    ("stay", "Length of stay"),
    ("graduated", "Year of graduation"),
    ("experience", "Years of library work"),
    ("phd", "Doctorate"),
    ("online", "Degree studied fully online"),
)
"""Every fact of a profile, in the order of its JSON object, with its label."""
NOT_GIVEN = "not given"
NO_PATH = (
    "No change of language, sector, stay, degree, experience or doctorate that the rules mention improves it."
)
TRIAL_WORDS: dict[TrialResult, str] = {
    TrialResult.MATCHED: "matched",
    TrialResult.NOT_MATCHED: "did not match",
    TrialResult.UNANSWERED: "unanswered",
    TrialResult.NOT_REACHED: "not reached",
}
VERDICT_TOKEN = re.compile(r"\b(?:" + "|".join(v.value for v in Verdict if v.words != v.value) + r")\b")


def check_document(
    report: Report,
    sources: Mapping[str, Source],
    made: dt.date,
    *,
    explain: bool = False,
    brief: bool = False,
) -> Document:
    """`mlis check --format markdown|html`: the profile, a verdict table, then one part per country.

    explain: each requirement also lists every case tried; brief: with several countries, the
    table only (and the best path of each, where what would change the verdict was asked for).
    """
    title = "Working as a librarian in " + places(report.results)
    blocks: list[Block] = [
        Heading(1, (title,)),
        *made_and_reviewed(made, [result.reviewed for result in report.results]),
        *profile_blocks(report.profile),
        *verdict_table(report),
    ]
    if brief and len(report.results) > 1:
        blocks.extend(best_paths(report.results))
        return Document(title, tuple(blocks))
    for result in report.results:
        blocks.append(country_section(result, sources, report, paths=False, explain=explain))
    return Document(title, tuple(blocks))


def best_paths(results: Sequence[CountryResult]) -> list[Block]:
    """Under the table, with --brief --what-if: the best path of each country."""
    if any(result.what_if is None for result in results):
        return []
    items = []
    for result in results:
        assert result.what_if is not None
        name = f"{result.name} ({result.code}): "
        if result.verdict is Verdict.ELIGIBLE and result.worst_case is Verdict.ELIGIBLE:
            items.append(Item((name, "nothing to change: it is eligible already.")))
        elif result.what_if.paths:
            items.append(Item((name, *path_words(result.what_if.paths[0]))))
        else:
            items.append(Item((name, NO_PATH)))
    return [Heading(2, ("What would change the verdict (the best path of each)",)), Items(tuple(items))]


def plan_document(report: Report, sources: Mapping[str, Source], made: dt.date) -> Document:
    """`mlis plan --format markdown|html`: one country, where it stands, and every path, best first."""
    (result,) = report.results
    title = f"Working as a librarian in {result.name}: paths to a better verdict"
    blocks: list[Block] = [
        Heading(1, (title,)),
        *made_and_reviewed(made, [result.reviewed]),
        *profile_blocks(report.profile),
        *verdict_table(report),
        country_section(result, sources, report, paths=True),
    ]
    return Document(title, tuple(blocks))


def places(results: Sequence[CountryResult]) -> str:
    names = [result.name for result in results]
    if len(names) > 3:
        return f"{len(names)} countries"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def profile_blocks(profile: Profile) -> list[Block]:
    """Every fact of the profile as given, and 'not given' for those that are unknown."""
    values = profile.to_dict()
    rows: list[tuple[Line, ...]] = []
    for name, label in PROFILE_FACTS:
        rows.append(((label,), (fact_value(name, values[name], profile),)))
    blocks: list[Block] = [Heading(2, ("Your profile",)), Table(("fact", "value"), tuple(rows), "profile")]
    if profile.languages_listed:
        blocks.append(
            Paragraph(("A language not listed counts as one you do not speak.",)),
        )
    return blocks


def fact_value(name: str, value: Any, profile: Profile) -> str:
    if name == "languages":
        if not profile.languages:
            return NOT_GIVEN
        return "; ".join(
            f"{LANGUAGE_NAMES.get(code, code)} ({code}): "
            + ("level not given" if level == SOME else str(level))
            for code, level in sorted(value.items())
        )
    if value is None:
        return NOT_GIVEN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def verdict_table(report: Report) -> list[Block]:
    rows = tuple(
        (
            (f"{result.name} ({result.code})",),
            (VerdictWords(result.verdict),),
            (VerdictWords(result.worst_case),),
            ("-" if result.complete or report.strict else depends_on(result),),
            (result.reviewed.isoformat(),),
        )
        for result in report.results
    )
    blocks: list[Block] = [
        Heading(2, ("Verdicts",)),
        Table(("country", "verdict", "worst case", "depends on", "rules reviewed"), rows, "verdicts"),
    ]
    if report.strict:
        blocks.append(Paragraph(("Each verdict is the worst case, as --strict asks.",)))
    return blocks


def depends_on(result: CountryResult) -> str:
    return topics(question.fact for question in result.open_questions)


def topics(facts: Iterable[str]) -> str:
    """'your citizenship and your age'."""
    names = list(dict.fromkeys(fact_of(fact).topic for fact in facts))
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def country_section(
    result: CountryResult,
    sources: Mapping[str, Source],
    report: Report,
    *,
    paths: bool,
    explain: bool = False,
) -> Section:
    """One country: its verdict, each requirement with its reasons and sources, questions, steps."""
    blocks: list[Block] = [
        Heading(2, (f"{result.name} ({result.code})",)),
        Paragraph(headline(result, strict=report.strict)),
        Paragraph(("Authority or association: ", result.association)),
    ]
    reviewed = f"Rules reviewed on {result.reviewed.isoformat()}."
    if result.stale:
        reviewed += " Warning: more than 12 months ago; the advice may be out of date."
    blocks.append(Paragraph((reviewed,)))
    for fact in result.assumed:
        code = fact.partition(":")[2]
        name = LANGUAGE_NAMES.get(code, f"'{code}'")
        blocks.append(
            Paragraph((f"{name} is not among your languages, so it counts as none.",)),
        )
    blocks.append(Heading(3, ("Requirements",)))
    for requirement in result.requirements:
        blocks.append(requirement_section(requirement, sources, report.today, explain=explain))
    if result.open_questions:
        blocks.append(Heading(3, ("Open questions",)))
        blocks.append(
            Items(tuple(Item((q.question, " Answer with ", q.flag, ".")) for q in result.open_questions))
        )
    if result.next_steps:
        blocks.append(Heading(3, ("Next steps",)))
        blocks.append(Items(tuple(Item((step,)) for step in result.next_steps), numbered=True))
    if result.see:
        blocks.append(Heading(3, ("See also",)))
        blocks.append(Items(tuple(Item((see.command, ": ", see.title)) for see in result.see)))
    if result.what_if is not None:
        blocks.extend(what_if_blocks(result, sources, paths=paths))
    return Section("country", tuple(blocks))


def headline(result: CountryResult, *, strict: bool) -> Line:
    if result.complete:
        return (Strong("Verdict:"), " ", VerdictWords(result.verdict), ".")
    if strict:
        return (
            Strong("Verdict:"),
            " ",
            VerdictWords(result.verdict),
            " (the worst case, as --strict asks; the open questions may improve it).",
        )
    return (
        Strong("Verdict:"),
        " could be ",
        VerdictWords(result.verdict),
        " or ",
        VerdictWords(result.worst_case),
        f", depending on {depends_on(result)}.",
    )


def requirement_section(
    requirement: RequirementResult, sources: Mapping[str, Source], today: dt.date, *, explain: bool = False
) -> Section:
    status = STATUS_WORDS[requirement.status]
    blocks: list[Block] = [Heading(4, (requirement.title,))]
    if requirement.status is Status.OPEN:
        settled = requirement.verdict is requirement.worst_case
        blocks.append(
            Paragraph(
                (
                    f"{requirement.kind.capitalize()}: ",
                    VerdictWords(requirement.verdict),
                    f" whatever {topics(requirement.missing)}; which case applies depends on it.",
                )
                if settled
                else (
                    f"{requirement.kind.capitalize()}: open, ",
                    VerdictWords(requirement.verdict),
                    " or ",
                    VerdictWords(requirement.worst_case),
                    f", depending on {topics(requirement.missing)}.",
                )
            )
        )
        blocks.append(
            Items(
                tuple(
                    Item(
                        (
                            f"If {outcome.condition}: " if outcome.condition else "Otherwise: ",
                            VerdictWords(outcome.verdict),
                            ". ",
                            reason_words(outcome, today),
                        )
                    )
                    for outcome in requirement.outcomes
                )
            )
        )
        outcomes = requirement.outcomes
    else:
        verdict: Line = (
            () if status == requirement.verdict.words else (" (", VerdictWords(requirement.verdict), ")")
        )
        blocks.append(Paragraph((f"{requirement.kind.capitalize()}: {status}", *verdict, ".")))
        blocks.append(Paragraph((reason_words(requirement.outcome, today),)))
        outcomes = (requirement.outcome,)
    if explain:
        blocks.extend(cases_tried(requirement))
    cited: dict[str, None] = {}
    for outcome in outcomes:
        cited.update(dict.fromkeys(outcome.sources))
    blocks.extend(source_blocks(cited, sources))
    return Section("requirement", tuple(blocks))


def cases_tried(requirement: RequirementResult) -> list[Block]:
    """With --explain: every case tried and why it matched or not, and the facts compared."""
    items = []
    for trial in requirement.trials:
        missing = f" (needs {', '.join(trial.missing)})" if trial.missing else ""
        condition = trial.condition or "otherwise"
        items.append(Item((f"Case {trial.case + 1}: {condition}: {TRIAL_WORDS[trial.result]}{missing}",)))
    blocks: list[Block] = [Paragraph(("Cases tried:",)), Items(tuple(items))]
    if requirement.compared:
        facts = ", ".join(
            f"{fact}={'unknown' if value is None else value}" for fact, value in requirement.compared
        )
        blocks.append(Paragraph((f"Facts compared: {facts}.",)))
    return blocks


def what_if_blocks(result: CountryResult, sources: Mapping[str, Source], *, paths: bool) -> list[Block]:
    assert result.what_if is not None
    blocks: list[Block] = []
    found = result.what_if.paths
    eligible = result.verdict is Verdict.ELIGIBLE and result.worst_case is Verdict.ELIGIBLE
    if paths:
        blocks.append(Heading(3, ("Paths to a better verdict, best first",)))
    else:
        blocks.append(Heading(3, ("What would change the verdict",)))
    if eligible:
        blocks.append(Paragraph(("Nothing to change: it is eligible already.",)))
    elif not found:
        blocks.append(Paragraph((NO_PATH,)))
    elif paths:
        blocks.append(Items(tuple(path_item(path, sources) for path in found), numbered=True))
    else:
        blocks.append(Items(tuple(Item(path_words(path)) for path in found)))
    if result.what_if.conditions:
        blocks.append(Heading(3, ("Conditions that matter (facts, not actions)",)))
        blocks.append(Items(tuple(Item((in_words(c.sentence),)) for c in result.what_if.conditions)))
    return blocks


def path_item(path: WhatIfPath, sources: Mapping[str, Source]) -> Item:
    below: list[Line] = [change_line(change) for change in path.requirements]
    below.extend(("Next step: ", step) for step in path.next_steps)
    below.extend(
        ("Source: ", *source_line(sources[source_id])) for source_id in path.sources if source_id in sources
    )
    return Item(path_words(path), tuple(below))


def path_words(path: WhatIfPath) -> Line:
    """'Speaking 'de' at B2: decided case by case (now unlikely).'"""
    action = path.action[:1].upper() + path.action[1:]
    return (
        f"{action}: ",
        *ends(path.verdict, path.worst_case),
        " (now ",
        *ends(path.was_verdict, path.was_worst_case),
        ").",
    )


def change_line(change: RequirementChange) -> Line:
    return (
        f"{change.title}: ",
        *ends(change.verdict, change.worst_case),
        " (now ",
        *ends(change.was_verdict, change.was_worst_case),
        ")",
    )


def ends(verdict: Verdict, worst_case: Verdict) -> Line:
    if verdict == worst_case:
        return (VerdictWords(verdict),)
    return (VerdictWords(verdict), " at best, ", VerdictWords(worst_case), " at worst")


def in_words(sentence: str) -> str:
    """A sentence of the engine's, with its verdict tokens in words ('decided case by case')."""
    return VERDICT_TOKEN.sub(lambda match: Verdict(match.group()).words, sentence)
