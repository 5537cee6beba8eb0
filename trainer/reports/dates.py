"""Showing stored UTC times in the reader's time zone."""

from __future__ import annotations

from datetime import datetime


def local_date(iso: str | None) -> str:
    """``2024-05-01 14:03`` in the local time zone, from stored UTC text."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16]
