"""Whether a jargon term is explained where it is used, so a CEO can follow it."""

from __future__ import annotations

import re

# Right after the term: "X, meaning ...", "X (that is ...)", "X - changes in ...", "X: the ..."
_AFTER = re.compile(
    r"^[\"'”’]?\s*(?:\)\s*)?"
    r"(?:[,(:;]|\s[-–—]|[–—])?\s*"
    r"(?:meaning|which means|which is|which are|that is|that means|i\.?\s?e\.?|in other words|"
    r"in plain (?:english|terms|words)|put simply|simply put|or in plain|basically|essentially|"
    r"a fancy (?:way|word|term)|a (?:technical )?(?:term|name|word) for|where|think of it as|"
    r"or|aka|also called|otherwise known as)\b"
    r"|^\s*(?:\(|\s[-–—]\s|[–—]\s?|:\s)\s*[a-z]"
    # "X, the time it takes to ...", "X check, a test that ..." (an appositive); not
    # "X stalled, the team ...", where X is the subject of a clause and a new one follows
    r"|^(?!(?:\s+[\w-]+){0,1}\s+(?:[\w-]{2,}[^e\W]ed|broke|went|fell|ran|grew|rose|hit|got|"
    r"kept|was|were|is|are|has|had|did|does)\b)(?:\s+[\w-]+){0,2},\s+(?:a|an|the|or|i\.e\.|meaning)\s"
    # "X checks that show why ...", "X, which tells us ..."
    r"|^(?:\s+[\w-]+){0,2},?\s+(?:that|which|who)\s+(?:shows?|tells?|means?|measures?|checks?|"
    r"lets?|makes?|helps?|picks?|compares?|catches?|moves?|turns?|spots?|explains?|predicts?|"
    r"decides?|splits?|counts?|keeps?|stops?|flags?)\b",
    re.IGNORECASE,
)
# Just before the term: "what we call X", "known as X", "so-called X"
_NAMING = (*(f"what {who} {verb}" for who in ("we", "engineers", "data scientists", "the team",
                                              "people", "analysts") for verb in ("call", "calls")),
           "known as", "so-called", "is called", "it's called", "we call it", "we call this",
           "we call that", "the term")
_QUOTES = ('"', "'", "“", "‘")
_BEFORE = re.compile(f"(?:{'|'.join(map(re.escape, _NAMING))})\\s*[{''.join(_QUOTES)}]?$",
                     re.IGNORECASE)
# The sentence after: "In other words, ...", "That means ..."
_NEXT = re.compile(
    r"^\W*(?:in other words|that means|this means|put simply|simply put|in plain (?:english|terms)|"
    r"meaning|basically|i\.?\s?e\.?)\b",
    re.IGNORECASE,
)


# A sentence that opens with the term and defines it: "DNS is the internet's address
# book", "A canary is like a test flight". Only at the start, where the term is the
# subject: "the cause is a DNS problem" explains nothing.
_DEFINES = re.compile(
    r"^\s+(?:is|are)\s+(?:like\s+|basically\s+|essentially\s+|just\s+|simply\s+)?"
    r"(?:the|a|an|like|how|what|where|when)\s", re.IGNORECASE)
_OPENS = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)(?:(?:the|a|an|our)\s+)?$", re.IGNORECASE)


def is_explained(text: str, start: int, end: int, next_sentence: str = "") -> bool:
    """True when the words around ``text[start:end]`` explain it in plain language."""
    after = text[end:end + 60]
    if _AFTER.search(after):
        return True
    if _DEFINES.search(after) and _OPENS.search(text[max(0, start - 8):start]):
        return True
    if _named_before(text[max(0, start - 40):start]):
        return True
    return bool(next_sentence and _NEXT.search(next_sentence))


def _named_before(before: str) -> bool:
    """Whether ``before`` ends with a naming phrase, spaces and maybe a quote: what
    ``_BEFORE`` finds, told by ``endswith`` where the text is ASCII (searching ``_BEFORE``
    at every character was most of the time spent here)."""
    if not before.isascii():
        return bool(_BEFORE.search(before))  # IGNORECASE equates some letters beyond ASCII
    tail = before[:-1] if before.endswith("\n") else before  # "$" may stand before a last "\n"
    if tail.endswith(_QUOTES):
        tail = tail[:-1]
    return tail.rstrip().lower().endswith(_NAMING)
