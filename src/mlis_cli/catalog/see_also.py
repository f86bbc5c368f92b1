"""Where a case's next steps continue: references from rule files to other commands.

A country file's case may say `see: [degrees:none, certificates]`; each
reference names a command that tells more (`mlis degrees none`,
`mlis certificates`, `mlis guide international-schools`). This module reads
and writes those references; whether the code named exists is checked with
the other files (`rulefiles.references`).
"""

from __future__ import annotations

import re

TARGETS = ("degrees", "certificates", "guide")
"""The commands a reference may name; `degrees` and `guide` take a code."""
_FORM = re.compile(r"^(?P<target>[a-z]+)(?::(?P<code>[a-z0-9]+(?:-[a-z0-9]+)*))?$")
EXPECTED = "expected degrees, degrees:CODE, certificates or guide:NAME"


def parse_reference(text: str) -> tuple[str, str | None]:
    """'degrees:ala' -> ('degrees', 'ala'); ValueError when it names nothing we have."""
    match = _FORM.match(text)
    if match is None or match["target"] not in TARGETS:
        raise ValueError(f"{EXPECTED}, got {text!r}")
    target, code = match["target"], match["code"]
    if target == "certificates" and code is not None:
        raise ValueError(f"'certificates' takes no code; {EXPECTED}, got {text!r}")
    return target, code


def command_for(target: str, code: str | None) -> str:
    """The command a person runs to follow the reference."""
    return f"mlis {target} {code}" if code else f"mlis {target}"
