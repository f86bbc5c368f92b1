"""mlis check: exact JSON and text, exit codes, normalisation and usage errors."""

from __future__ import annotations

import json

from tests.conftest import FIXTURES

TWO = str(FIXTURES / "two-countries")

PLACES = {
    "id": "places-youll-go",
    "title": "Oh, the Places You'll Go (with your MLIS)!",
    "publisher": "Hack Library School",
    "url": None,
    "date": "nd",
    "reliability": "weak",
}


AGE_MATTERS = {
    "fact": "age",
    "values": [31],
    "effect": "worse",
    "verdict": "unlikely",
    "worst_case": "unlikely",
    "instead_of": {"verdict": "conditional", "worst_case": "conditional"},
    "requirements": [
        {
            "id": "work",
            "title": "Right to work",
            "from": {"verdict": "conditional", "worst_case": "conditional"},
            "to": {"verdict": "unlikely", "worst_case": "unlikely"},
            "reason": "Only employer sponsorship remains.",
        }
    ],
    "sources": ["places-youll-go"],
    "sentence": "At age 31, Atlantis would be unlikely (now conditional).",
}
EEA = "at be bg cy cz de dk ee es fi fr gr hr hu ie is it li lt lu lv mt nl no pl pt ro se si sk"
EEA_MATTERS = {
    "fact": "citizenship",
    "values": EEA.split(),
    "effect": "better",
    "verdict": "eligible",
    "worst_case": "eligible",
    "instead_of": {"verdict": "conditional", "worst_case": "conditional"},
    "requirements": [
        {
            "id": "work",
            "title": "Right to work",
            "from": {"verdict": "conditional", "worst_case": "conditional"},
            "to": {"verdict": "eligible", "worst_case": "eligible"},
            "reason": "Free movement.",
        }
    ],
    "sources": ["your-europe-work-abroad"],
    "sentence": "With a citizenship of an EEA country, Atlantis would be eligible (now conditional).",
}


def check_json(mlis, *args: str):  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--json", *args)
    assert (run.exit_code, run.stderr) == (0, "")
    return json.loads(run.stdout)


def test_a_complete_answer_is_exact_json(mlis) -> None:  # type: ignore[no-untyped-def]
    document = check_json(mlis, "--degree", "ALA", "-c", "land of a", "--citizenship", "US", "--age", "25")
    assert document == {
        "schema": 2,
        "today": "2026-11-22",
        "strict": False,
        "profile": {
            "degree": "ala",
            "citizenship": ["us"],
            "age": 25,
            "languages": {},
            "sector": None,
            "stay": None,
            "graduated": None,
            "experience": None,
            "phd": None,
            "online": None,
        },
        "results": [
            {
                "country": "xa",
                "name": "Atlantis",
                "group": "no-additional-qualifications",
                "association": "Atlantis Library Association",
                "verdict": "conditional",
                "worst_case": "conditional",
                "complete": True,
                "requirements": [
                    {
                        "id": "degree",
                        "kind": "accreditation",
                        "title": "Degree recognised",
                        "status": "met",
                        "verdict": "eligible",
                        "worst_case": "eligible",
                        "reason": "The association accepts ALA and CILIP degrees.",
                        "steps": [],
                        "see": [],
                        "looked_for": None,
                        "sources": ["places-youll-go"],
                        "evidence": {
                            "sources": 1,
                            "strongest": "weak",
                            "newest": None,
                            "old": False,
                            "words": "It rests on one weak source.",
                        },
                        "matched_case": 0,
                        "compared": {"degree": "ala"},
                        "missing": [],
                        "outcomes": [],
                        "cases_tried": [
                            {
                                "case": 0,
                                "condition": "degree is ala or cilip",
                                "result": "matched",
                                "missing": [],
                            },
                            {"case": 1, "condition": None, "result": "not_reached", "missing": []},
                        ],
                    },
                    {
                        "id": "work",
                        "kind": "visa",
                        "title": "Right to work",
                        "status": "met",
                        "verdict": "conditional",
                        "worst_case": "conditional",
                        "reason": "A working holiday visa is open to people aged 18 to 30.",
                        "steps": ["Apply for the working holiday visa."],
                        "see": [],
                        "looked_for": None,
                        "sources": ["places-youll-go"],
                        "evidence": {
                            "sources": 1,
                            "strongest": "weak",
                            "newest": None,
                            "old": False,
                            "words": "It rests on one weak source.",
                        },
                        "matched_case": 1,
                        "compared": {"citizenship": ["us"], "age": 25},
                        "missing": [],
                        "outcomes": [],
                        "cases_tried": [
                            {
                                "case": 0,
                                "condition": "a citizenship of eea",
                                "result": "not_matched",
                                "missing": [],
                            },
                            {
                                "case": 1,
                                "condition": "aged 18 to 30 years",
                                "result": "matched",
                                "missing": [],
                            },
                            {"case": 2, "condition": None, "result": "not_reached", "missing": []},
                        ],
                    },
                ],
                "open_questions": [],
                "assumed": [],
                "next_steps": ["Apply for the working holiday visa."],
                "see": [],
                "paths": [],
                "conditions_that_matter": [AGE_MATTERS, EEA_MATTERS],
                "sources": [PLACES],
                "reviewed": "2026-01-15",
                "stale": False,
            }
        ],
    }


def test_unanswered_facts_give_best_and_worst_case_and_open_questions(mlis) -> None:  # type: ignore[no-untyped-def]
    result = check_json(mlis, "--degree", "ala", "--country", "xa")["results"][0]
    assert (result["verdict"], result["worst_case"], result["complete"]) == ("eligible", "unlikely", False)
    assert result["open_questions"] == [
        {
            "fact": "citizenship",
            "flag": "--citizenship CODE",
            "question": "Which citizenships do you hold?",
            "settles": ["work"],
        },
        {"fact": "age", "flag": "--age YEARS", "question": "How old are you?", "settles": ["work"]},
    ]
    work = result["requirements"][1]
    assert (work["status"], work["matched_case"], work["missing"]) == ("open", None, ["citizenship", "age"])
    assert [(o["case"], o["condition"], o["verdict"]) for o in work["outcomes"]] == [
        (0, "a citizenship of eea", "eligible"),
        (1, "aged 18 to 30 years", "conditional"),
        (2, None, "unlikely"),
    ]
    assert result["next_steps"] == ["Find an employer who will sponsor you."]


def test_strict_reports_the_worst_case(mlis) -> None:  # type: ignore[no-untyped-def]
    document = check_json(mlis, "--degree", "ala", "--country", "xa", "--strict")
    result = document["results"][0]
    assert (document["strict"], result["verdict"], result["worst_case"], result["complete"]) == (
        True,
        "unlikely",
        "unlikely",
        False,
    )


def test_several_countries_keep_the_order_asked_and_all_gives_every_country(mlis) -> None:  # type: ignore[no-untyped-def]
    asked = check_json(mlis, "--degree", "ala", "--country", "xb,Atlantis", "--country", "xb")
    assert [r["country"] for r in asked["results"]] == ["xb", "xa"]
    every = check_json(mlis, "--degree", "ala", "--all")
    assert [(r["country"], r["verdict"], r["stale"]) for r in every["results"]] == [
        ("xa", "eligible", False),
        ("xb", "eligible", True),
    ]


def test_country_names_and_aliases_in_any_case_resolve(mlis) -> None:  # type: ignore[no-untyped-def]
    for name in ("XA", "atlantis", "ATLANTIDA", " land  of a "):
        assert [r["country"] for r in check_json(mlis, "--country", name)["results"]] == ["xa"]


def test_languages_and_citizenships_are_normalised(mlis) -> None:  # type: ignore[no-untyped-def]
    profile = check_json(
        mlis,
        "-c",
        "xb",
        "--lang",
        "DE:b2",
        "--lang",
        "fi:Native",
        "--citizenship",
        "uk,Finland",
        "--citizenship",
        "Deutschland",
    )["profile"]
    assert (profile["languages"], profile["citizenship"]) == (
        {"de": "B2", "fi": "native"},
        ["de", "fi", "gb"],
    )


def test_languages_are_read_as_iso_639_codes_or_english_names(mlis) -> None:  # type: ignore[no-untyped-def]
    for given in ("de:B2", "deu:B2", "ger:B2", "German:B2", "DEU:b2"):
        assert check_json(mlis, "-c", "xb", "--lang", given)["profile"]["languages"] == {"de": "B2"}, given
    # commas as in --country; a later value for the same language wins
    both = check_json(mlis, "-c", "xb", "--lang", "de:B2,fi:A1", "--lang", "ger:C1")["profile"]
    assert both["languages"] == {"de": "C1", "fi": "A1"}


def test_languages_in_a_profile_file_are_read_the_same_way(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.yaml"
    path.write_text("languages: {ger: B2, finnish: A1}\n", encoding="utf-8")
    profile = check_json(mlis, "-c", "xb", "--profile", str(path), "--lang", "deu:C1")["profile"]
    assert profile["languages"] == {"de": "C1", "fi": "A1"}


def test_an_unknown_language_is_a_usage_error_with_the_nearest_codes(mlis) -> None:  # type: ignore[no-untyped-def]
    expected = "expected an ISO 639 code such as de, deu or ger, or an English name such as German"
    cases = {
        "ge:C1": f"mlis: error: unknown language 'ge': {expected} (did you mean ka (Georgian), de (German), "
        "ae (Avestan), be (Belarusian), ce (Chechen)?)\n",
        "xx:B2": f"mlis: error: unknown language 'xx': {expected} (did you mean xh (Xhosa)?)\n",
        "germn:B2": f"mlis: error: unknown language 'germn': {expected} (did you mean de (German), "
        "ka (Georgian)?)\n",
        "qqq:B2": f"mlis: error: unknown language 'qqq': {expected}\n",
    }
    for given, message in cases.items():
        run = mlis("check", "--rules-dir", TWO, "--country", "xa", "--lang", given)
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", message), given


def test_an_unknown_country_suggests_the_nearest_codes(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--country", "atlntis", "--degree", "ala")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "mlis: error: unknown country 'atlntis' (did you mean xa? "
        "'mlis list-countries' shows every country with rules)\n",
    )


def test_a_real_country_without_rules_says_so(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--country", "Deutschland")
    assert (run.exit_code, run.stderr) == (
        2,
        "mlis: error: no rules for Germany (de) yet ('mlis list-countries' shows every country with rules)\n",
    )
    for name in ("Nederland", "netherlands", "NL", "holland"):
        run = mlis("check", "--rules-dir", TWO, "--country", name)
        assert (run.exit_code, run.stdout, run.stderr) == (
            2,
            "",
            "mlis: error: no rules for the Netherlands (nl) yet "
            "('mlis list-countries' shows every country with rules)\n",
        ), name


def test_a_one_letter_slip_in_a_code_suggests_the_codes_it_may_mean(mlis) -> None:  # type: ignore[no-untyped-def]
    cases = {"xc": "xa, xb", "bx": "xb", "xaa": "xa"}
    for given, codes in cases.items():
        run = mlis("check", "--rules-dir", TWO, "--country", given)
        assert (run.exit_code, run.stdout, run.stderr) == (
            2,
            "",
            f"mlis: error: unknown country '{given}' (did you mean {codes}? "
            "'mlis list-countries' shows every country with rules)\n",
        ), given


def test_a_misspelt_degree_is_a_usage_error_with_suggestions(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--country", "xa", "--degree", "alla")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "mlis: error: unknown degree 'alla': expected one of ala, cilip, alia, lianza, lai, other, "
        "unaccredited, none (did you mean ala, alia?)\n",
    )


def test_a_degree_title_is_told_apart_from_a_degree_code(mlis) -> None:  # type: ignore[no-untyped-def]
    codes = (
        "the degree code names the body that accredited the program: ala (ALA-accredited master's), "
        "cilip (CILIP-accredited qualification), alia (ALIA-accredited qualification), "
        "lianza (New Zealand (LIANZA-recognised) qualification), lai (LAI-accredited qualification), "
        "other (Master's accredited by another national body), unaccredited (Unaccredited library degree), "
        "none (No library degree)"
    )
    cases = {
        "mlis": f"mlis: error: degree 'mlis' is what the degree is called; {codes}\n",
        "MLS": f"mlis: error: degree 'MLS' is what the degree is called; {codes}\n",
        "mlis-ala": f"mlis: error: degree 'mlis-ala' is what the degree is called; {codes} "
        "(did you mean ala?)\n",
        "MLIS (CILIP)": f"mlis: error: degree 'MLIS (CILIP)' is what the degree is called; {codes} "
        "(did you mean cilip?)\n",
    }
    for given, message in cases.items():
        run = mlis("check", "--rules-dir", TWO, "--country", "xa", "--degree", given)
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", message), given


def test_bad_values_are_usage_errors(mlis) -> None:  # type: ignore[no-untyped-def]
    cases = {
        ("--age", "500"): "mlis: error: age: 500 is out of range; expected 0 to 120\n",
        (
            "--lang",
            "de:Z9",
        ): "mlis: error: language level 'Z9' for 'de': expected one of none, A1, A2, B1, B2, "
        "C1, C2, native, some\n",
        (
            "--lang",
            "german",
        ): "mlis: error: language 'german': expected CODE:LEVEL, e.g. de:B2 or fi:native "
        "(add a level, e.g. de:B2)\n",
        ("--sector", "museum"): "mlis: error: sector: expected one of public, academic, school, special, "
        "corporate, international-school, got 'museum'\n",
        ("--citizenship", "xyzzy"): "mlis: error: unknown citizenship 'xyzzy': expected a country code "
        "such as us, gb, fi\n",
    }
    for args, message in cases.items():
        run = mlis("check", "--rules-dir", TWO, "--country", "xa", *args)
        assert (run.exit_code, run.stdout, run.stderr) == (2, "", message), args


def test_errors_are_json_on_stderr_when_json_is_asked(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--country", "xa", "--age", "-3", "--format", "json")
    assert (run.exit_code, run.stdout) == (2, "")
    assert json.loads(run.stderr) == {
        "error": {"code": "usage", "message": "age: -3 is out of range; expected 0 to 120", "hint": None}
    }


def test_no_country_is_a_usage_error(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--degree", "ala")
    assert (run.exit_code, run.stderr) == (
        2,
        "mlis: error: no country given (add --country CODE (e.g. --country fi) or --all)\n",
    )


def test_an_unknown_option_is_one_line_and_exit_2(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--degre", "ala")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("mlis: error: No such option: --degre")
    assert run.stderr.count("\n") == 1


def test_the_brief_table_compares_countries_without_details(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--all", "--degree", "ala", "--brief")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "country        verdict               open questions\n"
        "Atlantis (xa)  eligible or unlikely  citizenship, age\n"
        "Borduria (xb)  eligible or unlikely  languages\n"
    )


def test_the_answer_at_a_glance_gives_verdict_why_requirements_sources_steps_and_staleness(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--rules-dir", TWO, "--country", "xb", "--degree", "ala", "--lang", "de:b1")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "Borduria (xb): unlikely\n"
        "  Why: Bordurian language is unlikely to be met.\n"
        "  Rules reviewed more than 12 months ago; advice may be out of date.\n"
        "\n"
        "  ✗ Bordurian language: unlikely\n"
        "      Without good German a post is unlikely. [1]\n"
        "      [1] Hack Library School, weak, no date\n"
        "\n"
        "  Next steps\n"
        "    1. Learn German to B2.\n"
        "Rules reviewed 2024-06-01; every case and every source in full: --details.\n"
    )


def test_details_give_every_source_in_full_and_the_authority(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check", "--rules-dir", TWO, "--country", "xb", "--degree", "ala", "--lang", "de:b1", "--details"
    )
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "Borduria (xb): unlikely\n"
        "  Bordurian Library Board\n"
        "\n"
        "  ✗ not met Bordurian language (language): unlikely\n"
        "      Without good German a post is unlikely. It rests on one weak source.\n"
        "\n"
        "  Next steps\n"
        "    1. Learn German to B2.\n"
        "\n"
        "  Sources\n"
        '    [places-youll-go] "Oh, the Places You\'ll Go (with your MLIS)!", Hack Library School, '
        "no address\n"
        "                      recorded, no date, weak\n"
        "\n"
        "  Rules reviewed 2024-06-01 warning: more than 12 months ago; advice may be out of date\n"
    )


def test_explain_shows_every_case_tried(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis(
        "check",
        "--rules-dir",
        TWO,
        "--country",
        "xa",
        "--degree",
        "cilip",
        "--citizenship",
        "fr",
        "--explain",
    )
    assert run.exit_code == 0
    assert (
        "  ✓ met Right to work (visa): eligible\n"
        "      Free movement.\n"
        "      case 1: a citizenship of eea: matched\n"
        "      case 2: aged 18 to 30 years: not reached\n"
        "      case 3: otherwise: not reached\n"
        "      facts compared: citizenship=['fr'], age=unknown\n"
    ) in run.stdout


def test_a_profile_file_is_read_and_flags_override_it(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.yaml"
    path.write_text("degree: cilip\nage: 40\nlanguages: {de: A1}\n", encoding="utf-8")
    profile = check_json(mlis, "-c", "xa", "--profile", str(path), "--age", "29", "--lang", "fr:C1")[
        "profile"
    ]
    assert (profile["degree"], profile["age"], profile["languages"]) == (
        "cilip",
        29,
        {"de": "A1", "fr": "C1"},
    )


def test_a_profile_file_with_a_duplicate_fact_is_refused(mlis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "me.yaml"
    path.write_text("degree: cilip\ndegree: ala\n", encoding="utf-8")
    run = mlis("check", "--rules-dir", TWO, "-c", "xa", "--profile", str(path))
    assert (run.exit_code, run.stderr) == (
        2,
        f"mlis: error: {path}:2:1: duplicate key 'degree' (first defined at line 1)\n",
    )


def test_the_shipped_rules_answer_the_main_question(mlis) -> None:  # type: ignore[no-untyped-def]
    run = mlis("check", "--degree", "ala", "--country", "fi", "--json")
    result = json.loads(run.stdout)["results"][0]
    assert (run.exit_code, result["country"], result["verdict"] in {"eligible", "case_by_case"}) == (
        0,
        "fi",
        True,
    )
