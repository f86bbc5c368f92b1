"""One layout for every text renderer: at any width, no line too wide, no trailing space, no split address."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import RULES

URL = re.compile(r"https?://\S+")
ADDRESSES = {
    source["url"]
    for source in yaml.safe_load((RULES / "sources.yaml").read_text(encoding="utf-8"))["sources"].values()
    if source.get("url")
}
COMMANDS = {
    "check one country": (
        "check",
        "--no-profile",
        "--degree",
        "ala",
        "--country",
        "fi",
        "--citizenship",
        "us",
    ),
    "check with what-if": (
        "check",
        "--no-profile",
        "--degree",
        "ala",
        "--country",
        "de",
        "--citizenship",
        "us",
        "--age",
        "46",
        "--what-if",
    ),
    "check every country": ("check", "--no-profile", "--degree", "ala", "--all", "--citizenship", "us"),
    "check, explained": ("check", "--no-profile", "--degree", "cilip", "--country", "be", "--explain"),
    "check in full": ("check", "--no-profile", "--degree", "ala", "--country", "fi", "--details"),
    "check, the table alone": ("check", "--no-profile", "--degree", "ala", "--all", "--brief"),
    "show": ("show", "be"),
    "plan": ("plan", "--country", "au", "--degree", "lai", "--citizenship", "us", "--age", "40"),
    "degrees": ("degrees",),
    "one degree": ("degrees", "ala"),
    "certificates": ("certificates",),
    "matrix": ("matrix",),
    "list-countries": ("list-countries",),
    "rules test": ("rules", "test"),
    "rules coverage": ("rules", "coverage"),
    "sources": ("sources",),
    "sources --audit": ("sources", "--audit"),
    "guide": ("guide", "international-schools"),
    "plan with costs": ("plan", "--country", "nz", "--degree", "ala", "--citizenship", "us", "--age", "35"),
}


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_text_renderer_keeps_to_the_width(mlis, monkeypatch, name: str, width: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(width))
    run = mlis(*COMMANDS[name])
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines
    for line in lines:
        assert line == line.rstrip(), f"trailing space: {line!r}"
        if len(line) > width:
            # only a word that cannot be broken, alone after its indent, may be wider
            assert len(line.split()) == 1, f"{len(line)} > {width}: {line!r}"
    for address in URL.findall(run.stdout):
        # an address is never split: each one printed is a whole address of the rules
        assert address.rstrip(",") in ADDRESSES, f"split or unknown address: {address!r}"
