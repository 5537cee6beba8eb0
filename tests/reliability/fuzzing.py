"""Generated content documents and the checks every one of them must pass.

Shared by tests/reliability/test_fuzz_content.py (thousands of documents, in CI)
and benchmarks/faults.py (the same checks at a larger scale, with figures).
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from trainer.content import loader
from trainer.content.models.scenario import DIMENSIONS
from trainer.content.yaml_io import MAX_BYTES, Document, load_file
from trainer.locations import content_subdirs, shipped_content
from trainer.problems import Problem

COUNTS: Counter[str] = Counter()
"""How many documents and answers the checks have seen (read by faults.py)."""
SLOWEST: dict[str, float] = {"document_s": 0.0}

LOAD_BOUND_S = 10.0
"""A safety net against hangs, not a speed target (benchmarks/faults.py prints the max)."""


def register_profile() -> None:
    settings.register_profile(
        "reliability",
        derandomize=True,
        deadline=None,
        database=None,
        print_blob=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.large_base_example, HealthCheck.filter_too_much],
    )


def examples(n: int) -> settings:
    """The reliability profile with ``n`` examples, times ``REHEARSE_FUZZ_SCALE``."""
    register_profile()
    scale = float(os.environ.get("REHEARSE_FUZZ_SCALE") or 1)
    return settings(settings.get_profile("reliability"), max_examples=max(1, int(n * scale)))


# --- where generated documents go ------------------------------------------

SHIPPED = shipped_content()
SHIPPED_FILES = sorted(
    p.relative_to(SHIPPED).as_posix()
    for sub in content_subdirs(SHIPPED) if sub.is_dir()
    for p in sub.rglob("*.y*ml")
)
FOLDERS = ["scenarios", "personas", "rubrics/lexicons", "rubrics/sets",
           *(f"rubrics/{d}" for d in DIMENSIONS)]


_SHIPPED_DATA = {rel: load_file(SHIPPED / rel).data for rel in SHIPPED_FILES}


def shipped_data(rel: str) -> Any:
    """A fresh copy of a shipped file's data, safe to mutate."""
    return copy.deepcopy(_SHIPPED_DATA[rel])


@dataclass
class Outcome:
    path: Path
    problems: list[Problem]
    seconds: float

    def mine(self) -> list[Problem]:
        return [p for p in self.problems if Path(p.path) == self.path]


_real_load_file = loader.load_file
_SHIPPED_REAL = SHIPPED.resolve()
_SHIPPED_DOCS: dict[Path, Document] = {}


class Workbench:
    """A user content folder holding one generated file, loaded after the shipped content.

    The generated file sits where a real one would (``scenarios/``, ``rubrics/sets/``,
    ...), so it is classified, validated and linted against the shipped files.
    """

    def __init__(self, base: Path) -> None:
        self.base = base
        self.content = base / "content"
        self.canary = base / "canary"
        self.max_seconds = 0.0
        self._last: Path | None = None

    @staticmethod
    def shipped_text(rel: str) -> str:
        return (SHIPPED / rel).read_text(encoding="utf-8")

    def load(self, rel: str, payload: str | bytes) -> Outcome:
        if self._last is not None:  # only one generated file at a time
            self._last.unlink(missing_ok=True)
        path = self._last = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = payload.encode("utf-8", "surrogatepass") if isinstance(payload, str) else payload
        path.write_bytes(raw)
        roots = content_subdirs(SHIPPED) + content_subdirs(self.content)
        start = time.perf_counter()
        loader.load_file = self._load_file
        try:
            content = loader.load_content(roots)
        finally:
            loader.load_file = _real_load_file
        seconds = time.perf_counter() - start
        self.max_seconds = max(self.max_seconds, seconds)
        SLOWEST["document_s"] = max(SLOWEST["document_s"], seconds)
        COUNTS["documents"] += 1
        return Outcome(path, list(content.problems), seconds)

    @staticmethod
    def _load_file(path: Path) -> Document:
        # The shipped files are parsed once; the generated one goes through the real parser.
        path = Path(path)
        if path not in _SHIPPED_DOCS:
            if not path.parent.resolve().is_relative_to(_SHIPPED_REAL):
                return _real_load_file(path)
            _SHIPPED_DOCS[path] = _real_load_file(path)
        return _SHIPPED_DOCS[path]

    def check(self, rel: str, payload: str | bytes, must_fail: bool = False) -> Outcome:
        """Load ``payload`` as ``rel`` and assert what a content author relies on."""
        outcome = self.load(rel, payload)
        for problem in outcome.problems:
            assert isinstance(problem.line, int) and problem.line >= 1, problem
            assert problem.message.strip(), problem
            assert "Traceback" not in problem.message, problem
            assert len(problem.message) <= 1000, f"a message too long to read: {problem}"
            source = Path(problem.path)
            assert source.exists(), f"problem names a file that does not exist: {problem}"
            if source.is_file():
                lines = _line_count(source.read_bytes())
                assert problem.line <= lines + 1, f"line past the end ({lines}): {problem}"
        if must_fail:
            assert outcome.mine(), "a broken document was accepted without a problem"
        assert not self.canary.exists(), "a YAML tag constructed an object and ran code"
        assert outcome.seconds < LOAD_BOUND_S, f"one document took {outcome.seconds:.2f} s"
        return outcome


def _line_count(raw: bytes) -> int:
    """Lines as YAML counts them: NEL, LS and PS break lines too, and CRLF is one break."""
    text = raw.decode("utf-8", "replace")
    return len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text)) + 1


# --- strategies -------------------------------------------------------------

_TOKENS = [
    ": ", "- ", "\n", "  ", "    ", "{", "}", "[", "]", ", ", "&a ", "*a", "&b ", "*b", "!!str ",
    "!!python/object:os.system ", "!custom ", "? ", "---\n", "...\n", "'", '"', "# note",
    "|\n", ">-\n", "id", "nodes", "next", "when", "start", "ceo", "branches", "end: true",
    "null", "~", "yes", "0x1F", "1e400", ".nan", "-.inf", "2024-05-02", "\t", "\\", "%YAML 1.1\n",
    "<<: *a", "\ufeff", "\u202e", "\x85", "\u2028", "é", "😀",
]

yaml_noise = st.lists(st.sampled_from(_TOKENS) | st.text(max_size=8), max_size=60).map("".join)
"""Text made of YAML punctuation, content keys and odd characters."""

_known_keys: set[str] = set()
for _rel in SHIPPED_FILES:
    _stack = [shipped_data(_rel)]
    while _stack:
        _item = _stack.pop()
        if isinstance(_item, dict):
            _known_keys.update(str(k) for k in _item)
            _stack.extend(_item.values())
        elif isinstance(_item, list):
            _stack.extend(_item)
KNOWN_KEYS = sorted(_known_keys | {"extends", "tokens", "swap", "pattern", "token", "lexicon",
                                    "terms", "weights", "dimension", "message"})

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.text(max_size=40) | st.sampled_from(["", "end", "opening", "incident", "interview",
                                              "maya-revenue", "brevity", "$50,000", "5%"])
)
keys = st.sampled_from(KNOWN_KEYS) | st.text(max_size=12)
nested_data = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=40,
)
top_level = st.dictionaries(keys, nested_data, max_size=10) | nested_data


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=80)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value in the tree (not the root)."""
    out = []
    items = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else ()
    for key, value in items:
        out.append((*prefix, key))
        out.extend(_paths(value, (*prefix, key)))
    return out


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


_REPLACEMENTS = [None, True, -1, 0, 10**30, 1.5, math.nan, math.inf, "", "x" * 5000, [], {},
                 ["a"], {"k": "v"}, "nowhere", "ownership.blame", "end", "é😀\u202e"]


@st.composite
def mutate_data(draw, data: Any) -> Any:
    """Apply one structural edit: delete, rename, retype, duplicate, insert or swap."""
    paths = _paths(data)
    if not paths:
        return draw(nested_data)
    path = draw(st.sampled_from(paths))
    parent, last = _parent(data, path), path[-1]
    op = draw(st.sampled_from(["delete", "rename", "retype", "duplicate", "insert", "swap"]))
    if op == "delete":
        del parent[last]
    elif op == "rename" and isinstance(parent, dict):
        new = draw(keys | st.sampled_from([last[:-1], last + "s", last.upper(), last[::-1]]))
        if new not in parent:
            parent[new] = parent.pop(last)
    elif op == "retype":
        parent[last] = draw(st.sampled_from(_REPLACEMENTS) | scalars)
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif op == "insert" and isinstance(parent, dict):
        parent[draw(keys)] = draw(nested_data)
    elif op == "swap":
        other = draw(st.sampled_from(paths))
        if other[: len(path)] != path and path[: len(other)] != other:
            other_parent = _parent(data, other)
            parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
    else:
        parent[last] = [parent[last], parent[last]]
    return data


@st.composite
def mutate_text(draw, text: str) -> str:
    """Apply one edit to the YAML text itself: what a careless editor does."""
    lines = text.splitlines(keepends=True) or [""]
    i = draw(st.integers(0, len(lines) - 1))
    op = draw(st.sampled_from(["dup_line", "tag", "truncate", "insert", "indent", "anchor",
                               "drop_line", "none"]))
    if op == "dup_line":
        lines.insert(i, lines[i])
    elif op == "drop_line":
        del lines[i]
    elif op == "tag":
        tag = draw(st.sampled_from([
            "!!python/object/apply:os.system ['touch canary']", "!!python/name:os.system",
            "!!binary", "!!set", "!!omap", "!!float", "!!int", "!custom", "!!map", "!!seq",
            "!<tag:example.com:x>",
        ]))
        line = lines[i]
        if ": " in line:
            key, _, value = line.partition(": ")
            lines[i] = f"{key}: {tag} {value}"
        else:
            lines[i] = f"{tag} {line}"
    elif op == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    elif op == "insert":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(yaml_noise) + text[at:]
    elif op == "indent":
        lines[i] = draw(st.sampled_from(["  ", "\t", " "])) + lines[i]
    elif op == "anchor" and ": " in lines[i]:
        key, _, value = lines[i].partition(": ")
        lines[i] = f"{key}: &a {value}"
        lines.append("extra: *a\n")
    return "".join(lines)


@st.composite
def shipped_mutants(draw) -> tuple[str, str]:
    """A shipped file with one to three edits to its data and maybe one to its text."""
    rel = draw(st.sampled_from(SHIPPED_FILES))
    data = shipped_data(rel)
    for _ in range(draw(st.integers(1, 3))):
        data = draw(mutate_data(data))
    text = dump(data)
    if draw(st.booleans()):
        text = draw(mutate_text(text))
    return rel, text


def _bomb(levels: int, width: int) -> str:
    lines = ["a0: &a0 [lol, lol]"]
    for n in range(1, levels + 1):
        refs = ", ".join([f"*a{n - 1}"] * width)
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


@st.composite
def hostile(draw) -> tuple[str, bytes, bool]:
    """Documents built to hurt a loader: (kind, bytes, must the loader refuse it?)."""
    kind = draw(st.sampled_from(["bomb", "deep_flow", "deep_block", "huge", "oversize", "tag",
                                 "merge", "many_docs", "bytes", "long_key", "big_int",
                                 "wide"]))
    if kind == "bomb":
        levels, width = draw(st.integers(1, 12)), draw(st.integers(2, 12))
        text = _bomb(levels, width)
        return kind, text.encode(), width ** levels > 200_000
    if kind == "deep_flow":
        n = draw(st.integers(1, 20_000))
        opener = draw(st.sampled_from(["[", "{a: ", "- [", "{? "]))
        return kind, (opener * n).encode() + b"x", True  # unclosed, and maybe too deep
    if kind == "deep_block":
        n = draw(st.integers(1, 300))
        text = "".join(f"{'  ' * i}k{i}:\n" for i in range(n)) + "  " * n + "v\n"
        return kind, text.encode(), True  # never a valid content file
    if kind == "huge":
        n = draw(st.integers(1, MAX_BYTES - 100))
        char = draw(st.sampled_from(["x", "é", " ", "\n", "😀"]))
        body = (char * n)[: max(1, n // len(char.encode()))]
        return kind, f"id: big\ntitle: {yaml.safe_dump(body)}".encode()[:MAX_BYTES], True
    if kind == "oversize":
        n = draw(st.integers(MAX_BYTES + 1, 3 * MAX_BYTES))
        return kind, b"id: big\n# " + b"x" * n + b"\n", True
    if kind == "tag":
        tag = draw(st.sampled_from([
            "!!python/object/apply:os.system", "!!python/object/new:os.system",
            "!!python/name:os.system", "!!python/module:os", "!!python/tuple",
        ]))
        return kind, f"{tag} ['touch canary']\n".encode(), True
    if kind == "merge":
        return kind, b"base: &b {id: x}\nid: y\n<<: *b\n", True
    if kind == "many_docs":
        n = draw(st.integers(2, 50))
        return kind, ("id: a\n---\n" * n).encode(), True
    if kind == "big_int":
        return kind, b"id: " + b"9" * draw(st.integers(4000, 100_000)) + b"\n", True
    if kind == "wide":
        n = draw(st.integers(1, 2_000))  # each unknown key is a problem with a suggestion
        return kind, b"".join(b"k%d: 1\n" % i for i in range(n)), True
    if kind == "bytes":
        return kind, draw(st.binary(max_size=2000)), False
    n = draw(st.integers(1, 200_000))
    return kind, b"? " + b"k" * n + b"\n: v\n", True


# --- answers ------------------------------------------------------------------

_HARD = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u0301",
    "\u0308", "\u20dd", "\x00", "\x07", "\x1b[31m", "\r\n", "\r", "\t", "\x85", "\u2028",
    "\ud800", "😀", "👩🏽‍💻", "🇺🇸", "מודל", "نموذج", "模型", "ﷺ", "e\u0301", "İ", "ß", "ﬁ",
    "$50,000", "5%", "I", "we", "my team", "I think", "maybe", "PSI", "model drift", "AUC",
    " ", ".", "!", "?", "...", "\n\n", "—", "-", "'", '"', "1e9", "100%", "$", "%",
]
answers = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(_HARD) | st.text(max_size=6), max_size=120).map("".join),
    st.lists(st.sampled_from(_HARD) | st.sampled_from(KNOWN_KEYS), max_size=80).map(" ".join),
)
"""Any Unicode: control characters, RTL text, combining marks, zero-width, emoji, lone
surrogates, mixed with the words the scorer looks for."""


def check_result(answer: str, result: Any) -> dict[str, Any]:
    """Assert what the app, the JSON output and the history store rely on."""
    COUNTS["answers"] += 1
    data = result.to_dict()
    json.loads(json.dumps(data, allow_nan=False))  # strict JSON: no NaN, no odd types
    assert isinstance(data["overall"], int) and 0 <= data["overall"] <= 100, data["overall"]
    for name, dim in data["dimensions"].items():
        score = dim["score"]
        assert isinstance(score, int) and not isinstance(score, bool), (name, score)
        assert 0 <= score <= 100, (name, score)
        assert isinstance(dim["summary"], str)
    for f in data["findings"]:
        start, end = f["start"], f["end"]
        assert isinstance(start, int) and isinstance(end, int), f
        assert 0 <= start <= end <= len(answer), (f, len(answer))
        assert answer[start:end] == f["text"], (f, answer[start:end])
    for item in data["checklist"]:
        assert isinstance(item["passed"], bool), item
    return data


def answer_contexts(scorer: Any) -> list[Any]:
    """No context, the interview track, and full scenario nodes (facts, persona, points)."""
    from trainer.engine.scoring.context import AnswerContext

    content = scorer.content
    out = [None, AnswerContext(track="interview", question="Tell me about a failure.")]
    for scenario in content.scenarios.values():
        node = next(iter(scenario.nodes.values()))
        out.append(AnswerContext(
            track=scenario.track, question=node.question or node.lines[0], budget=node.budget,
            facts=list(scenario.facts), persona=content.personas.get(scenario.persona),
            rubric=scenario.rubric_id, talking_points=list(node.talking_points)))
        if len(out) >= 5:
            break
    return out
