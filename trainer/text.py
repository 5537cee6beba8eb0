"""Text from outside (a terminal, a pipe, a JSON line) made safe to keep and to show."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Replace lone surrogates (undecodable bytes) with U+FFFD so the text can be stored.

    Python hands bytes that are not UTF-8 over as lone surrogates; SQLite and JSON
    encoders refuse them, and the answer would be lost.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def printable(text: str) -> str:
    """``text`` with control characters shown as symbols, so that an answer can never
    move the cursor, recolour or retitle the user's terminal."""
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 32
                        else "\ufffd", clean(text))
