"""Help: -h wherever --help works."""

from __future__ import annotations

from typing import Any

import typer

from mlis_cli.cli import build


def _command_paths() -> list[list[str]]:
    """Every command and group of the application, as the words that name it."""
    root = typer.main.get_command(build())
    paths: list[list[str]] = [[]]

    def walk(group: Any, prefix: list[str]) -> None:
        for name, command in group.commands.items():
            paths.append([*prefix, name])
            if hasattr(command, "commands"):  # a group
                walk(command, [*prefix, name])

    walk(root, [])
    return paths


def test_h_is_help_for_every_command_and_group(mlis) -> None:  # type: ignore[no-untyped-def]
    paths = _command_paths()
    assert ["rules", "validate"] in paths and ["profile", "init"] in paths and ["check"] in paths
    for path in paths:
        long, short = mlis(*path, "--help"), mlis(*path, "-h")
        assert (short.exit_code, short.stderr) == (0, ""), path
        assert short.stdout == long.stdout, path
        assert short.stdout.startswith("Usage: mlis"), path
        assert "-h, --help" in short.stdout, path
