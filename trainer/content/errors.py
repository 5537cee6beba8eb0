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
    for loc, message in _messages(exc.errors(), model, doc):
        problems.add(path, doc.line_of(loc), message)


def _messages(errs: list[Any], model: type[BaseModel], doc: Document) -> list[tuple[tuple, str]]:
    """One ``(data path, message)`` per problem.

    A value that fits no member of a union (``ceo: text or a list``) gets one error per
    member from pydantic; they are read together: the member whose message says
    something useful ("quote it") speaks alone, and otherwise one message lists what
    was expected.
    """
    out: list[tuple[tuple, str]] = []
    unions: dict[tuple, list[tuple[str, dict[str, Any], str, tuple]]] = {}
    for err in errs:
        raw_loc = tuple(err["loc"])
        if "[key]" in raw_loc:  # a dict's key, not its value, is wrong
            at = raw_loc.index("[key]")
            parent = _data_path(doc.data, raw_loc[: at - 1])
            out.append(((*parent, raw_loc[at - 1]),
                        _bad_key(err, raw_loc[at - 1], parent)))
            continue
        loc, member, before = _split(doc.data, raw_loc, err["type"])
        message = _message(err, model, doc, loc)
        if member is None:
            out.append((loc, message))
        else:
            unions.setdefault(loc[:before], []).append((member, err, message, loc))
    for loc, tried in unions.items():
        useful = [(at, m) for _name, err, m, at in tried if not _is_type_noise(err, m)]
        if useful:
            out.extend(dict.fromkeys(useful))
            continue
        wanted = [_MEMBER_WORDS.get(name) for name, *_rest in tried]
        if None in wanted or len(tried) == 1:
            out.extend(dict.fromkeys((at, m) for _name, _err, m, at in tried))
            continue
        names = list(dict.fromkeys(w for w in wanted if w))
        expected = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        value = _value_at(doc.data, loc)
        if value is None:
            out.append((loc, _where(loc) + f"no value; expected {expected}"))
            continue
        got = {dict: "a mapping", list: "a list"}.get(type(value))
        out.append((loc, _where(loc) + f"expected {expected}" + (f", not {got}" if got else "")))
    return out


_MEMBER_WORDS = {"str": "text", "list[str]": "a list of texts", "int": "a number",
                 "float": "a number", "bool": "true/false"}
"""How a union member that failed is named in a message: ``expected text or a list of
texts``."""


def _is_type_noise(err: dict[str, Any], message: str) -> bool:
    """A union member's plain "Input should be a valid ..." (said better elsewhere)."""
    return err["type"].endswith(("_type", "_parsing")) and message.endswith(err["msg"])


def _message(err: dict[str, Any], model: type[BaseModel], doc: Document, loc: tuple) -> str:
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
        return _where(loc[:-1]) + message
    if kind == "missing":
        return _where(loc[:-1]) + f"missing key '{loc[-1]}'"
    msg = err["msg"].removeprefix("Value error, ")
    if kind == "union_tag_invalid":
        msg = f"'extends' must be one of: {err['ctx']['expected_tags']}"
    elif kind in ("literal_error", "enum"):
        msg = _not_a_choice(err, msg)
    elif kind == "string_type":
        msg = _not_text(err.get("input"), doc.raw.get(tuple(loc)), msg,
                        in_list=bool(loc) and isinstance(loc[-1], int))
    elif kind == "string_pattern_mismatch":
        msg = _not_a_slug(err, msg)
    return _where(loc) + msg


def _bad_key(err: dict[str, Any], key: Any, parent: tuple) -> str:
    """A key of a mapping that is not allowed: a misspelt dimension in ``weights``, a
    variable name with capitals."""
    key = str(key)
    if err["type"] in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
        from trainer.content.models.scenario import DIMENSIONS

        noun = "dimension" if choices and set(choices) <= set(DIMENSIONS) else "key"
        field = f" in {parent[-1]}" if parent and isinstance(parent[-1], str) else ""
        near = nearest(key, choices)
        hint = (f"; did you mean '{near}'?" if near
                else f"; expected one of: {', '.join(choices)}" if choices else "")
        return _where(parent[:-1]) + f"unknown {noun} '{shorten(key)}'{field}{hint}"
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "string_pattern_mismatch":
        msg = _not_a_slug(err | {"input": key}, msg)
    else:
        msg = f"key '{shorten(key)}': {msg}"
    return _where(parent) + msg


def _not_a_slug(err: dict[str, Any], msg: str) -> str:
    """An id or name that breaks the slug pattern, said in words, with the fixed one."""
    from trainer.content.models.base import SLUG_PATTERN

    value = err.get("input")
    if (err.get("ctx") or {}).get("pattern") != SLUG_PATTERN or not isinstance(value, str):
        return msg
    fixed = re.sub(r"[^a-z0-9_.-]+", "-", value.strip().lower()).strip("-_.")
    hint = f" (write '{shorten(fixed)}')" if fixed and fixed != value else ""
    return (f"'{shorten(value)}' may hold only lower-case letters, digits, '-', '_' and '.', "
            f"starting with a letter or digit{hint}")


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


def _not_text(value: Any, raw: str | None, msg: str, in_list: bool = False) -> str:
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
    if in_list and kind == "a number" and written.isdigit() and len(written) == 3:
        # [$50,000, 5%]: the comma ends the item, so "50,000" arrives as 50 and then 000
        return (f"expected text, but YAML reads the unquoted {shorten(written)} as a number; "
                f"in [...] a comma separates items, so a figure like 50,000 splits in two: "
                f"quote each figure whole, e.g. [\"$50,000\", \"5%\"]")
    return (f"expected text, but YAML reads the unquoted {shorten(written)} as {kind}; "
            f"quote it: \"{shorten(written)}\"")


def _data_path(data: Any, loc: tuple) -> tuple:
    """Drop the parts of pydantic's loc that name union members rather than data keys."""
    return _split(data, loc)[0]


def _split(data: Any, loc: tuple, kind: str = "missing") -> tuple[tuple, str | None, int]:
    """The data path of ``loc``, the first union member named in it (``str``,
    ``list[str]``; None if none), and how much of the path comes before that member."""
    out: list[Any] = []
    member: str | None = None
    before = 0
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
        elif isinstance(current, dict) and (last and kind == "missing" or part == "not"):
            out.append(part)  # a missing key
            current = None
        elif member is None and isinstance(part, str):
            member, before = part, len(out)  # a union member's name, not in the data
    return tuple(out), member, before


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
