"""Structure (interview answers): the STAR+L parts, and which one is missing."""

from __future__ import annotations

import re

from trainer.content.models.scenario import STAR_PARTS
from trainer.engine.scoring.scanner import finditer_in, search_in
from trainer.engine.scoring.state import Job

_compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
_NEVER = re.compile(r"(?!)")


def _cues(words: list[str]) -> re.Pattern[str]:
    key = tuple(words)
    if key not in _compiled:
        _compiled[key] = (re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)
                          if words else _NEVER)
    return _compiled[key]


def _first_cue(job: Job, cues: list[str], lo: int = 0) -> re.Match[str] | None:
    """The first cue from ``lo``. Cues anchored at the answer's start ("^I led ...") are
    tried apart: in one alternation with the others they kept re from skipping ahead,
    and the search cost several times as much."""
    anchored = [c for c in cues if c.startswith("^")]
    if lo == 0 and anchored:
        m = search_in(job.text.subject, _cues(anchored))
        if m is not None:
            return m
    return search_in(job.text.subject, _cues([c for c in cues if not c.startswith("^")]), lo)


def star_part(rule, job: Job) -> None:
    """Credit the part when a cue shows it; otherwise report it missing.

    ``params``: ``part`` (its name), ``cues`` (regexes), ``needs_number`` (the
    part counts in full only with a number in its sentence, as a result should),
    ``after`` (a part whose cue must come first, when that part was found),
    ``not_opening`` (a regex: a cue inside what it matches at the answer's start does not
    count, as "I led" in "I led pricing analytics at a grocer" is the role, not an action).
    """
    part = str(rule.params.get("part", rule.id.split(".")[-1]))
    cues = rule.params.get("cues", [])
    asked = job.ctx.parts
    if not cues or (asked is not None and part not in asked):
        return
    # a question that asks for some of the parts is scored out of those parts
    weight = rule.weight * len(STAR_PARTS) / len(asked) if asked else rule.weight
    found_at = job.memo.setdefault("star_at", {})
    after = found_at.get(str(rule.params.get("after", "")))
    if after is None:
        m = _first_cue(job, cues)
        opening = rule.params.get("not_opening")
        if m is not None and opening:
            role = _cues([str(opening)]).match(job.text.clean)
            if role is not None and m.start() < role.end():
                m = _first_cue(job, cues, role.end())
    else:  # not at the start, after another part: cues anchored there cannot match
        m = _after(job, _cues([c for c in cues if not c.startswith("^")]), *after)
    parts = job.stats.setdefault("star", {})
    if m is None:
        parts[part] = False
        job.add(rule, 0, 0, part=part, points=0)
        return
    parts[part] = True
    found_at[part] = (m.end(), job.text.sentence_at(m.start()).end)
    if rule.params.get("needs_number"):
        # the number sits in the cue's sentence, or in the next one after a short lead-in
        # ("It worked. Churn fell to 2.1%."), not in whatever sentence happens to follow
        here = job.text.sentence_index(m.start())
        reach = 1 if job.text.words_in(job.text.sentences[here]) < 8 else 0
        numbered = any(q.is_business for q in job.quantities if m.start() <= q.start
                       and job.text.sentence_index(q.start) - here <= reach)
        if not numbered:
            job.add(rule, m.start(), m.end(), effect="credit", points=weight / 2,
                    message=rule.credit_message, part=part)
            job.add(rule, m.start(), m.end(), points=0,
                    message=str(rule.params.get("no_number_message", "")) or rule.message,
                    part=part)
            return
    job.add(rule, m.start(), m.end(), effect="credit", message=rule.credit_message, part=part,
            points=weight)


def _after(job: Job, cues: re.Pattern[str], end: int, sentence_end: int):
    """A cue after the part it must follow. A result told before any action is the
    situation ("each team kept its own spreadsheet"), and an action's own verbs ("cut
    the report to five numbers") are not how the story ended: look from the next
    sentence on, or later in the same sentence only where a number says what moved."""
    first = None
    for m in finditer_in(job.text.subject, cues, sentence_end):
        # a cue whose own sentence holds a number is the result ("errors fell from 22% to
        # 15%"); a bare "we kept those and dropped the rest" is more action
        sentence = job.text.sentence_at(m.start())
        if any(q.is_business and sentence.start <= q.start < sentence.end
               for q in job.quantities):
            return m
        first = first or m
    if first is not None:
        return first
    m = search_in(job.text.subject, cues, end, sentence_end)
    if m is not None and any(q.is_business and m.start() <= q.start < sentence_end
                             for q in job.quantities):
        return m
    return None
