"""The seed's nuance checklist, each item passed or not, with its evidence."""

from __future__ import annotations

from trainer.engine.scoring.aggregate import FindingGroups
from trainer.engine.scoring.result import ChecklistItem, DimensionScore, Finding

ITEMS = ("Brevity", "Ownership and accountability", "Solution-oriented",
         "Confidence and composure", "Respect for time", "The CEO's priorities", "Follow-up")


def _short(words: int) -> str:
    """Why a fault-free but very short answer still fails an item, or ''."""
    return f"only {words} word(s), too little to judge" if words < 15 else ""


def quoted(text: str, limit: int = 60) -> str:
    """A finding's words as evidence quotes them: a pasted page is cut, not quoted whole."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _evidence(f: Finding | None, fallback: str) -> str:
    if f is None:
        return fallback
    return f"'{quoted(f.text)}': {f.message}" if f.text.strip() else f.message


def _partial(item: str, passed: bool, found: Finding | None, missing: str) -> ChecklistItem:
    """An item judged on credits: what was found, or, short of a pass, what is missing."""
    if passed or found is None:
        return ChecklistItem(item, passed, _evidence(found, missing))
    return ChecklistItem(item, passed, f"only '{quoted(found.text)}'; {missing}")


def build_checklist(scores: dict[str, DimensionScore], groups: FindingGroups,
                    stats: dict, track: str = "incident") -> list[ChecklistItem]:
    def score(d: str) -> int:
        return scores[d].score if d in scores else 0

    first = groups.first
    items = []
    words, budget = stats.get("words", 0), stats.get("budget", 0)
    seconds = stats.get("speaking_seconds", 0)
    bad = first("brevity", "penalty")
    brief = score("brevity") >= 70
    size = f"{words} words against a budget of {budget}"
    # a pass shows what passed, and a fault it survived only as something to watch
    items.append(ChecklistItem(ITEMS[0], brief, (
        f"{size}; to watch: {_evidence(bad, '')}" if brief and bad
        else f"{size}; the point comes first" if brief else _evidence(bad, size))))

    blame = first("ownership", "penalty")
    owned = first("ownership", "credit", "ownership.accountability") or \
        first("ownership", "credit")
    passed = score("ownership") >= 70 and blame is None
    if blame is not None:
        evidence = _evidence(blame, "")
    elif owned is None:
        evidence = _short(words) or "no first-person ownership found"
    elif passed and owned.rule == "ownership.first_person":
        evidence = f"says '{quoted(owned.text)}' and points at no one else"
    elif passed:
        evidence = _evidence(owned, "")
    else:  # "we" alone is not taking it on
        evidence = f"'{quoted(owned.text)}' is a start, but nothing says it is yours to fix"
    items.append(ChecklistItem(ITEMS[1], passed, evidence))

    plan = first("solution", "credit")
    gap = first("solution", "penalty")
    if score("solution") >= 60:
        evidence = _evidence(plan, "")
    elif gap is not None or plan is None:
        evidence = _evidence(gap, "no action, option or recommendation found")
    else:  # some credit, not enough of a plan
        evidence = f"only '{quoted(plan.text)}' so far; say what you do first and by when"
    items.append(ChecklistItem(ITEMS[2], score("solution") >= 60, evidence))

    shaky = first("confidence", "penalty")
    composed = score("confidence") >= 70 and shaky is None or score("confidence") >= 80
    items.append(ChecklistItem(ITEMS[3], composed, _evidence(
        shaky, "no vague hedge, apology or alarm word" if composed
        else _short(words) or f"confidence scored {score('confidence')} of 100")))

    over = words > budget * 1.1 if budget else False
    fillers = stats.get("fillers", 0)
    on_time = not over and fillers <= max(1, words // 20) and words >= min(15, budget)
    items.append(ChecklistItem(ITEMS[4], on_time, (
        f"about {seconds} s spoken for a {stats.get('budget_seconds', 0)} s budget"
        + (f"; {fillers} filler(s)" if fillers else "")
        + (f"; {_short(words)}" if words < min(15, budget) else ""))))

    # the seed's "CEO's priorities" are the interviewer's in an interview
    priorities = "The interviewer's priorities" if track == "interview" else ITEMS[5]
    if "tailoring" in scores:
        listener = "the interviewer" if track == "interview" else "the CEO"
        items.append(_partial(priorities, score("tailoring") >= 60, first("tailoring", "credit"),
                              f"nothing about the priorities {listener} cares about"))
    else:
        money = first("impact", "credit", "impact.business_metric") or \
            first("impact", "credit")
        items.append(_partial(priorities, score("impact") >= 60, money,
                              "no business impact put in numbers"))

    if "follow_up" not in scores:  # an interview answer: nothing to follow up
        return items
    dated = first("follow_up", "credit", "follow_up.dated") or first("follow_up", "credit")
    items.append(ChecklistItem(ITEMS[6], score("follow_up") >= 70, _evidence(
        first("follow_up", "penalty") if score("follow_up") < 70 else dated,
        "no promise of an update")))
    return items
