"""Shared base for content models: strict, with unknown keys rejected."""

from __future__ import annotations

import re
import warnings
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
"""An identifier: lower case letters, digits, '-', '_' and '.'."""


class Strict(BaseModel):
    """Content models reject unknown keys, so a typo is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def compile_regex(pattern: str, ignorecase: bool = True) -> re.Pattern[str]:
    """Compile a content author's pattern; raise ValueError with a readable reason."""
    try:
        with warnings.catch_warnings():
            # "[[" or "--" inside a class: Python warns that a later version will read it
            # otherwise. Said as a problem with the file's line, not printed as a warning.
            warnings.simplefilter("error", FutureWarning)
            return re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    except re.error as exc:
        raise ValueError(f"regular expression {_quoted(pattern, exc.pos)} does not compile: "
                         f"{exc}") from None
    except FutureWarning as exc:
        raise ValueError(f"regular expression {_quoted(pattern, None)}: {exc}; put a backslash "
                         f"before a '[' or a doubled '-', '&', '~' or '|' inside [...]") from None


_QUOTE_MAX = 120
"""Longer patterns are quoted around the error: a rule's whole alternation runs to pages."""


def _quoted(pattern: str, pos: int | None) -> str:
    if len(pattern) <= _QUOTE_MAX:
        return f"'{pattern}'"
    at = min(max(pos or 0, 0), len(pattern))
    start = max(0, at - _QUOTE_MAX // 2)
    end = min(len(pattern), start + _QUOTE_MAX)
    return (f"'{'...' if start else ''}{pattern[start:end]}{'...' if end < len(pattern) else ''}'"
            f" (characters {start}-{end} of {len(pattern)})")


def _compiles(pattern: str) -> str:
    compile_regex(pattern)
    return pattern


def _compiles_as_token(pattern: str) -> str:
    """A token is compiled on its own for the message, then as the engine uses it: one
    alternative of a pattern matched on word boundaries (where ``(?i)`` cannot stand)."""
    compile_regex(pattern)
    if "(?" not in pattern:
        return pattern  # only an inline flag compiles alone but not inside the whole
    try:
        re.compile(rf"\b(?:{pattern})(?![\w])")
    except re.error as exc:
        why = re.sub(r" at position \d+$", "", str(exc))
        hint = (" (write the flag as '(?i:...)' around the words it applies to)"
                if "flags" in why else "")
        raise ValueError(f"regular expression '{pattern}' cannot be one of the rule's "
                         f"phrases: {why}{hint}") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]
"""A regular expression, checked when the file is read (each list item on its own line)."""
Token = Annotated[str, AfterValidator(_compiles_as_token)]
"""A phrase of an existence or substitution rule: a regex joined with the others."""
