"""Shared base for content models: strict, with unknown keys rejected."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
"""An identifier: lower case letters, digits, '-', '_' and '.'."""


class Strict(BaseModel):
    """Content models reject unknown keys, so a typo is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def compile_regex(pattern: str, ignorecase: bool = True) -> re.Pattern[str]:
    """Compile a content author's pattern; raise ValueError with a readable reason."""
    try:
        return re.compile(pattern, re.IGNORECASE if ignorecase else 0)
    except re.error as exc:
        raise ValueError(f"regular expression {pattern!r} does not compile: {exc}") from None
