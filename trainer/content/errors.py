"""Turn pydantic's validation errors into ``path:line: message`` problems."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz, process

from trainer.content.yaml_io import Document, shorten
from trainer.problems import Problems


def report(exc: ValidationError, model: type[BaseModel], doc: Document, path: Path,
           problems: Problems) -> None:
    for err in exc.errors():
        loc = _data_path(doc.data, err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            message = f"unknown key '{shorten(key)}'"
            allowed = allowed_keys(model, doc.data, loc[:-1])
            near = nearest(key, allowed)
            if " " in key.strip() and _value_at(doc.data, loc) is None:
                # {id: x, text: No check, so nobody was alerted}: the comma ended the text
                message += ("; it looks like the rest of a text cut at a comma: in a "
                            "{...} mapping, quote text that contains a comma")
            elif near:
                message += f"; did you mean '{near}'?"
            elif allowed:
                message += f"; expected one of: {', '.join(sorted(allowed))}"
            problems.add(path, doc.line_of(loc), _where(loc[:-1]) + message)
        elif kind == "missing":
            problems.add(path, doc.line_of(loc[:-1]), _where(loc[:-1]) + f"missing key '{loc[-1]}'")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            if kind == "union_tag_invalid":
                msg = f"'extends' must be one of: {err['ctx']['expected_tags']}"
            elif kind in ("literal_error", "enum"):
                msg = _not_a_choice(err, msg)
            elif kind == "string_type":
                msg = _not_text(err.get("input"), doc.raw.get(tuple(loc)), msg)
            where = _where(loc)
            problems.add(path, doc.line_of(loc), f"{where}{msg}")


def nearest(word: str, choices: typing.Iterable[str]) -> str | None:
    """The choice a typo most likely meant, for a "did you mean" (None if none is close)."""
    choices = list(choices)
    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=70) \
        if choices else None
    return found[0] if found else None


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _not_a_choice(err: dict[str, Any], msg: str) -> str:
    """An invalid enum value, with the nearest valid one: "did you mean 'solution'?"."""
    value = err.get("input")
    choices = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
    if not isinstance(value, str) or not choices:
        return msg
    near = nearest(value, choices)
    if near:
        return f"'{shorten(value)}' is not a valid value; did you mean '{near}'?"
    return f"'{shorten(value)}' is not a valid value; expected one of: {', '.join(choices)}"


def _not_text(value: Any, raw: str | None, msg: str) -> str:
    """Text expected, but YAML read the unquoted value as a boolean or a number."""
    if isinstance(value, bool):
        kind = "a boolean"
    elif isinstance(value, (int, float)):
        kind = "a number"
    elif isinstance(value, dict) and len(value) == 1:
        # "- (?: issue| problem)? ..." : the ': ' inside makes YAML read a key and a value
        (key, rest), = value.items()
        return (f"expected text, but YAML reads the unquoted '{shorten(f'{key}: {rest}')}' as "
                f"a key and a value (it holds ': '); put the whole text in quotes")
    else:
        return msg
    written = raw if raw is not None else str(value).lower()
    return (f"expected text, but YAML reads the unquoted {shorten(written)} as {kind}; "
            f"quote it: \"{shorten(written)}\"")


def _data_path(data: Any, loc: tuple) -> tuple:
    """Drop the parts of pydantic's loc that name union members rather than data keys."""
    out: list[Any] = []
    current = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(current, dict) and not last and part == current.get("extends"):
            continue  # the discriminated union's member name, not a key
        if isinstance(current, dict) and part in current:
            out.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            out.append(part)
            current = current[part]
        elif last or isinstance(current, dict) and part == "not":
            out.append(part)
            current = None
        # else: a union member's name, not in the data
    return tuple(out)


def _where(loc: tuple) -> str:
    """Name the node or key a problem is about, for a reader of the file.

    ``('nodes', 'cost', 'branches', 0, 'when')`` reads "node 'cost', branch 1, when: ".
    Items of lists are counted from 1, in words, everywhere ("branch 1", "talking point
    2", "keywords item 3"), as the graph checks count them too.
    """
    parts: list[str] = []
    rest = list(loc)
    if len(rest) >= 2 and rest[0] == "nodes":
        parts.append(f"node '{shorten(str(rest[1]))}'")
        rest = rest[2:]
    key = ""
    for i, part in enumerate(rest):
        if isinstance(part, int):
            if i and rest[i - 1] in ("branches", "talking_points", "facts"):
                noun = {"branches": "branch", "talking_points": "talking point",
                        "facts": "fact"}[rest[i - 1]]
                parts.append(f"{noun} {part + 1}")
                key = ""
            else:
                parts.append(f"{key} item {part + 1}" if key else f"item {part + 1}")
                key = ""
            continue
        if i + 1 < len(rest) and isinstance(rest[i + 1], int) and part in (
                "branches", "talking_points", "facts"):
            if key:
                parts.append(key)
            key = ""
            continue
        key = f"{key}.{shorten(str(part))}" if key else shorten(str(part))
    if key:
        parts.append(key)
    return ", ".join(parts) + ": " if parts else ""


def allowed_keys(model: type[BaseModel], data: Any, loc: tuple) -> list[str]:
    """The keys valid at ``loc`` (a data path), for suggesting the nearest one."""
    types_here: list[Any] = [model]
    current = data
    for part in loc:
        current = current.get(part) if isinstance(current, dict) else (
            current[part] if isinstance(current, list) and isinstance(part, int)
            and part < len(current) else None)
        nxt: list[Any] = []
        for t in types_here:
            for member in _members(t):
                if isinstance(member, type) and issubclass(member, BaseModel):
                    field = _field(member, part)
                    if field is not None:
                        nxt.append(field.annotation)
                else:
                    origin = typing.get_origin(member)
                    if origin in (list, dict):
                        nxt.append(typing.get_args(member)[-1])
        types_here = nxt
    keys: set[str] = set()
    for t in types_here:
        for member in _members(t):
            if isinstance(member, type) and issubclass(member, BaseModel):
                if _matches_tag(member, current):
                    keys.update(f.alias or n for n, f in member.model_fields.items())
    return sorted(keys)


def _field(model: type[BaseModel], key: Any):
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _matches_tag(model: type[BaseModel], data: Any) -> bool:
    tag = model.model_fields.get("extends")
    if tag is None or not isinstance(data, dict) or "extends" not in data:
        return True
    return data["extends"] in typing.get_args(tag.annotation)


def _members(t: Any) -> list[Any]:
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        return _members(typing.get_args(t)[0])
    if origin is typing.Union or origin is types.UnionType:
        out: list[Any] = []
        for arg in typing.get_args(t):
            out.extend(_members(arg))
        return out
    return [t]
