"""Plain-text tables and dates for the history commands."""

from __future__ import annotations

import textwrap

from trainer.reports.dates import local_date

__all__ = ["SHORT", "fit_columns", "local_date", "render", "render_fit", "score"]

SHORT = {
    "brevity": "brev", "impact": "impact", "ownership": "own", "jargon": "jargon",
    "confidence": "conf", "solution": "solut", "follow_up": "follow", "structure": "struct",
    "accuracy": "accur", "tailoring": "tailor",
}


GAP = 2
"""Spaces between two columns."""


def _natural(headers: list[str], rows: list[list[str]]) -> list[int]:
    return [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]


def render(headers: list[str], rows: list[list[str]], right: set[int] | None = None,
           widths: list[int] | None = None) -> str:
    """Columns padded to their widest cell; numeric columns (``right``) aligned right.

    With ``widths``, a cell wider than its column wraps onto the lines below it.
    """
    right = right or set()
    widths = widths or _natural(headers, rows)

    def lines(cells: list[str]) -> list[str]:
        parts = [textwrap.wrap(c, w) or [""] if len(c) > w else [c]
                 for c, w in zip(cells, widths, strict=True)]
        return ["  ".join((p[k] if k < len(p) else "").rjust(w) if i in right
                          else (p[k] if k < len(p) else "").ljust(w)
                          for i, (p, w) in enumerate(zip(parts, widths, strict=True))).rstrip()
                for k in range(max(len(p) for p in parts))]

    out = lines(headers) + lines(["-" * w for w in widths])
    for r in rows:
        out += lines(r)
    return "\n".join(out)


def fit_columns(widths: list[int], width: int, keep: int = 1, gap: int = GAP,
                floor: int = 12) -> tuple[list[int], list[list[int]]]:
    """How a table of columns ``widths`` fits in ``width`` characters without losing one.

    Returns the widths of the first ``keep`` columns (the names, repeated in every
    block) and the other columns' indexes, one list per block of the table: as few
    blocks as the width allows, stacked one under the other, and in them the first
    column as wide as it can be for that many (its cells wrap when narrower than
    its widest, down to ``floor``). ``width`` 0 means no limit.
    """
    n = len(widths)
    others = list(range(keep, n))
    if width <= 0 or sum(widths) + gap * (n - 1) <= width:
        return widths[:keep], [others]

    def blocks(first: int) -> tuple[list[list[int]], bool]:
        """The blocks with the first column ``first`` wide, and whether each fits."""
        start = first + sum(widths[1:keep]) + gap * (keep - 1)
        out: list[list[int]] = [[]]
        used, fits = start, True
        for i in others:
            if out[-1] and used + gap + widths[i] > width:
                out.append([])
                used = start
            out[-1].append(i)
            used += gap + widths[i]
            fits = fits and used <= width
        return out, fits

    narrowest = min(widths[0], floor)
    fewest = len(blocks(narrowest)[0])
    for first in range(widths[0], narrowest - 1, -1):
        found, fits = blocks(first)
        if fits and len(found) == fewest:
            return [first] + widths[1:keep], found
    return [narrowest] + widths[1:keep], blocks(narrowest)[0]  # too narrow for any column


def render_fit(headers: list[str], rows: list[list[str]], right: set[int] | None = None,
               width: int = 0, keep: int = 1) -> str:
    """``render`` within ``width`` characters, every cell kept: the first column's cells
    wrap, then the other columns go into blocks under each other, each block starting
    with the first ``keep`` columns again (see ``fit_columns``)."""
    right = right or set()
    natural = _natural(headers, rows)
    key, groups = fit_columns(natural, width, keep)
    out = []
    for group in groups:
        cols = list(range(keep)) + group
        out.append(render([headers[i] for i in cols], [[r[i] for i in cols] for r in rows],
                          {j for j, i in enumerate(cols) if i in right},
                          key + [natural[i] for i in group]))
    return "\n\n".join(out)


def score(value: int | None) -> str:
    return "-" if value is None else str(value)
