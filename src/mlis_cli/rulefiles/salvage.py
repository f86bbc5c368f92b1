"""What of a rule file that failed its schema can still be checked against the others.

A file with a bad value is reported where the value stands; the rest of the
file is still worth checking (the source ids its other cases cite, the degree
codes it names), so that one run reports every problem. `salvage` cuts the
smallest part around each schema error that the file can do without (an
unknown key, an optional value, the list item or registry entry holding a bad
required value) until what is left validates; a required value that is not one
of its names (a verdict, a kind) is read as the first name instead, so that the
case or requirement around it is still checked. What is cut or stood in for is
reported already, and a salvaged file is never compiled. Positions stay those of the
file: `kept` says which items of each list are left, by their index in the
file. A file whose top-level values are wrong gives nothing to check.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Path = tuple[str | int, ...]

MAX_ROUNDS = 100
"""Each round cuts around every error and may reveal new ones (a list left empty); a few do."""


@dataclass(frozen=True)
class Salvaged:
    """The model of what was left, and for each list of the file (by its path in the
    file) the file's indices of the items left, in order; lists not named were left whole."""

    model: BaseModel
    kept: dict[Path, list[int]]


def salvage(model: type[BaseModel], data: Any, errors: list[ErrorDetails]) -> Salvaged | None:
    """What validates once the parts around errors are cut, or None when nothing would."""
    data = copy.deepcopy(data)
    kept: dict[Path, list[int]] = {}
    for _ in range(MAX_ROUNDS):
        if not _cut_round(model, data, errors, kept):
            return None
        try:
            return Salvaged(model.model_validate(data), kept)
        except ValidationError as error:
            errors = error.errors()
    return None


def _cut_round(
    model: type[BaseModel], data: Any, errors: list[ErrorDetails], kept: dict[Path, list[int]]
) -> bool:
    """Cut around every error, last in the file first, so that a cut never shifts the
    index of a list item an error still to be handled points at."""
    cut: set[Path] = set()
    for error in sorted(errors, key=lambda error: _order(path_of(error)), reverse=True):
        loc = path_of(error)
        if any(loc[:end] in cut for end in range(1, len(loc) + 1)):
            continue  # inside a part cut already
        where = _cut(model, data, error, kept)
        if where is None:
            return False
        cut.add(where)
    return bool(cut)


def _order(path: Path) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in path)


def in_file(path: Path, kept: dict[Path, list[int]]) -> Path:
    """Where a path of the salvaged data stands in the file."""
    result: list[str | int] = []
    for part in path:
        indices = kept.get(tuple(result))
        if isinstance(part, int) and indices is not None and part < len(indices):
            part = indices[part]
        result.append(part)
    return tuple(result)


def path_of(error: ErrorDetails) -> Path:
    """The location of a pydantic error as a path into the data."""
    return tuple(part for part in error["loc"] if _is_path_part(part))


def _is_path_part(part: str | int) -> bool:
    # pydantic adds the name of a union member or a validator function to the location
    return isinstance(part, int) or not any(mark in part for mark in "[]()")


def _cut(model: type[BaseModel], data: Any, error: ErrorDetails, kept: dict[Path, list[int]]) -> Path | None:
    """Remove the smallest part at or around the error that can go, or stand a valid name
    in for a bad one; where that was, or None if neither can be done."""
    loc = path_of(error)
    if error["type"] == "enum" and loc and _stand_in(model, data, loc):
        return loc
    for end in range(len(loc), 0, -1):
        parent = _at(data, loc[: end - 1])
        part = loc[end - 1]
        if isinstance(parent, list) and isinstance(part, int) and part < len(parent):
            parent.pop(part)
            where = in_file(loc[: end - 1], kept)
            kept.setdefault(where, list(range(len(parent) + 1))).pop(part)
            return loc[:end]
        if isinstance(parent, dict) and part in parent:
            owner = model_at(model, loc[: end - 1])
            if owner is None or not _required(owner, part):
                del parent[part]
                return loc[:end]
    return None


def _stand_in(model: type[BaseModel], data: Any, loc: Path) -> bool:
    parent = _at(data, loc[:-1])
    owner = model_at(model, loc[:-1])
    if not isinstance(parent, dict) or owner is None:
        return False
    fields = {field.alias or name: field for name, field in owner.model_fields.items()}
    field = fields.get(str(loc[-1]))
    names = _unwrap(field.annotation) if field is not None else None
    if not (isinstance(names, type) and issubclass(names, Enum)):
        return False
    parent[loc[-1]] = next(iter(names)).value
    return True


def _at(data: Any, path: Path) -> Any:
    for part in path:
        found = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data)
        )
        if not found:
            return None
        data = data[part]
    return data


def _required(owner: type[BaseModel], key: str | int) -> bool:
    return any(
        (field.alias or name) == key and field.is_required() for name, field in owner.model_fields.items()
    )


def model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that validates the value at loc, if there is one."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {field.alias or name: field for name, field in current.model_fields.items()}
            if part not in fields:
                return None
            current = fields[part].annotation
        elif get_origin(current) is list:
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            candidates = [arg for arg in get_args(annotation) if arg is not type(None)]
            annotation = next(
                (
                    arg
                    for arg in candidates
                    if (isinstance(_strip(arg), type) and issubclass(_strip(arg), BaseModel))
                    or get_origin(_strip(arg)) in (list, dict)
                ),
                candidates[0],
            )
        else:
            return annotation


def _strip(annotation: Any) -> Any:
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
