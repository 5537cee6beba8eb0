"""The written update after an incident meeting, checked for its four parts.

A good incident update says (1) the confirmed impact and since when, (2) the
cause and what is still being checked, (3) the actions with owners and dates
and (4) when the next update comes. Each part is a checklist item with the
sentence that carries it; a missing part is a penalty finding on the ``update``
dimension with a suggestion. The scorer's usual dimensions still apply (a
rambling, jargon-filled update is still one), and the overall score weighs the
four parts a little more than the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.engine.scoring.result import ChecklistItem, DimensionScore, Finding, ScoreResult

PARTS_WEIGHT = 0.6
"""Share of the overall score that comes from the four parts."""

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
          r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?")
_WHEN = re.compile(
    rf"\b(?:{_WEEKDAY}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
    r"|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}(?::\d{2})?\s?(?:am|pm)"
    r"|\d{1,2}:\d{2}|tomorrow|today|tonight|this (?:morning|afternoon|evening|week)"
    r"|end of (?:the )?(?:day|week|month)|eod|eow|next week|midday|noon"
    r"|(?:by|on|until) the \d{1,2}(?:st|nd|rd|th)"
    r"|(?:within|in) (?:\d+|an?|one|two|three|four|five|six|twelve|24|48) "
    r"(?:hours?|days?|weeks?))\b",
    re.IGNORECASE)
_SINCE = re.compile(rf"\b(?:since|from|started|began|starting|as of)\b[^.;\n]{{0,40}}?"
                    rf"(?:{_WHEN.pattern}|\b{_MONTH}\b|\d)|\b(?:since|for the (?:last|past))\b",
                    re.IGNORECASE)
_NUMBER = re.compile(r"[$€£]\s?\d|\d+(?:[.,]\d+)?\s?(?:%|percent|pp|k\b|m\b|million|bn)"
                     r"|\b\d+(?:[.,]\d+)?\b")
_CAUSE = re.compile(r"\b(?:cause[ds]?|because|due to|root cause|triggered|led to|result of|"
                    r"came from|was caused|after (?:the|a|our)|stems? from)\b", re.IGNORECASE)
_OPEN = re.compile(r"\b(?:still (?:checking|investigating|confirming|looking|verifying|working out|"
                   r"assessing|measuring|reviewing)|not yet (?:confirmed|known|clear|sure)|"
                   r"(?:we are|we're|i am|i'm) (?:checking|investigating|confirming|verifying)|"
                   r"under investigation|to be confirmed|tbc|unconfirmed|yet to (?:confirm|verify)|"
                   r"(?:don't|do not) (?:yet )?know|open question|investigating|"
                   r"checking whether)\b",
                   re.IGNORECASE)
_OWNER = re.compile(r"(?:\b(?i:I|I'll|I will|I'm|my team|our team|we|we'll|owner|owned by|"
                    r"lead|DRI)\b|\b[A-Z][a-z]+(?= (?:is |will |to |and |owns |leads |retrains |"
                    r"ships |adds |fixes |runs |checks |reviews |builds |writes |rolls |"
                    r"monitors |deploys |takes |has )|\)|:)"
                    # a name (or a name's team) doing something: "Raj sets up", "Dana's team emails"
                    r"|\b[A-Z][a-z]+(?:'s(?: [a-z]+){1,2})? (?=[a-z]{2,}s\b))")
_ACTION = re.compile(r"\b(?:fix|fixes|fixing|retrain\w*|roll\w* back|rollback|add\w*|ship\w*|"
                     r"deploy\w*|build\w*|review\w*|monitor\w*|alert\w*|patch\w*|restor\w*|"
                     r"backfill\w*|pin\w*|block\w*|migrat\w*|test\w*|run\w*|check\w*|"
                     r"replac\w*|updat\w*|hold\w*|set\w* up|launch\w*|will|action|mov\w*|"
                     r"remov\w*|start\w*|freez\w*|email\w*|send\w*|cancel\w*|clean\w*|"
                     # the everyday verbs of a plan outside software too
                     r"audit\w*|file[sd]?|filing|submit\w*|notif\w*|call\w*|contact\w*|writ\w*|"
                     r"draft\w*|publish\w*|train\w*|hir\w*|book\w*|order\w*|issu\w*|refund\w*|"
                     r"credit\w*|re-?run\w*|verif\w*|validat\w*|inspect\w*|recall\w*|repair\w*|"
                     r"reconcil\w*|calibrat\w*|document\w*|schedul\w*|brief\w*|present\w*|"
                     r"approv\w*|sign\w*|switch\w*|disabl\w*|enabl\w*|rotat\w*|renew\w*|"
                     r"escalat\w*|investigat\w*|trac\w*|reprocess\w*|resend\w*|retr\w*|"
                     r"recover\w*|compar\w*|measur\w*|count\w*|contain\w*|isolat\w*|"
                     r"quarantin\w*|reload\w*|re-?load\w*|correct\w*|repost\w*|reissu\w*)\b",
                     re.IGNORECASE)
_NEXT = re.compile(r"\b(?:next update|(?:i'll|i will|we'll|we will) (?:update|send|write|report|"
                   r"follow up|get back|confirm|share)|update you|hear from (?:me|us)|"
                   r"report back|follow[- ]up|next report|next check-?in|another update|"
                   r"further update|update (?:by|on|at|tomorrow|in))\b", re.IGNORECASE)
# Sentences, semicolon clauses, paragraphs, and lines that open a bullet or a "Label:".
_CLAUSE = re.compile(r"(?<=[.!?;])\s+|\n\s*\n\s*|\n(?=\s*(?:[-*•]|\d+[.)]|[A-Z][\w ]{0,20}:))")


@dataclass(frozen=True)
class Part:
    id: str
    item: str
    missing: str
    suggestion: str


PARTS = (
    Part("impact", "Confirmed impact and since when",
         "The update does not say the confirmed impact with a number and since when.",
         'Open with it: "Since May 2, 5% more customers are misclassified: about '
         '$50,000 of renewals at risk a week."'),
    Part("cause", "Cause, and what is still being checked",
         "The update does not give the cause and what is still being checked.",
         'Say what you know and what you don\'t yet: "Cause: ...; we are still '
         'checking whether other models are affected."'),
    Part("actions", "Actions with owners and dates",
         "No action in the update has both an owner and a date.",
         'Give each action a name and a date: "Priya retrains the model by Thursday."'),
    Part("next_update", "When the next update comes",
         "The update does not say when the next update comes.",
         'End with it: "Next update: Friday 5 pm, or sooner if anything changes."'),
)


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) for each sentence or semicolon clause or line of the text."""
    out, pos = [], 0
    for piece in _CLAUSE.split(text):
        start = text.find(piece, pos)
        if piece.strip():
            out.append((start, piece))
        pos = start + len(piece)
    return out


def find_parts(text: str) -> dict[str, tuple[int, str] | None]:
    """For each part, the (offset, clause) that carries it, or ``None``."""
    parts = clauses(text)

    def first(test) -> tuple[int, str] | None:
        return next(((o, c) for o, c in parts if test(c)), None)

    impact = first(lambda c: _NUMBER.search(c) and _SINCE.search(c))
    if impact is None and _SINCE.search(text):
        impact = first(lambda c: _NUMBER.search(c) and not _WHEN.fullmatch(c.strip()))
    cause = first(lambda c: _CAUSE.search(c))
    still = first(lambda c: _OPEN.search(c))
    def is_action(c: str) -> bool:
        return bool(_ACTION.search(c) and _OWNER.search(c) and _WHEN.search(c))

    # the impact or cause sentence may also hold an owner, a verb and a date ("Since May
    # 2 we have lost..."): an action is looked for elsewhere first
    taken = {impact, cause}
    actions = next(((o, c) for o, c in parts if (o, c) not in taken and is_action(c)),
                   None) or first(is_action)
    next_update = first(lambda c: _NEXT.search(c) and _WHEN.search(c))
    if next_update is None:
        # "Next update: Friday 5 pm." may sit on its own line after a heading.
        next_update = first(lambda c: re.search(r"\bnext\b", c, re.I) and _WHEN.search(c)
                            and re.search(r"\bupdate|report|check-?in\b", c, re.I))
    return {"impact": impact, "cause": cause if cause and still else None, "actions": actions,
            "next_update": next_update, "_cause_only": cause if cause and not still else None}


def score_update(text: str, scorer, ctx) -> ScoreResult:
    """Score a written update: the scorer's dimensions plus the four parts."""
    base = scorer.score(text, ctx)
    found = find_parts(text or "")
    checklist, findings = [], list(base.findings)
    present = 0
    for part in PARTS:
        hit = found[part.id]
        if hit:
            present += 1
            offset, clause = hit
            checklist.append(ChecklistItem(part.item, True, clause.strip()))
            findings.append(Finding(f"update.{part.id}", "update", offset, offset + len(clause),
                                    clause, f"Gives the {part.item.lower()}.", effect="credit",
                                    kind="update", points=25))
            continue
        message = part.missing
        if part.id == "cause" and found["_cause_only"]:
            message = "The update gives a cause but not what is still being checked."
        checklist.append(ChecklistItem(part.item, False, ""))
        findings.append(Finding(f"update.{part.id}", "update", 0, 0, "", message,
                                part.suggestion, kind="update", points=-25))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    parts_score = 25 * present
    dimensions = dict(base.dimensions)
    dimensions["update"] = DimensionScore(parts_score, f"{present} of the 4 parts of an update")
    overall = round(PARTS_WEIGHT * parts_score + (1 - PARTS_WEIGHT) * base.overall)
    return ScoreResult(overall=overall, dimensions=dimensions, findings=findings,
                       checklist=checklist + list(base.checklist), points=[],
                       stats={**base.stats, "update_parts": present}, notes=list(base.notes))
