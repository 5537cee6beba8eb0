"""Impact, ownership, solution and follow-up measures that look at numbers and other findings."""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from trainer.engine.scoring.measures.briefing import fact_text
from trainer.engine.scoring.measures.patterns import reads_with
from trainer.engine.scoring.quantities import TIME_EXPRESSION, TIME_FRAME, by_first_letter
from trainer.engine.scoring.scanner import Scanner, finditer_in, search_in
from trainer.engine.scoring.state import Job

# "I think" or "I'm sorry" is not someone acting, so those do not count as agency.
# Searched, not read from the start index: the measure wants only the first few, and
# the index would try it at every "I" and "we".
_FIRST_PERSON = re.compile(
    # not the one acted upon in someone else's failing: "without telling us", "told me"
    r"(?<!telling )(?<!told )(?<!warn )(?<!warned )(?<!warning )(?<!inform )(?<!informed )"
    r"(?<!informing )(?<!asking )(?<!consulting )"
    r"\b(?:I|we|my|our|us|me)(?:['’](?:m|ve|ll|d|re))?\b"
    r"(?!\s+(?:really\s+|so\s+|just\s+)?(?:think|guess|suppose|hope|believe|feel|mean|"
    r"don't know|am sorry|am not sure))(?!['’]m (?:really |so |very )?(?:sorry|not sure))",
    re.IGNORECASE)
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|so|then)\b|[;:]|\s[-\u2013\u2014]\s|\u2014")
"""Where a clause of its own starts: a time before it belongs to that other clause."""
_NOT_ITS_TIME = re.compile(r"[:;]|\b(?:once|as soon as|as we|if|until|whenever)\b", re.IGNORECASE)
"""Between a promise and a later time: the time then belongs to a condition or a list."""
_LABEL = re.compile(r"\s*:\s*")
"""Only a colon between the promise and its time: "Next update: Thursday 5 pm"."""
_CLOCK_OR_DAY = re.compile(r"(?:by|before|on|at|until|no later than)\s", re.IGNORECASE)
"""A deadline said with its preposition ("by Friday") still dates the promise."""
_ASKS_WHEN = re.compile(r"\b(?:when|how soon|what time|by what time)\b", re.IGNORECASE)
"""A question asking for a time: "When will I hear from you next?"."""
_TIME_FRAME = Scanner.of_pattern(TIME_FRAME.pattern, TIME_FRAME.flags)
"""Read from the scorer's start index: a scan of its own walked the whole answer."""
_compiled: dict[tuple[str, ...], re.Pattern[str]] = {}


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    """A rule's regex parameter, compiled once."""
    return re.compile(pattern, re.IGNORECASE)


def _words_regex(words: list[str]) -> re.Pattern[str]:
    key = tuple(words)
    if key not in _compiled:
        body = by_first_letter([re.escape(w) for w in sorted(words, key=len, reverse=True)])
        _compiled[key] = re.compile(rf"(?<!\w){body}", re.IGNORECASE)
    return _compiled[key]


@reads_with(lambda rule: [_TIME_FRAME] if "timeframe" in rule.params.get("families", ())
            else [])
def quantity(rule, job: Job) -> None:
    """Credit each number with a business unit (money, %, customers, days) or a time frame."""
    families = rule.params.get("families", ["money", "percent", "pp", "count", "duration"])
    seen = 0
    if "timeframe" in families:
        for m in _TIME_FRAME.finditer(job.text.subject):
            job.add(rule, m.start(), m.end(), effect="credit", message=rule.credit_message,
                    points=rule.weight if seen < rule.max_matches else 0)
            seen += 1
        return
    found = [q for q in job.quantities if q.family in families]
    # past the cap, money and rates earn before counts, and counts before durations:
    # "£21,000" says more of the cost than "52 hours" does
    ranked = sorted(range(len(found)), key=lambda i: (_WEIGHT_ORDER.get(found[i].family, 2), i))
    earning = set(ranked[:rule.max_matches])
    for i, q in enumerate(found):
        job.add(rule, q.start, q.end, effect="credit", message=rule.credit_message,
                points=rule.weight if i in earning else 0)


_WEIGHT_ORDER = {"money": 0, "percent": 1, "pp": 1, "share": 1, "ratio": 1, "count": 2,
                 "duration": 3}
"""Which numbers earn first when an answer has more than a rule's cap."""


def metric_link(rule, job: Job) -> None:
    """Credit a number that sits in a sentence naming a business metric."""
    words = rule.params.get("words") or job.lexicon_words(str(rule.params.get("lexicon", "")))
    if not words:
        return
    regex = _words_regex(words)
    seen = 0
    sentence, metric = None, None
    for q in job.quantities:
        if not q.is_business:
            continue
        # the numbers come in order, often several to a sentence: look each sentence up once
        if sentence is None or q.start >= sentence.end:
            sentence = job.text.sentence_at(q.start)
            # a sentence starts after a space, so the look-behind holds there as it would
            # in the sentence alone, and nothing before the sentence can satisfy it
            m = search_in(job.text.subject, regex, sentence.start, sentence.end)
            metric = job.text.clean[m.start():m.end()] if m else None
        if metric is not None:
            job.add(rule, q.start, q.end, effect="credit", message=rule.credit_message,
                    points=rule.weight if seen < rule.max_matches else 0, metric=metric)
            seen += 1


def no_number(rule, job: Job) -> None:
    if job.text.word_count < int(rule.params.get("min_words", 8)):
        return
    if any(q.is_business for q in job.quantities):
        return
    # with a briefing, the example is the incident's own figures, not another industry's
    template = rule.params.get("briefing_suggestion")
    figures = [_figure(f) for f in job.ctx.facts if _figure(f)][:2]
    if template and figures:
        job.add(rule, 0, 0, suggestion=str(template), example=" and ".join(figures))
    else:
        job.add(rule, 0, 0)


def _figure(fact) -> str:
    """A fact said as an answer would: "$210,000 (extra care cost)"; '' for a bare number."""
    if not fact.unit.strip():
        return ""
    return f"{fact_text(fact.value, fact)} ({fact.label})"


def no_agent(rule, job: Job) -> None:
    """No 'I' or 'we' anywhere: nobody in the answer owns or does anything. Not asked of
    figures given to a question that asks only for figures (``figure_questions``, a regex
    the whole question matches): "About 11,000 customers, $640,000" needs nobody to act."""
    cap = int(rule.params.get("credit_max", 0))
    hits = list(islice(finditer_in(job.text.subject, _FIRST_PERSON), max(1, cap)))
    if hits:
        per = float(rule.params.get("credit_points", 0))
        for m in hits[:cap]:
            job.add(rule, m.start(), m.end(), effect="credit", message=rule.credit_message,
                    points=per, kind="ownership")
        return
    if job.text.word_count < int(rule.params.get("min_words", 8)):
        return
    figures_only = rule.params.get("figure_questions")
    if figures_only and job.ctx.question and any(q.is_business for q in job.quantities) \
            and _regex(str(figures_only)).fullmatch(job.ctx.question.strip()):
        return
    job.add(rule, 0, 0)


def absent(rule, job: Job) -> None:
    """Nothing credited by any of the rules in ``of``: report what is missing."""
    of = rule.params.get("of", [])
    if job.text.word_count < int(rule.params.get("min_words", 1)):
        job.add(rule, 0, 0)
        return
    if not job.credits(*of):
        job.add(rule, 0, 0)


def time_answer(job: Job) -> re.Match[str] | None:
    """The time the answer opens with, when the question asks when: "Friday at noon,
    whatever the supplier says." answers "When will I hear from you next?"."""
    if not job.text.sentences or not _ASKS_WHEN.search(job.ctx.question or ""):
        return None
    first = job.text.sentences[0]
    m = search_in(job.text.subject, TIME_EXPRESSION, first.start, first.end)
    return m if m is not None and m.start() - first.start <= 3 else None


def dated_commitment(rule, job: Job) -> None:
    """A promise to report back should carry a time; credit the time, or report its lack."""
    commitments = job.credits(*rule.params.get("of", []))
    if not commitments:
        m = time_answer(job)  # "Friday at noon." is itself the promise
        if m is not None:
            job.add(rule, m.start(), m.end(), effect="credit", message=rule.credit_message,
                    kind="follow_up")
        return
    dated = False
    for c in commitments:
        sentence = job.text.sentence_at(c.start)
        # The promise's time follows it ("I'll call by 5 pm") or opens its sentence ("By
        # Friday you'll have..."); "I switched it off at 8 am and said I'd keep them posted"
        # dates what was done, not the promise.
        m = search_in(job.text.subject, TIME_EXPRESSION, c.start, sentence.end)
        if m is not None and _NOT_ITS_TIME.search(job.text.clean, c.end, m.start()) \
                and not _CLOCK_OR_DAY.match(m.group()) \
                and not _LABEL.fullmatch(job.text.clean, c.end, m.start()):
            # "I'll keep you posted as we learn more: ... tomorrow's packing line", "once
            # we've run a test in ten minutes": the time belongs to what follows
            m = None
        if m is None:
            m = search_in(job.text.subject, TIME_EXPRESSION, sentence.start, c.start)
            if m is not None and (m.start() - sentence.start > 12 or _NEW_CLAUSE.search(
                    job.text.clean, m.end(), c.start)):
                m = None  # "On Tuesday it broke, and I'll keep you posted": not its time
        if m:
            job.add(rule, m.start(), m.end(), effect="credit", message=rule.credit_message,
                    kind="follow_up")
            dated = True
            break
    if not dated:
        m = time_answer(job)
        if m is not None:
            job.add(rule, m.start(), m.end(), effect="credit", message=rule.credit_message,
                    kind="follow_up")
            return
        c = commitments[0]
        job.add(rule, c.start, c.end, points=float(rule.params.get("miss_points", rule.weight)))
