"""Gathering one stored rehearsal into the plain data every report format shows."""

from __future__ import annotations

from typing import Any

from trainer import __version__
from trainer.engine.conversation.meeting_checklist import over_meeting


def build_report(store: Any, rehearsal_id: int, content: Any = None) -> dict[str, Any]:
    """Transcript, scores (original and as overridden), checklist, findings, exemplars, notes.

    ``overall`` and each turn's ``effective["overall"]`` take the coach's overrides
    into account; ``original_overall`` and each turn's ``scored_overall`` are as scored.

    ``content`` (loaded scenarios) adds the exemplar answers and the persona's name;
    without it, or if the scenario is gone, the report still has everything stored.
    """
    from trainer.store import queries

    row = queries.rehearsal(store, rehearsal_id)
    if row is None:
        raise KeyError(rehearsal_id)
    turns = queries.turns(store, rehearsal_id)
    scenario = getattr(content, "scenarios", {}).get(row.scenario_id) if content else None
    persona_id = row.persona_id or getattr(scenario, "persona", "") or ""
    persona = getattr(content, "personas", {}).get(persona_id) if content else None
    track = track_of(row, scenario, persona_id)
    for t in turns:
        node = scenario.nodes.get(t["node_id"]) if scenario else None
        t["exemplar"] = getattr(node, "exemplar", None) if node else None
        t["highlights"] = segments(t["answer"], t["score"].get("findings", []))
    return {
        "format": "rehearse-report/1",
        "generator": f"rehearse {__version__}",
        "rehearsal": row.to_dict(),
        "scenario": {
            "id": row.scenario_id,
            "title": getattr(scenario, "title", None) or row.scenario_title or row.scenario_id,
            "briefing": getattr(scenario, "briefing", "") or "",
            "track": track,
        },
        "persona": {
            "id": persona_id,
            "name": getattr(persona, "name", "") or persona_id,
            "role": getattr(persona, "role", "") or "",
        },
        "speaker": speaker(track, getattr(persona, "role", "") or ""),
        "overall": row.overall,
        "original_overall": _mean([t["scored_overall"] for t in turns]),
        "dimensions": row.dimensions,
        "original_dimensions": _original_means(turns),
        "checklist": checklist(turns),
        "checklist_note": CHECKLIST_NOTE if any(t["overrides"] for t in turns) else "",
        "turns": turns,
        "written_update": written_update(store, rehearsal_id),
    }


def written_update(store: Any, rehearsal_id: int) -> dict[str, Any] | None:
    """The update written after the meeting, as stored: ``text``, ``overall`` (``None``
    if it was kept unscored), its four-part ``checklist``, ``notes`` and the whole
    ``score``; ``None`` when no update was written."""
    find = getattr(store, "written_update", None)
    found = find(rehearsal_id) if callable(find) else None
    if not found:
        return None
    score = found.get("score") or {}
    return {**found, "checklist": list(score.get("checklist") or []),
            "notes": list(score.get("notes") or [])}


def track_of(row: Any, scenario: Any, persona_id: str) -> str:
    """``interview`` or ``incident``: the scenario's, or, when it is not loaded, what its
    id and its persona's say (the shipped interviews are ``interview-*``, asked by
    ``interviewer-*``)."""
    track = getattr(scenario, "track", None)
    if track:
        return str(track)
    ids = (row.scenario_id or "", persona_id or "")
    return "interview" if any(i.startswith("interview") for i in ids) else "incident"


SPEAKER_MAX = 30
"""A persona's role longer than this is a description, not a name for the speaker."""


def speaker(track: str, role: str = "") -> str:
    """Who asks the questions, as the transcript names them: the persona's role ("Hiring
    manager"), else "Interviewer" in an interview and "CEO" in an incident meeting."""
    role = " ".join(role.split())
    if role and len(role) <= SPEAKER_MAX:
        return role[0].upper() + role[1:]
    return "Interviewer" if track == "interview" else "CEO"


CHECKLIST_NOTE = ("Coach overrides change scores, not this checklist: it is judged from "
                  "the words of the answers, as scored.")
"""Said under the checklist of a reviewed rehearsal, so nobody expects it to move."""


def _mean(values: list) -> int | None:
    values = [v for v in values if isinstance(v, (int, float))]
    return round(sum(values) / len(values)) if values else None


def _original_means(turns: list[dict]) -> dict[str, int]:
    sums: dict[str, list[int]] = {}
    for t in turns:
        for name, dim in (t["score"].get("dimensions") or {}).items():
            if isinstance(dim, dict) and isinstance(dim.get("score"), (int, float)):
                sums.setdefault(name, []).append(dim["score"])
    return {k: round(sum(v) / len(v)) for k, v in sums.items()}


def checklist(turns: list[dict]) -> list[dict[str, Any]]:
    """Each checklist item once, judged over the meeting as the debrief judges it."""
    return over_meeting((t["number"], t["score"].get("checklist") or [],
                         (t["score"].get("stats") or {}).get("weights")) for t in turns)


def segments(answer: str, findings: list[dict]) -> list[dict[str, Any]]:
    """The answer cut into plain and highlighted pieces; overlapping findings keep the first.

    Spans outside the answer are ignored, so a damaged score cannot break a report.
    """
    spans = []
    for f in findings:
        start, end = f.get("start"), f.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(answer):
            spans.append((start, end, f))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    pieces, pos = [], 0
    for start, end, f in spans:
        if start < pos:
            continue
        if start > pos:
            pieces.append({"text": answer[pos:start]})
        pieces.append({"text": answer[start:end], "kind": f.get("kind") or f.get("dimension", ""),
                       "rule": f.get("rule", ""), "message": f.get("message", ""),
                       "effect": f.get("effect", "penalty")})
        pos = end
    if pos < len(answer):
        pieces.append({"text": answer[pos:]})
    return pieces
