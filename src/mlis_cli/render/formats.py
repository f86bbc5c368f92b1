"""The output formats, chosen in one place for every command."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"


def chosen(fmt: Format, json_flag: bool) -> Format:
    return Format.JSON if json_flag else fmt
