"""Write a rehearsal's debrief as Markdown. Imports nothing from Textual."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from trainer.tui.session import debrief_of


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def debrief_markdown(rehearsal: Any, scenario: Any, persona: Any) -> str:
    """The transcript, scores, checklist, findings and exemplars as one Markdown text."""
    d = debrief_of(rehearsal)
    out = [f"# {scenario.title}", "",
           f"Meeting with {persona.name} ({persona.role}). Outcome: {d.outcome or 'ended early'}.",
           "", f"**Overall: {d.overall}/100**", "", "| Dimension | Score |", "|---|---|"]
    out += [f"| {k.replace('_', ' ')} | {v} |" for k, v in d.dimensions.items()]
    if d.checklist:
        out += ["", "## Checklist", ""]
        out += [f"- [{'x' if ok else ' '}] {item}" + (f" — {ev}" if ev else "")
                for item, ok, ev in d.checklist]
    out += ["", "## Turns"]
    for turn in rehearsal.turns:
        out += ["", f"### {turn.index + 1}. {turn.ceo}", "", "Your answer:", "",
                _quote(turn.answer), "", f"Score {turn.score.overall}: " + ", ".join(
                    f"{k.replace('_', ' ')} {v.score}" for k, v in turn.score.dimensions.items())]
        for f in turn.score.findings:
            if f.effect == "penalty":
                tip = f" Try: {f.suggestion}" if f.suggestion else ""
                quote = f"“{f.text}”: " if f.text and len(f.text) < 60 else ""
                out.append(f"- {quote}{f.message}{tip}")
        for p in turn.points:
            out.append(f"- {'covered' if p.covered else 'missing'}: {p.text}")
        exemplar = _exemplar(rehearsal, turn)
        if exemplar:
            out += ["", "A strong answer:", "", _quote(exemplar)]
    return "\n".join(out) + "\n"


def _exemplar(rehearsal: Any, turn: Any) -> str | None:
    node = rehearsal.scenario.nodes.get(turn.node_id) if hasattr(rehearsal, "scenario") else None
    return getattr(node, "exemplar", None)


def export_markdown(rehearsal: Any, scenario: Any, persona: Any, folder: Path) -> Path:
    """Write the debrief next to the user; never overwrite an existing file."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = folder / f"rehearse-{scenario.id}-{stamp}"
    text = debrief_markdown(rehearsal, scenario, persona)
    for n in range(100):
        path = base.with_name(base.name + (f"-{n}" if n else "") + ".md")
        try:
            with path.open("x", encoding="utf-8") as fh:
                fh.write(text)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"{base}.md")
