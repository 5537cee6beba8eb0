"""The report as one self-contained HTML page: inline CSS, no script, no external resource.

Everything that comes from the user or the database passes through ``_e``
(``html.escape``), so an answer such as ``<script>alert(1)</script>`` is shown
as text. Finding kinds become CSS class names only after being reduced to
letters, digits and dashes.
"""

from __future__ import annotations

import html
import re

from trainer.reports.clip import FINDING_QUOTE, clip, shorten
from trainer.reports.dates import local_date
from trainer.reports.labels import as_scored, override_status, turn_overall

CSS = """
:root { color-scheme: light dark; --fg:#1d1f21; --bg:#fdfdfc; --muted:#5f6368; --line:#d9dce0;
  --good:#1e7b34; --bad:#b3261e; --card:#f3f4f6; }
@media (prefers-color-scheme: dark) { :root { --fg:#e8eaed; --bg:#17191c; --muted:#9aa0a6;
  --line:#3c4043; --good:#81c995; --bad:#f28b82; --card:#202327; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .meta { color: var(--muted); }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .75rem; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.overall { font-size: 1.6rem; font-weight: 600; }
.turn { background: var(--card); border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0; }
.ceo { font-weight: 600; } blockquote { margin: .5rem 0; padding-left: .75rem;
  border-left: 3px solid var(--line); white-space: pre-wrap; }
.pass { color: var(--good); } .fail { color: var(--bad); }
mark { border-radius: .2rem; padding: 0 .1rem; background: #fff3b0; color: #1d1f21; }
mark.jargon { background: #ffd8a8; } mark.hedge { background: #d0ebff; }
mark.blame { background: #ffc9c9; } mark.number { background: #d3f9d8; }
mark.filler { background: #e9ecef; } mark.ownership { background: #c3fae8; }
mark.credit { outline: 1px solid var(--good); }
.note { border-left: 3px solid var(--good); padding-left: .75rem; }
.override { color: var(--bad); } .exemplar blockquote { border-color: var(--good); }
ul.findings { margin: .25rem 0; }
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _css_class(kind: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", str(kind).lower().replace("_", "-"))[:30] or "finding"


def to_html(report: dict) -> str:
    r, sc, pe = report["rehearsal"], report["scenario"], report["persona"]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No script may run and nothing may load from elsewhere, whatever the page holds.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{_e(sc['title'])} — {_e(r['participant'])}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{_e(sc['title'])}</h1>",
        f"<p class=\"meta\">{_e(r['participant'])} · {_e(local_date(r['started_at']))} · "
        f"with {_e(pe['name'])}{' (' + _e(pe['role']) + ')' if pe['role'] else ''} · "
        f"{_e(r['status'])}{', ' + _e(r['outcome']) if r['outcome'] else ''} · "
        f"rehearsal {_e(r['id'])}, seed {_e(r['seed'])}, {_e(r['mode'])} mode</p>",
        f"<p class=\"overall\">Overall {_e(_num(report['overall']))}/100</p>"
        + (f"<p class=\"meta\">{_e(as_scored(report).strip())}</p>" if as_scored(report)
           else ""),
        _scores(report), _checklist(report["checklist"], report.get("checklist_note", "")),
        "<h2>Transcript</h2>",
    ]
    parts += [_turn(t, report.get("speaker") or "CEO") for t in report["turns"]]
    parts.append(_written_update(report.get("written_update")))
    parts.append(f"<p class=\"meta\">{_e(report['generator'])}</p></body></html>")
    return "\n".join(parts) + "\n"


def _num(value) -> str:
    return "-" if value is None else str(value)


def _scores(report: dict) -> str:
    orig = report["original_dimensions"]
    rows = "".join(
        f"<tr><td>{_e(k.replace('_', ' '))}</td><td class=n>{_e(v)}</td>"
        f"<td class=n>{_e(_num(orig.get(k)))}</td></tr>"
        for k, v in report["dimensions"].items())
    return ("<table><tr><th>Dimension</th><th class=n>Score</th><th class=n>As scored</th></tr>"
            f"{rows}</table>")


def _checklist(items: list[dict], note: str = "") -> str:
    if not items:
        return ""
    lis = "".join(
        f"<li class=\"{'pass' if c['met'] else 'fail'}\">{'✓' if c['met'] else '✗'} "
        f"{_e(c['item'])} ({c['passed']} of {c['of']})"
        f"{' — “' + _e(clip(c['evidence'])) + '”' if c['evidence'] else ''}</li>"
        for c in items)
    note = f"<p class=\"meta\"><i>{_e(note)}</i></p>" if note else ""
    return f"<h2>Checklist</h2><ul>{lis}</ul>{note}"


def _written_update(update: dict | None) -> str:
    """The update written after the meeting: its score, its parts, and its text."""
    if not update:
        return ""
    score = "not scored" if update.get("overall") is None else f"{update['overall']}/100"
    lis = "".join(
        f"<li class=\"{'pass' if c.get('passed') else 'fail'}\">"
        f"{'✓' if c.get('passed') else '✗'} {_e(c.get('item'))}"
        f"{' — “' + _e(clip(c['evidence'])) + '”' if c.get('evidence') else ''}</li>"
        for c in update.get("checklist") or [])
    notes = "".join(f"<p class=\"meta\"><i>Note: {_e(n)}</i></p>"
                    for n in update.get("notes") or [])
    return (f"<section class=\"update\"><h2>Written update</h2>"
            f"<p class=\"overall\">Score {_e(score)}</p>"
            + (f"<ul>{lis}</ul>" if lis else "") + notes
            + f"<blockquote class=\"answer\">{_e(update.get('text'))}</blockquote></section>")


def _answer(t: dict) -> str:
    out = []
    for piece in t["highlights"]:
        if "kind" not in piece:
            out.append(_e(piece["text"]))
            continue
        cls = _css_class(piece["kind"]) + (" credit" if piece.get("effect") == "credit" else "")
        out.append(f"<mark class=\"{cls}\" title=\"{_e(piece.get('message'))}\">"
                   f"{_e(piece['text'])}</mark>")
    return "".join(out)


def _turn(t: dict, who: str = "CEO") -> str:
    """One turn; ``who`` names the one asking (the persona's role, or CEO/Interviewer)."""
    score = t["score"]
    dims = ", ".join(f"{_e(k.replace('_', ' '))} {_e(v.get('score'))}"
                     for k, v in (score.get("dimensions") or {}).items())
    parts = [f"<section class=\"turn\"><h3>Turn {_e(t['number'])}</h3>",
             f"<p class=\"ceo\">{_e(who)}: {_e(t['ceo'])}</p>",
             f"<blockquote class=\"answer\">{_answer(t)}</blockquote>",
             f"<p>Score {_e(turn_overall(t))}: {dims}</p>"]
    parts += [f"<p class=\"meta\"><i>Note: {_e(n)}</i></p>" for n in score.get("notes") or []]
    for o in t["overrides"]:
        parts.append(f"<p class=\"override\">Coach override by {_e(o['author'])}: "
                     f"{_e(o['dimension'])} {_e(_num(o['original']))} → {_e(o['score'])} — "
                     f"{_e(o['reason'])}{_e(override_status(o))}</p>")
    findings = score.get("findings") or []
    if findings:
        lis = "".join(
            f"<li>{'+' if f.get('effect') == 'credit' else '−'} "
            f"<b>{_e(f.get('kind') or f.get('dimension'))}</b> "
            f"{_quote(f.get('text') or '')}"
            f"{_e(clip(f.get('message') or ''))}"
            f"{' Try: ' + _e(f['suggestion']) if f.get('suggestion') else ''}"
            "</li>" for f in findings)
        parts.append(f"<ul class=\"findings\">{lis}</ul>")
    points = score.get("points") or []
    if points:
        lis = "".join(f"<li class=\"{'pass' if p.get('covered') else 'fail'}\">"
                      f"{'covered' if p.get('covered') else 'missing'}: {_e(p.get('text'))}</li>"
                      for p in points)
        parts.append(f"<p>Talking points</p><ul>{lis}</ul>")
    for n in t["notes"]:
        parts.append(f"<p class=\"note\"><b>Coach note ({_e(n['author'])}):</b> "
                     f"{_e(n['note'])}</p>")
    if t.get("exemplar"):
        parts.append(f"<div class=\"exemplar\"><p>A strong answer</p>"
                     f"<blockquote>{_e(t['exemplar'])}</blockquote></div>")
    if t.get("reaction"):
        parts.append(f"<p><i>{_e(who)}'s reaction: {_e(t['reaction'])}</i></p>")
    parts.append("</section>")
    return "\n".join(parts)


def _quote(text: str) -> str:
    """A finding's words in quotes; none for a finding about the whole answer."""
    text = text.strip()
    return f"“{_e(shorten(text, FINDING_QUOTE))}”: " if text else ""
