"""The report as Markdown. Everything from the user or the database is written with its
Markdown-significant characters backslash-escaped, so it reads as the same text in
the raw file and once rendered, and raw HTML in it (``<b>``) stays text."""

from __future__ import annotations

import re

from trainer.reports.clip import FINDING_QUOTE, clip, shorten
from trainer.reports.dates import local_date
from trainer.reports.labels import as_scored, override_status, turn_overall

# Characters that start emphasis, code, links, tables, strikethrough, raw HTML, or
# an escape; '&' only where it would start an entity such as '&amp;'.
_INLINE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)")
# What turns a line into a heading, quote, list item, rule or setext underline.
_LINE_START = re.compile(r"^( {0,3})([#>+=-]|\d{1,9}(?=[.)]))")


def _safe(text: str) -> str:
    """``text`` as Markdown that renders to the same characters (not HTML entities)."""
    lines = []
    for line in str(text).splitlines() or [""]:
        line = _INLINE.sub(lambda m: "\\" + m.group(0), line)
        line = _LINE_START.sub(_escape_marker, line)
        lines.append(line)
    return "\n".join(lines)


def _escape_marker(m: re.Match) -> str:
    indent, marker = m.group(1), m.group(2)
    if marker[0].isdigit():  # '1.' or '1)': escape the punctuation that follows
        return indent + marker + "\\"
    return indent + "\\" + marker


def _quote(text: str) -> str:
    return "\n".join(f"> {_safe(line)}" if line.strip() else ">" for line in text.splitlines())


def to_markdown(report: dict) -> str:
    r, sc, pe = report["rehearsal"], report["scenario"], report["persona"]
    out = [f"# {_safe(sc['title'])}", "",
           f"- Participant: {_safe(r['participant'])}",
           f"- Date: {local_date(r['started_at'])}",
           f"- With: {_safe(pe['name'])}" + (f" ({_safe(pe['role'])})" if pe["role"] else ""),
           f"- Status: {r['status']}" + (f", outcome {r['outcome']}" if r["outcome"] else ""),
           f"- Rehearsal {r['id']}, seed {r['seed']}, {r['mode']} mode", "",
           f"**Overall: {_num(report['overall'])}/100**{as_scored(report)}", "",
           "| Dimension | Score | As scored |", "|---|---:|---:|"]
    orig = report["original_dimensions"]
    for name, value in report["dimensions"].items():
        out.append(f"| {name.replace('_', ' ')} | {value} | {_num(orig.get(name))} |")
    if report["checklist"]:
        out += ["", "## Checklist", ""]
        for c in report["checklist"]:
            evidence = f" — “{_safe(clip(c['evidence']))}”" if c["evidence"] else ""
            out.append(f"- [{'x' if c['met'] else ' '}] {_safe(c['item'])} "
                       f"({c['passed']} of {c['of']}){evidence}")
        if report.get("checklist_note"):
            out += ["", f"*{_safe(report['checklist_note'])}*"]
    out += ["", "## Transcript"]
    who = _safe(report.get("speaker") or "CEO")
    for t in report["turns"]:
        out += _turn(t, who)
    out += _written_update(report.get("written_update"))
    return "\n".join(out) + "\n"


def _written_update(update: dict | None) -> list[str]:
    """The update written after the meeting: its score, its parts, and its text."""
    if not update:
        return []
    score = "not scored" if update.get("overall") is None else f"{update['overall']}/100"
    out = ["", "## Written update", "", f"**Score: {score}**"]
    if update.get("checklist"):
        out.append("")
        for c in update["checklist"]:
            evidence = f" — “{_safe(clip(c['evidence']))}”" if c.get("evidence") else ""
            out.append(f"- [{'x' if c.get('passed') else ' '}] {_safe(c.get('item', ''))}"
                       f"{evidence}")
    for note in update.get("notes") or []:
        out += ["", f"*Note: {_safe(note)}*"]
    return out + ["", _quote(update.get("text") or "") or ">"]


def _num(value) -> str:
    return "-" if value is None else str(value)


def _turn(t: dict, who: str = "CEO") -> list[str]:
    """One turn; ``who`` names the one asking (the persona's role, or CEO/Interviewer)."""
    score = t["score"]
    out = ["", f"### Turn {t['number']}", "", f"**{who}:** {_safe(t['ceo'])}", "",
           "**Your answer:**", "", _quote(t["answer"]) or ">", "",
           f"Score {turn_overall(t)}: " + ", ".join(
               f"{k.replace('_', ' ')} {v.get('score')}"
               for k, v in (score.get("dimensions") or {}).items())]
    for note in score.get("notes") or []:
        out += ["", f"*Note: {_safe(note)}*"]
    for o in t["overrides"]:
        out.append(f"- Coach override ({_safe(o['author'])}): {o['dimension']} "
                   f"{_num(o['original'])} → {o['score']}: {_safe(o['reason'])}"
                   f"{override_status(o)}")
    findings = score.get("findings") or []
    if findings:
        out += ["", "Findings:", ""]
        for f in findings:
            sign = "+" if f.get("effect") == "credit" else "−"
            tip = f" Try: {_safe(f['suggestion'])}" if f.get("suggestion") else ""
            # a finding about the whole answer ("no number") quotes nothing: no empty “”
            said = (f.get("text") or "").strip()
            quote = f"“{_safe(shorten(said, FINDING_QUOTE))}”: " if said else ""
            out.append(f"- {sign} [{_safe(f.get('kind') or f.get('dimension', ''))}] "
                       f"{quote}{_safe(clip(f.get('message') or ''))}{tip}")
    points = score.get("points") or []
    if points:
        out += ["", "Talking points:", ""]
        out += [f"- [{'x' if p.get('covered') else ' '}] {_safe(p.get('text', ''))}"
                for p in points]
    for n in t["notes"]:
        out += ["", f"**Coach note ({_safe(n['author'])}):** {_safe(n['note'])}"]
    if t.get("exemplar"):
        out += ["", "**A strong answer:**", "", _quote(t["exemplar"])]
    if t.get("reaction"):
        out += ["", f"*{who}'s reaction:* {_safe(t['reaction'])}"]
    return out
