"""Accuracy (quoted numbers against the briefing's facts) and tailoring (the persona's KPIs)."""

from __future__ import annotations

import math
import re

from trainer.content.models.scenario import Fact
from trainer.engine.scoring.quantities import Quantity
from trainer.engine.scoring.state import Job

_UNIT_FAMILY = {
    "$": "money", "usd": "money", "dollars": "money", "€": "money", "eur": "money",
    "£": "money", "%": "percent", "percent": "percent", "pp": "pp",
    "points": "pp", "percentage points": "pp",
}
_DURATION_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30,
                  "quarter": 91, "year": 365}


_SCALED_MONEY = re.compile(
    r"^(?P<cur>[$€£]|usd|eur|gbp)\s?(?P<scale>k|m|mm|bn|b|thousand|million|billion)$"
    r"|^(?P<scale2>k|m|mm|bn|thousand|million|billion)\s?(?P<cur2>[$€£]|usd|eur|gbp|dollars|"
    r"euros|pounds)$")
"""A money unit with its scale: "$M", "£k", "million dollars"."""
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9,
           "bn": 1e9, "billion": 1e9}
_SHORT_SCALE = {1e3: "k", 1e6: "M", 1e9: "bn"}


def fact_family(fact: Fact) -> tuple[str, float]:
    """The quantity family a fact's unit belongs to, and the factor to base units."""
    unit = fact.unit.strip().lower()
    if unit in _UNIT_FAMILY:
        return _UNIT_FAMILY[unit], 1.0
    scaled = _SCALED_MONEY.match(unit)
    if scaled:  # "$M": 0.8 of them is $800,000
        return "money", _SCALES[scaled["scale"] or scaled["scale2"]]
    for name, days in _DURATION_DAYS.items():
        if unit.startswith(name) or unit in (name[0], name[:3]):
            return "duration", days
    return ("count" if unit else "number"), 1.0


def _keywords(fact: Fact) -> list[str]:
    words = fact.keywords or [w for w in re.findall(r"[a-z]{4,}", fact.label.lower())]
    return [w.lower() for w in words]


def fact_text(value: float, fact: Fact) -> str:
    """A fact's value with its unit, as an answer would say it: "$50,000", "5%", "3 days"."""
    v = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    unit = fact.unit
    if unit in ("$", "€", "£"):
        return f"{unit}{v}"
    scaled = _SCALED_MONEY.match(unit.strip().lower())
    if scaled:  # "$0.8M", not "0.8 $M"
        sign = next((c for c in unit if c in "$€£"), "")
        suffix = _SHORT_SCALE[_SCALES[scaled["scale"] or scaled["scale2"]]]
        return f"{sign}{v}{suffix}" if sign else f"{v}{suffix} {unit.split()[-1]}"
    if unit == "%":
        return f"{v}%"
    return f"{v} {unit}".strip()


def fact_check(rule, job: Job) -> None:
    """Each number tied (same unit, a keyword nearby) to a fact must agree with it."""
    facts = job.ctx.facts
    if not facts:
        return
    checked = 0
    stated = _briefing_values(job.ctx.briefing)
    for q in job.quantities:
        if q.value is None or _ROUGH.match(q.text) or _ROUGH_AFTER.match(job.text.lower, q.end):
            continue  # "a few weeks", "$300,000 or so" claim no figure to hold against it
        related = [(f, base) for f, base in _related_facts(q, facts, job)
                   if not _another_quantity(q, f, base)]
        if not related:
            continue
        checked += 1
        per = _PER.match(job.text.lower, q.end)
        match = next((f for f, base in related
                      if _agrees(q, f, base * _period_ratio(per, f))), None)
        if match is None and any(abs(q.value - v) <= 1e-9 * max(1.0, abs(v))
                                 for v in stated.get(_stated_key(q), ())):
            continue  # the briefing states this number somewhere: quoting it is not an error
        if match is not None:
            job.add(rule, q.start, q.end, effect="credit", message=rule.credit_message,
                    points=0, kind="number", label=match.label, fact=fact_text(match.value, match))
        else:
            fact, _base = related[0]
            job.add(rule, q.start, q.end, kind="number", label=fact.label,
                    fact=fact_text(fact.value, fact), said=q.text)
    job.stats["facts_checked"] = checked


_ROUGH = re.compile(r"(?:a few|a couple(?: of)?|several|some|many|a handful of)\b", re.IGNORECASE)
_ROUGH_AFTER = re.compile(r"\s*(?:or so|or thereabouts|give or take)\b")
_PER = re.compile(r"\s*(?:a|an|per|each|every|/)\s*(hour|day|week|month|quarter|year)\b")
"""A rate's period right after the number: "$200,000 a month"."""
_FACT_PER = re.compile(r"\b(?:a|an|per|each|every)\s+(hour|day|week|month|quarter|year)\b"
                       r"|\b(hourly|daily|weekly|monthly|quarterly|yearly|annual)\b")
_ADVERB = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
           "quarterly": "quarter", "yearly": "year", "annual": "year"}


def _period_ratio(per: re.Match[str] | None, fact: Fact) -> float:
    """How many of the fact's periods fit in the answer's: "$200,000 a month" against
    "$50,000 each week" is checked as about 4.3 weeks of it. 1 when either has none."""
    if per is None:
        return 1.0
    found = _FACT_PER.search(f"{fact.label} {fact.unit}".lower())
    if found is None:
        return 1.0
    theirs = found.group(1) or _ADVERB[found.group(2)]
    return _DURATION_DAYS[per.group(1)] / _DURATION_DAYS[theirs]


_NEAR = 60
"""Characters either side of a number in which a fact's keyword ties the two together."""


def _briefing_values(briefing: str) -> dict[str, set[float]]:
    """Every quantity the briefing itself states, by unit family (cached per briefing)."""
    if not briefing:
        return {}
    cached = _BRIEFING_CACHE.get(briefing)
    if cached is None:
        from trainer.engine.scoring.quantities import find_quantities

        cached = {}
        for q in find_quantities(briefing.replace("**", "")):
            if q.value is not None:
                cached.setdefault(_stated_key(q), set()).add(q.value)
        if len(_BRIEFING_CACHE) > 64:
            _BRIEFING_CACHE.clear()
        _BRIEFING_CACHE[briefing] = cached
    return cached


_BRIEFING_CACHE: dict[str, dict[str, set[float]]] = {}


def _stated_key(q: Quantity) -> str:
    """How a stated number is filed: by family, and a duration by its unit too, since
    "72 hours" is not stated by a briefing that says "3 days" of something else."""
    if q.family != "duration":
        return q.family
    unit = re.search(r"[a-z]+$", q.text.lower())
    return f"duration:{unit.group().rstrip('s') if unit else ''}"


def _related_facts(q: Quantity, facts: list[Fact], job: Job) -> list[tuple[Fact, float]]:
    sentence_span = job.text.sentence_at(q.start)
    lo = max(q.start - _NEAR, sentence_span.start)
    hi = min(q.end + _NEAR, sentence_span.end)
    sentence = job.text.lower[lo:hi]
    at = q.start - lo
    found = []
    for fact in facts:
        family, base = fact_family(fact)
        if family != q.family:
            continue
        # a keyword that is the number's own unit ("3 weeks" and a fact keyed on "weeks")
        # ties it to nothing
        near = [_distance(sentence, at, m.start()) for k in _keywords(fact)
                for m in re.finditer(rf"\b{re.escape(k)}", sentence)
                if not at <= m.start() < at + (q.end - q.start)]
        if near:
            target = abs(fact.value * base) or 1.0
            # a keyword close by, in the same clause, and a value of the same size tie the
            # number to a fact: "we hold $2.5M of excess stock" is about the $1.8M of
            # excess stock, not the $90,000 it costs to hold it
            off = abs(math.log10(max(abs(q.value or 0.0), 1e-9) / target))
            found.append((min(near) + 30 * off, fact, base))
    found.sort(key=lambda hit: hit[0])
    return [(fact, base) for _, fact, base in found]


_CLAUSE_BREAK = re.compile(r"[;:]|, (?:so|but|and|while)\b|\.\s")


def _distance(text: str, a: int, b: int) -> float:
    """Characters between a number and a keyword, plus 40 when a clause ends between them
    ("showed $14M; the true figure is ..." ties $14M to what was shown)."""
    lo, hi = min(a, b), max(a, b)
    return hi - lo + (40 if _CLAUSE_BREAK.search(text, lo, hi) else 0)


def _another_quantity(q: Quantity, fact: Fact, base: float) -> bool:
    """Whether a count or an amount is so far from the fact (a hundredfold or more) that it
    counts something else: "two people on it" beside "4,000 people affected" is the team,
    not a misremembered 4,000. A rate is always held to the fact: 0.5% for 50% is a slip."""
    if q.family == "percent" or not q.value or not fact.value:
        return False
    ratio = abs(q.value) / abs(fact.value * base)
    return ratio >= 100 or ratio <= 1 / 100


def _agrees(q: Quantity, fact: Fact, base: float) -> bool:
    target = fact.value * base
    value = abs(q.value or 0.0) if fact.value >= 0 else (q.value or 0.0)
    if target == 0:
        return value == 0
    tolerance = max(fact.tolerance, 0.0)
    return abs(value - target) <= abs(target) * tolerance + 1e-9


def kpi(rule, job: Job) -> None:
    """Credit the first word of each priority the persona cares about; report when none."""
    persona = job.ctx.persona
    if persona is None:
        return
    touched = 0
    low = job.text.lower
    for priority in persona.cares_about:
        hit = None
        for word in priority.words:
            w = word.lower()
            if w in ("$", "€", "£"):
                q = next((q for q in job.quantities if q.family == "money"), None)
                if q:
                    hit = (q.start, q.end)
                    break
                continue
            m = re.search(rf"(?<!\w){re.escape(w)}", low)
            if m:
                end = m.end()
                while end < len(low) and low[end].isalpha():
                    end += 1
                hit = (m.start(), end)
                break
        if hit:
            touched += 1
            job.add(rule, hit[0], hit[1], effect="credit", message=rule.credit_message,
                    points=rule.weight if touched <= rule.max_matches else 0, kind="kpi",
                    kpi=priority.kpi)
    if touched == 0 and job.text.word_count:
        kpis = ", ".join(p.kpi.replace("_", " ").replace("-", " ") for p in persona.cares_about)
        job.add(rule, 0, 0, kpis=kpis, name=persona.name,
                points=float(rule.params.get("miss_points", rule.weight)))
