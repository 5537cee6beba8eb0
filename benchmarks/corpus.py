"""A deterministic corpus of varied answers for the scoring benchmark.

Answers are composed from sentence banks across many domains, so the scorer
meets every kind of text it handles in real use: numbers and money, vague
magnitudes, hedges and calibrated odds, blame and ownership, explained and
unexplained jargon, fillers, apologies, plans, follow-ups and STAR+L parts.
The same seed always gives the same corpus.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# Each domain fills the {slots} of the sentence templates below.
DOMAINS: list[dict[str, str]] = [
    {"system": "churn model", "metric": "retention", "thing": "customers",
     "cause": "the new pricing plans changed how customers behave",
     "fix": "retrain the model on the last 90 days", "team": "the data team"},
    {"system": "payment gateway", "metric": "checkout conversion", "thing": "checkouts",
     "cause": "a certificate expired on the gateway connection",
     "fix": "renew certificates automatically", "team": "the platform team"},
    {"system": "fraud model", "metric": "approved orders", "thing": "good orders",
     "cause": "a threshold change made the model block good customers",
     "fix": "restore last month's threshold", "team": "the risk team"},
    {"system": "demand forecast", "metric": "in-stock rate", "thing": "stores",
     "cause": "the weather data we added was a week out of date",
     "fix": "place an expedited order and fix the weather input", "team": "the vendor"},
    {"system": "pricing model", "metric": "gross margin", "thing": "products",
     "cause": "we loaded last year's currency table",
     "fix": "check the table's date on every release", "team": "finance"},
    {"system": "search service", "metric": "search conversion", "thing": "searches",
     "cause": "a new spelling step runs on every query",
     "fix": "switch the spelling step off tonight", "team": "the search team"},
    {"system": "billing job", "metric": "renewal revenue", "thing": "annual customers",
     "cause": "the renewal job ran twice for annual plans",
     "fix": "pause the job and refund every duplicate charge", "team": "QA"},
    {"system": "board dashboard", "metric": "reported revenue", "thing": "regions",
     "cause": "the nightly load skipped refund rows it could not read",
     "fix": "re-load 30 days of refunds and reconcile with finance", "team": "finance"},
    {"system": "recommendation system", "metric": "repeat purchases", "thing": "shoppers",
     "cause": "it favours trending products over regular reorders",
     "fix": "send half of traffic back to the old system", "team": "marketing"},
    {"system": "triage model", "metric": "callback times", "thing": "patients",
     "cause": "messages from the new clinics use different words for chest pain",
     "fix": "send every chest-pain message to the top of the queue", "team": "the clinics"},
    {"system": "attribution report", "metric": "cost per new customer", "thing": "campaigns",
     "cause": "app purchases were counted twice for paid social",
     "fix": "remove the double counting and freeze budget moves", "team": "the agency"},
    {"system": "email tool", "metric": "sender reputation", "thing": "subscribers",
     "cause": "the full list was picked instead of the filtered one",
     "fix": "require a second approver for large sends", "team": "the intern"},
    {"system": "secrets handling", "metric": "customer trust", "thing": "accounts",
     "cause": "a live key was pushed to a public repository",
     "fix": "revoke the key and block commits that contain keys", "team": "security"},
    {"system": "delivery-time model", "metric": "on-time delivery", "thing": "orders",
     "cause": "it still used traffic data from before the bridge closure",
     "fix": "add the detour to the model's inputs", "team": "operations"},
    {"system": "credit model", "metric": "loan approvals", "thing": "applicants",
     "cause": "monthly income was read as yearly income",
     "fix": "fix the conversion and re-invite declined applicants", "team": "the form team"},
]

QUESTIONS = {
    "incident": [
        "What happened?", "What caused this? And what are we doing about it?",
        "What's your recommendation?", "What's the risk if we don't address this?",
        "How did this happen? Why wasn't it caught earlier?",
        "What's the likelihood of this happening again?", "What does this cost us?",
        "Keep me updated.",
    ],
    "interview": [
        "Describe a high-stakes decision you made that turned out wrong.",
        "Describe a major risk or crisis that emerged mid-project and how you responded.",
        "How do you run post-mortems to prevent repeat mistakes?",
        "How do you sustain team morale and productivity under heavy pressure?",
        "Tell me about a time you made a mistake that affected customers.",
    ],
}

# Sentence banks by kind. {n}, {pct}, {money}, {day}, {time}, {weeks} are numbers.
BANKS: dict[str, list[str]] = {
    "lead": [
        "Our {system} has been wrong since {day}, and it is hurting {metric}.",
        "I need to flag a problem with the {system} that affects {metric}.",
        "The {system} failed for {n} minutes this morning.",
        "Bottom line: {metric} is down {pct}% because of the {system}.",
        "Since {day}, the {system} has affected about {n} {thing}.",
    ],
    "impact": [
        "That is roughly {money} in revenue so far.",
        "About {n} {thing} were affected, {pct}% of the total.",
        "{metric} fell from {pct}% to {pct2}% in {weeks} weeks.",
        "We estimate {money} this week if nothing changes.",
        "Only {pct}% of {thing} were affected, but that is about {money}.",
        "Support took about {n} extra calls about it.",
    ],
    "vague_impact": [
        "It had a significant impact on {metric}.",
        "A lot of {thing} were affected, and the cost is huge.",
        "This is a big deal for {metric}, and it could get much worse.",
        "The numbers are substantially down across the board.",
    ],
    "cause": [
        "The cause is that {cause}.",
        "The root cause appears to be that {cause}.",
        "We traced it to one change: {cause}.",
        "It happened because {cause}, and nothing checked for that.",
    ],
    "ownership": [
        "I own this, and I approved the change.",
        "That was my call, and it was the wrong one.",
        "My team owns that step, and we missed it.",
        "Our pipeline had no check for this, which is our miss.",
    ],
    "blame": [
        "Honestly, {team} didn't tell us about the change.",
        "It wasn't our fault; {team} should have caught it.",
        "Mistakes were made, and the model was deployed without a review.",
        "If {team} had followed the process, this would never have happened.",
    ],
    "hedge": [
        "I think it might maybe be related, sort of.",
        "Hopefully it will be fine, I guess.",
        "It's kind of hard to say, to be honest.",
        "I feel like we could perhaps look at it more.",
    ],
    "calibrated": [
        "I'm about {pct}% sure of the cause, and I'll confirm it by {time}.",
        "We don't know yet; the logs cover {pct}% of requests and show nothing.",
        "I'd put the chance of a repeat this year at under 10%.",
    ],
    "apology": [
        "I'm so sorry, this is all my fault and I feel terrible.",
        "I'm really sorry, I should have caught it, I don't know how I missed it.",
    ],
    "alarm": [
        "Frankly it's a disaster and could be catastrophic for us.",
        "This is a nightmare, a total crisis.",
    ],
    "jargon": [
        "PSI on the top features is above 0.25 and the KS test confirms covariate shift.",
        "AUC fell from 0.81 to 0.72 and the p99 latency doubled after the canary.",
        "We'll backfill the feature store and pin the encoder version.",
        "The A/B test used CUPED with an MDE of 0.25% and an SRM check.",
        "NDCG improved offline but CTR regressed once the schema changed.",
        "Idempotency keys weren't honoured on retry, so we got duplicate captures.",
    ],
    "explained": [
        "The model is drifting, meaning the data it sees now differs from its training data.",
        "Latency, the time a request takes, went from 0.8 to 2.4 seconds.",
        "We'll run an A/B test: half of customers see each version, picked at random.",
        "False positives, good customers flagged as fraud, went from 1 in 500 to 1 in 60.",
    ],
    "solution": [
        "We rolled back to last week's version at {time}.",
        "Next, we {fix}, which takes {weeks} weeks and two engineers.",
        "I recommend we {fix} and add an alert on {metric}.",
        "There are three options; I recommend the second because it is fastest.",
        "We'll hold a post-incident review on Thursday and add monitoring.",
    ],
    "follow_up": [
        "I'll send you a written update by {time} on Friday.",
        "I'll report back at tomorrow's leadership meeting at {time}.",
        "I'll keep you posted.",
        "You'll have the full report by Wednesday noon.",
    ],
    "filler": [
        "So, basically, you know, it's like a thing with the data.",
        "Um, actually, literally everything was sort of fine before.",
    ],
    "star_situation": [
        "Last year I led the {system} at a retailer, and {metric} was the goal.",
        "Midway through a launch, {metric} dropped {pct}% within two hours.",
    ],
    "star_task": [
        "My task was to stop the damage and protect the quarter's target.",
        "I had to decide whether to launch everywhere or run a longer test.",
    ],
    "star_action": [
        "I switched back to the old version within {n} minutes and told the leadership team.",
        "I put two engineers on the cause and sent stakeholders an update every evening.",
        "I scored the remaining work by impact and effort and deferred the rest.",
    ],
    "star_result": [
        "As a result, {metric} recovered within {weeks} weeks, worth about {money} a year.",
        "We launched on time and waste fell {pct}% in the first quarter.",
    ],
    "star_learning": [
        "What I learned is to decide up front which result would stop a launch.",
        "The lesson: check data quality in the first two weeks, not at the end.",
    ],
}

# How often each kind is drawn, per track (weights, not probabilities).
MIX = {
    "incident": {"impact": 5, "vague_impact": 2, "cause": 4, "ownership": 2, "blame": 2,
                 "hedge": 2, "calibrated": 2, "apology": 1, "alarm": 1, "jargon": 3,
                 "explained": 2, "solution": 5, "follow_up": 2, "filler": 1},
    "interview": {"star_situation": 3, "star_task": 2, "star_action": 5, "star_result": 3,
                  "star_learning": 2, "impact": 2, "vague_impact": 1, "ownership": 2,
                  "blame": 1, "hedge": 1, "jargon": 2, "explained": 2, "solution": 2,
                  "filler": 1},
}

_WORD = re.compile(r"\S+")

DAYS = ["Monday", "Tuesday", "the 3rd", "last Thursday", "March 3"]
TIMES = ["9 am", "10:40", "3 pm", "5 pm", "noon"]


@dataclass(frozen=True)
class Sample:
    """One benchmark answer with the context it is scored in."""

    id: str
    track: str
    question: str
    answer: str

    @property
    def words(self) -> int:
        return len(self.answer.split())


def _fill(template: str, domain: dict[str, str], rng: random.Random) -> str:
    pct = rng.choice([2, 5, 6, 9, 12, 15, 18, 30, 35, 80])
    values = dict(domain)
    values.update(
        n=rng.choice([37, 140, 600, 900, 2300, 3800, 8400, 52000]),
        pct=pct, pct2=max(1, pct - rng.randint(1, 4)),
        money=rng.choice(["$50,000", "$180,000", "$1.2 million", "$2.1M", "€340,000",
                          "$95,000", "$6 million"]),
        day=rng.choice(DAYS), time=rng.choice(TIMES), weeks=rng.randint(1, 6),
    )
    sentence = template.format(**values)
    return sentence[0].upper() + sentence[1:]


def make_answer(rng: random.Random, track: str, target_words: int) -> str:
    """Compose one answer of about ``target_words`` words (never more)."""
    domain = rng.choice(DOMAINS)
    kinds, weights = list(MIX[track]), list(MIX[track].values())
    first = "star_situation" if track == "interview" else "lead"
    sentences = [_fill(rng.choice(BANKS[first]), domain, rng)]
    words = len(sentences[0].split())
    while words < target_words:
        kind = rng.choices(kinds, weights)[0]
        sentence = _fill(rng.choice(BANKS[kind]), domain, rng)
        sentences.append(sentence)
        words += len(sentence.split())
    # Interview answers come in paragraphs now and then, like typed text does.
    if track == "interview" and rng.random() < 0.3:
        text = _paragraphs(sentences, rng)
    else:
        text = " ".join(sentences)
    return _cut(text, target_words)


def _cut(text: str, max_words: int) -> str:
    """The text up to its ``max_words``-th word, whitespace kept."""
    for i, m in enumerate(_WORD.finditer(text), 1):
        if i == max_words:
            return text[:m.end()]
    return text


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    out: list[str] = []
    for s in sentences:
        out.append(s)
        out.append("\n\n" if rng.random() < 0.25 else " ")
    return "".join(out).strip()


def make_corpus(n: int = 2000, seed: int = 7, min_words: int = 30,
                max_words: int = 300) -> list[Sample]:
    """``n`` answers of ``min_words`` to ``max_words`` words, the same for the same seed."""
    rng = random.Random(seed)
    corpus = []
    for i in range(n):
        track = "interview" if rng.random() < 0.35 else "incident"
        low = max(min_words, 100) if track == "interview" else min_words
        target = rng.randint(low, max_words)
        answer = make_answer(rng, track, target)
        corpus.append(Sample(f"bench-{i:05d}", track, rng.choice(QUESTIONS[track]), answer))
    return corpus


def long_text(chars: int, seed: int = 11) -> str:
    """A plausible answer of exactly ``chars`` characters, for the linearity check."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        piece = make_answer(rng, "incident", 120)
        parts.append(piece)
        size += len(piece) + 1
    return " ".join(parts)[:chars]
