"""Evidence as a line to read: long quotes of an answer cut short with an ellipsis.

A checklist item's evidence or a finding's message may quote the answer, and a
pasted answer of thousands of characters would make that quote run over hundreds
of lines. The scores keep every word; the app and the reports show these shortened
lines. Plain Python, no Textual: the reports use it as well as the app.
"""

from __future__ import annotations

import re

QUOTE_MAX = 60
"""Characters of a quoted passage shown before the ellipsis."""
FINDING_QUOTE = 80
"""Characters of the answer a report's finding quotes (the answer itself is in full)."""
LINE_MAX = 200
"""Characters of a whole evidence line at most: two lines at 100 columns, three at 80."""
ELLIPSIS = "…"

# A quoted passage longer than QUOTE_MAX: opened by a quote mark that does not follow
# a letter, closed by the first one that no letter follows (so the apostrophe of
# "team's" neither opens nor closes one, and two quotes are never read as one).
_CLOSE = r"['’”\"](?!\w)"
_QUOTED = re.compile(rf"(?<!\w)(['‘“\"])((?:(?!{_CLOSE}).){{{QUOTE_MAX + 1},}})({_CLOSE})",
                     re.DOTALL)


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks too) made one space."""
    return " ".join(str(text).split())


def shorten(text: str, limit: int = QUOTE_MAX) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters, with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + ELLIPSIS


def clip(text: str, limit: int = LINE_MAX, quote: int = QUOTE_MAX) -> str:
    """An evidence line to show: on one line, each long quoted passage shortened to
    ``quote`` characters, and the whole kept under ``limit`` by cutting its middle,
    so the verdict at its end still shows."""
    text = one_line(text)
    if len(text) <= quote:
        return text
    if len(text) > 20 * limit:  # a pasted essay: only its two ends can show anyway
        text = f"{text[:10 * limit]} {ELLIPSIS} {text[-10 * limit:]}"
    text = _QUOTED.sub(lambda m: f"{m.group(1)}{shorten(m.group(2), quote)}{m.group(3)}", text)
    if len(text) <= limit:
        return text
    keep = limit - len(ELLIPSIS) - 2
    head, tail = text[: keep - keep // 3], text[len(text) - keep // 3:]
    # whole words on both sides of the cut
    if " " in head[len(head) // 2:]:
        head = head[: head.rindex(" ")]
    if " " in tail[: len(tail) // 2]:
        tail = tail[tail.index(" ") + 1:]
    return f"{head.rstrip()} {ELLIPSIS} {tail.lstrip()}"
