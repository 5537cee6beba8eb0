"""The readable report of `rehearse score`: scores, the answer with its spans, the checklist."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from trainer.engine.scoring.result import ScoreResult
from trainer.text import printable

_STYLES = {
    "jargon": "bold magenta", "hedge": "bold yellow", "blame": "bold red", "passive": "red",
    "filler": "yellow", "apology": "yellow", "alarm": "bold red", "vague": "bold yellow",
    "number": "bold green", "ownership": "green", "solution": "green", "follow_up": "green",
    "kpi": "green", "calibrated": "green", "structure": "cyan",
}


def print_report(answer: str, result: ScoreResult, console: Console | None = None) -> None:
    """Print the result; colours only when the output is a terminal (rich decides)."""
    console = console or Console(highlight=False)
    console.print(f"[bold]Overall {result.overall}/100[/bold]")
    for name, dim in result.dimensions.items():
        console.print(printable(f"  {name:<11} {dim.score:>3}  {dim.summary}"), markup=False)
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
        line = f"  - {f.rule}: {where}{f.message}"
        if f.suggestion:
            line += f"\n      try: {f.suggestion}"
        console.print(printable(line), markup=False)
    console.print("[bold]Checklist[/bold]")
    for item in result.checklist:
        mark = "[green]pass[/green]" if item.passed else "[red]miss[/red]"
        console.print(f"  {mark} {item.item}: ", end="")
        console.print(printable(item.evidence), markup=False)
    stats = result.stats
    console.print(f"{stats.get('words', 0)} words, about {stats.get('speaking_seconds', 0)} s "
                  f"spoken (budget {stats.get('budget', 0)} words)", markup=False)
    for note in result.notes:
        console.print(printable(f"note: {note}"), markup=False)
