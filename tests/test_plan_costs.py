"""Fees and times of next steps: in the rule files, in `mlis plan`, totalled per currency."""

from __future__ import annotations

import json
from pathlib import Path

from mlis_cli.engine.step_costs import CostedStep, StepCosts, Total, cost_steps
from mlis_cli.model.ruleset import Duration, Fee, StepDetail
from tests.rulekit import country, rules_dir

EDUFI = (
    "For the head of a municipal library, ask the municipality whether it needs an EDUFI decision "
    "on the level of your degree. From 1 January 2026 EDUFI charges EUR 100 for processing plus "
    "EUR 395 for a decision, according to one visa agency's news page of 3 January 2026 (a weak "
    "source; no EDUFI page with the 2026 fees was found)."
)


def fee(name: str, amount: float, currency: str, per: str = "once") -> Fee:
    return Fee(name, amount, currency, per, "nd", None, ("a-source",))


def test_totals_are_kept_per_currency_and_per_year_apart_and_uncosted_steps_are_named() -> None:
    permit, levy = fee("permit", 480, "NZD"), fee("levy", 1060, "NZD")
    yearly = fee("registration", 115, "NZD", "year")
    zab = fee("statement", 208, "EUR")
    three_months = Duration("about three months", "nd", None, ("a-source",))
    details = {
        "Apply for the visa.": StepDetail("Apply for the visa.", (permit, levy), three_months),
        "Register.": StepDetail("Register.", (yearly, fee("to apply", 57.5, "NZD")), None),
        "Get a statement.": StepDetail("Get a statement.", (zab,), None),
        "Only timed.": StepDetail("Only timed.", (), three_months),
    }
    steps = ("Apply for the visa.", "Look for a post.", "Register.", "Get a statement.", "Only timed.")
    assert cost_steps(steps, details) == StepCosts(
        steps=(
            CostedStep("Apply for the visa.", (permit, levy), three_months),
            CostedStep("Look for a post.", (), None),
            CostedStep("Register.", (yearly, fee("to apply", 57.5, "NZD")), None),
            CostedStep("Get a statement.", (zab,), None),
            CostedStep("Only timed.", (), three_months),
        ),
        totals=(Total("NZD", "once", 1597.5), Total("NZD", "year", 115), Total("EUR", "once", 208)),
        no_known_cost=(2, 5),
    )


def test_no_steps_cost_nothing() -> None:
    assert cost_steps((), {}) == StepCosts((), (), ())


def test_the_plan_for_finland_costs_the_edufi_decision_and_times_the_permit(mlis, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    run = mlis("plan", "-c", "fi", "--degree", "ala", "--citizenship", "us", "--no-profile")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.split("\n\n")[1:3] == [
        (
            "  Next steps, with what they cost and how long they take\n"
            '    1. Read the vacancy notice for the qualification it asks for ("a suitable\n'
            '       degree", or often at least 60 ECTS of library and information studies)\n'
            "       and ask the employer how it assesses a foreign degree.\n"
            "    2. Count the ECTS credits of library and information studies in your degree,\n"
            "       for vacancies that ask for 60.\n"
            "    3. For the head of a municipal library, ask the municipality whether it\n"
            "       needs an EDUFI decision on the level of your degree. From 1 January 2026\n"
            "       EDUFI charges EUR 100 for processing plus EUR 395 for a decision,\n"
            "       according to one visa agency's news page of 3 January 2026 (a weak\n"
            "       source; no EDUFI page with the 2026 fees was found).\n"
            "       cost: EDUFI processing fee: EUR 100 (from 1 January 2026; a weak source,\n"
            "             no EDUFI page with the fees was found; stated 2026-01-03;\n"
            "             edufi-fees-2026)\n"
            "       cost: EDUFI decision fee: EUR 395 (from 1 January 2026; a weak source, no\n"
            "             EDUFI page with the fees was found; stated 2026-01-03;\n"
            "             edufi-fees-2026)\n"
            "    4. With a job offer, apply to Migri (Enter Finland) for the residence permit\n"
            "       for an employed person; Migri's undated page gives EUR 490 online or EUR\n"
            "       690 on paper for a first permit and about three months. Migri's fees rose\n"
            "       on 1 January 2026 (a visa agency's news page), so check the fee when you\n"
            "       apply.\n"
            "       cost: first residence permit for an employed person, applied for online:\n"
            "             EUR 490 (EUR 690 on paper; fees rose on 1 January 2026, so check it\n"
            "             when you apply; no date given; fi-migri-employed-person,\n"
            "             fi-migri-fees-2026)\n"
            "       time: about three months (no date given; fi-migri-employed-person)\n"
            "    5. Ask the employer to post the vacancy on Job Market Finland\n"
            "       (tyomarkkinatori.fi) for the two weeks the labour-market test needs.\n"
            "    6. If a post pays at least EUR 3,937 a month (the 2026 floor), ask about the\n"
            "       specialist permit or the EU Blue Card instead.\n"
            "    7. Read each vacancy notice for the language and level it asks for; a YKI or\n"
            "       a Civil Service Language Proficiency certificate can prove your level.\n"
            "    8. If you speak neither Finnish nor Swedish, learn one of them; many\n"
            "       workplaces require them."
        ),
        ("  Known fees in all: EUR 985\n  No source gives a cost for steps 1, 2, 5, 6, 7 and 8."),
    ]


def test_the_plan_json_gives_each_fee_with_its_date_and_source_and_lists_those_sources(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "plan",
        "-c",
        "nz",
        "--degree",
        "ala",
        "--citizenship",
        "us",
        "--age",
        "35",
        "--sector",
        "public",
        "--no-profile",
        "--json",
    )
    assert (run.exit_code, run.stderr) == (0, "")
    data = json.loads(run.stdout)
    first = data["costs"]["steps"][0]
    assert (first["step"][:40], first["fees"], first["takes"]) == (
        "If you want the professional recognition",
        [
            {
                "fee": "LIANZA registration, to apply",
                "amount": 57.5,
                "currency": "NZD",
                "per": "once",
                "stated": "nd",
                "note": "GST included",
                "sources": ["lianza-registration"],
            },
            {
                "fee": "LIANZA registration, each year",
                "amount": 115,
                "currency": "NZD",
                "per": "year",
                "stated": "nd",
                "note": "GST included; invoiced with the membership, whose own fee was not found",
                "sources": ["lianza-registration"],
            },
        ],
        None,
    )
    assert data["costs"]["totals"] == [
        {"currency": "NZD", "per": "once", "amount": 1597.5},
        {"currency": "NZD", "per": "year", "amount": 115},
    ]
    assert data["costs"]["no_known_cost"] == [2, 3]
    listed = [source["id"] for source in data["sources"]]
    assert "lianza-registration" in listed and "nz-aewv-fees-2024" in listed


def costed_step(step: str, fees: str) -> str:
    return (
        "- id: permit\n  kind: visa\n  title: Permit\n  cases:\n    - otherwise: true\n"
        "      verdict: conditional\n      reason: A permit.\n      sources: [places-youll-go]\n"
        f"      steps:\n        - step: {step}\n"
        + "".join(f"          {line}\n" for line in fees.splitlines())
    )


def test_every_problem_with_a_costed_step_is_located_in_the_words_of_mlis(mlis, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    permit = "fees:\n  - {fee: permit, amount: 10, currency: %s, stated: %s, sources: [%s]}"
    timed = "takes: {time: %s, stated: nd, sources: [places-youll-go]}"
    directory = rules_dir(
        tmp_path,
        {
            "xa": country("xa", costed_step("Apply.", permit % ("EUR", "nd", "no-such-page"))),
            "xb": country("xb", costed_step("Apply.", "takes: null")),
            "xc": country("xc", costed_step("Apply.", permit % ("euro", "2026", "places-youll-go"))),
            "xd": country("xd", costed_step("Apply.", "cost: 3")),
            "xe": country(
                "xe",
                costed_step("Apply.", timed % "soon")
                + "- id: again\n  kind: review\n  title: Again\n  cases:\n    - otherwise: true\n"
                "      verdict: eligible\n      reason: Again.\n      sources: [places-youll-go]\n"
                "      steps:\n        - step: Apply.\n          " + timed % "later" + "\n",
            ),
        },
    )
    run = mlis("rules", "validate", str(directory))
    assert (run.exit_code, run.stderr) == (1, f"{directory}: 6 problems\n")
    assert run.stdout.replace(str(directory), "DIR").splitlines() == [
        "DIR/countries/xa.yaml:18:80: requirements[0].cases[0].steps[0].fees[0].sources[0]: "
        "unknown source id 'no-such-page'; add it to sources.yaml",
        "DIR/countries/xb.yaml:16:13: requirements[0].cases[0].steps[0]: "
        "give fees, takes or both; a step without either is written as plain text",
        "DIR/countries/xc.yaml:18:53: requirements[0].cases[0].steps[0].fees[0].currency: "
        "expected a currency's three-letter code in capitals (EUR, NZD), got 'euro'",
        "DIR/countries/xc.yaml:18:67: requirements[0].cases[0].steps[0].fees[0].stated: "
        "expected the date it was stated (YYYY-MM-DD), or nd when the source shows none; got 2026",
        "DIR/countries/xd.yaml:17:13: requirements[0].cases[0].steps[0].cost: "
        "unknown key 'cost'; expected one of step, fees, takes",
        "DIR/countries/xe.yaml:27:13: requirements[1].cases[0].steps[0]: "
        "this step is costed differently elsewhere in the file; give it the same fees and takes",
    ]
