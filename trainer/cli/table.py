"""Plain-text tables and dates for the history commands."""

from __future__ import annotations

from trainer.reports.dates import local_date

__all__ = ["SHORT", "local_date", "render", "score"]

SHORT = {
    "brevity": "brev", "impact": "impact", "ownership": "own", "jargon": "jargon",
    "confidence": "conf", "solution": "solut", "follow_up": "follow", "structure": "struct",
    "accuracy": "accur", "tailoring": "tailor",
}


def render(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """Columns padded to their widest cell; numeric columns (``right``) aligned right."""
    right = right or set()
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def score(value: int | None) -> str:
    return "-" if value is None else str(value)
