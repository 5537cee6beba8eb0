"""Wording shared by the Markdown and HTML reports about the coach's overrides."""

from __future__ import annotations


def _num(value) -> str:
    return "-" if value is None else str(value)


def as_scored(report: dict) -> str:
    """`` (as scored 68; coach overrides applied)`` when overrides moved the overall."""
    original = report.get("original_overall")
    if original is None or original == report["overall"]:
        return ""
    return f" (as scored {original}; coach overrides applied)"


def turn_overall(t: dict) -> str:
    """A turn's overall as the coach's overrides left it, with the scored one if they moved it."""
    now = t["effective"].get("overall", t["score"].get("overall"))
    scored = t.get("scored_overall", now)
    return _num(now) if now == scored else f"{_num(now)} (scored {_num(scored)})"


def override_status(o: dict) -> str:
    """Marks an override that no longer applies: a later one of its dimension replaced it."""
    if o.get("in_effect", True):
        return ""
    return " (replaced)" if o.get("original") is not None else " (not applied: not scored)"
