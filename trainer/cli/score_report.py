"""The readable report of `rehearse score`: scores, the answer with its spans, the checklist.

Every line that wraps hangs under its own text, not under the margin. A dimension's line
lists what moved its score; a finding that cost nothing (a STAR+L part left out, which
earns nothing rather than losing points) is said under it as a note, not as "-0".
"""

from __future__ import annotations

import re
import textwrap

from rich.console import Console
from rich.text import Text

from trainer.engine.scoring.result import DimensionScore, Finding, ScoreResult
from trainer.text import printable

_STYLES = {
    "jargon": "bold magenta", "hedge": "bold yellow", "blame": "bold red", "passive": "red",
    "filler": "yellow", "apology": "yellow", "alarm": "bold red", "vague": "bold yellow",
    "number": "bold green", "ownership": "green", "solution": "green", "follow_up": "green",
    "kpi": "green", "calibrated": "green", "structure": "cyan",
}
_SCALED = re.compile(r"; (x\d+(?:\.\d+)? for a very short answer)$")
"""The note the scorer adds to every summary of a very short answer."""
NOTHING = "nothing found either way"
MIN_WIDTH = 40


def print_report(answer: str, result: ScoreResult, console: Console | None = None) -> None:
    """Print the result; colours only when the output is a terminal (rich decides)."""
    console = console or Console(highlight=False)
    width = max(MIN_WIDTH, console.width)
    console.print(f"[bold]Overall {result.overall}/100[/bold]")
    for name, dim in result.dimensions.items():
        head = f"  {name:<11} {dim.score:>3}  "
        parts, notes = summary_parts(name, dim, result.findings)
        _say(console, head, "; ".join(parts), width)
        for note in notes:
            _say(console, " " * len(head) + "note: ", note, width)
    console.print()
    shown = answer[: len(answer)] if len(answer) <= 20_000 else answer[:20_000]
    text = Text(printable(shown))  # same length: the spans still line up
    for f in result.findings:
        if f.end > f.start:
            style = _STYLES.get(f.kind, "bold" if f.effect == "penalty" else "green")
            if f.effect == "penalty":
                style += " underline"
            text.stylize(style, f.start, f.end)
    console.print(text)
    console.print()
    penalties = [f for f in result.findings if f.effect == "penalty"]
    if penalties:
        console.print("[bold]To work on[/bold]")
    for f in penalties:
        quoted = f"'{f.text.strip()[:60]}'"
        # most messages quote what they matched already: say it once
        where = f"{quoted} " if f.text.strip() and quoted not in f.message else ""
        _say(console, "  - ", f"{f.rule}: {where}{f.message}", width)
        if f.suggestion:
            _say(console, "      try: ", f.suggestion, width)
    console.print("[bold]Checklist[/bold]")
    for item in result.checklist:
        mark, style = ("pass", "green") if item.passed else ("miss", "red")
        _say(console, f"  {mark} ", f"{item.item}: {item.evidence}", width, (2, 6, style))
    stats = result.stats
    _say(console, "", f"{stats.get('words', 0)} words, about {stats.get('speaking_seconds', 0)} s "
                      f"spoken (budget {stats.get('budget', 0)} words)", width)
    for note in result.notes:
        _say(console, "note: ", note, width)


def _say(console: Console, head: str, body: str, width: int,
         mark: tuple[int, int, str] | None = None) -> None:
    """``head`` then ``body``, wrapped to ``width`` with every further line indented as
    far as the body starts; ``mark`` styles a span of the first line."""
    indent = " " * min(len(head), width // 2)
    lines = textwrap.wrap(printable(body), width, initial_indent=head, subsequent_indent=indent,
                          break_on_hyphens=False) or [head.rstrip()]
    for n, line in enumerate(lines):
        text = Text(line)
        if mark is not None and n == 0:
            text.stylize(mark[2], mark[0], mark[1])
        console.print(text, soft_wrap=True)


def summary_parts(name: str, dim: DimensionScore, findings: list[Finding],
                  with_zero: bool = False) -> tuple[list[str], list[str]]:
    """What moved a dimension's score, as the scorer's summary says it ("-24 hedge x2
    ('I think', 'maybe')", costs first, then credits), and the notes: penalties that cost
    nothing. ``with_zero`` keeps those among the parts, as the scorer's summary has them."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.dimension == name:
            groups.setdefault((f.effect, f.rule), []).append(f)
    costs, gains, notes = [], [], []
    for (effect, rule), items in groups.items():
        points = round(sum(f.points for f in items))
        if effect == "penalty":
            if points or with_zero:
                costs.append(_part("-", points, rule, items))
            if not points:
                notes.extend(_note(f) for f in items)
        else:
            gains.append(_part("+", points, rule, items))
    parts = (costs + gains) or [NOTHING]
    scaled = _SCALED.search(dim.summary)
    if scaled:
        parts.append(scaled.group(1))
    return parts, list(dict.fromkeys(notes))


def _part(sign: str, points: int, rule: str, items: list[Finding]) -> str:
    """One rule's share: "-24 hedge x2 ('I think', 'maybe')"; up to three quotes, each on
    one line and at most 40 characters."""
    quoted = []
    for f in items:
        words = f.text.split()
        if words:
            quote = " ".join(words)
            quoted.append(f"'{quote}'" if len(quote) <= 40 else f"'{quote[:39]}…'")
            if len(quoted) == 3:
                break
    label = rule.split(".", 1)[-1].replace("_", " ")
    head = f"{sign}{points} {label}" + (f" x{len(items)}" if len(items) > 1 else "")
    if quoted:
        return f"{head} ({', '.join(quoted)})"
    # nothing to quote (a part left out): the penalty's message says what is missing
    return f"{sign}{points} {items[0].message.rstrip('.')}" if sign == "-" else head


def _note(f: Finding) -> str:
    """A penalty that cost nothing, said plainly: "'recovered': The result has no number"."""
    message = f.message.rstrip()
    quote = " ".join(f.text.split())
    if quote and f"'{quote}'" not in message:
        quote = quote if len(quote) <= 40 else quote[:39] + "…"
        return f"'{quote}': {message}"
    return message
