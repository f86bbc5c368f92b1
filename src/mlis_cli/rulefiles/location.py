"""Where the rules are: --rules-dir, MLIS_RULES_DIR, or the rules shipped with the package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
"""The mlis_cli package folder."""


def shipped_rules_dir() -> Path:
    """The rules inside an installed wheel, or at the repository root in a checkout."""
    packaged = _PACKAGE / "rules"
    return packaged if packaged.is_dir() else _PACKAGE.parents[1] / "rules"


def rules_dir(option: Path | None) -> tuple[Path, str]:
    """The directory to read and the name to show for it in messages."""
    if option is not None:
        return option, str(option)
    shipped = shipped_rules_dir()
    try:
        shown = str(shipped.relative_to(Path.cwd()))
    except ValueError:
        shown = str(shipped)
    return shipped, shown
