"""Checks across files: the scenario graph and the ids that files refer to.

In the manner of ink's loose-end warnings: a scenario that could strand the
user (a dangling link, a node with no way out, no path to an end) is reported
and left out, while the other scenarios still load.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path

from trainer.content.errors import nearest
from trainer.content.loader import Content
from trainer.content.models.rubric import LexiconRule
from trainer.content.models.scenario import CHANGE, DIMENSIONS, Condition, Scenario
from trainer.content.yaml_io import Document


def lint_content(content: Content, docs: dict[Path, Document]) -> None:
    for scenario_id, scenario in list(content.scenarios.items()):
        path = content.sources["scenario", scenario_id]
        before = len(content.problems)
        for loc, message in lint_scenario(scenario, content):
            content.problems.add(path, docs[path].line_of(loc), message)
        if len(content.problems) > before:
            del content.scenarios[scenario_id]  # unplayable; the rest still load
            continue
        for loc, message in advise_scenario(scenario):
            content.warnings.add(path, docs[path].line_of(loc), message)
    for rule_id, rule in content.rules.items():
        if isinstance(rule, LexiconRule) and rule.lexicon not in content.lexicons:
            path = content.sources["rule", rule_id]
            content.problems.add(path, docs[path].line_of(("lexicon",)), f"rule '{rule_id}': "
                                 + _unknown(content, "lexicon", rule.lexicon, content.lexicons))
        # a measure that reads other rules' findings ("of": [...]) would wait for a typo forever
        named = getattr(rule, "params", {}).get("of", [])
        for i, other in enumerate(named if isinstance(named, list) else [named]):
            if other not in content.rules and ("rule", other) not in content.broken:
                path = content.sources["rule", rule_id]
                content.problems.add(path, docs[path].line_of(("params", "of", i)),
                                     f"params: of: unknown rule id '{other}'"
                                     + _known(content.rules, other))
    for set_id, rubric_set in content.rubric_sets.items():
        path = content.sources["rubric_set", set_id]
        for i, rule_id in enumerate(rubric_set.disable):
            if rule_id not in content.rules and ("rule", rule_id) not in content.broken:
                # (switching off a rule whose file did not load is no further problem)
                content.problems.add(path, docs[path].line_of(("disable", i)),
                                     f"disable: unknown rule id '{rule_id}'"
                                     + _known(content.rules, rule_id))


def lint_scenario(s: Scenario, content: Content) -> Iterator[tuple[tuple, str]]:
    nodes = s.nodes
    if s.persona not in content.personas:
        yield ("persona",), _unknown(content, "persona", s.persona, content.personas)
    if s.rubric_id not in content.rubric_sets:
        yield ("rubric",), _unknown(content, "rubric_set", s.rubric_id, content.rubric_sets)
    if s.start not in nodes:
        yield ("start",), f"start node '{s.start}' does not exist" + _known(nodes, s.start)
    fact_ids = [f.id for f in s.facts]
    for dup in {f for f in fact_ids if fact_ids.count(f) > 1}:
        yield ("facts",), f"fact id '{dup}' is used twice"
    for node_id, node in nodes.items():
        here = ("nodes", node_id)
        for key, message in _check_set(node.set, s):
            yield (*here, "set", key), f"node '{node_id}': {message}"
        points = [p.id for p in node.talking_points]
        for dup in {p for p in points if points.count(p) > 1}:
            yield ((*here, "talking_points"),
                   f"node '{node_id}': talking point '{dup}' is used twice")
        if node.end:
            if node.branches:
                yield (*here, "branches"), f"node '{node_id}' ends the meeting but has branches"
            if node.outcome is None:
                yield ((*here, "end"), f"node '{node_id}' ends the meeting but has no "
                                       f"'outcome' (good, mixed or bad)")
            continue
        if not node.branches:
            yield here, f"node '{node_id}' has no branches and is not 'end: true'"
            continue
        if node.branches[-1].when is not None:
            yield ((*here, "branches", len(node.branches) - 1),
                   f"node '{node_id}': the last branch needs no 'when' (the fallback)")
        for i, branch in enumerate(node.branches):
            at = (*here, "branches", i)
            if branch.when is None and i < len(node.branches) - 1:
                yield at, (f"node '{node_id}': branch {i + 1} has no 'when', so the "
                           f"branches after it can never be taken")
            if branch.next not in nodes:
                yield (*at, "next"), (f"node '{node_id}': branch {i + 1} goes to "
                                      f"'{branch.next}', which does not exist"
                                      + _known(nodes, branch.next))
            for key, message in _check_set(branch.set, s):
                yield (*at, "set", key), f"node '{node_id}', branch {i + 1}: {message}"
            if branch.when is not None:
                for message in _check_condition(branch.when, points, s, content):
                    yield (*at, "when"), f"node '{node_id}', branch {i + 1}: {message}"
    if s.start in nodes:
        yield from _check_graph(s)


def advise_scenario(s: Scenario) -> Iterator[tuple[tuple, str]]:
    """What leaves the user short without breaking the scenario: every question should
    offer a strong answer and say what a good answer covers."""
    for node_id, node in s.nodes.items():
        if node.end:
            continue
        if not (node.exemplar or "").strip():
            yield (("nodes", node_id),
                   f"node '{node_id}' has no 'exemplar': practice mode and the debrief "
                   f"will have no strong answer to show")
        if not node.talking_points:
            yield (("nodes", node_id),
                   f"node '{node_id}' has no 'talking_points': the debrief cannot say "
                   f"what the answer covered or missed")


def _check_set(changes: dict, s: Scenario) -> Iterator[tuple[str, str]]:
    """A ``set`` names declared variables, and adds ("+1") only to one that starts as a
    number."""
    for key, value in changes.items():
        if key not in s.vars:
            yield key, f"variable '{key}' is not in 'vars'" + _known(s.vars, key)
        elif isinstance(value, str) and CHANGE.fullmatch(value.strip()) and not _numeric(
                s.vars[key]):
            yield key, (f"'{value}' adds to variable '{key}', but 'vars' starts it as "
                        f"{s.vars[key]!r}, not a number")


def _numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    try:
        float(str(value).strip())
    except ValueError:
        return False
    return True


def _check_graph(s: Scenario) -> Iterator[tuple[tuple, str]]:
    edges = {nid: [b.next for b in n.branches if b.next in s.nodes] for nid, n in s.nodes.items()}
    reached = _reach(s.start, edges)
    for node_id in s.nodes:
        if node_id not in reached:
            yield ("nodes", node_id), f"node '{node_id}' cannot be reached from '{s.start}'"
    ends = [nid for nid, n in s.nodes.items() if n.end]
    if not ends:
        yield ("nodes",), "no node says 'end: true', so the meeting can never finish"
        return
    reverse: dict[str, list[str]] = {nid: [] for nid in s.nodes}
    for src, targets in edges.items():
        for dst in targets:
            reverse[dst].append(src)
    can_end: set[str] = set()
    for end in ends:
        can_end |= _reach(end, reverse)
    for node_id in reached - can_end:
        yield ("nodes", node_id), f"node '{node_id}' has no path to an end node"


def _reach(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for nxt in edges.get(queue.popleft(), []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _check_condition(c: Condition, points: list[str], s: Scenario,
                     content: Content) -> Iterator[str]:
    for ref in (c.covered, c.missing):
        if ref is None or ref in points:
            continue
        if not any(ref == p.id for node in s.nodes.values() for p in node.talking_points):
            everywhere = {p.id for node in s.nodes.values() for p in node.talking_points}
            yield f"talking point '{ref}' is not listed in any node" + _known(everywhere, ref)
    if c.visits is not None and c.visits not in s.nodes:
        yield f"'visits' names node '{c.visits}', which does not exist" + _known(s.nodes, c.visits)
    if c.var is not None and c.var not in s.vars:
        yield f"variable '{c.var}' is not in 'vars'" + _known(s.vars, c.var)
    for ref in (c.finding, c.no_finding):
        if ref is None or ref in DIMENSIONS or ref in content.rules:
            continue
        if ("rule", ref) in content.broken:
            yield _unknown(content, "rule", ref, content.rules)
        else:
            yield (f"'{ref}' is neither a dimension nor a known rule id"
                   + _known([*DIMENSIONS, *content.rules], ref, listed=False))
    for sub in (c.all or []) + (c.any or []) + ([c.not_] if c.not_ else []):
        yield from _check_condition(sub, points, s, content)


def _unknown(content: Content, kind: str, ref: str, known) -> str:
    """An id that names nothing loaded: unknown (with the nearest known one), or, when a
    file meant to give it did not load, that file's problems, and nothing more."""
    noun = kind.replace("_", " ")
    broken = content.broken.get((kind, ref))
    if broken is not None:
        return f"{noun} '{ref}' cannot be used: its file has problems ({_shown(broken)})"
    return f"unknown {noun} '{ref}'" + _known(known, ref)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _known(ids, typed: str | None = None, listed: bool = True) -> str:
    """What a misspelt id most likely meant ("; did you mean 'cost'?"), else the ids known
    (the first 8; ``listed=False`` leaves out a list too long to help)."""
    ids = sorted(ids)
    near = nearest(typed, ids) if typed is not None else None
    if near:
        return f"; did you mean '{near}'?"
    if not ids or not listed:
        return ""
    shown = ", ".join(ids[:8]) + (", ..." if len(ids) > 8 else "")
    return f" (known: {shown})"
