"""Safe YAML loading that remembers the line of every key and refuses what is unsafe.

Documents are composed into nodes (never constructed by PyYAML), so no tag beyond
the YAML core schema can build an object, aliases are expanded under a budget
(no "billion laughs"), nesting is bounded, and every value keeps its line for
error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is about 8x faster; the pure-Python loader behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_SAFE_SCALARS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_STR = f"{_CORE}str"
_constructor = yaml.constructor.SafeConstructor()

Path_ = tuple[str | int, ...]


def shorten(text: str, limit: int = 60) -> str:
    """User text quoted in a message, cut so that one message stays one readable line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


class YamlError(Exception):
    """A document that cannot be read; carries the 1-based line."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Document:
    """Plain data from one YAML file plus the line where each key path starts."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    """The source text of values YAML read as something other than text (``yes``, ``3000``),
    so a message can show what was written."""

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load_file(path: Path) -> Document:
    """Read and parse ``path``; raise YamlError with a line for anything wrong."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlError(f"cannot read file: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise YamlError(f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(f"cannot read file: {exc.strerror or exc}") from None
    return load_bytes(raw)


def load_bytes(raw: bytes) -> Document:
    if b"\x00" in raw[:8192]:
        raise YamlError("this is a binary file, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", line) from None
    return load_text(text)


def load_text(text: str) -> Document:
    if not text.strip():
        raise YamlError("the file is empty")
    doc = Document(data=None)
    try:
        doc.data = _Builder(doc.lines, doc.raw).build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(_explained(str(exc.problem or exc.context), text, line), line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
    return doc


_ESCAPES = set("0abtnvfre \"/\\N_LPxuU\t")
"""What may follow a backslash in a double-quoted YAML string."""


def _explained(problem: str, text: str, line: int) -> str:
    """PyYAML's reason, with what the author most likely did: a tab used to indent, a
    regex's backslash inside double quotes."""
    lines = re.split(r"\r\n|[\r\n]", text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = here[: len(here) - len(here.lstrip(" \t-"))]
    if "\t" in indent or "tab" in problem and "\t" in here:
        return "not valid YAML: a tab indents this line; YAML needs spaces"
    message = f"not valid YAML: {problem}"
    if "unknown escape character" in problem:
        bad = next((m[1] for m in re.finditer(r"\\(.)", here) if m[1] not in _ESCAPES), "d")
        message += (f"; in double quotes a backslash starts an escape: write \\\\{bad} "
                    f"for \\{bad}, or use single quotes")
    return message


class _Builder:
    """Builds plain data from the parser's event stream, without recursion.

    libyaml's composer recurses in C and crashes on very deep documents, so the
    tree is built here from events, with an explicit stack.
    """

    def __init__(self, lines: dict[Path_, int], raw: dict[Path_, str] | None = None) -> None:
        self.lines = lines
        self.raw = raw if raw is not None else {}
        self.budget = MAX_NODES
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.resolver = yaml.resolver.Resolver()

    def build(self, events) -> Any:
        # each frame: [container, path, pending_key, key_line, anchor, start_budget]
        stack: list[list[Any]] = []
        result: Any = _MISSING
        documents = 0
        for event in events:
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlError("one document per file, please (found a second '---')", line)
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent,
                                  yaml.DocumentEndEvent)):
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                container, _path, _k, _kl, anchor, start = stack.pop()
                if anchor:
                    self.anchors[anchor] = (container, start - self.budget)
                result = self._place(stack, container, line)
                continue
            self._spend(1, line)
            if isinstance(event, yaml.AliasEvent):
                if event.anchor not in self.anchors:
                    raise YamlError(f"unknown alias *{shorten(event.anchor)}", line)
                value, size = self.anchors[event.anchor]
                self._spend(size, line)
                result = self._place(stack, value, line)
            elif isinstance(event, yaml.ScalarEvent):
                value = self._scalar(event, line)
                if not isinstance(value, str) and stack:
                    frame = stack[-1]
                    if isinstance(frame[0], list):
                        self.raw[(*frame[1], len(frame[0]))] = event.value
                    elif frame[2] is not _MISSING:
                        self.raw[(*frame[1], frame[2])] = event.value
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                result = self._place(stack, value, line)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                is_map = isinstance(event, yaml.MappingStartEvent)
                kind = "map" if is_map else "seq"
                if event.tag not in (None, "!", f"{_CORE}{kind}"):
                    raise YamlError(
                        f"tag {shorten(event.tag)!r} is not allowed; use plain values", line)
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(f"nesting is deeper than {MAX_DEPTH} levels", line)
                path = self._child_path(stack)
                self.lines.setdefault(path, line)
                stack.append([{} if is_map else [], path, _MISSING, line, event.anchor,
                              self.budget])
        if result is _MISSING:
            raise YamlError("the file holds no YAML document")
        return result

    def _spend(self, n: int, line: int) -> None:
        self.budget -= n
        if self.budget < 0:
            raise YamlError(f"more than {MAX_NODES:,} values (an alias bomb?)", line)

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _SAFE_SCALARS:
            raise YamlError(f"tag {shorten(tag)!r} is not allowed; use plain values", line)
        if tag == _STR:  # most values; the constructor would return the text unchanged
            return event.value
        if tag.endswith(":timestamp"):
            return event.value  # dates stay text; models parse what they need
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            # the scalar constructor itself: construct_object() would remember every
            # node in the shared constructor, for ever
            return _constructor.yaml_constructors[tag](_constructor, node)
        except (yaml.YAMLError, ValueError, IndexError) as exc:
            # IndexError: PyYAML reads the sign of an empty '!!int' or '!!float' as value[0]
            why = "no number after the tag" if isinstance(exc, IndexError) else exc
            raise YamlError(f"bad value {shorten(event.value)!r}: {why}", line) from None

    @staticmethod
    def _child_path(stack: list[list[Any]]) -> Path_:
        if not stack:
            return ()
        container, path, key = stack[-1][0], stack[-1][1], stack[-1][2]
        if isinstance(container, list):
            return (*path, len(container))
        return (*path, key) if key is not _MISSING else path

    def _place(self, stack: list[list[Any]], value: Any, line: int) -> Any:
        if not stack:
            return value
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, list):
            self.lines.setdefault((*frame[1], len(container)), line)
            container.append(value)
        elif frame[2] is _MISSING:
            if isinstance(value, (dict, list)):
                raise YamlError("a key must be plain text", line)
            key = value if isinstance(value, str) else str(value)
            if key in container:
                raise YamlError(f"duplicate key {shorten(key)!r}", line)
            frame[2], frame[3] = key, line
        else:
            key = frame[2]
            container[key] = value
            self.lines[(*frame[1], key)] = frame[3]
            frame[2] = _MISSING
        return value


_MISSING = object()


def peek(path: Path, keys: frozenset[str],
         stop_at: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The top-level values of ``keys`` in a mapping file, read without building the rest.

    For lists that need a few fields before the full load (the home screen): it reads
    events until every key is found and skips nested content, so a scenario's long
    conversation tree costs nothing. Nested values are returned only as lists of
    scalars. Reading stops at a top-level key in ``stop_at`` (a section known to be
    long and not needed). Same limits as a full load; raises YamlError.
    """
    if path.stat().st_size > MAX_BYTES:
        raise YamlError("file too large")
    found: dict[str, Any] = {}
    depth, key, expect_key, seq = 0, None, True, None
    try:
        for event in yaml.parse(path.read_bytes().decode("utf-8-sig"), Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(f"nesting is deeper than {MAX_DEPTH} levels")
                if depth == 2 and isinstance(event, yaml.SequenceStartEvent) and key in keys:
                    seq = []
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                if depth == 1:
                    if seq is not None:
                        found[key] = seq
                        seq = None
                    expect_key = True
                    if keys <= found.keys():
                        break
            elif isinstance(event, yaml.ScalarEvent):
                if depth == 1 and expect_key:
                    key, expect_key = event.value, False
                    if key in stop_at:
                        break
                elif depth == 1:
                    if key in keys:
                        found[key] = event.value
                        if keys <= found.keys():
                            break
                    expect_key = True
                elif depth == 2 and seq is not None:
                    seq.append(event.value)
            elif isinstance(event, yaml.AliasEvent) and depth == 1:
                expect_key = True
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
    except UnicodeDecodeError:
        raise YamlError("not UTF-8 text") from None
    return found
